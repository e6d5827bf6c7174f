package io.paperfeed.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}: a properties file of option defaults ({@code bootstrap-servers=...}). Read
 * before parsing by {@link EnvironmentDefaults}; declared here so it is accepted and documented.
 */
public final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with option defaults, keys named like the long options (env PAPERFEED_CONFIG).")
    public Path configFile;
}
