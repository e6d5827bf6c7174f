package io.paperfeed.app.fuzz;

import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code paperfeed fuzz}: hostile input that must change nothing. Every parser is fed generated and
 * mutated feed files ({@link ParserFuzz}); with {@code --target}, every HTTP endpoint of a running
 * paperfeed process on loopback is sent hostile requests ({@link HttpFuzz}). Prints one line per
 * target and exits 1 when anything failed: an uncaught exception, an input over the time limit, an
 * invalid item without a reason, a 5xx other than 503, or a bug counted by the process.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Feed every parser mutated and generated inputs, and (with --target) every HTTP endpoint of a "
                + "running paperfeed on 127.0.0.1 hostile requests; report per target, exit 1 on any failure."})
public final class FuzzCommand implements Callable<Integer> {

    @Option(names = "--parser-inputs", paramLabel = "N", defaultValue = "1000000",
            description = "Inputs per parser (each format forced, and detection; default ${DEFAULT-VALUE}; 0 skips).")
    long parserInputs;

    @Option(names = "--http-inputs", paramLabel = "N", defaultValue = "0",
            description = "Hostile requests per HTTP endpoint, with --target (default ${DEFAULT-VALUE}).")
    long httpInputs;

    @Option(names = "--target", paramLabel = "URL",
            description = "A running paperfeed (demo or consumer) on loopback, e.g. http://127.0.0.1:8080.")
    URI target;

    @Option(names = "--api-token", paramLabel = "TOKEN", description = "Its API token (env PAPERFEED_API_TOKEN).")
    String apiToken;

    @Option(names = "--corpus", paramLabel = "PATH", split = ",",
            defaultValue = "seeds,producer/src/test/resources",
            description = "Feed files to mutate (default ${DEFAULT-VALUE}).")
    List<Path> corpus;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--limit-ms", defaultValue = "2000",
            description = "Time one parser input may take (default ${DEFAULT-VALUE}).")
    long limitMillis;

    @Option(names = "--connections", defaultValue = "16", description = "HTTP connections (default ${DEFAULT-VALUE}).")
    int connections;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // every hostile input is reported by the parsers at WARN; the tallies say what they saw
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.paperfeed.producer"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        List<FuzzTally> tallies = new ArrayList<>();
        long start = System.nanoTime();
        if (parserInputs > 0) {
            List<byte[]> files = ParserFuzz.corpus(corpus);
            out.printf("parsers: %,d inputs each from a corpus of %d files (seed %d)%n", parserInputs, files.size(), seed);
            out.flush();
            for (FuzzTally tally : new ParserFuzz(files, limitMillis).run(parserInputs, seed)) {
                print(out, tally);
                tallies.add(tally);
            }
        }
        if (target != null && httpInputs > 0) {
            if (!target.getHost().equals("127.0.0.1") && !target.getHost().equals("localhost")) {
                throw new io.paperfeed.app.cli.UserError("--target must be on loopback (127.0.0.1)");
            }
            List<String> topics = Taxonomy.defaults().topics().stream().map(TopicDefinition::id).toList();
            out.printf("http: %,d hostile requests to each of %d endpoints of %s over %d connections%n", httpInputs,
                    HostileRequests.endpoints().size(), target, connections);
            out.flush();
            String token = apiToken != null ? apiToken : System.getenv().getOrDefault("PAPERFEED_API_TOKEN", "none");
            for (FuzzTally tally : new HttpFuzz(target, token, topics, connections).run(httpInputs, seed)) {
                print(out, tally);
                tallies.add(tally);
            }
        }
        long inputs = tallies.stream().mapToLong(FuzzTally::inputs).sum();
        long failed = tallies.stream().mapToLong(FuzzTally::failed).sum();
        out.printf("fuzz: %,d inputs in %d s, %d failures%n", inputs, (System.nanoTime() - start) / 1_000_000_000L, failed);
        return failed == 0 ? 0 : 1;
    }

    private static void print(PrintWriter out, FuzzTally tally) {
        out.println(tally.line());
        tally.failures().forEach(f -> out.println("  FAILED " + f));
        tally.notes().forEach(n -> out.println("  note: " + n));
        out.flush();
    }
}
