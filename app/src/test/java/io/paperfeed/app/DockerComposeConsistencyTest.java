package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks, without a Docker engine, that {@code docker-compose.yml}, the {@code Dockerfile}, {@code .dockerignore}
 * and the Prometheus/Grafana files under {@code deploy/} agree with each other: service names, Kafka listeners,
 * ports, mounts, scrape targets, datasource uids, and the paths the image is built around.
 *
 * <p>The paperfeed services are also compared with the jar's real command line (its subcommands, the
 * options each reads from {@code PAPERFEED_*} variables, and their defaults), so a renamed option or a
 * default that does not suit a container shows up here.
 *
 * <p>Every check returns the list of inconsistencies it found, so the tests at the bottom can also prove, on
 * deliberately broken copies of the real files, that the checks do catch what they claim to catch.
 */
class DockerComposeConsistencyTest {

    /** Files are read relative to the app module, which is where Surefire runs this test. */
    static final Path REPO = Path.of("..");

    static final int DEFAULT_HTTP_PORT = 8080;
    static final String DEFAULT_INPUT = "/opt/paperfeed/seeds";
    static final Set<String> SUBCOMMANDS = Set.of("producer", "streams", "consumer");
    static final Set<String> HOST_NAMES = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    static final String PROMETHEUS_DEFAULT_CONFIG = "/etc/prometheus/prometheus.yml";
    static final int PROMETHEUS_DEFAULT_PORT = 9090;
    static final String GRAFANA_DEFAULT_PROVISIONING = "/etc/grafana/provisioning";

    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The jar's command line: per subcommand, the options by the environment variable each reads. */
    static final Cli CLI = Cli.load();

    private static Stack stack;

    @BeforeAll
    static void load() {
        stack = Stack.load();
    }

    // ------------------------------------------------------------------------------------------------------------
    // the files, as read

    /** The parsed files the checks compare. {@code prometheus} is null if the compose file mounts no config. */
    record Stack(ObjectNode compose, JsonNode prometheus, List<String> dockerfile, List<String> dockerignore) {

        static Stack load() {
            ObjectNode compose = (ObjectNode) readYaml(REPO.resolve("docker-compose.yml"));
            JsonNode prometheus = prometheusConfigFile(compose)
                    .filter(Files::isRegularFile)
                    .map(DockerComposeConsistencyTest::readYaml)
                    .orElse(null);
            return new Stack(compose, prometheus, readLines(REPO.resolve("Dockerfile")),
                    readLines(REPO.resolve(".dockerignore")));
        }

        /** A deep copy with {@code change} applied to the compose tree. */
        Stack withCompose(Consumer<ObjectNode> change) {
            ObjectNode copy = compose.deepCopy();
            change.accept(copy);
            return new Stack(copy, prometheus, dockerfile, dockerignore);
        }

        /** A deep copy with {@code change} applied to the Prometheus config tree. */
        Stack withPrometheus(Consumer<ObjectNode> change) {
            ObjectNode copy = prometheus.deepCopy();
            change.accept(copy);
            return new Stack(compose, copy, dockerfile, dockerignore);
        }

        /** A copy with the Dockerfile's lines rewritten by {@code change}. */
        Stack withDockerfile(Function<String, String> change) {
            return new Stack(compose, prometheus, dockerfile.stream().map(change).toList(), dockerignore);
        }

        Map<String, JsonNode> services() {
            Map<String, JsonNode> services = new LinkedHashMap<>();
            compose.path("services").properties().forEach(e -> services.put(e.getKey(), e.getValue()));
            return services;
        }

        JsonNode service(String name) {
            return compose.path("services").path(name);
        }

        /** Services built from this repository's Dockerfile, i.e. the paperfeed jar. */
        Map<String, JsonNode> paperfeedServices() {
            Map<String, JsonNode> result = new LinkedHashMap<>();
            services().forEach((name, s) -> {
                if (s.has("build")) {
                    result.put(name, s);
                }
            });
            return result;
        }

        /** The name of the one paperfeed service running {@code subcommand}, if any. */
        Optional<String> serviceRunning(String subcommand) {
            return paperfeedServices().entrySet().stream()
                    .filter(e -> subcommand.equals(subcommand(e.getValue())))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }

        Optional<String> serviceWithImage(String imagePrefix) {
            return services().entrySet().stream()
                    .filter(e -> e.getValue().path("image").asText("").startsWith(imagePrefix))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }

        /** Names other containers can resolve: service names, container names and network aliases. */
        Map<String, String> resolvableNames() {
            Map<String, String> names = new LinkedHashMap<>();
            services().forEach((name, s) -> {
                names.put(name, name);
                if (s.hasNonNull("container_name")) {
                    names.put(s.get("container_name").asText(), name);
                }
                s.path("networks").forEach(n -> n.path("aliases").forEach(a -> names.put(a.asText(), name)));
            });
            return names;
        }

        /** The env var as the container sees it: the compose value, else the Dockerfile's ENV for built services. */
        Optional<String> effectiveEnv(JsonNode service, String key) {
            String value = env(service).get(key);
            if (value != null) {
                return Optional.of(value);
            }
            return service.has("build") ? Optional.ofNullable(dockerfileEnv(dockerfile).get(key)) : Optional.empty();
        }

