package io.paperfeed.consumer.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.model.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The body of a webhook request: {@code standard} is the alert JSON exactly as on
 * {@code paperfeed.alerts}; {@code slack} is a Slack incoming-webhook message {@code {"text": …}}
 * with the title linked to the paper, and its topics.
 */
public final class WebhookBody {

    private WebhookBody() {
    }

    /** The UTF-8 JSON body for an alert in the given format. */
    public static byte[] of(Alert alert, Delivery.Format format) {
        Object value = format == Delivery.Format.SLACK ? Map.of("text", slackText(alert)) : alert;
        try {
            return Json.MAPPER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + alert.alertId() + " as JSON", e);
        }
    }

    /**
     * For example {@code New paper for *KV cache*: <https://arxiv.org/abs/2507.20534|Kimi K2>\nTopics: kv-cache, llm-serving};
     * a status change or update says what it brought: {@code Paper update for *covid-ml*: <…|…> (published in Patterns (10.1016/…))}.
     */
    static String slackText(Alert alert) {
        CanonicalPaper p = alert.paper();
        String title = escape(p.title() != null ? p.title() : shorten(p.abstractText()));
        String link = link(p);
        String paper = link == null ? title : "<" + escape(link) + "|" + title + ">";
        List<String> topics = !alert.topics().isEmpty() ? alert.topics()
                : p.topics().stream().map(TopicMatch::id).toList();
        String head = alert.occasion() == io.paperfeed.model.AlertOn.NEW ? "New paper for *" : "Paper update for *";
        String why = alert.reason() == null ? "" : " (" + escape(alert.reason()) + ")";
        return head + escape(alert.subscriptionId()) + "*: " + paper + why
                + "\nTopics: " + (topics.isEmpty() ? "-" : escape(String.join(", ", topics)));
    }

    /** The arXiv abstract page when the paper has an arXiv id, else its first link, else null. */
    static String link(CanonicalPaper p) {
        if (p.arxivId() != null) {
            return "https://arxiv.org/abs/" + p.arxivId();
        }
        return p.links().isEmpty() ? null : p.links().get(0);
    }

    /** Slack's three control characters; everything else is sent as is. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 119) + "…";
    }
}
