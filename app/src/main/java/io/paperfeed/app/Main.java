package io.paperfeed.app;

import io.paperfeed.app.cli.EnvironmentDefaults;
import io.paperfeed.app.cli.UserError;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of {@code paperfeed.jar}; the only place that calls {@link System#exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    /** Runs a command line; returns the exit code (2 for a user error, printed as one line). */
    static int run(String[] args, Map<String, String> env) {
        CommandLine cli;
        try {
            cli = new CommandLine(new PaperfeedCommand())
                    .setDefaultValueProvider(new EnvironmentDefaults(env, configFile(args, env)));
        } catch (UserError e) {
            System.err.println("paperfeed: " + e.getMessage());
            return 2;
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError) {
                commandLine.getErr().println("paperfeed: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** {@code --config FILE} / {@code --config=FILE} on the command line, else {@code PAPERFEED_CONFIG}. */
    static Path configFile(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        String fromEnv = env.get("PAPERFEED_CONFIG");
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }
}