        int httpPort(String serviceName, JsonNode service, List<String> problems) {
            String raw = effectiveEnv(service, "PAPERFEED_HTTP_PORT")
                    .or(() -> CLI.defaultValue(subcommand(service), "PAPERFEED_HTTP_PORT"))
                    .orElse(String.valueOf(DEFAULT_HTTP_PORT));
            try {
                return Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                problems.add(serviceName + ": PAPERFEED_HTTP_PORT '" + raw + "' is not a port number");
                return DEFAULT_HTTP_PORT;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // the tests on the real files

    @Test
    void everyServiceThatIsNamedExists() {
        assertNoProblems("services named but not defined", namedServiceProblems(stack));
    }

    @Test
    void kafkaIsASingleNodeKraftBrokerAndController() {
        assertNoProblems("kafka service", kafkaProblems(stack));
    }

    @Test
    void bootstrapServersAreListenersKafkaAdvertisesToContainers() {
        assertNoProblems("PAPERFEED_BOOTSTRAP_SERVERS vs kafka listeners", bootstrapProblems(stack));
    }

    @Test
    void kafkaHostListenerIsPublished() {
        assertNoProblems("kafka host listener", hostListenerProblems(stack));
    }

    @Test
    void paperfeedServicesRunOneImageWithTheirSubcommands() {
        assertNoProblems("paperfeed services", paperfeedServiceProblems(stack));
    }

    @Test
    void composeEnvironmentMatchesTheJarsOptions() {
        assertNoProblems("PAPERFEED_* settings vs the jar's command line", cliProblems(stack));
    }

    @Test
    void noTwoServicesPublishTheSameHostPort() {
        assertNoProblems("published host ports", hostPortProblems(stack));
    }

    @Test
    void streamsCanBeScaled() {
        assertNoProblems("streams scalability (docker compose up --scale streams=3)", scalabilityProblems(stack));
    }

    @Test
    void prometheusScrapesEveryPaperfeedServiceOnItsHttpPort() {
        assertNoProblems("Prometheus scrape config", prometheusProblems(stack));
    }

    @Test
    void alertingRulesAreLoadedAndNameRealMetricsAndJobs() {
        assertNoProblems("Prometheus alerting rules", alertRuleProblems(stack));
    }

    @Test
    void bindMountSourcesExistInTheRepo() {
        assertNoProblems("bind mounts", mountProblems(stack));
    }

    @Test
    void grafanaDatasourcePointsAtPrometheus() {
        assertNoProblems("Grafana datasource provisioning", grafanaDatasourceProblems(stack));
    }

    @Test
    void dashboardsParseAndUseTheProvisionedDatasource() {
        assertNoProblems("Grafana dashboards", dashboardProblems(stack));
    }

    @Test
    void dockerfileShipsTheEntrypointJarAndTheSeeds() {
        assertNoProblems("Dockerfile / .dockerignore", dockerfileProblems(stack));
    }

    @Test
    void imagesArePinned() {
        assertNoProblems("image tags", imageTagProblems(stack));
    }

    // ------------------------------------------------------------------------------------------------------------
    // the checks catch what they claim to (each breaks one thing in a copy of the real files)

    @Test
    void aBootstrapPortKafkaDoesNotAdvertiseIsCaught() {
        Stack broken = stack.withCompose(c -> setEnv(c, "producer", "PAPERFEED_BOOTSTRAP_SERVERS", "kafka:9093"));
        assertCaught(bootstrapProblems(broken), "kafka:9093");
    }

    @Test
    void aBootstrapHostThatIsNoServiceIsCaught() {
        Stack broken = stack.withCompose(c -> setEnv(c, "consumer", "PAPERFEED_BOOTSTRAP_SERVERS", "broker:9092"));
        assertCaught(namedServiceProblems(broken), "broker");
    }

    @Test
    void anUnpublishedHostListenerIsCaught() {
        Stack broken = stack.withCompose(c -> ((ObjectNode) c.path("services").path("kafka")).remove("ports"));
        assertCaught(hostListenerProblems(broken), "publish");
    }

    @Test
    void aDuplicateHostPortIsCaught() {
        Stack broken = stack.withCompose(c -> {
            ArrayNode ports = ((ObjectNode) c.path("services").path("consumer")).putArray("ports");
            ports.add(publishedPorts(stack.service("producer")).get(0).published() + ":8080");
        });
        assertCaught(hostPortProblems(broken), "published by both");
    }

    @Test
    void aFixedHostPortOnStreamsIsCaught() {
        Stack broken = stack.withCompose(c -> {
            ObjectNode streams = (ObjectNode) c.path("services").path("streams");
            streams.putArray("ports").add("8082:8080");
            streams.put("container_name", "streams");
        });
        List<String> problems = scalabilityProblems(broken);
        assertCaught(problems, "8082");
        assertCaught(problems, "container_name");
    }

    @Test
    void streamsWithoutStandbyReplicasIsCaught() {
        Stack broken = stack.withCompose(c -> setEnv(c, "streams", "PAPERFEED_STANDBY_REPLICAS", "0"));
        assertCaught(scalabilityProblems(broken), "PAPERFEED_STANDBY_REPLICAS");
    }

    @Test
    void tooFewPartitionsForThreeReplicasIsCaught() {
        Stack broken = stack.withCompose(c -> setEnv(c, "kafka", "KAFKA_NUM_PARTITIONS", "1"));
        assertCaught(scalabilityProblems(broken), "KAFKA_NUM_PARTITIONS");
    }

    @Test
    void aSharedNamedStateVolumeIsCaught() {
        Stack broken = stack.withCompose(c -> {
            ObjectNode streams = (ObjectNode) c.path("services").path("streams");
            streams.putArray("volumes").add("streams-state:/var/lib/paperfeed/state");
        });
        assertCaught(scalabilityProblems(broken), "streams-state");
    }

    @Test
    void aScrapePortThatIsNotTheHttpPortIsCaught() {
        Stack broken = stack.withPrometheus(p -> p.path("scrape_configs").forEach(job -> {
            if ("consumer".equals(job.path("job_name").asText())) {
                ((ArrayNode) job.path("static_configs").get(0).path("targets")).removeAll().add("consumer:9404");
            }
        }));
        assertCaught(prometheusProblems(broken), "consumer:9404");
    }

    @Test
    void anHttpPortThatPrometheusDoesNotScrapeIsCaught() {
        Stack broken = stack.withCompose(c -> setEnv(c, "streams", "PAPERFEED_HTTP_PORT", "8090"));
        assertCaught(prometheusProblems(broken), "8090");
    }

    @Test
    void aStaticTargetForScaledStreamsIsCaught() {
        Stack broken = stack.withPrometheus(p -> p.path("scrape_configs").forEach(job -> {
            if ("streams".equals(job.path("job_name").asText())) {
                ((ObjectNode) job).remove("dns_sd_configs");
                ((ObjectNode) job).putArray("static_configs").addObject().putArray("targets").add("streams:8080");
            }
        }));
        assertCaught(scalabilityProblems(broken), "dns_sd_configs");
    }

    @Test
    void aRuleFileThePrometheusServiceDoesNotMountIsCaught() {
        Stack broken = stack.withCompose(c -> {
            ArrayNode volumes = (ArrayNode) c.path("services").path("prometheus").path("volumes");
            for (int i = volumes.size() - 1; i >= 0; i--) {
                if (volumes.get(i).asText().contains("alerts.yml")) {
                    volumes.remove(i);
                }
            }
        });
        assertCaught(alertRuleProblems(broken), "/etc/prometheus/alerts.yml");
    }

    @Test
    void aRuleFilePrometheusDoesNotLoadIsCaught() {
        Stack broken = stack.withPrometheus(p -> p.remove("rule_files"));
        assertCaught(alertRuleProblems(broken), "deploy/prometheus/alerts.yml is not loaded");
    }

    @Test
    void aRuleOnAnUndocumentedMetricOrAnUnscrapedJobIsCaught() {
        Map<String, JsonNode> rules = PrometheusRules.read(existingRuleFiles(stack));
        rules.values().forEach(tree -> tree.path("groups").forEach(group -> group.path("rules").forEach(rule -> {
            String expr = rule.path("expr").asText();
            ((ObjectNode) rule).put("expr", expr.replace("paperfeed_consumer_lag", "paperfeed_consumer_lagg")
                    .replace("job=\"streams\"", "job=\"stream\""));
        })));
        assertCaught(alertRuleProblems(stack, rules), "metric paperfeed_consumer_lagg is not in docs/OPERATIONS.md");
        assertCaught(alertRuleProblems(stack, rules), "selects job \"stream\"");
    }

    @Test
    void aLoopbackHttpHostIsCaught() {
        Stack broken = stack.withCompose(c -> setEnv(c, "producer", "PAPERFEED_HTTP_HOST", "127.0.0.1"));
        assertCaught(cliProblems(broken), "127.0.0.1");
    }

    @Test
    void aVariableNoOptionReadsIsCaught() {
        Stack broken = stack.withCompose(c -> setEnv(c, "streams", "PAPERFEED_STATEDIR", "/var/lib/paperfeed/state"));
        assertCaught(cliProblems(broken), "PAPERFEED_STATEDIR");
    }

    @Test
    void aJarPathTheImageDoesNotHaveIsCaught() {
        Stack broken = stack.withDockerfile(line -> line.startsWith("ENTRYPOINT")
                ? "ENTRYPOINT [\"java\", \"-jar\", \"/app/paperfeed.jar\"]" : line);
        assertCaught(dockerfileProblems(broken), "/app/paperfeed.jar");
    }

    // ------------------------------------------------------------------------------------------------------------
    // checks

    static List<String> namedServiceProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        Map<String, String> names = s.resolvableNames();
        s.services().forEach((name, service) -> {
            for (String dep : dependsOn(service).keySet()) {
                if (!s.services().containsKey(dep)) {
                    problems.add(name + ": depends_on '" + dep + "', which is not a service in docker-compose.yml");
                }
            }
            s.effectiveEnv(service, "PAPERFEED_BOOTSTRAP_SERVERS").ifPresent(bootstrap -> {
                for (HostPort hp : hostPorts(bootstrap)) {
                    if (!names.containsKey(hp.host())) {
                        problems.add(name + ": PAPERFEED_BOOTSTRAP_SERVERS names host '" + hp.host()
                                + "', which no service in docker-compose.yml is called " + names.keySet());
                    }
                }
            });
        });
        if (s.prometheus() != null) {
            for (Target t : scrapeTargets(s.prometheus())) {
                if (!names.containsKey(t.host())) {
                    problems.add("Prometheus job '" + t.job() + "' scrapes host '" + t.host()
                            + "', which no service in docker-compose.yml is called " + names.keySet());
                }
            }
        }
        s.serviceWithImage("apache/kafka").ifPresent(kafka -> {
            String voters = env(s.service(kafka)).getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "");
            for (String voter : splitList(voters)) {
                String host = hostPort(voter.substring(voter.indexOf('@') + 1)).host();
                if (!names.containsKey(host)) {
                    problems.add(kafka + ": KAFKA_CONTROLLER_QUORUM_VOTERS names host '" + host
                            + "', which no service in docker-compose.yml is called");
                }
            }
        });
        for (JsonNode ds : grafanaDatasources(s)) {
            hostPortOfUrl(ds.path("url").asText("")).ifPresent(hp -> {
                if (!names.containsKey(hp.host())) {
                    problems.add("Grafana datasource '" + ds.path("name").asText() + "' points at host '" + hp.host()
                            + "', which no service in docker-compose.yml is called");
                }
            });
        }
        return problems;
    }

