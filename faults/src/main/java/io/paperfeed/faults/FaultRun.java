package io.paperfeed.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The harness of a fault run: it starts a broker ({@code paperfeed broker}, 3 partitions per topic), the
 * webhook receivers, three streams instances and two consumers (webhook workers) from the packaged jar, each
 * a JVM of its own; then the driver, a killer of streams instances and a killer of consumers, all programs of
 * their own; waits until the driver and the killers are done and the streams app has caught up
 * ({@code paperfeed export}); runs the verifier and returns its exit code, its figures on stdout.
 *
 * <pre>FaultRun --jar app/target/paperfeed.jar --seeds seeds --dir WORK [--papers 150] [--rounds 6]
 *          [--stream-kills 5] [--consumer-kills 3] [--error-s 60] [--hang-s 30] [--down-s 30] [--seed 1]
 *          [--match-shards 0]</pre>
 *
 * The run in {@code ./mvnw verify} (FaultInjectionIT) is a short one; docs/GUARANTEES.md gives the long one.
 */
public final class FaultRun {

    static final List<String> STREAMS = List.of("streams-1", "streams-2", "streams-3");
    static final List<String> CONSUMERS = List.of("consumer-1", "consumer-2");
    static final List<String> WEBHOOKS = List.of("wh-ok", "wh-hang", "wh-500", "wh-down");

