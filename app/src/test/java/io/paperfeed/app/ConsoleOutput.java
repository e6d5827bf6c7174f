package io.paperfeed.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** What a command run in-process printed to standard output or standard error, for the tests of {@code Main}. */
final class ConsoleOutput {

    private ConsoleOutput() {
    }

    static String stdout(Runnable action) {
        return capture(action, System.out, System::setOut);
    }

    static String stderr(Runnable action) {
        return capture(action, System.err, System::setErr);
    }

    private static String capture(Runnable action, PrintStream original, Consumer<PrintStream> set) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        set.accept(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            set.accept(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
