package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.app.cli.EnvironmentDefaults;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    @Test
    void aPortInUseIsOneClearLineAndExitCode2() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String err = ConsoleOutput.stderr(() -> assertEquals(2, Main.run(new String[] {
                "demo", "--port", String.valueOf(taken.getLocalPort()), "--input", "../seeds"}, Map.of())));
            assertEquals("paperfeed: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use "
                    + "(choose another with --port, or --port 0 for a free one)", err.strip());
        }
    }

    @Test
    void aMissingInputIsOneClearLine() {
        String err = ConsoleOutput.stderr(() -> assertEquals(2,
                Main.run(new String[] {"demo", "--port", "0", "--input", "no-such-dir"}, Map.of())));
        assertTrue(err.startsWith("paperfeed: input no-such-dir does not exist"), err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void optionsComeFromFlagsThenEnvironmentThenThePropertiesFile(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("paperfeed.properties");
        Files.writeString(config, "bootstrap-servers=from-file:9092\nhttp-port=7001\napplication-id=from-file\n");
        Map<String, String> env = Map.of("PAPERFEED_HTTP_PORT", "7002", "PAPERFEED_CONFIG", config.toString());

        StreamsCommand streams = parse(new StreamsCommand(), env, "--application-id", "from-flag");
        assertEquals("from-file:9092", streams.kafka.bootstrapServers);
        assertEquals(7002, streams.http.port);
        assertEquals("from-flag", streams.applicationId);
    }

    @Test
    void environmentNamesFollowTheLongOptionName() {
        assertEquals("PAPERFEED_BOOTSTRAP_SERVERS", EnvironmentDefaults.envName("bootstrap-servers"));
        assertEquals("PAPERFEED_HTTP_PORT", EnvironmentDefaults.envName("http-port"));
    }

    private static <T> T parse(T command, Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(command)
                .setDefaultValueProvider(new EnvironmentDefaults(env, Main.configFile(args, env)));
        cli.parseArgs(args);
        return command;
    }
}
