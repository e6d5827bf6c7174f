package io.paperfeed.consumer;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import java.util.stream.Collectors;

/** One readable line per alert, for terminals and logs. */
public final class AlertLine {

    private static final int TEXT_WIDTH = 90;
    /** The best topics shown; the alert itself carries all of them. */
    private static final int MAX_TOPICS = 3;

    private AlertLine() {
    }

    /**
     * For example {@code [all-papers] NEW arxiv:2507.20534  Kimi K2: Open Agentic Intelligence  (topics: -; 2 sources)}.
     * A paper without a title shows the start of its abstract in quotes.
     */
    public static String format(Alert alert) {
        CanonicalPaper p = alert.paper();
        String text = p.title() != null ? p.title() : "\"" + p.abstractText() + "\"";
        String topics = p.topics().isEmpty() ? "-"
                : p.topics().stream().limit(MAX_TOPICS).map(TopicMatch::id).collect(Collectors.joining(","))
                + (p.topics().size() > MAX_TOPICS ? ",…" : "");
        return "[" + alert.subscriptionId() + "] " + p.change() + " " + p.id() + "  " + shorten(text)
                + "  (topics: " + topics + "; " + p.sources().size() + (p.sources().size() == 1 ? " source)" : " sources)");
    }

    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= TEXT_WIDTH ? oneLine : oneLine.substring(0, TEXT_WIDTH - 1) + "…";
    }
}
