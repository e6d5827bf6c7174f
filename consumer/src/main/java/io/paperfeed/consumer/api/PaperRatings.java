package io.paperfeed.consumer.api;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Rating;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.FeedbackPublisher;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.like.LikeResolver;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The one way a paper is rated for a subscription, by the API ({@code POST /subscriptions/{id}/feedback}) and
 * by the rating links of mails and feeds ({@code /rate}): the paper is looked up among the recent papers the
 * service read (its title and embedding go with the rating, so no streams instance has to look it up) and
 * the {@link Rating} is written to {@code paperfeed.feedback}.
 */
public final class PaperRatings {

    /** A rating as written, the paper it rates, and where it was written. */
    public record Written(Rating rating, CanonicalPaper paper, RecordMetadata where) {
    }

    private final Supplier<LikeResolver> resolvers;
    private final FeedbackPublisher feedback;
    private final Clock clock;

    PaperRatings(Supplier<LikeResolver> resolvers, FeedbackPublisher feedback, Clock clock) {
        this.resolvers = resolvers;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** The paper, when it is among the recent papers (a canonical or arXiv id, or an alias). */
    Optional<CanonicalPaper> find(String paper) {
        return resolvers.get().find(paper);
    }

    /**
     * @param paper  a canonical or arXiv id
     * @param rating 1 (more like this) or -1 (not this)
     * @throws ApiError 400 {@code unknown-paper} when the paper is not among the recent papers, 503 when Kafka
     *                  does not take the rating
     */
    Written rate(Subscription subscription, String paper, int rating) throws InterruptedException {
        if (Math.abs(rating) != 1) {
            throw ApiError.badRequest("invalid-rating", "\"rating\" is 1 (more like this) or -1 (not this)")
                    .detail("field", "rating");
        }
        LikeResolver resolver = resolvers.get();
        CanonicalPaper found = resolver.find(paper).orElseThrow(() -> ApiError.badRequest("unknown-paper",
                "paper " + paper + " is not among the recent papers this service knows").detail("paper", paper));
        Rating r = new Rating(subscription.id(), found.id(), rating, found.title(), resolver.embeddingOf(found),
                clock.instant());
        try {
            return new Written(r, found, feedback.rate(r));
        } catch (SubscriptionPublisher.PublishException e) {
            throw new ApiError(503, "kafka-unavailable", e.getMessage());
        }
    }
}
