package io.paperfeed.consumer.render;

import io.paperfeed.model.Alert;
import io.paperfeed.model.SimilarTo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a paper reached a reader, in words: the topics it matched (by name), the words of the query
 * that matched, and for a like-subscription the liked papers it is closest to and its score, e.g.
 * {@code topics: KV cache, LLM serving; matched: "kv cache", compression; like “Kimi K2” (0.83); score 0.91 ≥ 0.60}.
 *
 * @param similarTo the like profile's explanation ({@link Alert#similarTo()}), or null
 */
public record Why(List<String> topics, List<String> terms, SimilarTo similarTo) {

    public Why {
        topics = List.copyOf(topics);
        terms = List.copyOf(terms);
    }

    /** Topics and words, no like profile. */
    public Why(List<String> topics, List<String> terms) {
        this(topics, terms, null);
    }

    /** Why an alert (or a digest's alert) was sent. */
    public static Why of(Alert alert) {
        return new Why(alert.topics(), alert.terms(), alert.similarTo());
    }

    /** The sentence, with topic ids named from {@code topicNames} (ids without a name stay ids); empty when there is no reason. */
    public String sentence(Map<String, String> topicNames) {
        List<String> parts = new ArrayList<>();
        if (!topics.isEmpty()) {
            parts.add("topics: " + String.join(", ", topics.stream().map(t -> topicNames.getOrDefault(t, t)).toList()));
        }
        if (!terms.isEmpty()) {
            parts.add("matched: " + String.join(", ", terms.stream()
                    .map(t -> t.contains(" ") && !t.contains(":") ? "“" + t + "”" : t).toList()));
        }
        if (similarTo != null) {
            if (!similarTo.closest().isEmpty()) {
                parts.add("like " + String.join(", ", similarTo.closest().stream()
                        .map(c -> "“" + (c.title() == null ? c.paper() : c.title()) + "” (" + number(c.similarity()) + ")")
                        .toList()));
            }
            parts.add("score " + number(similarTo.score()) + " ≥ " + number(similarTo.threshold()));
        }
        return String.join("; ", parts);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
