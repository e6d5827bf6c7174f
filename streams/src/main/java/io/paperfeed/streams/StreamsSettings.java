package io.paperfeed.streams;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.streams.alerts.DigestWindows;
import io.paperfeed.streams.dedup.DedupSettings;
import io.paperfeed.streams.errors.DeadLetterHandlers;
import io.paperfeed.streams.meaning.EmbeddingMode;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the streams app, read once and validated.
 *
 * @param applicationId     Kafka Streams application id (consumer group, prefix of internal topics)
 * @param stateDir          where RocksDB state lives
 * @param allPapersSubscription when non-null, a built-in subscription of this id that every new paper
 *                          alerts (the walking skeleton's stand-in for real subscriptions)
 * @param topicsFile        the taxonomy file, or null for the default one
 * @param standbyReplicas   warm copies of each state store kept on other instances
 *                          ({@code num.standby.replicas}), so a task fails over without restoring
 *                          its changelog from the start
 * @param dedupBandHorizon  LSH bands of papers last seen longer ago are dropped (null: kept for ever);
 *                          {@link DedupSettings#bandHorizon}
 * @param digests           how digest-mode subscriptions' windows are cut (period and grace; default daily)
 * @param embeddings        when the embed step embeds a paper ({@link EmbeddingMode}; default needed)
 * @param matchShards       0 to match every subscription on every instance (the default); N to shard the
 *                          subscriptions over N match tasks, each instance holding the shards of its tasks
 *                          only (docs/ARCHITECTURE.md, "Matching spread over instances"); fixed once there is state
 */
public record StreamsSettings(
        KafkaClients clients,
        String applicationId,
        Path stateDir,
        int numStreamThreads,
        String allPapersSubscription,
        Path topicsFile,
        int standbyReplicas,
        Duration dedupBandHorizon,
        DigestWindows.Settings digests,
        EmbeddingMode embeddings,
        int matchShards) {

    public static final String DEFAULT_APPLICATION_ID = "paperfeed-streams";
    public static final String DEFAULT_ALL_PAPERS_SUBSCRIPTION = "all-papers";
    /**
     * Stream threads of the streams service and the demo: one for each sub-topology's task on one partition
     * (decode, dedup, classify and match, alert). Kafka Streams spreads tasks over threads by count, not by
     * cost, so with two the dedup and classify tasks shared one thread; paced at 1,000 papers/s, four cut the
     * end-to-end p99 from 964 to 752 ms (p50 165 to 128 ms, embeddings off; docs/ARCHITECTURE.md "Figures").
     */
    public static final int DEFAULT_STREAM_THREADS = 4;
    public static final int COMMIT_INTERVAL_MS = 100;

    public StreamsSettings {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        if (numStreamThreads < 1) {
            throw new IllegalArgumentException("numStreamThreads must be >= 1");
        }
        if (matchShards < 0) {
            throw new IllegalArgumentException("matchShards must be >= 0 (0: not sharded)");
        }
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("standbyReplicas must be >= 0");
        }
        digests = digests == null ? DigestWindows.Settings.DAILY : digests;
        embeddings = embeddings == null ? EmbeddingMode.NEEDED : embeddings;
    }

    /** Settings that match every subscription on every instance. */
    public StreamsSettings(KafkaClients clients, String applicationId, Path stateDir, int numStreamThreads,
                           String allPapersSubscription, Path topicsFile, int standbyReplicas, Duration dedupBandHorizon,
                           DigestWindows.Settings digests, EmbeddingMode embeddings) {
        this(clients, applicationId, stateDir, numStreamThreads, allPapersSubscription, topicsFile, standbyReplicas,
                dedupBandHorizon, digests, embeddings, 0);
    }

    /** Settings with the default band horizon and daily digests, embedding papers when needed. */
    public StreamsSettings(KafkaClients clients, String applicationId, Path stateDir, int numStreamThreads,
                           String allPapersSubscription, Path topicsFile, int standbyReplicas) {
        this(clients, applicationId, stateDir, numStreamThreads, allPapersSubscription, topicsFile, standbyReplicas,
                DedupSettings.DEFAULT_BAND_HORIZON, DigestWindows.Settings.DAILY, EmbeddingMode.NEEDED);
    }

    /** Settings with this band horizon and daily digests, embedding papers when needed. */
    public StreamsSettings(KafkaClients clients, String applicationId, Path stateDir, int numStreamThreads,
                           String allPapersSubscription, Path topicsFile, int standbyReplicas, Duration dedupBandHorizon) {
        this(clients, applicationId, stateDir, numStreamThreads, allPapersSubscription, topicsFile, standbyReplicas,
                dedupBandHorizon, DigestWindows.Settings.DAILY, EmbeddingMode.NEEDED);
    }

    /** Settings with the default band horizon and these digest windows, embedding papers when needed. */
    public StreamsSettings(KafkaClients clients, String applicationId, Path stateDir, int numStreamThreads,
                           String allPapersSubscription, Path topicsFile, int standbyReplicas,
                           DigestWindows.Settings digests) {
        this(clients, applicationId, stateDir, numStreamThreads, allPapersSubscription, topicsFile, standbyReplicas,
                DedupSettings.DEFAULT_BAND_HORIZON, digests, EmbeddingMode.NEEDED);
    }

    /** Settings without standby replicas. */
    public StreamsSettings(KafkaClients clients, String applicationId, Path stateDir, int numStreamThreads,
                           String allPapersSubscription, Path topicsFile) {
        this(clients, applicationId, stateDir, numStreamThreads, allPapersSubscription, topicsFile, 0,
                DedupSettings.DEFAULT_BAND_HORIZON, DigestWindows.Settings.DAILY, EmbeddingMode.NEEDED);
    }

    /** Settings with the default taxonomy and plain clients of {@code bootstrapServers} (tests, the benchmark). */
    public StreamsSettings(String bootstrapServers, String applicationId, Path stateDir, int numStreamThreads,
                           String allPapersSubscription) {
        this(new KafkaClients(bootstrapServers), applicationId, stateDir, numStreamThreads, allPapersSubscription,
                null, 0, DedupSettings.DEFAULT_BAND_HORIZON, DigestWindows.Settings.DAILY, EmbeddingMode.NEEDED);
    }

    /** These settings with another embedding mode. */
    public StreamsSettings withEmbeddings(EmbeddingMode mode) {
        return new StreamsSettings(clients, applicationId, stateDir, numStreamThreads, allPapersSubscription,
                topicsFile, standbyReplicas, dedupBandHorizon, digests, mode, matchShards);
    }

    /** These settings with the subscriptions sharded over this many match tasks (0: not sharded). */
    public StreamsSettings withMatchShards(int shards) {
        return new StreamsSettings(clients, applicationId, stateDir, numStreamThreads, allPapersSubscription,
                topicsFile, standbyReplicas, dedupBandHorizon, digests, embeddings, shards);
    }

    /** The dedup layout: {@code partitions} as the exchange topic has, this horizon. */
    public DedupSettings dedup(int partitions) {
        return new DedupSettings(partitions, dedupBandHorizon);
    }

    /** The taxonomy papers are classified into. */
    public Taxonomy taxonomy() {
        return topicsFile == null ? Taxonomy.defaults() : Taxonomy.load(topicsFile);
    }

    /**
     * The Kafka Streams configuration: the clients' common properties (bootstrap servers, security),
     * then exactly-once v2, state in {@link #stateDir}, and the dead-letter handlers
     * ({@link DeadLetterHandlers}; counted once {@code StreamsService} adds its metrics).
     */
    public Properties toProperties() {
        Properties p = clients.streamsProperties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, numStreamThreads);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // a record that cannot be read or processed is dead-lettered and skipped, never a crash loop
        DeadLetterHandlers.configure(p, null);
        // exactly-once's default: a sighting crosses up to four committed hops (raw, exchange, canonical,
        // classified), so the interval bounds the end-to-end latency (docs/ARCHITECTURE.md)
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StateStoreOptions.class);
        return p;
    }
}