    static List<String> kafkaProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        Optional<String> kafkaName = s.serviceWithImage("apache/kafka");
        if (kafkaName.isEmpty()) {
            problems.add("no service uses an apache/kafka image");
            return problems;
        }
        String kafka = kafkaName.get();
        JsonNode service = s.service(kafka);
        Map<String, String> env = env(service);
        for (String key : List.of("KAFKA_NODE_ID", "KAFKA_PROCESS_ROLES", "KAFKA_LISTENERS",
                "KAFKA_ADVERTISED_LISTENERS", "KAFKA_CONTROLLER_LISTENER_NAMES", "KAFKA_CONTROLLER_QUORUM_VOTERS",
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "KAFKA_INTER_BROKER_LISTENER_NAME")) {
            if (!env.containsKey(key)) {
                problems.add(kafka + ": " + key + " is not set");
            }
        }
        Set<String> roles = new TreeSet<>(splitList(env.getOrDefault("KAFKA_PROCESS_ROLES", "")));
        if (!roles.equals(Set.of("broker", "controller"))) {
            problems.add(kafka + ": KAFKA_PROCESS_ROLES is " + roles + ", a combined KRaft node needs broker,controller");
        }
        Map<String, Listener> bound = listeners(env.getOrDefault("KAFKA_LISTENERS", ""));
        Map<String, Listener> advertised = listeners(env.getOrDefault("KAFKA_ADVERTISED_LISTENERS", ""));
        Set<String> controllerNames = new LinkedHashSet<>(splitList(env.getOrDefault("KAFKA_CONTROLLER_LISTENER_NAMES", "")));
        Set<String> protocolMapNames = splitList(env.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "")).stream()
                .map(entry -> entry.substring(0, entry.indexOf(':') < 0 ? entry.length() : entry.indexOf(':')))
                .collect(Collectors.toSet());
        Set<String> allNames = new LinkedHashSet<>(bound.keySet());
        allNames.addAll(advertised.keySet());
        allNames.addAll(controllerNames);
        for (String name : allNames) {
            if (!protocolMapNames.contains(name)) {
                problems.add(kafka + ": listener " + name + " has no entry in KAFKA_LISTENER_SECURITY_PROTOCOL_MAP "
                        + protocolMapNames);
            }
        }
        for (String name : advertised.keySet()) {
            if (!bound.containsKey(name)) {
                problems.add(kafka + ": KAFKA_ADVERTISED_LISTENERS has " + name
                        + ", which KAFKA_LISTENERS does not bind " + bound.keySet());
            }
            if (controllerNames.contains(name)) {
                problems.add(kafka + ": the controller listener " + name + " must not be advertised to clients");
            }
        }
        for (String name : controllerNames) {
            if (!bound.containsKey(name)) {
                problems.add(kafka + ": controller listener " + name + " is not bound in KAFKA_LISTENERS " + bound.keySet());
            }
        }
        String interBroker = env.getOrDefault("KAFKA_INTER_BROKER_LISTENER_NAME", "");
        if (!interBroker.isEmpty() && !advertised.containsKey(interBroker)) {
            problems.add(kafka + ": KAFKA_INTER_BROKER_LISTENER_NAME " + interBroker + " is not advertised "
                    + advertised.keySet());
        }
        // the single voter: this node, on a controller listener's port
        String nodeId = env.getOrDefault("KAFKA_NODE_ID", "");
        List<String> voters = splitList(env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", ""));
        if (voters.size() != 1) {
            problems.add(kafka + ": a single-node cluster needs exactly one quorum voter, got " + voters);
        }
        Set<Integer> controllerPorts = controllerNames.stream().filter(bound::containsKey)
                .map(n -> bound.get(n).port()).collect(Collectors.toSet());
        for (String voter : voters) {
            int at = voter.indexOf('@');
            if (at < 0) {
                problems.add(kafka + ": quorum voter '" + voter + "' is not id@host:port");
                continue;
            }
            HostPort hp = hostPort(voter.substring(at + 1));
            if (!voter.substring(0, at).equals(nodeId)) {
                problems.add(kafka + ": quorum voter '" + voter + "' has id " + voter.substring(0, at)
                        + " but KAFKA_NODE_ID is " + nodeId);
            }
            if (!kafka.equals(s.resolvableNames().get(hp.host()))) {
                problems.add(kafka + ": quorum voter '" + voter + "' does not name the kafka service itself");
            }
            if (!controllerPorts.contains(hp.port())) {
                problems.add(kafka + ": quorum voter '" + voter + "' uses port " + hp.port()
                        + ", but the controller listener binds " + controllerPorts);
            }
        }
        // one broker, and the streams app uses exactly_once_v2 (transactions)
        for (String key : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            if (!"1".equals(env.get(key))) {
                problems.add(kafka + ": " + key + " is " + env.get(key)
                        + ", but with one broker it must be 1 (exactly_once_v2 needs the transaction state log)");
            }
        }
        JsonNode test = service.path("healthcheck").path("test");
        if (test.isMissingNode() || service.path("healthcheck").path("disable").asBoolean(false)
                || (test.isArray() && test.size() > 0 && "NONE".equals(test.get(0).asText()))) {
            problems.add(kafka + ": has no healthcheck, so depends_on condition service_healthy can never pass");
        }
        return problems;
    }

