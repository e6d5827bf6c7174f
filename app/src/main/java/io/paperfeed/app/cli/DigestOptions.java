package io.paperfeed.app.cli;

import io.paperfeed.streams.alerts.DigestWindows;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How the streams app cuts digest windows (docs/SUBSCRIPTIONS.md). */
public final class DigestOptions {

    @Option(names = "--digest-period", paramLabel = "DURATION", defaultValue = "P1D",
            description = "Length of a digest window, ISO-8601 (P1D a day, PT1H an hour, PT30S; env PAPERFEED_DIGEST_PERIOD; "
                    + "default ${DEFAULT-VALUE}). Windows are aligned to the epoch: whole UTC days for P1D.")
    Duration period;

    @Option(names = "--digest-grace", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "How long after its end a window waits for papers still on their way through the pipeline "
                    + "before its digest is sent (env PAPERFEED_DIGEST_GRACE; default ${DEFAULT-VALUE}).")
    Duration grace;

    /** The settings, checked. */
    public DigestWindows.Settings settings() {
        try {
            return new DigestWindows.Settings(period, grace);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
