package io.paperfeed.app.pipeline;

import io.paperfeed.consumer.AlertLine;
import io.paperfeed.consumer.AlertSink;
import io.paperfeed.model.Alert;
import java.io.PrintStream;

/** Prints each alert as one readable line. */
public final class ConsoleAlertSink implements AlertSink {

    private final PrintStream out;

    public ConsoleAlertSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void deliver(Alert alert) {
        out.println(AlertLine.format(alert));
    }
}
