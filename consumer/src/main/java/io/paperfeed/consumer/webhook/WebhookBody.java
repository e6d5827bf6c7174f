package io.paperfeed.consumer.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperfeed.consumer.render.Why;
import io.paperfeed.model.Alert;
import io.paperfeed.model.AlertOn;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.text.ReadablePaper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The body of a webhook request: {@code standard} is the alert JSON exactly as on
 * {@code paperfeed.alerts}; {@code slack} is a Slack incoming-webhook message {@code {"text": …}}
 * with the title linked to the paper, and its topics.
 */
public final class WebhookBody {

    private static final int AUTHORS_SHOWN = 5;

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
     * For example {@code New paper for *kv*: <https://arxiv.org/abs/2507.20534|Kimi K2>\nBy A, B and C\n
     * Topics: kv-cache, llm-serving · matched: kv cache}: the title as a reader sees it ({@link ReadablePaper}),
     * linked to the paper, its authors, and why it matched; a status change or update says what it brought:
     * {@code Paper update for *covid-ml*: <…|…> (published in Patterns (10.1016/…))}.
     */
    static String slackText(Alert alert) {
        CanonicalPaper p = alert.paper();
        ReadablePaper readable = ReadablePaper.of(p);
        String title = escape(readable.title());
        String paper = readable.link() == null ? title : "<" + escape(readable.link()) + "|" + title + ">";
        List<String> topics = !alert.topics().isEmpty() ? alert.topics()
                : p.topics().stream().map(TopicMatch::id).toList();
        String authors = readable.authorLine(AUTHORS_SHOWN);
        String head = alert.occasion() == AlertOn.NEW ? "New paper for *" : "Paper update for *";
        String why = alert.reason() == null ? "" : " (" + escape(alert.reason()) + ")";
        return head + escape(alert.subscriptionId()) + "*: " + paper + why
                + (authors.isEmpty() ? "" : "\nBy " + escape(authors))
                + "\nTopics: " + (topics.isEmpty() ? "-" : escape(String.join(", ", topics)))
                + (alert.terms().isEmpty() ? "" : " · matched: " + escape(String.join(", ", alert.terms())))
                + (alert.similarTo() == null ? "" : "\nWhy: " + escape(new Why(List.of(), List.of(), alert.similarTo())
                        .sentence(Map.of())));
    }

    /** Slack's three control characters; everything else is sent as is. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
