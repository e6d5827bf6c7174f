package io.paperfeed.streams.subscriptions;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.streams.classify.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All subscriptions in one lucene-monitor {@link Monitor}: each paper is matched against every
 * subscription at once (the presearcher runs only the queries that share a term with the paper), and
 * each match says why: the paper's topics the subscription named and the words, authors and categories
 * of the paper that matched its query.
 *
 * <p>Subscriptions arrive as a compacted topic delivers them: {@link #apply} registers, replaces (same
 * id) or deletes (tombstone). A subscription whose query does not parse is refused at registration and
 * never reaches the monitor, so it cannot break matching for the others. Thread-safe.
 */
public final class SubscriptionMatcher implements AutoCloseable {

    static final int MAX_TERMS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionMatcher.class);
    private static final Set<String> VALUE_FIELDS = Set.of(PaperFields.CATEGORIES, PaperFields.TOPICS);

    private final SubscriptionAnalyzer analyzer = new SubscriptionAnalyzer();
    private final Monitor monitor;
    private final Set<String> knownTopics;
    private final Map<String, Registered> subscriptions = new ConcurrentHashMap<>();

    /** A matcher that accepts any topic id, with lucene-monitor's default presearcher. */
    public SubscriptionMatcher() {
        this(Set.of());
    }

    /**
     * @param knownTopics the taxonomy's topic ids: a subscription naming another topic is refused;
     *                    empty to accept any topic id
     */
    public SubscriptionMatcher(Set<String> knownTopics) {
        this(knownTopics, new TermFilteredPresearcher());
    }

    public SubscriptionMatcher(Set<String> knownTopics, Presearcher presearcher) {
        this.knownTopics = Set.copyOf(knownTopics);
        try {
            monitor = new Monitor(analyzer, presearcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers or replaces one subscription; an {@link IllegalArgumentException} says why it was refused. */
    public void register(Subscription subscription) {
        Registration result = register(List.of(subscription));
        if (!result.allRegistered()) {
            throw new IllegalArgumentException(result.rejected().get(subscription.id()));
        }
    }

    /**
     * Registers or replaces a batch in one monitor update (much faster than one by one). Each
     * subscription is checked on its own: the good ones are registered, the refused ones reported.
     * When an id appears twice, the later one wins, as on a compacted topic.
     */
    public Registration register(Collection<Subscription> batch) {
        Map<String, Registered> accepted = new LinkedHashMap<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        for (Subscription s : batch) {
            try {
                accepted.put(s.id(), compile(s));
                rejected.remove(s.id());
            } catch (IllegalArgumentException e) {
                accepted.remove(s.id());
                rejected.put(s.id(), e.getMessage());
                LOG.warn("subscription {} refused: {}", s.id(), e.getMessage());
            }
        }
        List<MonitorQuery> queries = new ArrayList<>(accepted.size());
        accepted.forEach((id, r) -> queries.add(new MonitorQuery(id, r.query(), r.subscription().query(), Map.of())));
        try {
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        subscriptions.putAll(accepted);
        return new Registration(List.copyOf(accepted.keySet()), rejected);
    }

    /**
     * Applies one record of the subscriptions topic: a tombstone ({@code null}) deletes, a value
     * registers or replaces. A refused value also removes the version it was meant to replace (it is the
     * latest record, and the one a restart would see). Returns why a value was refused, if it was.
     */
    public Optional<String> apply(String key, Subscription value) {
        if (value == null) {
            delete(key);
            return Optional.empty();
        }
        if (!value.id().equals(key)) {
            delete(key);
            String reason = "record key " + key + " differs from the subscription id " + value.id();
            LOG.warn("subscription refused: {}", reason);
            return Optional.of(reason);
        }
        Registration result = register(List.of(value));
        if (!result.allRegistered()) {
            delete(key);
            return Optional.of(result.rejected().get(key));
        }
        return Optional.empty();
    }

    /** Deletes a subscription; false when there was none with that id. */
    public boolean delete(String id) {
        boolean existed = subscriptions.remove(id) != null;
        if (existed) {
            try {
                monitor.deleteById(id);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return existed;
    }

    /** The registered subscription with this id. */
    public Optional<Subscription> get(String id) {
        Registered r = subscriptions.get(id);
        return r == null ? Optional.empty() : Optional.of(r.subscription());
    }

    /** How many subscription queries the monitor holds. */
    public int queryCount() {
        try {
            return monitor.getQueryCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The subscriptions the paper matches (as classified: its topics are matched too), each with why. */
    public MatchResult match(CanonicalPaper paper) {
        try {
            MatchingQueries<HighlightsMatch> result = monitor.match(PaperFields.document(paper), HighlightsMatch.MATCHER);
            result.getErrors().forEach((id, e) -> LOG.warn("subscription {} failed on paper {}: {}", id, paper.id(), e.toString()));
            List<SubscriptionMatch> matches = new ArrayList<>(result.getMatchCount());
            for (HighlightsMatch m : result.getMatches()) {
                Registered r = subscriptions.get(m.getQueryId());
                if (r != null) {
                    matches.add(new SubscriptionMatch(m.getQueryId(), topics(paper, r), terms(paper, r, m)));
                }
            }
            matches.sort(Comparator.comparing(SubscriptionMatch::subscriptionId));
            return new MatchResult(matches, result.getQueriesRun(), subscriptions.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Registered compile(Subscription s) {
        if (!knownTopics.isEmpty()) {
            for (String topic : s.topics()) {
                if (!knownTopics.contains(topic)) {
                    throw new IllegalArgumentException("subscription " + s.id() + ": topic " + topic
                            + " is not in the taxonomy");
                }
            }
        }
        Query query = SubscriptionQuery.build(s);
        return new Registered(s, query, FieldTerms.of(query, VALUE_FIELDS));
    }

    private static List<String> topics(CanonicalPaper paper, Registered r) {
        List<String> named = new ArrayList<>();
        for (TopicMatch topic : paper.topics()) {
            if (r.subscription().topics().contains(topic.id()) || r.fieldTerms().matches(PaperFields.TOPICS, topic.id())) {
                named.add(topic.id());
            }
        }
        return named;
    }

    private List<String> terms(CanonicalPaper paper, Registered r, HighlightsMatch highlights) {
        Set<String> terms = new LinkedHashSet<>();
        words(terms, paper.title(), highlights.getHits(PaperFields.TITLE));
        words(terms, paper.abstractText(), highlights.getHits(PaperFields.ABSTRACT));
        for (String author : authors(paper.authors(), highlights.getHits(PaperFields.AUTHORS))) {
            add(terms, PaperFields.AUTHORS + ":" + author);
        }
        for (String category : paper.categories()) {
            if (r.fieldTerms().matches(PaperFields.CATEGORIES, category.toLowerCase(Locale.ROOT))) {
                add(terms, PaperFields.CATEGORIES + ":" + category);
            }
        }
        return List.copyOf(terms);
    }

    private static void words(Set<String> terms, String text, Collection<HighlightsMatch.Hit> hits) {
        if (text == null) {
            return;
        }
        for (HighlightsMatch.Hit hit : hits) {
            if (hit.startOffset >= 0 && hit.endOffset <= text.length() && hit.startOffset < hit.endOffset) {
                add(terms, text.substring(hit.startOffset, hit.endOffset).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The author values the hits fall in: offsets run across values, each value followed by the offset gap. */
    private List<String> authors(List<String> authors, Collection<HighlightsMatch.Hit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        int gap = analyzer.getOffsetGap(PaperFields.AUTHORS);
        Set<String> named = new LinkedHashSet<>();
        for (HighlightsMatch.Hit hit : hits) {
            int start = 0;
            for (String author : authors) {
                if (hit.startOffset >= start && hit.startOffset < start + author.length()) {
                    named.add(author);
                    break;
                }
                start += author.length() + gap;
            }
        }
        return List.copyOf(named);
    }

    private static void add(Set<String> terms, String term) {
        if (terms.size() < MAX_TERMS * 2) {
            terms.add(term);
        }
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Registered(Subscription subscription, Query query, FieldTerms fieldTerms) {
    }
}