    static List<String> bootstrapProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        Optional<String> kafkaName = s.serviceWithImage("apache/kafka");
        if (kafkaName.isEmpty()) {
            return List.of("no service uses an apache/kafka image, so nothing can be bootstrapped");
        }
        Set<String> containerEndpoints = containerListeners(s, kafkaName.get()).stream()
                .map(l -> l.host() + ":" + l.port()).collect(Collectors.toCollection(TreeSet::new));
        if (containerEndpoints.isEmpty()) {
            problems.add(kafkaName.get() + ": advertises no listener under a name other containers can resolve");
        }
        s.paperfeedServices().forEach((name, service) -> {
            Optional<String> bootstrap = s.effectiveEnv(service, "PAPERFEED_BOOTSTRAP_SERVERS");
            if (bootstrap.isEmpty() || bootstrap.get().isBlank()) {
                problems.add(name + ": PAPERFEED_BOOTSTRAP_SERVERS is not set");
                return;
            }
            for (HostPort hp : hostPorts(bootstrap.get())) {
                if (!containerEndpoints.contains(hp.host() + ":" + hp.port())) {
                    problems.add(name + ": PAPERFEED_BOOTSTRAP_SERVERS names " + hp.host() + ":" + hp.port()
                            + ", but the kafka service advertises to containers only " + containerEndpoints);
                }
            }
        });
        return problems;
    }

    static List<String> hostListenerProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        Optional<String> kafkaName = s.serviceWithImage("apache/kafka");
        if (kafkaName.isEmpty()) {
            return List.of("no service uses an apache/kafka image");
        }
        String kafka = kafkaName.get();
        Map<String, String> env = env(s.service(kafka));
        Map<String, Listener> bound = listeners(env.getOrDefault("KAFKA_LISTENERS", ""));
        List<Listener> hostListeners = listeners(env.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "")).values().stream()
                .filter(l -> HOST_NAMES.contains(l.host())).toList();
        if (hostListeners.isEmpty()) {
            problems.add(kafka + ": KAFKA_ADVERTISED_LISTENERS has no listener for clients on the host (localhost:PORT)");
        }
        List<PortMapping> published = publishedPorts(s.service(kafka));
        for (Listener l : hostListeners) {
            Listener b = bound.get(l.name());
            int containerPort = b == null ? l.port() : b.port();
            boolean ok = published.stream().anyMatch(p -> p.published() == l.port() && p.target() == containerPort);
            if (!ok) {
                problems.add(kafka + ": advertises " + l.name() + "://" + l.host() + ":" + l.port()
                        + " to the host, but does not publish host port " + l.port() + " to container port "
                        + containerPort + " (ports: " + published + ")");
            }
        }
        return problems;
    }

    static List<String> paperfeedServiceProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> services = s.paperfeedServices();
        Map<String, String> bySubcommand = new LinkedHashMap<>();
        Set<String> images = new TreeSet<>();
        Optional<String> kafka = s.serviceWithImage("apache/kafka");
        services.forEach((name, service) -> {
            String sub = subcommand(service);
            if (!SUBCOMMANDS.contains(sub)) {
                problems.add(name + ": command starts with '" + sub + "', not one of the jar's subcommands " + SUBCOMMANDS);
            } else if (bySubcommand.put(sub, name) != null) {
                problems.add(name + ": runs '" + sub + "' like service " + bySubcommand.get(sub)
                        + " does; scale one service instead");
            }
            JsonNode build = service.path("build");
            String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
            if (!Path.of(context).normalize().toString().isEmpty()) { // "." and "./" normalise to ""
                problems.add(name + ": builds from '" + context + "', not from the repository's Dockerfile (build: .)");
            }
            images.add(service.path("image").asText("<none>"));
            if (kafka.isPresent()) {
                JsonNode dep = dependsOn(service).get(kafka.get());
                if (dep == null) {
                    problems.add(name + ": does not depend_on " + kafka.get());
                } else if (!"service_healthy".equals(dep.path("condition").asText())) {
                    problems.add(name + ": depends_on " + kafka.get() + " without condition: service_healthy");
                }
            }
            int httpPort = s.httpPort(name, service, problems);
            for (PortMapping p : publishedPorts(service)) {
                if (p.target() != httpPort) {
                    problems.add(name + ": publishes container port " + p.target() + ", but its HTTP port "
                            + "(PAPERFEED_HTTP_PORT) is " + httpPort);
                }
            }
        });
        for (String sub : SUBCOMMANDS) {
            if (!bySubcommand.containsKey(sub)) {
                problems.add("no service built from the Dockerfile runs the '" + sub + "' subcommand");
            }
        }
        if (images.size() > 1) {
            problems.add("the paperfeed services name different images " + images
                    + "; they all run the one jar, so give them one image name");
        }
        s.serviceRunning("producer").ifPresent(producer -> {
            Optional<String> input = s.effectiveEnv(s.service(producer), "PAPERFEED_INPUT");
            if (input.isEmpty()) {
                problems.add(producer + ": neither docker-compose.yml nor the Dockerfile sets PAPERFEED_INPUT "
                        + "(the image's seeds are at " + DEFAULT_INPUT + ")");
            }
        });
        return problems;
    }

    static List<String> cliProblems(Stack s) {
        if (CLI.error() != null) {
            return List.of(CLI.error());
        }
        List<String> problems = new ArrayList<>();
        Set<String> readBySomeService = new TreeSet<>();
        s.paperfeedServices().forEach((name, service) -> {
            String sub = subcommand(service);
            Map<String, OptionSpec> options = CLI.envOptions().get(sub);
            if (options == null) {
                problems.add(name + ": runs '" + sub + "', which is not a subcommand of paperfeed.jar "
                        + CLI.envOptions().keySet());
                return;
            }
            readBySomeService.addAll(options.keySet());
            Set<String> known = options.keySet().stream().filter(k -> k.startsWith("PAPERFEED_"))
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String key : env(service).keySet()) {
                if (key.startsWith("PAPERFEED_") && !options.containsKey(key)) {
                    problems.add(name + ": sets " + key + ", which no option of 'paperfeed " + sub + "' reads "
                            + known);
                }
            }
            Optional<String> set = s.effectiveEnv(service, "PAPERFEED_HTTP_HOST");
            String host = set.or(() -> CLI.defaultValue(sub, "PAPERFEED_HTTP_HOST")).orElse("0.0.0.0");
            if (isLoopback(host)) {
                problems.add(name + ": its HTTP server binds " + host + (set.isPresent() ? "" : " (the jar's default)")
                        + ", so neither Prometheus nor a published port reaches /metrics; set PAPERFEED_HTTP_HOST="
                        + "0.0.0.0");
            }
        });
        for (String key : dockerfileEnv(s.dockerfile()).keySet()) {
            if (key.startsWith("PAPERFEED_") && !readBySomeService.contains(key)) {
                problems.add("Dockerfile: ENV " + key + " is read by none of the subcommands the compose services run");
            }
        }
        return problems;
    }

    static List<String> hostPortProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> owners = new LinkedHashMap<>();
        s.services().forEach((name, service) -> {
            for (PortMapping p : publishedPorts(service)) {
                if (p.published() == null) {
                    continue;
                }
                String other = owners.putIfAbsent(p.published(), name);
                if (other != null) {
                    problems.add("host port " + p.published() + " is published by both " + other + " and " + name);
                }
            }
        });
        return problems;
    }

    static List<String> scalabilityProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        Optional<String> streamsName = s.serviceRunning("streams");
        if (streamsName.isEmpty()) {
            return List.of("no service runs the 'streams' subcommand");
        }
        String name = streamsName.get();
        JsonNode streams = s.service(name);
        if (streams.has("container_name")) {
            problems.add(name + ": sets container_name '" + streams.get("container_name").asText()
                    + "'; a fixed container name cannot be scaled to several replicas");
        }
        for (PortMapping p : publishedPorts(streams)) {
            if (p.published() != null) {
                problems.add(name + ": publishes fixed host port " + p.published()
                        + "; a second replica could not bind it (let Prometheus reach the replicas instead)");
            }
        }
        // each replica needs a state dir of its own: Kafka Streams locks it, a second instance on it fails
        String stateDir = s.effectiveEnv(streams, "PAPERFEED_STATE_DIR").orElse(null);
        if (stateDir == null) {
            problems.add(name + ": PAPERFEED_STATE_DIR is set neither in docker-compose.yml nor in the Dockerfile");
        } else {
            Optional<Mount> mount = mounts(streams).stream()
                    .filter(m -> stateDir.equals(m.target()) || stateDir.startsWith(m.target() + "/"))
                    .findFirst();
            if (mount.isEmpty()) {
                problems.add(name + ": PAPERFEED_STATE_DIR " + stateDir + " is on no volume; RocksDB state would be "
                        + "lost with the container");
            } else if (!mount.get().perReplica()) {
                problems.add(name + ": PAPERFEED_STATE_DIR " + stateDir + " is on " + mount.get().type() + " '"
                        + mount.get().source() + "', which every replica would share; Kafka Streams locks its state "
                        + "dir, so replicas 2..n would fail to start. Use an anonymous volume (- " + stateDir + ")");
            }
        }
        // a replica that dies hands its tasks to one with a warm copy instead of restoring from the changelog
        String standbys = s.effectiveEnv(streams, "PAPERFEED_STANDBY_REPLICAS").orElse("0");
        if (!standbys.matches("[1-9][0-9]*")) {
            problems.add(name + ": PAPERFEED_STANDBY_REPLICAS is '" + standbys + "'; with several replicas, at least 1 "
                    + "standby replica keeps a warm copy of each store so fail-over does not replay the changelog");
        }
        // partitions bound the tasks: fewer than the replicas the compose file suggests leaves some idle
        String partitions = env(s.service("kafka")).getOrDefault("KAFKA_NUM_PARTITIONS", "1");
        if (Integer.parseInt(partitions) < 3) {
            problems.add("kafka: KAFKA_NUM_PARTITIONS is " + partitions + "; `--scale streams=3` needs at least 3 "
                    + "partitions per topic for every replica to get a task");
        }
        if (s.prometheus() != null) {
            for (JsonNode job : s.prometheus().path("scrape_configs")) {
                for (JsonNode sc : job.path("static_configs")) {
                    for (JsonNode t : sc.path("targets")) {
                        if (name.equals(s.resolvableNames().get(hostPort(t.asText()).host()))) {
                            problems.add("Prometheus job '" + job.path("job_name").asText() + "' scrapes " + t.asText()
                                    + " as a static target, which reaches one replica only; use dns_sd_configs "
                                    + "(type A, names [" + name + "])");
                        }
                    }
                }
            }
        }
        return problems;
    }

    static List<String> prometheusProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        if (s.prometheus() == null) {
            return List.of("the prometheus service mounts no config file from the repo at its --config.file path");
        }
        Map<String, String> names = s.resolvableNames();
        Map<String, JsonNode> paperfeed = s.paperfeedServices();
        Set<String> scraped = new TreeSet<>();
        for (Target t : scrapeTargets(s.prometheus())) {
            String service = names.get(t.host());
            if (service == null) {
                continue; // reported by namedServiceProblems
            }
            JsonNode svc = s.service(service);
            if (paperfeed.containsKey(service)) {
                int httpPort = s.httpPort(service, svc, problems);
                if (t.port() != httpPort) {
                    problems.add("Prometheus job '" + t.job() + "' scrapes " + t.host() + ":" + t.port()
                            + ", but " + service + " serves /metrics on PAPERFEED_HTTP_PORT " + httpPort);
                }
                if (!"/metrics".equals(t.metricsPath())) {
                    problems.add("Prometheus job '" + t.job() + "' uses metrics_path " + t.metricsPath()
                            + ", but the paperfeed services serve /metrics");
                }
                scraped.add(service);
            } else if (!containerPorts(svc).contains(t.port())) {
                problems.add("Prometheus job '" + t.job() + "' scrapes " + t.host() + ":" + t.port() + ", but "
                        + service + " neither exposes nor publishes container port " + t.port());
            }
        }
        for (String service : paperfeed.keySet()) {
            if (!scraped.contains(service)) {
                problems.add(service + ": no Prometheus scrape job targets it on its HTTP port");
            }
        }
        return problems;
    }

    /** The rule files prometheus.yml loads, by their path in the container, and the repository file mounted there. */
    static Map<String, Optional<Path>> ruleFiles(Stack s) {
        Map<String, Optional<Path>> files = new LinkedHashMap<>();
        Optional<String> prometheus = s.serviceWithImage("prom/prometheus");
        if (s.prometheus() == null || prometheus.isEmpty()) {
            return files;
        }
        JsonNode service = s.service(prometheus.get());
        String base = Path.of(prometheusConfigPath(service)).getParent().toString();
        for (JsonNode rule : s.prometheus().path("rule_files")) {
            String container = rule.asText().startsWith("/") ? rule.asText() : base + "/" + rule.asText();
            files.put(container, hostPathOf(service, container).filter(Files::isRegularFile));
        }
        return files;
    }

    static Map<String, Path> existingRuleFiles(Stack s) {
        Map<String, Path> files = new LinkedHashMap<>();
        ruleFiles(s).forEach((container, host) -> host.ifPresent(h -> files.put(container, h)));
        return files;
    }

    static List<String> alertRuleProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        Map<String, Optional<Path>> files = ruleFiles(s);
        files.forEach((container, host) -> {
            if (host.isEmpty()) {
                problems.add("prometheus.yml loads the rule file " + container + ", but the prometheus service mounts "
                        + "no repository file there");
            }
        });
        Set<Path> loaded = files.values().stream().flatMap(Optional::stream).map(Path::normalize)
                .collect(Collectors.toSet());
        try (Stream<Path> deploy = Files.list(REPO.resolve("deploy/prometheus"))) {
            deploy.map(Path::normalize).filter(f -> f.toString().endsWith(".yml") && !f.endsWith("prometheus.yml")
                    && !f.toString().endsWith(".test.yml") && !loaded.contains(f))
                    .forEach(f -> problems.add(REPO.relativize(f) + " is not loaded: prometheus.yml's rule_files and the "
                            + "prometheus service's volumes must both name it"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        problems.addAll(alertRuleProblems(s, PrometheusRules.read(existingRuleFiles(s))));
        return problems;
    }

    static List<String> alertRuleProblems(Stack s, Map<String, JsonNode> rules) {
        Set<String> jobs = new TreeSet<>();
        s.prometheus().path("scrape_configs").forEach(job -> jobs.add(job.path("job_name").asText()));
        Set<String> tested = new TreeSet<>();
        existingRuleFiles(s).values().forEach(f -> tested.addAll(PrometheusRules.testedAlerts(f)));
        return PrometheusRules.problems(rules, jobs, PrometheusRules.documentedMetrics(), tested);
    }

    static List<String> mountProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        s.services().forEach((name, service) -> {
            for (Mount m : mounts(service)) {
                if ("bind".equals(m.type()) && !Files.exists(REPO.resolve(m.source()))) {
                    problems.add(name + ": mounts " + m.source() + " at " + m.target() + ", but " + m.source()
                            + " does not exist in the repository");
                }
            }
        });
        Optional<String> prometheus = s.serviceWithImage("prom/prometheus");
        if (prometheus.isEmpty()) {
            problems.add("no service uses a prom/prometheus image");
        } else {
            Optional<Path> config = prometheusConfigFile(s.compose());
            if (config.isEmpty() || !Files.isRegularFile(config.get())) {
                problems.add(prometheus.get() + ": no file from the repository is mounted at its config path "
                        + prometheusConfigPath(s.service(prometheus.get())));
            }
        }
        Optional<String> grafana = s.serviceWithImage("grafana/grafana");
        if (grafana.isEmpty()) {
            problems.add("no service uses a grafana/grafana image");
        } else {
            Optional<Path> provisioning = grafanaProvisioningDir(s);
            if (provisioning.isEmpty() || !Files.isDirectory(provisioning.get())) {
                problems.add(grafana.get() + ": no folder from the repository is mounted at its provisioning path "
                        + grafanaProvisioningPath(s.service(grafana.get())));
            } else {
                for (String sub : List.of("datasources", "dashboards")) {
                    if (yamlFiles(provisioning.get().resolve(sub)).isEmpty()) {
                        problems.add(grafana.get() + ": " + REPO.relativize(provisioning.get().resolve(sub))
                                + " holds no provisioning file");
                    }
                }
            }
            for (JsonNode provider : dashboardProviders(s)) {
                String path = provider.path("options").path("path").asText("");
                Optional<Path> host = hostPathOf(s.service(grafana.get()), path);
                if (host.isEmpty() || !Files.isDirectory(host.get())) {
                    problems.add("Grafana dashboard provider '" + provider.path("name").asText() + "' reads " + path
                            + ", but " + grafana.get() + " mounts no existing repository folder there");
                } else if (jsonFiles(host.get()).isEmpty()) {
                    problems.add("Grafana dashboard provider '" + provider.path("name").asText() + "' reads " + path
                            + ", but " + REPO.relativize(host.get()) + " holds no dashboard JSON");
                }
            }
        }
        return problems;
    }

    static List<String> grafanaDatasourceProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> datasources = grafanaDatasources(s);
        if (datasources.isEmpty()) {
            return List.of("no datasource is provisioned for Grafana");
        }
        Optional<String> prometheus = s.serviceWithImage("prom/prometheus");
        int prometheusPort = prometheus.map(p -> prometheusListenPort(s.service(p))).orElse(PROMETHEUS_DEFAULT_PORT);
        long defaults = datasources.stream().filter(d -> d.path("isDefault").asBoolean(false)).count();
        if (defaults != 1) {
            problems.add("exactly one Grafana datasource should be the default, " + defaults + " are");
        }
        for (JsonNode ds : datasources) {
            String name = ds.path("name").asText();
            if (ds.path("uid").asText("").isBlank()) {
                problems.add("Grafana datasource '" + name + "' has no uid, so dashboards cannot refer to it");
            }
            if (!"prometheus".equals(ds.path("type").asText())) {
                continue;
            }
            String url = ds.path("url").asText("");
            Optional<HostPort> hp = hostPortOfUrl(url);
            if (hp.isEmpty()) {
                problems.add("Grafana datasource '" + name + "' has no http://host:port url: '" + url + "'");
                continue;
            }
            String target = s.resolvableNames().get(hp.get().host());
            if (prometheus.isPresent() && !prometheus.get().equals(target)) {
                problems.add("Grafana datasource '" + name + "' points at " + url + ", not at the "
                        + prometheus.get() + " service");
            }
            if (hp.get().port() != prometheusPort) {
                problems.add("Grafana datasource '" + name + "' points at port " + hp.get().port()
                        + ", but Prometheus listens on " + prometheusPort);
            }
        }
        return problems;
    }

    static List<String> dashboardProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        Set<String> uids = grafanaDatasources(s).stream().map(d -> d.path("uid").asText())
                .filter(u -> !u.isBlank()).collect(Collectors.toCollection(TreeSet::new));
        Optional<String> grafana = s.serviceWithImage("grafana/grafana");
        List<Path> files = new ArrayList<>();
        for (JsonNode provider : dashboardProviders(s)) {
            grafana.flatMap(g -> hostPathOf(s.service(g), provider.path("options").path("path").asText("")))
                    .ifPresent(dir -> files.addAll(jsonFiles(dir)));
        }
        if (files.isEmpty()) {
            return List.of("no dashboard JSON is provisioned (see the bind mount checks)");
        }
        for (Path file : files) {
            String where = REPO.relativize(file).toString();
            JsonNode dashboard;
            try {
                dashboard = JSON.readTree(file.toFile());
            } catch (IOException e) {
                problems.add(where + ": does not parse as JSON: " + e.getMessage());
                continue;
            }
            if (dashboard.path("uid").asText("").isBlank() || dashboard.path("title").asText("").isBlank()) {
                problems.add(where + ": needs a uid and a title");
            }
            List<JsonNode> panels = new ArrayList<>();
            collectPanels(dashboard.path("panels"), panels);
            if (panels.stream().noneMatch(p -> !"row".equals(p.path("type").asText()))) {
                problems.add(where + ": has no panels");
            }
            Set<Integer> ids = new LinkedHashSet<>();
            for (JsonNode panel : panels) {
                String title = "'" + panel.path("title").asText() + "'";
                if (!ids.add(panel.path("id").asInt(-1))) {
                    problems.add(where + ": panel " + title + " reuses id " + panel.path("id"));
                }
                if ("row".equals(panel.path("type").asText())) {
                    continue;
                }
                checkDatasource(where + ": panel " + title, panel.path("datasource"), uids, problems);
                if (panel.path("targets").isEmpty()) {
                    problems.add(where + ": panel " + title + " has no query");
                }
                for (JsonNode target : panel.path("targets")) {
                    if (target.path("expr").asText("").isBlank()) {
                        problems.add(where + ": panel " + title + " query " + target.path("refId").asText()
                                + " has no expr");
                    }
                    if (target.has("datasource")) {
                        checkDatasource(where + ": panel " + title + " query " + target.path("refId").asText(),
                                target.path("datasource"), uids, problems);
                    }
                }
            }
        }
        return problems;
    }

    static List<String> dockerfileProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        List<Instruction> all = instructions(s.dockerfile());
        int lastFrom = -1;
        Set<String> stages = new LinkedHashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                lastFrom = i;
                String[] words = all.get(i).args().split("\\s+");
                if (words.length >= 3 && words[words.length - 2].equalsIgnoreCase("AS")) {
                    stages.add(words[words.length - 1]);
                }
            }
        }
        if (lastFrom < 0) {
            return List.of("Dockerfile has no FROM");
        }
        List<Instruction> runtime = all.subList(lastFrom, all.size());
        List<Copy> copies = runtime.stream().filter(i -> i.keyword().equals("COPY") || i.keyword().equals("ADD"))
                .map(i -> Copy.parse(i.args())).toList();

        // ENTRYPOINT java -jar <jar>, and that jar is what the runtime stage copies in
        Optional<Instruction> entrypoint = runtime.stream().filter(i -> i.keyword().equals("ENTRYPOINT"))
                .reduce((a, b) -> b);
        String jar = null;
        if (entrypoint.isEmpty()) {
            problems.add("Dockerfile: the runtime stage has no ENTRYPOINT");
        } else {
            List<String> argv = execForm(entrypoint.get().args());
            int dashJar = argv.indexOf("-jar");
            if (argv.isEmpty()) {
                problems.add("Dockerfile: ENTRYPOINT is not in exec form [\"java\", \"-jar\", ...]: "
                        + entrypoint.get().args());
            } else if (dashJar < 0 || dashJar + 1 >= argv.size()) {
                problems.add("Dockerfile: ENTRYPOINT " + argv + " does not run java -jar <jar>");
            } else {
                jar = argv.get(dashJar + 1);
            }
        }
        if (jar != null) {
            String jarPath = jar;
            Optional<Copy> jarCopy = copies.stream().filter(c -> c.places(jarPath)).findFirst();
            if (jarCopy.isEmpty()) {
                problems.add("Dockerfile: ENTRYPOINT runs " + jarPath + ", but no COPY in the runtime stage puts a "
                        + "jar there " + copies);
            } else if (jarCopy.get().from() != null) {
                Copy c = jarCopy.get();
                if (!stages.contains(c.from())) {
                    problems.add("Dockerfile: the jar is copied --from=" + c.from() + ", which is no build stage "
                            + stages);
                }
                if (c.sources().stream().noneMatch(src -> src.endsWith("app/target/paperfeed.jar"))) {
                    problems.add("Dockerfile: the jar is copied from " + c.sources()
                            + ", but the build puts it at app/target/paperfeed.jar");
                }
            }
        }

        // the producer's default input is the seeds folder of the repository, copied into the image
        Path seeds = REPO.resolve("seeds");
        try (Stream<Path> list = Files.isDirectory(seeds) ? Files.list(seeds) : Stream.empty()) {
            if (list.findAny().isEmpty()) {
                problems.add("the repository has no seeds/ files for the image");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Copy> seedCopies = copies.stream().filter(c -> c.from() == null)
                .filter(c -> c.sources().stream().anyMatch(src -> stripSlashes(src).equals("seeds"))).toList();
        if (seedCopies.isEmpty()) {
            problems.add("Dockerfile: the runtime stage does not COPY seeds/ into the image");
        }
        String input = s.serviceRunning("producer").flatMap(p -> s.effectiveEnv(s.service(p), "PAPERFEED_INPUT"))
                .orElse(DEFAULT_INPUT);
        for (String entry : splitList(input)) {
            boolean inImage = seedCopies.stream().map(c -> stripTrailingSlash(c.destination()))
                    .anyMatch(dest -> entry.equals(dest) || entry.startsWith(dest + "/"));
            if (!seedCopies.isEmpty() && !inImage) {
                problems.add("the producer reads PAPERFEED_INPUT " + entry + ", but the Dockerfile copies seeds/ to "
                        + seedCopies.stream().map(Copy::destination).toList());
            }
        }

        // .dockerignore: keep target dirs and .git out, keep seeds in
        List<String> ignore = s.dockerignore().stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (ignore.stream().noneMatch(l -> stripSlashes(l).equals(".git"))) {
            problems.add(".dockerignore does not exclude .git");
        }
        if (ignore.stream().noneMatch(l -> stripSlashes(l).equals("**/target") || stripSlashes(l).equals("target"))) {
            problems.add(".dockerignore does not exclude the target dirs (**/target)");
        }
        if (ignore.stream().anyMatch(l -> stripSlashes(l).equals("seeds") || l.equals("*") || l.equals("**"))) {
            problems.add(".dockerignore excludes seeds/, which the Dockerfile copies into the image");
        }
        return problems;
    }

    static List<String> imageTagProblems(Stack s) {
        List<String> problems = new ArrayList<>();
        s.services().forEach((name, service) -> {
            if (service.has("build")) {
                return;
            }
            String image = service.path("image").asText("");
            String afterSlash = image.substring(image.lastIndexOf('/') + 1);
            int colon = afterSlash.indexOf(':');
            if (image.isEmpty()) {
                problems.add(name + ": has neither build nor image");
            } else if (!image.contains("@") && (colon < 0 || afterSlash.substring(colon + 1).equals("latest"))) {
                problems.add(name + ": image '" + image + "' is not pinned to a version tag");
            }
        });
        return problems;
    }

    // ------------------------------------------------------------------------------------------------------------
    // compose helpers

    record HostPort(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    record Listener(String name, String host, int port) {
    }

    record PortMapping(Integer published, int target) {
        @Override
        public String toString() {
            return (published == null ? "" : published + ":") + target;
        }
    }

    /** A volume entry: type bind, volume (source = the volume's name, or null for an anonymous one) or tmpfs. */
    record Mount(String type, String source, String target) {
        boolean perReplica() {
            return "tmpfs".equals(type) || ("volume".equals(type) && (source == null || source.isEmpty()));
        }
    }

    /** One scrape target of a Prometheus job: a static target, or a DNS name with its port. */
    record Target(String job, String host, int port, String metricsPath) {
    }

    static String subcommand(JsonNode service) {
        JsonNode command = service.path("command");
        if (command.isArray()) {
            return command.isEmpty() ? "" : command.get(0).asText();
        }
        String text = command.asText("").trim();
        return text.isEmpty() ? "" : text.split("\\s+")[0];
    }

    /** environment as a map, whether written as a map or as a list of KEY=VALUE. */
    static Map<String, String> env(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isObject()) {
            e.properties().forEach(p -> env.put(p.getKey(), p.getValue().isNull() ? null : p.getValue().asText()));
        } else if (e.isArray()) {
            for (JsonNode item : e) {
                String text = item.asText();
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        }
        env.values().removeIf(v -> v == null);
        return env;
    }

    static void setEnv(ObjectNode compose, String service, String key, String value) {
        JsonNode e = compose.path("services").path(service).path("environment");
        if (e.isObject()) {
            ((ObjectNode) e).put(key, value);
        } else {
            ArrayNode list = (ArrayNode) e;
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i).asText().startsWith(key + "=")) {
                    list.remove(i);
                }
            }
            list.add(key + "=" + value);
        }
    }

    /** depends_on as a map from service name to its settings (empty for the short list form). */
    static Map<String, JsonNode> dependsOn(JsonNode service) {
        Map<String, JsonNode> deps = new LinkedHashMap<>();
        JsonNode d = service.path("depends_on");
        if (d.isArray()) {
            d.forEach(n -> deps.put(n.asText(), JSON.createObjectNode()));
        } else if (d.isObject()) {
            d.properties().forEach(p -> deps.put(p.getKey(), p.getValue()));
        }
        return deps;
    }

    /** ports entries, short ("[ip:]host:container[/proto]" or "container") or long syntax. */
    static List<PortMapping> publishedPorts(JsonNode service) {
        List<PortMapping> result = new ArrayList<>();
        for (JsonNode p : service.path("ports")) {
            if (p.isObject()) {
                String published = p.path("published").asText("");
                result.add(new PortMapping(published.isEmpty() ? null : port(published), p.path("target").asInt()));
                continue;
            }
            String text = p.asText();
            int slash = text.indexOf('/');
            if (slash >= 0) {
                text = text.substring(0, slash);
            }
            int lastColon = text.lastIndexOf(':');
            if (lastColon < 0) {
                result.add(new PortMapping(null, port(text)));
                continue;
            }
            String container = text.substring(lastColon + 1);
            String rest = text.substring(0, lastColon);
            int hostColon = rest.lastIndexOf(':');
            String host = hostColon < 0 ? rest : rest.substring(hostColon + 1);
            if (rest.endsWith("]")) { // "[::1]:container"? no host port
                host = "";
            }
            result.add(new PortMapping(host.isEmpty() ? null : port(host), port(container)));
        }
        return result;
    }

    /** Container ports a service exposes or publishes. */
    static Set<Integer> containerPorts(JsonNode service) {
        Set<Integer> ports = new TreeSet<>();
        publishedPorts(service).forEach(p -> ports.add(p.target()));
        service.path("expose").forEach(e -> ports.add(port(e.asText().replaceAll("/.*", ""))));
        return ports;
    }

    static int port(String text) {
        if (text.contains("-")) {
            throw new AssertionError("port ranges are not supported by this test: " + text);
        }
        return Integer.parseInt(text.trim());
    }

    /** volumes entries, short ("source:target[:mode]" or "target") or long syntax. */
    static List<Mount> mounts(JsonNode service) {
        List<Mount> result = new ArrayList<>();
        for (JsonNode v : service.path("volumes")) {
            if (v.isObject()) {
                String source = v.path("source").asText(null);
                result.add(new Mount(v.path("type").asText("volume"), source, v.path("target").asText()));
                continue;
            }
            String[] parts = v.asText().split(":");
            if (parts.length == 1) {
                result.add(new Mount("volume", null, parts[0]));
            } else {
                String source = parts[0];
                boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
                result.add(new Mount(bind ? "bind" : "volume", source, parts[1]));
            }
        }
        service.path("tmpfs").forEach(t -> result.add(new Mount("tmpfs", null, t.asText().split(":")[0])));
        if (service.path("tmpfs").isTextual()) {
            result.add(new Mount("tmpfs", null, service.path("tmpfs").asText().split(":")[0]));
        }
        return result;
    }

    /** The repository file or folder a service sees at {@code containerPath} through a bind mount. */
    static Optional<Path> hostPathOf(JsonNode service, String containerPath) {
        for (Mount m : mounts(service)) {
            if (!"bind".equals(m.type())) {
                continue;
            }
            String target = stripTrailingSlash(m.target());
            if (containerPath.equals(target)) {
                return Optional.of(REPO.resolve(m.source()).normalize());
            }
            if (containerPath.startsWith(target + "/")) {
                return Optional.of(REPO.resolve(m.source()).resolve(containerPath.substring(target.length() + 1))
                        .normalize());
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // the jar's command line

    /** Per subcommand of the real {@code paperfeed} command, its options keyed by the variable each one reads. */
    record Cli(Map<String, Map<String, OptionSpec>> envOptions, String error) {

        /** Built by reflection so that a refactoring of the CLI fails this test with a message, not a compile error. */
        static Cli load() {
            try {
                Method envName = Class.forName("io.paperfeed.app.cli.EnvironmentDefaults")
                        .getMethod("envName", String.class);
                CommandLine root = new CommandLine(Class.forName("io.paperfeed.app.PaperfeedCommand"));
                Map<String, Map<String, OptionSpec>> result = new TreeMap<>();
                for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
                    Map<String, OptionSpec> options = new TreeMap<>();
                    for (OptionSpec option : sub.getValue().getCommandSpec().options()) {
                        options.put((String) envName.invoke(null, option.longestName().replaceFirst("^-+", "")), option);
                    }
                    result.put(sub.getKey(), options);
                }
                return new Cli(result, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new Cli(Map.of(), "cannot build the paperfeed command line to compare with: " + e);
            }
        }

        /** The default of the option of {@code subcommand} that reads {@code env}, if there is one. */
        Optional<String> defaultValue(String subcommand, String env) {
            return Optional.ofNullable(envOptions.getOrDefault(subcommand, Map.of()).get(env))
                    .map(OptionSpec::defaultValue);
        }
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    // ------------------------------------------------------------------------------------------------------------
    // Kafka helpers

    /** "NAME://host:port,..." to listener name -> listener. */
    static Map<String, Listener> listeners(String value) {
        Map<String, Listener> result = new LinkedHashMap<>();
        for (String entry : splitList(value)) {
            int sep = entry.indexOf("://");
            if (sep < 0) {
                throw new AssertionError("not a NAME://host:port listener: '" + entry + "' in '" + value + "'");
            }
            String name = entry.substring(0, sep);
            HostPort hp = hostPort(entry.substring(sep + 3));
            result.put(name, new Listener(name, hp.host(), hp.port()));
        }
        return result;
    }

    /** Advertised listeners whose host other containers resolve to the kafka service. */
    static List<Listener> containerListeners(Stack s, String kafka) {
        Map<String, String> names = s.resolvableNames();
        return listeners(env(s.service(kafka)).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "")).values().stream()
                .filter(l -> kafka.equals(names.get(l.host())))
                .toList();
    }

    static List<HostPort> hostPorts(String commaSeparated) {
        return splitList(commaSeparated).stream().map(DockerComposeConsistencyTest::hostPort).toList();
    }

    static HostPort hostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new AssertionError("not host:port: '" + text + "'");
        }
        return new HostPort(text.substring(0, colon), port(text.substring(colon + 1)));
    }

    static Optional<HostPort> hostPortOfUrl(String url) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return Optional.of(new HostPort(uri.getHost(), port));
    }

    static List<String> splitList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Prometheus and Grafana helpers

    static String prometheusConfigPath(JsonNode service) {
        return flagValue(service, "--config.file").orElse(PROMETHEUS_DEFAULT_CONFIG);
    }

    static int prometheusListenPort(JsonNode service) {
        return flagValue(service, "--web.listen-address").map(a -> port(a.substring(a.lastIndexOf(':') + 1)))
                .orElse(PROMETHEUS_DEFAULT_PORT);
    }

    static Optional<String> flagValue(JsonNode service, String flag) {
        JsonNode command = service.path("command");
        List<String> args = new ArrayList<>();
        if (command.isArray()) {
            command.forEach(c -> args.add(c.asText()));
        } else {
            args.addAll(Arrays.asList(command.asText("").trim().split("\\s+")));
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith(flag + "=")) {
                return Optional.of(args.get(i).substring(flag.length() + 1));
            }
            if (args.get(i).equals(flag) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
        }
        return Optional.empty();
    }

    static Optional<Path> prometheusConfigFile(JsonNode compose) {
        for (var e : compose.path("services").properties()) {
            if (e.getValue().path("image").asText("").startsWith("prom/prometheus")) {
                return hostPathOf(e.getValue(), prometheusConfigPath(e.getValue()));
            }
        }
        return Optional.empty();
    }

    static String grafanaProvisioningPath(JsonNode service) {
        return env(service).getOrDefault("GF_PATHS_PROVISIONING", GRAFANA_DEFAULT_PROVISIONING);
    }

    static Optional<Path> grafanaProvisioningDir(Stack s) {
        return s.serviceWithImage("grafana/grafana")
                .flatMap(g -> hostPathOf(s.service(g), grafanaProvisioningPath(s.service(g))));
    }

    static List<JsonNode> grafanaDatasources(Stack s) {
        return grafanaProvisioning(s, "datasources", "datasources");
    }

    static List<JsonNode> dashboardProviders(Stack s) {
        return grafanaProvisioning(s, "dashboards", "providers");
    }

    private static List<JsonNode> grafanaProvisioning(Stack s, String folder, String key) {
        List<JsonNode> result = new ArrayList<>();
        grafanaProvisioningDir(s).ifPresent(dir -> {
            for (Path file : yamlFiles(dir.resolve(folder))) {
                readYaml(file).path(key).forEach(result::add);
            }
        });
        return result;
    }

    static List<Target> scrapeTargets(JsonNode prometheus) {
        List<Target> targets = new ArrayList<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            String name = job.path("job_name").asText();
            String path = job.path("metrics_path").asText("/metrics");
            for (JsonNode sc : job.path("static_configs")) {
                for (JsonNode t : sc.path("targets")) {
                    HostPort hp = hostPort(t.asText());
                    targets.add(new Target(name, hp.host(), hp.port(), path));
                }
            }
            for (JsonNode dns : job.path("dns_sd_configs")) {
                String type = dns.path("type").asText("SRV");
                if (!type.equals("A") && !type.equals("AAAA")) {
                    throw new AssertionError("Prometheus job '" + name + "': dns_sd_configs type " + type
                            + " is not A/AAAA; compose's DNS answers A records only");
                }
                for (JsonNode n : dns.path("names")) {
                    targets.add(new Target(name, n.asText(), dns.path("port").asInt(-1), path));
                }
            }
        }
        return targets;
    }

    static void collectPanels(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            into.add(panel);
            collectPanels(panel.path("panels"), into);
        }
    }

    static void checkDatasource(String what, JsonNode datasource, Set<String> uids, List<String> problems) {
        String uid = datasource.isObject() ? datasource.path("uid").asText("") : "";
        if (!uids.contains(uid)) {
            problems.add(what + " uses datasource " + datasource + ", whose uid is not a provisioned one " + uids);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Dockerfile helpers

    record Instruction(String keyword, String args) {
    }

    record Copy(String from, List<String> sources, String destination) {
        static Copy parse(String args) {
            List<String> words = new ArrayList<>(Arrays.asList(args.trim().split("\\s+")));
            String from = null;
            while (!words.isEmpty() && words.get(0).startsWith("--")) {
                String flag = words.remove(0);
                if (flag.startsWith("--from=")) {
                    from = flag.substring("--from=".length());
                }
            }
            if (!words.isEmpty() && words.get(0).startsWith("[")) {
                words = execForm(String.join(" ", words));
            }
            String destination = words.isEmpty() ? "" : words.remove(words.size() - 1);
            return new Copy(from, List.copyOf(words), destination);
        }

        /** Whether this COPY creates {@code path}: as its destination, or as a source's name in a destination dir. */
        boolean places(String path) {
            if (destination.equals(path)) {
                return true;
            }
            String base = path.substring(path.lastIndexOf('/') + 1);
            return destination.endsWith("/") && (destination + base).equals(path)
                    && sources.stream().anyMatch(src -> src.endsWith("/" + base) || src.equals(base));
        }
    }

    /** Instructions with continuation lines joined and comments dropped. */
    static List<Instruction> instructions(List<String> lines) {
        List<Instruction> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                String text = current.toString().strip();
                current.setLength(0);
                if (!text.isEmpty()) {
                    int space = text.indexOf(' ');
                    result.add(new Instruction(text.substring(0, space < 0 ? text.length() : space).toUpperCase(java.util.Locale.ROOT),
                            space < 0 ? "" : text.substring(space + 1).strip()));
                }
            }
        }
        return result;
    }

    /** ENV values of the Dockerfile's last stage (KEY=VALUE pairs, or the old "ENV KEY value" form). */
    static Map<String, String> dockerfileEnv(List<String> dockerfile) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction i : instructions(dockerfile)) {
            if (i.keyword().equals("FROM")) {
                env.clear();
            } else if (i.keyword().equals("ENV")) {
                String args = i.args();
                if (!args.split("\\s+")[0].contains("=")) {
                    String[] kv = args.split("\\s+", 2);
                    env.put(kv[0], kv.length > 1 ? unquote(kv[1]) : "");
                } else {
                    for (String pair : args.split("\\s+")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            env.put(pair.substring(0, eq), unquote(pair.substring(eq + 1)));
                        }
                    }
                }
            }
        }
        return env;
    }

    static List<String> execForm(String args) {
        try {
            JsonNode array = JSON.readTree(args);
            List<String> result = new ArrayList<>();
            if (array.isArray()) {
                array.forEach(a -> result.add(a.asText()));
            }
            return result;
        } catch (IOException e) {
            return List.of();
        }
    }

    static String unquote(String value) {
        return value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'")) ? value.substring(1, value.length() - 1) : value;
    }

    static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static String stripSlashes(String path) {
        String p = path.startsWith("./") ? path.substring(2) : path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    // ------------------------------------------------------------------------------------------------------------
    // files and assertions

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<Path> yamlFiles(Path dir) {
        return filesEndingWith(dir, ".yml", ".yaml");
    }

    static List<Path> jsonFiles(Path dir) {
        return filesEndingWith(dir, ".json");
    }

    private static List<Path> filesEndingWith(Path dir, String... suffixes) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> Arrays.stream(suffixes).anyMatch(x -> f.getFileName().toString().endsWith(x)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertNoProblems(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(what + " — " + problems.size() + " inconsistenc" + (problems.size() == 1 ? "y" : "ies") + ":\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    static void assertCaught(List<String> problems, String mention) {
        assertFalse(problems.isEmpty(), "the deliberately broken copy passed the check");
        assertTrue(problems.stream().anyMatch(p -> p.contains(mention)),
                () -> "no problem mentions '" + mention + "': " + problems);
    }
}
