package io.paperfeed.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the environment, then from a properties file, so docker-compose and a real
 * cluster run the same jar: option {@code --bootstrap-servers} reads {@code PAPERFEED_BOOTSTRAP_SERVERS},
 * then the key {@code bootstrap-servers} of the file named by {@code --config} or {@code PAPERFEED_CONFIG}.
 * Flags given on the command line win over both. A boolean flag on the command line always means true
 * (its {@code --no-} form, where there is one, false), whatever its default: every boolean option is
 * declared {@code arity = "0..1", fallbackValue = "true"} or negatable, because picocli otherwise sets a
 * flag to the opposite of its default, so a default of true from here would be turned off by the flag
 * meaning the same ({@code BooleanOptionsTest}).
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

    /** Environment variables documented under another name than the option's. */
    private static final Map<String, String> ALSO_READ = Map.of(
            "allow-loopback-webhooks", "PAPERFEED_WEBHOOK_ALLOW_LOOPBACK");

    private final Map<String, String> env;
    private final Properties file;

    public EnvironmentDefaults(Map<String, String> env, Path configFile) {
        this.env = env;
        this.file = load(configFile);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        String fromEnv = env.get(envName(name));
        if ((fromEnv == null || fromEnv.isBlank()) && ALSO_READ.containsKey(name)) {
            fromEnv = env.get(ALSO_READ.get(name));
        }
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return file.getProperty(name);
    }

    /** {@code bootstrap-servers} → {@code PAPERFEED_BOOTSTRAP_SERVERS}. */
    public static String envName(String optionName) {
        return "PAPERFEED_" + optionName.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static Properties load(Path configFile) {
        Properties p = new Properties();
        if (configFile == null) {
            return p;
        }
        try (Reader reader = Files.newBufferedReader(configFile)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UserError("cannot read the configuration file " + configFile + ": " + e.getMessage());
        }
        return p;
    }
}
