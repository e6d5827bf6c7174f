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
 * Flags given on the command line win over both.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

    private final Map<String, String> env;
    private final Properties file;

    public EnvironmentDefaults(Map<String, String> env, Path configFile) {
        this.env = env;
        this.file = load(configFile);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        String fromEnv = env.get(envName(name));
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