    private FaultRun() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(Args.parse(args)));
    }

    /** Runs the whole thing; 0 when the verifier found every promise kept. */
    public static int run(Map<String, String> a) throws Exception {
        Path dir = Files.createDirectories(Path.of(a.get("dir")).toAbsolutePath());
        Path jar = Path.of(a.get("jar")).toAbsolutePath();
        String seed = a.getOrDefault("seed", "1");
        String matchShards = a.getOrDefault("match-shards", "0");
        Services services = new Services(dir);
        Thread cleanUp = new Thread(() -> {
            try {
                services.stopAll(); // a harness that is itself stopped leaves no process behind
            } catch (IOException e) {
                System.err.println("fault run: could not stop every service: " + e);
            }
        });
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            int kafkaPort = freePort();
            String bootstrap = "127.0.0.1:" + kafkaPort;
            services.start("broker", Services.jar(jar, "broker", "--port", Integer.toString(kafkaPort),
                    "--partitions", "3", "--data-dir", dir.resolve("kafka").toString()));
            awaitLine(services, "broker", "paperfeed broker: Kafka at", 120);

            int[] ports = {freePort(), freePort(), freePort(), freePort()};
            Path subscriptions = dir.resolve("subscriptions.yaml");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < WEBHOOKS.size(); i++) {
                lines.add("- {id: " + WEBHOOKS.get(i) + ", query: 'abstract:we', delivery: [{type: webhook, url: "
                        + "'http://127.0.0.1:" + ports[i] + "/hook', secret: 'whsec_ZmF1bHQtcnVuLXNlY3JldA=='}]}");
            }
            Files.write(subscriptions, lines);
            Path keys = secretsKeyFile(dir);
            runToEnd(services, "subscriptions", Services.jar(jar, "subscriptions", "apply", "--bootstrap-servers",
                    bootstrap, "--secrets-key-file", keys.toString(), subscriptions.toString()), 120);

            for (int i = 0; i < STREAMS.size(); i++) {
                services.start(STREAMS.get(i), Services.jar(jar, "streams", "--bootstrap-servers", bootstrap,
                        "--port", "0", "--threads", "1", "--state-dir", dir.resolve("state-" + (i + 1)).toString(),
                        "--match-shards", matchShards));
            }
            for (String consumer : CONSUMERS) {
                services.start(consumer, Services.jar(jar, "consumer", "--bootstrap-servers", bootstrap, "--port", "0",
                        "--secrets-key-file", keys.toString(),
                        "--allow-loopback-webhooks", "--webhook-request-timeout", "2",
                        "--webhook-retry-delays", "1s,2s,3s,5s,8s,10s,15s,20s,30s,30s"));
            }
            for (String streams : STREAMS) {
                awaitLine(services, streams, "paperfeed streams: metrics at", 180);
            }

            services.start("receivers", Services.main(Receivers.class, "--dir", dir.toString(), "--receivers",
                    "ok:" + ports[0] + ":ok:0,hang:" + ports[1] + ":hang:" + a.getOrDefault("hang-s", "30")
                            + ",error500:" + ports[2] + ":error500:" + a.getOrDefault("error-s", "60")
                            + ",down:" + ports[3] + ":down:" + a.getOrDefault("down-s", "30")));
            Process driver = services.start("driver", Services.main(FaultDriver.class, "--bootstrap", bootstrap,
                    "--jar", jar.toString(), "--dir", dir.toString(), "--seeds", a.get("seeds"),
                    "--papers", a.getOrDefault("papers", "150"), "--rounds", a.getOrDefault("rounds", "6"),
                    "--pause-ms", a.getOrDefault("pause-ms", "4000"), "--seed", seed, "--match-shards", matchShards));
            Process streamsKiller = services.start("killer-streams", Services.main(FaultKiller.class, "--dir",
                    dir.toString(), "--services", String.join(",", STREAMS), "--kills",
                    a.getOrDefault("stream-kills", "5"), "--min-gap-ms", "3000", "--max-gap-ms", "9000", "--seed", seed));
            linkConsumerServices(dir);
            Process consumerKiller = services.start("killer-consumers", Services.main(FaultKiller.class, "--dir",
                    dir.resolve("consumer-kills").toString(), "--services", String.join(",", CONSUMERS), "--kills",
                    a.getOrDefault("consumer-kills", "3"), "--min-gap-ms", "4000", "--max-gap-ms", "10000",
                    "--seed", seed, "--rebalance-kill", "false"));
            for (Process p : List.of(driver, streamsKiller, consumerKiller)) {
                if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("a fault program failed; see " + dir.resolve("logs"));
                }
            }
            for (String service : concat(STREAMS, CONSUMERS)) {
                if (services.process(service).isEmpty()) {
                    throw new IllegalStateException(service + " is not running: a service stopped on its own; see "
                            + services.log(service));
                }
            }
            runToEnd(services, "export", Services.jar(jar, "export", "--bootstrap-servers", bootstrap, "--out",
                    dir.resolve("export").toString(), "--timeout", "600"), 660);
            Process verifier = services.start("verifier", Services.main(FaultVerifier.class, "--bootstrap", bootstrap,
                    "--dir", dir.toString(), "--webhooks", String.join(",", WEBHOOKS), "--wait-s",
                    a.getOrDefault("webhook-wait-s", "300")));
            verifier.waitFor(20, TimeUnit.MINUTES);
            Files.readAllLines(services.log("verifier")).forEach(System.out::println);
            return verifier.exitValue();
        } finally {
            services.stopAll();
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        }
    }

    /** A key that seals the webhook secrets on the subscriptions topic, shared by the publisher and the consumers. */
    private static Path secretsKeyFile(Path dir) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path file = dir.resolve("secrets.keys");
        Files.writeString(file, "fault-run:" + Base64.getEncoder().encodeToString(key) + "\n");
        return file;
    }

    /** The consumer killer works in a directory of its own (its own kill log) over the same services. */
    private static void linkConsumerServices(Path dir) throws IOException {
        Path own = Files.createDirectories(dir.resolve("consumer-kills"));
        Path services = own.resolve("services");
        Path logs = own.resolve("logs");
        if (!Files.exists(services)) {
            Files.createSymbolicLink(services, dir.resolve("services"));
        }
        if (!Files.exists(logs)) {
            Files.createSymbolicLink(logs, dir.resolve("logs"));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void runToEnd(Services services, String name, List<String> command, long timeoutS)
            throws IOException, InterruptedException {
        Process p = services.start(name, command);
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(name + " failed; see " + services.log(name));
        }
    }

    private static void awaitLine(Services services, String name, String text, long timeoutS)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutS * 1000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(services.log(name)) && Files.readString(services.log(name)).contains(text)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not print '" + text + "' within " + timeoutS + " s; see "
                + services.log(name));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
