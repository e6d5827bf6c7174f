package io.paperfeed.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What the extension promises: a reachable one-node broker of the chosen kind, and one broker per
 * test run, handed to every test, lifecycle method and constructor of every class in the run, and
 * closed when the run ends. "Per run" is checked on runs of their own (the JUnit Platform launcher
 * inside this test): two probe classes record every broker they are handed, and the check compares
 * all of them, so no resolution is its own reference and the order the tests run in does not matter.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionTest {

    /** Set on the probe runs only; the probe classes are disabled everywhere else. */
    static final String PROBE_RUN = "paperfeed.testkit.probe-run";
    /** Every broker handed out in the current probe run, with where it was handed out. */
    static final List<Map.Entry<String, KafkaBroker>> HANDED_OUT = new CopyOnWriteArrayList<>();

    @Test
    void handsOutAReachableOneNodeBrokerOfTheChosenKind(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertEquals(1, admin.describeCluster().nodes().get().size());
        }
        String expected = BrokerChoice.dockerAnswers() ? "testcontainers" : "embedded";
        assertEquals(expected, broker.kind());
    }

    @Test
    void everyTestOfARunGetsTheSameBrokerAndTheRunClosesItAtItsEnd() {
        KafkaBroker first = probeRun(FirstProbe.class, SecondProbe.class);
        assertClosed(first);

        KafkaBroker second = probeRun(SecondProbe.class, FirstProbe.class);
        assertNotSame(first, second, "the next run gets a broker of its own, not the closed one");
        assertClosed(second);
    }

    /** Runs the probe classes as a test run of their own; returns the one broker they were all handed. */
    private static KafkaBroker probeRun(Class<?>... probes) {
        HANDED_OUT.clear();
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(probes).map(c -> selectClass(c)).toList())
                .configurationParameter(PROBE_RUN, "true")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertEquals(List.of(), summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName()
                + ": " + f.getException()).toList(), "failures in the probe run");
        assertEquals(3, summary.getTestsSucceededCount(), "the probe tests ran");

        List<String> where = HANDED_OUT.stream().map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of("FirstProbe.beforeAll", "FirstProbe.constructor", "FirstProbe.constructor",
                "FirstProbe.one", "FirstProbe.two", "SecondProbe.constructor", "SecondProbe.three"), where,
                "every declared KafkaBroker parameter was resolved");
        Map<KafkaBroker, List<String>> byBroker = new IdentityHashMap<>();
        HANDED_OUT.forEach(e -> byBroker.computeIfAbsent(e.getValue(), b -> new ArrayList<>()).add(e.getKey()));
        assertEquals(1, byBroker.size(), () -> "one broker for the whole run, but: " + byBroker.values());
        return HANDED_OUT.get(0).getValue();
    }

    /** The broker's address no longer answers. */
    private static void assertClosed(KafkaBroker broker) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000))) {
            assertThrows(ExecutionException.class,
                    () -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(3_000)).nodes().get(),
                    () -> "the broker of a finished run still answers at " + broker.bootstrapServers());
        }
    }

    /** Enables a probe class only inside {@link #probeRun}. */
    static final class OnlyInProbeRuns implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PROBE_RUN).isPresent()
                    ? ConditionEvaluationResult.enabled("a probe run")
                    : ConditionEvaluationResult.disabled("runs only inside KafkaBrokerExtensionTest's probe runs");
        }
    }

    @ExtendWith({OnlyInProbeRuns.class, KafkaBrokerExtension.class})
    static class FirstProbe {
        FirstProbe(KafkaBroker broker) {
            HANDED_OUT.add(Map.entry("FirstProbe.constructor", broker));
        }

        @BeforeAll
        static void beforeAll(KafkaBroker broker) {
            HANDED_OUT.add(Map.entry("FirstProbe.beforeAll", broker));
        }

        @Test
        void one(KafkaBroker broker) {
            HANDED_OUT.add(Map.entry("FirstProbe.one", broker));
        }

        @Test
        void two(KafkaBroker broker) {
            HANDED_OUT.add(Map.entry("FirstProbe.two", broker));
        }
    }

    @ExtendWith({OnlyInProbeRuns.class, KafkaBrokerExtension.class})
    static class SecondProbe {
        SecondProbe(KafkaBroker broker) {
            HANDED_OUT.add(Map.entry("SecondProbe.constructor", broker));
        }

        @Test
        void three(KafkaBroker broker) {
            HANDED_OUT.add(Map.entry("SecondProbe.three", broker));
        }
    }
}
