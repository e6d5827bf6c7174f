package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * A taxonomy topic assigned to a paper, with the score and why: the reason a subscriber got the paper.
 *
 * @param score a BM25 score when {@code by} is {@link By#QUERY}; the cosine similarity of the paper's
 *              embedding to the topic's when it is {@link By#MEANING}
 * @param terms the words of the paper that matched the topic's query; empty for a topic found by meaning
 * @param by    how the topic was found: its query matched ({@code query}), or no query matched and the
 *              topic is among the nearest by meaning ({@code meaning}); default query
 */
public record TopicMatch(String id, double score, List<String> terms, By by) {

    public TopicMatch {
        Provenance.requireText(id, "id");
        terms = terms == null ? List.of() : List.copyOf(terms);
        by = by == null ? By.QUERY : by;
    }

    /** A topic its query matched. */
    public TopicMatch(String id, double score, List<String> terms) {
        this(id, score, terms, By.QUERY);
    }

    /** A topic found by meaning, with its similarity. */
    public static TopicMatch byMeaning(String id, double similarity) {
        return new TopicMatch(id, similarity, List.of(), By.MEANING);
    }

    @JsonCreator
    static TopicMatch fromJson(@JsonProperty("id") String id, @JsonProperty("score") double score,
                               @JsonProperty("terms") List<String> terms, @JsonProperty("by") By by) {
        return new TopicMatch(id, score, terms, by);
    }

    /** How a topic was found. */
    public enum By {
        QUERY, MEANING;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static By of(String value) {
            return Enums.parse(By.class, value, "by");
        }
    }
}
