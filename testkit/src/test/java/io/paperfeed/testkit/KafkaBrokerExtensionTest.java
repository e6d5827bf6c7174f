package io.paperfeed.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionTest {

    private static KafkaBroker first;

    @Test
    void handsOutOneReachableBrokerPerTestRun(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertEquals(1, admin.describeCluster().nodes().get().size());
        }
        String expected = BrokerChoice.dockerAnswers() ? "testcontainers" : "embedded";
        assertEquals(expected, broker.kind());
        remember(broker);
    }

    @Test
    void theSameBrokerServesTheNextTest(KafkaBroker broker) {
        remember(broker);
    }

    private static synchronized void remember(KafkaBroker broker) {
        if (first == null) {
            first = broker;
        }
        assertSame(first, broker);
    }
}
