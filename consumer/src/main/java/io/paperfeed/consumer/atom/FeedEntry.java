package io.paperfeed.consumer.atom;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.SimilarTo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One paper in a feed, and why it is there.
 *
 * @param topics the topics it matched (a subscription's named topics, or all of the paper's in a topic feed)
 * @param terms  the words of the query that matched (empty in a topic feed)
 * @param seenAt when the feed got it (the Kafka record's time)
 * @param similarTo for a like-subscription's alert, its score and the liked papers closest to it; else null
 */
public record FeedEntry(CanonicalPaper paper, List<String> topics, List<String> terms, Instant seenAt,
                        SimilarTo similarTo) {

    public FeedEntry {
        Objects.requireNonNull(paper, "paper");
        topics = List.copyOf(topics);
        terms = List.copyOf(terms);
        Objects.requireNonNull(seenAt, "seenAt");
    }

    /** An entry without a like profile's explanation (a topic feed's, or a query's). */
    public FeedEntry(CanonicalPaper paper, List<String> topics, List<String> terms, Instant seenAt) {
        this(paper, topics, terms, seenAt, null);
    }

    /**
     * The id the paper was first published under: its first alias, else its id. A paper first seen
     * without an arXiv id keeps the entry id of its content id after it gets one, so a feed reader
     * shows it once.
     */
    public String firstId() {
        return paper.aliases().isEmpty() ? paper.id() : paper.aliases().get(0);
    }

    FeedEntry withPaper(CanonicalPaper shared) {
        return new FeedEntry(shared, topics, terms, seenAt, similarTo);
    }
}
