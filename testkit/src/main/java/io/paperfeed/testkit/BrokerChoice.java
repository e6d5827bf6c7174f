package io.paperfeed.testkit;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Picks the broker for a test run: {@code PAPERFEED_TEST_BROKER=embedded|testcontainers} (or the
 * system property {@code paperfeed.test.broker}) decides; otherwise Testcontainers where a Docker
 * engine answers, else the embedded broker. A failed Docker probe falls back, never fails a test.
 */
final class BrokerChoice {

    private static final Logger log = LoggerFactory.getLogger(BrokerChoice.class);

    private BrokerChoice() {
    }

    static KafkaBroker start() {
        String wanted = System.getProperty("paperfeed.test.broker", System.getenv("PAPERFEED_TEST_BROKER"));
        if (wanted != null && !wanted.isBlank()) {
            return switch (wanted.trim().toLowerCase(Locale.ROOT)) {
                case "embedded" -> new EmbeddedBroker();
                case "testcontainers" -> new ContainerBroker();
                default -> throw new IllegalArgumentException(
                        "PAPERFEED_TEST_BROKER must be embedded or testcontainers, was " + wanted);
            };
        }
        if (dockerAnswers()) {
            log.info("Docker engine found: tests run against Kafka in Testcontainers");
            return new ContainerBroker();
        }
        log.info("no Docker engine: tests run against the embedded KRaft broker");
        return new EmbeddedBroker();
    }

    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            log.debug("Docker probe failed", e);
            return false;
        }
    }
}
