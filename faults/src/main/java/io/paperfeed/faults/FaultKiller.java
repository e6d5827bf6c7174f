package io.paperfeed.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The killer: SIGKILLs services of a fault run at random moments and restarts them, {@code --kills} times.
 * After the first restart it waits for a rebalance (a surviving instance's {@code /health} saying
 * REBALANCING, as the restarted one rejoins) and kills an instance while it lasts. Each kill is a line of
 * {@code kills.jsonl}; {@code killer.json} says how many there were when it is done.
 *
 * <pre>FaultKiller --dir WORK --services a,b,c --kills N [--min-gap-ms MS] [--max-gap-ms MS] [--seed S]
 *             [--restart-delay-ms MS] [--rebalance-kill false]</pre>
 */
public final class FaultKiller {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultKiller() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Services services = new Services(Path.of(a.get("dir")));
        List<String> names = List.of(a.get("services").split(","));
        int kills = Integer.parseInt(a.getOrDefault("kills", "3"));
        long minGap = Long.parseLong(a.getOrDefault("min-gap-ms", "4000"));
        long maxGap = Long.parseLong(a.getOrDefault("max-gap-ms", "12000"));
        long restartDelay = Long.parseLong(a.getOrDefault("restart-delay-ms", "500"));
        Random random = new Random(Long.parseLong(a.getOrDefault("seed", "7")));
        boolean rebalanceKill = Boolean.parseBoolean(a.getOrDefault("rebalance-kill", "true"));
        Path log = services.dir().resolve("kills.jsonl");

        int done = 0;
        int duringRebalance = 0;
        while (done < kills) {
            Thread.sleep(minGap + (long) (random.nextDouble() * (maxGap - minGap)));
            String victim = names.get(random.nextInt(names.size()));
            if (!services.kill(victim)) {
                continue; // not up (yet): choose again
            }
            done++;
            record(log, victim, false, "");
            Thread.sleep(restartDelay);
            services.restart(victim);
            System.out.println("fault killer: killed and restarted " + victim + " (" + done + "/" + kills + ")");
            if (rebalanceKill && duringRebalance == 0 && done < kills && names.size() > 1) {
                String rebalancing = awaitRebalance(services, names, victim, 60_000);
                if (rebalancing != null) {
                    List<String> others = new ArrayList<>(names);
                    String second = others.get(random.nextInt(others.size()));
                    if (services.kill(second)) {
                        done++;
                        duringRebalance++;
                        record(log, second, true, rebalancing);
                        Thread.sleep(restartDelay);
                        services.restart(second);
                        System.out.println("fault killer: killed " + second + " while " + rebalancing
                                + " was rebalancing (" + done + "/" + kills + ")");
                    }
                }
            }
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("kills", done);
        summary.put("duringRebalance", duringRebalance);
        Files.writeString(services.dir().resolve("killer.json"), summary.toString());
        System.out.println("fault killer: " + done + " kills, " + duringRebalance + " during a rebalance");
    }

    /** The first instance (other than the one just restarted, which is still starting) seen REBALANCING. */
    private static String awaitRebalance(Services services, List<String> names, String restarted, long timeoutMs)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            for (String name : names) {
                if (!name.equals(restarted) && services.health(name).map(h -> h.contains("REBALANCING")).orElse(false)) {
                    return name;
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static void record(Path log, String service, boolean duringRebalance, String rebalancing)
            throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("service", service);
        line.put("at", System.currentTimeMillis());
        line.put("duringRebalance", duringRebalance);
        line.put("rebalancing", rebalancing);
        Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
