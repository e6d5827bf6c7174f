package io.paperfeed.consumer.preview;

import io.paperfeed.consumer.recent.RecentPapers;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.match.SubscriptionMatch;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * Back-tests a subscription before it is created: which papers of the last N days it would have
 * matched, with the topics and words that matched. The subscription's one Lucene query (the
 * {@link SubscriptionValidator}'s, as the streams app builds it) runs once over the {@link RecentPapers}
 * index; the newest hits then go through a {@link SubscriptionMatcher} holding the subscription alone,
 * the matcher the streams app alerts with, which confirms each and says why. The matcher is the judge:
 * a hit it does not confirm is left out.
 */
public final class SubscriptionPreview {

    public static final int DEFAULT_DAYS = 30;
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final RecentPapers papers;
    private final SubscriptionValidator validator;
    private final Clock clock;

    public SubscriptionPreview(RecentPapers papers, SubscriptionValidator validator, Clock clock) {
        this.papers = papers;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * @param days  how far back, at most the window the papers are kept for
     * @param limit how many papers to list, newest first (the count covers all)
     * @throws io.paperfeed.subscriptions.InvalidSubscriptionException when the subscription is not valid
     * @throws IllegalArgumentException when days or limit are out of range
     */
    public PreviewResult preview(Subscription subscription, int days, int limit) {
        long started = System.nanoTime();
        long windowDays = papers.window().toDays();
        if (days < 1 || days > windowDays) {
            throw new IllegalArgumentException("days must be from 1 to " + windowDays + ", not " + days);
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 0 to " + MAX_LIMIT + ", not " + limit);
        }
        Query query = validator.check(subscription);
        Instant since = clock.instant().minus(Duration.ofDays(days));
        RecentPapers.Hits hits = papers.search(query, since, limit);
        List<PreviewPaper> listed = new ArrayList<>();
        if (!hits.newest().isEmpty()) {
            try (SubscriptionMatcher matcher = new SubscriptionMatcher(validator)) {
                matcher.register(subscription);
                for (RecentPapers.Hit hit : hits.newest()) {
                    Optional<SubscriptionMatch> match = matcher.match(hit.paper()).matches().stream()
                            .filter(m -> m.subscriptionId().equals(subscription.id())).findFirst();
                    match.ifPresent(m -> listed.add(PreviewPaper.of(hit.paper(), m.topics(), m.terms(), hit.seenAt())));
                }
            }
        }
        double tookMs = (System.nanoTime() - started) / 1e6;
        return new PreviewResult(subscription.id(), days, hits.total(), listed, hits.papers(), tookMs);
    }
}
