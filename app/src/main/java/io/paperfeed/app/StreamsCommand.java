package io.paperfeed.app;

import io.paperfeed.app.cli.ConfigOption;
import io.paperfeed.app.cli.DigestOptions;
import io.paperfeed.app.cli.EmbeddingModeConverter;
import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.app.cli.KafkaOptions;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.services.ServiceContext;
import io.paperfeed.app.services.StreamsRole;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.streams.StreamsSettings;
import io.paperfeed.streams.meaning.EmbeddingMode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperfeed streams}: runs the Kafka Streams topology against an external Kafka. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the Kafka Streams app (dedup, classification, alerts) until stopped.")
final class StreamsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    HttpOptions http;

    @Mixin
    ConfigOption config;

    @Option(names = "--application-id", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id (env PAPERFEED_APPLICATION_ID; default ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${java.io.tmpdir}/paperfeed-state",
            description = "Where the state stores live (env PAPERFEED_STATE_DIR; default ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--threads", defaultValue = "" + StreamsSettings.DEFAULT_STREAM_THREADS,
            description = "Stream threads: one for each step's task on one partition (decode, dedup, classify and match,"
                    + " alert), so no step waits behind another's batch (env PAPERFEED_THREADS; default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--standby-replicas", paramLabel = "N", defaultValue = "0",
            description = "Warm copies of each state store on other instances, for fast fail-over "
                    + "(env PAPERFEED_STANDBY_REPLICAS; default ${DEFAULT-VALUE}).")
    int standbyReplicas;

    @Option(names = "--dedup-band-horizon-days", paramLabel = "DAYS", defaultValue = "730",
            description = "Near-duplicate text is looked for among papers seen in this many days; older papers are"
                    + " still found by arXiv id, DOI, title or exact text (env PAPERFEED_DEDUP_BAND_HORIZON_DAYS;"
                    + " 0 keeps them for ever; default ${DEFAULT-VALUE}).")
    int bandHorizonDays;

    @Option(names = "--topics", paramLabel = "FILE",
            description = "Taxonomy YAML replacing the default one (env PAPERFEED_TOPICS; format of seeds/topics.yaml).")
    Path topicsFile;

    @Option(names = "--embeddings", paramLabel = "WHEN", defaultValue = "needed", converter = EmbeddingModeConverter.class,
            description = "When papers are embedded: always, needed (some subscription has a like profile, or the "
                    + "paper has no topic or no arXiv category) or off (env PAPERFEED_EMBEDDINGS; default ${DEFAULT-VALUE}).")
    EmbeddingMode embeddings;

    @Option(names = "--match-shards", paramLabel = "N", defaultValue = "0",
            description = "Shard the subscriptions over N match tasks, each instance holding only its tasks' share "
                    + "(for more subscriptions than one heap holds; every paper is then matched once per shard); 0 "
                    + "matches every subscription on every instance. Fixed once the app has state "
                    + "(env PAPERFEED_MATCH_SHARDS; default ${DEFAULT-VALUE}).")
    int matchShards;

    @Mixin
    DigestOptions digests;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaClients clients = kafka.clients();
            StreamsSettings settings = new StreamsSettings(clients, applicationId, stateDir, threads,
                    StreamsSettings.DEFAULT_ALL_PAPERS_SUBSCRIPTION, topicsFile, standbyReplicas,
                    bandHorizonDays == 0 ? null : java.time.Duration.ofDays(bandHorizonDays), digests.settings(),
                    embeddings, matchShards);
            ServiceContext context = ServiceContext.open("streams", lifecycle, clients, http, settings.taxonomy(),
                    System.out);
            context.startHttp();
            StreamsRole.start(context, settings);
            lifecycle.awaitShutdown();
            return lifecycle.exitCode("streams");
        }
    }
}
