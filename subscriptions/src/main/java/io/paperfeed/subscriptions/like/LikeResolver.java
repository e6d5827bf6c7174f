package io.paperfeed.subscriptions.like;

import io.paperfeed.embeddings.PaperText;
import io.paperfeed.embeddings.TextEmbedder;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.LikeItem;
import io.paperfeed.model.PaperEmbedding;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.InvalidSubscriptionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives every liked paper of a subscription its embedding before the subscription is published: a paper
 * id is looked up among the papers paperfeed has seen ({@link PaperLookup}, e.g. the API's recent papers) and
 * its embedding taken from the classified paper (or computed from its title and abstract when the streams
 * app did not embed it); an inline paper, or a known id paperfeed has not seen but given with its title and
 * abstract, is embedded from that text. An id paperfeed has not seen and no text for it is refused with a
 * clear message. Items already resolved (of this model) are kept as they are; repeats are dropped.
 */
public final class LikeResolver {

    private final TextEmbedder embedder;
    private final PaperLookup papers;

    public LikeResolver(TextEmbedder embedder, PaperLookup papers) {
        this.embedder = embedder;
        this.papers = papers;
    }

    /**
     * The subscription with every liked paper resolved.
     *
     * @throws InvalidSubscriptionException ({@code unknown-paper}) for an id that cannot be resolved
     */
    public Subscription resolve(Subscription subscription) {
        if (!subscription.hasLike()) {
            return subscription;
        }
        Map<String, LikeItem> resolved = new LinkedHashMap<>();
        for (LikeItem item : subscription.like()) {
            LikeItem r = resolve(subscription.id(), item);
            resolved.putIfAbsent(r.paper() != null ? r.paper() : "text:" + r.embedding().vector(), r);
        }
        return subscription.withLike(new ArrayList<>(resolved.values()));
    }

    /** One liked paper with its embedding. */
    public LikeItem resolve(String subscriptionId, LikeItem item) {
        if (item.resolved() && item.embedding().model().equals(embedder.modelId())) {
            return item;
        }
        if (item.paper() != null) {
            String id = PaperIds.canonical(item.paper());
            Optional<CanonicalPaper> known = papers.find(id);
            if (known.isPresent()) {
                CanonicalPaper p = known.get();
                return item.resolvedAs(p.id(), p.title(), embeddingOf(p));
            }
            if (item.title() == null && item.abstractText() == null) {
                throw new InvalidSubscriptionException("unknown-paper", "subscription " + subscriptionId
                        + ": the liked paper " + item.paper() + " is not among the recent papers paperfeed knows;"
                        + " give it as {\"title\": ..., \"abstract\": ...} instead", "like", item.paper(), null);
            }
            return item.resolvedAs(id, item.title(), embedder.embedding(PaperText.of(item.title(), item.abstractText())));
        }
        return item.resolvedAs(null, item.title(), embedder.embedding(PaperText.of(item.title(), item.abstractText())));
    }

    /** The paper's embedding: the one the streams app computed, else one computed now from its text. */
    public PaperEmbedding embeddingOf(CanonicalPaper paper) {
        PaperEmbedding e = paper.embedding();
        return e != null && e.model().equals(embedder.modelId()) ? e : embedder.embedding(PaperText.of(paper));
    }

    /** Finds a paper by any reference to it. */
    public Optional<CanonicalPaper> find(String reference) {
        return papers.find(PaperIds.canonical(reference));
    }

    /** All of {@code items} resolved, each failure reported instead of thrown. */
    public List<LikeItem> resolveEach(String subscriptionId, List<LikeItem> items, List<String> problems) {
        List<LikeItem> resolved = new ArrayList<>();
        for (LikeItem item : items) {
            try {
                resolved.add(resolve(subscriptionId, item));
            } catch (InvalidSubscriptionException e) {
                problems.add(e.getMessage());
            }
        }
        return resolved;
    }
}
