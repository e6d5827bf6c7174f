package io.paperfeed.consumer.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why a paper reached a reader, in words: the topics it matched (by name) and the words of the query
 * that matched, e.g. {@code topics: KV cache, LLM serving; matched: "kv cache", compression}.
 */
public record Why(List<String> topics, List<String> terms) {

    public Why {
        topics = List.copyOf(topics);
        terms = List.copyOf(terms);
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
        return String.join("; ", parts);
    }
}
