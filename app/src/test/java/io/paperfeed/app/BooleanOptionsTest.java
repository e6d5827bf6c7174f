package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.paperfeed.app.cli.EnvironmentDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every boolean option of every command: the flag means true whatever its default says, so an
 * environment variable and a flag meaning the same never cancel out (picocli's default for an
 * arity-0 boolean is to set it to the opposite of its default).
 */
class BooleanOptionsTest {

    static Stream<Arguments> booleanOptions() {
        List<Arguments> all = new ArrayList<>();
        CommandLine root = new CommandLine(new PaperfeedCommand());
        root.getSubcommands().forEach((command, cli) -> {
            for (OptionSpec option : cli.getCommandSpec().options()) {
                boolean bool = option.type() == boolean.class || option.type() == Boolean.class;
                if (bool && !option.usageHelp() && !option.versionHelp()) {
                    all.add(Arguments.of(command, option.longestName()));
                }
            }
        });
        return all.stream();
    }

    @Test
    void everyCommandsBooleanOptionsAreCovered() {
        List<String> names = booleanOptions().map(a -> a.get()[0] + " " + a.get()[1]).toList();
        for (String expected : List.of("demo --exit-when-idle", "demo --allow-loopback-webhooks",
                "consumer --allow-loopback-webhooks", "producer --once", "producer --no-checkpoint",
                "parse --invalid-json")) {
            assertEquals(true, names.contains(expected), expected + " in " + names);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("booleanOptions")
    void theFlagMeansTrueWhateverTheEnvironmentSays(String command, String flag) {
        String env = EnvironmentDefaults.envName(flag.replaceFirst("^-+", ""));
        for (String fromEnv : new String[] {null, "true", "false"}) {
            Map<String, String> environment = fromEnv == null ? Map.of() : Map.of(env, fromEnv);
            assertEquals(true, value(command, flag, environment, flag), command + " " + flag + " with " + env + "=" + fromEnv);
        }
        assertEquals(true, value(command, flag, Map.of(env, "true"), null), "the environment alone sets it");
        assertEquals(false, value(command, flag, Map.of(), null), "off by default");
        assertEquals(false, value(command, flag, Map.of(env, "true"), flag + "=false"), "an explicit false wins");
    }

    @Test
    void loopbackWebhooksFromTheirOwnVariableAndTheFlagAllow() {
        Map<String, String> env = Map.of("PAPERFEED_WEBHOOK_ALLOW_LOOPBACK", "true");
        for (String command : List.of("demo", "consumer")) {
            assertEquals(true, value(command, "--allow-loopback-webhooks", env, "--allow-loopback-webhooks"), command);
            assertEquals(true, value(command, "--allow-loopback-webhooks", env, null), command);
            assertFalse((Boolean) value(command, "--allow-loopback-webhooks", env, "--no-allow-loopback-webhooks"), command);
        }
    }

    /** The option's value after parsing {@code command [required args] [given]}. */
    private static Object value(String command, String flag, Map<String, String> env, String given) {
        CommandLine root = new CommandLine(new PaperfeedCommand()).setDefaultValueProvider(new EnvironmentDefaults(env, null));
        CommandLine cli = root.getSubcommands().get(command);
        List<String> args = new ArrayList<>(List.of(command));
        if (cli.getCommandSpec().findOption("--bootstrap-servers") != null
                && cli.getCommandSpec().findOption("--bootstrap-servers").required()) {
            args.addAll(List.of("--bootstrap-servers", "127.0.0.1:9"));
        }
        if (given != null) {
            args.add(given);
        }
        if (!cli.getCommandSpec().positionalParameters().isEmpty()) {
            args.add("some-input");
        }
        root.parseArgs(args.toArray(String[]::new));
        return cli.getCommandSpec().findOption(flag).getValue();
    }
}
