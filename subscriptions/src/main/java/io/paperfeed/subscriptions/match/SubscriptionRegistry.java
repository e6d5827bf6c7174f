package io.paperfeed.subscriptions.match;

import io.paperfeed.model.AlertOn;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionValidator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which subscriptions are registered and which backend answers each: a conjunction of terms and
 * phrases goes to the {@link TermIndex}, anything else to the {@link MonitorBackend}. A subscription the
 * term index answers is held as a {@link Registered} of a few bytes (its group and its alert settings),
 * not as its record and query: a million of them fit in a few hundred megabytes. Replacing a
 * subscription, or moving it between the backends, puts the new version in place before the old one
 * goes, so a match running meanwhile never misses it (it may see both once; the matcher keeps one).
 * Registration is serialised; matching is not blocked by it.
 */
final class SubscriptionRegistry {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRegistry.class);
    /** A large batch is compiled and registered this many at a time, so its queries never all live at once. */
    static final int CHUNK = 4096;

    private final SubscriptionValidator validator;
    private final boolean useTermIndex;
    private final TermIndex termIndex;
    private final MonitorBackend monitor;
    private final ProfileIndex profiles;
    private final Map<String, Registered> byId = new ConcurrentHashMap<>();
    /** The subscriptions with a like list and nothing else: the profile index alone answers them. */
    private final Set<String> likeOnly = ConcurrentHashMap.newKeySet();
    /** How many registered subscriptions are monitor queries (the monitor's own count visits every query). */
    private final AtomicInteger inMonitor = new AtomicInteger();

    /** A registry with profiles over the shipped background. */
    SubscriptionRegistry(SubscriptionValidator validator, boolean useTermIndex, TermIndex termIndex,
                         MonitorBackend monitor) {
        this(validator, useTermIndex, termIndex, monitor, new ProfileIndex(
                io.paperfeed.subscriptions.profile.Background.shipped(),
                io.paperfeed.subscriptions.profile.ProfileSettings.defaults()));
    }

    SubscriptionRegistry(SubscriptionValidator validator, boolean useTermIndex, TermIndex termIndex,
                         MonitorBackend monitor, ProfileIndex profiles) {
        this.validator = validator;
        this.useTermIndex = useTermIndex;
        this.termIndex = termIndex;
        this.monitor = monitor;
        this.profiles = profiles;
        profiles.registeredBy(byId::containsKey);
    }

    /**
     * A registered subscription: its compiled query when the monitor answers it, else its term index
     * group; and what the alerts need of it.
     */
    record Registered(CompiledSubscription monitored, TermGroup group, Subscription.Mode mode,
                      Set<AlertOn> alertOn) {
    }

    /** The few distinct sets of occasions, shared by every subscription that names one. */
    private static final Map<Set<AlertOn>, Set<AlertOn>> OCCASIONS = new ConcurrentHashMap<>();

    private static Set<AlertOn> occasions(Subscription s) {
        Set<AlertOn> set = s.alertOn().isEmpty() ? EnumSet.of(AlertOn.NEW) : EnumSet.copyOf(s.alertOn());
        return OCCASIONS.computeIfAbsent(Collections.unmodifiableSet(set), k -> k);
    }

    /**
     * Registers or replaces a batch. Each subscription is checked on its own: the good ones are
     * registered, the refused ones reported. When an id appears twice the later one wins, as on a
     * compacted topic; a disabled subscription removes the registered one of its id. The batch is
     * applied {@link #CHUNK} subscriptions at a time, each chunk in one monitor update and one term
     * index write. Subscriptions with the same query and topics (thousands watch one category) are
     * parsed and checked once.
     */
    synchronized Registration register(Collection<Subscription> batch) {
        Map<String, Subscription> latest = new LinkedHashMap<>();
        for (Subscription s : batch) {
            latest.remove(s.id());
            latest.put(s.id(), s);
        }
        List<String> registered = new ArrayList<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        List<Subscription> chunk = new ArrayList<>(Math.min(CHUNK, latest.size()));
        Map<String, CompiledSubscription> compiled = new HashMap<>();
        for (Subscription s : latest.values()) {
            chunk.add(s);
            if (chunk.size() == CHUNK) {
                registerChunk(chunk, compiled, registered, rejected);
                chunk.clear();
            }
        }
        registerChunk(chunk, compiled, registered, rejected);
        return new Registration(registered, rejected);
    }

    /** @param compiled the queries of the batch compiled so far, by {@link CompiledSubscription#key}: each is parsed once */
    private void registerChunk(List<Subscription> chunk, Map<String, CompiledSubscription> compiled,
                               List<String> registered, Map<String, String> rejected) {
        List<CompiledSubscription> accepted = new ArrayList<>(chunk.size());
        List<String> disabled = new ArrayList<>();
        for (Subscription s : chunk) {
            if (s.disabled()) {
                disabled.add(s.id());
                continue;
            }
            try {
                // a like list is checked with each subscription: only the query and topics compile the same
                String key = s.like().isEmpty() ? CompiledSubscription.key(s) : null;
                CompiledSubscription same = key == null ? null : compiled.get(key);
                if (same == null) {
                    same = CompiledSubscription.of(s, validator, useTermIndex);
                    if (key != null) {
                        compiled.put(key, same);
                    }
                }
                accepted.add(same.as(s));
            } catch (IllegalArgumentException e) {
                rejected.put(s.id(), e.getMessage());
                log.warn("subscription {} refused: {}", s.id(), e.getMessage());
            }
        }
        monitor.register(accepted.stream().filter(CompiledSubscription::inMonitor).toList());
        List<CompiledSubscription> indexed = accepted.stream().filter(s -> !s.inMonitor() && !s.likeOnly()).toList();
        List<TermGroup> groups = termIndex.add(indexed.stream().map(CompiledSubscription::id).toList(),
                indexed.stream().map(CompiledSubscription::clauses).toList());
        List<String> leftMonitor = new ArrayList<>();
        List<String> leftGroup = new ArrayList<>();
        List<TermGroup> leftGroups = new ArrayList<>();
        int g = 0;
        for (CompiledSubscription s : accepted) {
            Subscription record = s.subscription();
            Registered entry = s.inMonitor() ? new Registered(s, null, record.mode(), occasions(record))
                    : s.likeOnly() ? new Registered(null, null, record.mode(), occasions(record))
                    : new Registered(null, groups.get(g++), record.mode(), occasions(record));
            if (s.likeOnly()) {
                likeOnly.add(s.id());
            } else {
                likeOnly.remove(s.id());
            }
            Registered previous = byId.put(s.id(), entry);
            profiles.put(record); // once registered: ratings that came first make its profile now
            boolean wasInMonitor = previous != null && previous.monitored() != null;
            if (s.inMonitor() && !wasInMonitor) {
                inMonitor.incrementAndGet();
            } else if (!s.inMonitor() && wasInMonitor) {
                inMonitor.decrementAndGet();
                leftMonitor.add(s.id());
            }
            if (previous != null && previous.group() != null && previous.group() != entry.group()) {
                leftGroup.add(s.id());
                leftGroups.add(previous.group());
            }
            registered.add(s.id());
        }
        termIndex.remove(leftGroup, leftGroups);
        monitor.delete(leftMonitor);
        disabled.forEach(this::delete);
    }

    /** Deletes a subscription; false when there was none with that id. */
    synchronized boolean delete(String id) {
        Registered removed = byId.remove(id);
        if (removed == null) {
            return false;
        }
        profiles.remove(id);
        likeOnly.remove(id);
        if (removed.monitored() == null && removed.group() == null) { // like only
            return true;
        }
        if (removed.monitored() != null) {
            inMonitor.decrementAndGet();
            monitor.delete(List.of(id));
        } else {
            termIndex.remove(List.of(id), List.of(removed.group()));
        }
        return true;
    }

    /** The compiled query of a subscription the monitor answers; null for any other id. */
    CompiledSubscription monitored(String id) {
        Registered r = byId.get(id);
        return r == null ? null : r.monitored();
    }

    Registered get(String id) {
        return byId.get(id);
    }

    int size() {
        return byId.size();
    }

    /** The subscriptions only a profile answers (a like list, no query or topics), by id. */
    List<String> likeOnly() {
        return likeOnly.isEmpty() ? List.of() : likeOnly.stream().sorted().toList();
    }

    /** Whether any registered subscription is a monitor query (else the monitor is not asked at all). */
    boolean anyInMonitor() {
        return inMonitor.get() > 0;
    }
}
