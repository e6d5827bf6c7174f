package io.paperfeed.subscriptions.match;

import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionValidator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which subscriptions are registered and which backend answers each: a conjunction of terms and
 * phrases goes to the {@link TermIndex}, anything else to the {@link MonitorBackend}. Replacing a
 * subscription, or moving it between the backends, puts the new version in place before the old one
 * goes, so a match running meanwhile never misses it (it may see both once; the matcher keeps one).
 * Thread-safe.
 */
final class SubscriptionRegistry {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRegistry.class);

    private final SubscriptionValidator validator;
    private final boolean useTermIndex;
    private final TermIndex termIndex;
    private final MonitorBackend monitor;
    private final ProfileIndex profiles;
    private final Map<String, CompiledSubscription> byId = new ConcurrentHashMap<>();
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
    }

    /**
     * Registers or replaces a batch in one monitor update. Each subscription is checked on its own: the
     * good ones are registered, the refused ones reported. When an id appears twice the later one wins,
     * as on a compacted topic; a disabled subscription removes the registered one of its id.
     */
    Registration register(Collection<Subscription> batch) {
        Map<String, CompiledSubscription> accepted = new LinkedHashMap<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        Set<String> disabled = new LinkedHashSet<>();
        for (Subscription s : batch) {
            accepted.remove(s.id());
            rejected.remove(s.id());
            disabled.remove(s.id());
            if (s.disabled()) {
                disabled.add(s.id());
                continue;
            }
            try {
                accepted.put(s.id(), CompiledSubscription.of(s, validator, useTermIndex));
            } catch (IllegalArgumentException e) {
                rejected.put(s.id(), e.getMessage());
                log.warn("subscription {} refused: {}", s.id(), e.getMessage());
            }
        }
        monitor.register(accepted.values().stream().filter(CompiledSubscription::inMonitor).toList());
        List<String> leftMonitor = new ArrayList<>();
        accepted.forEach((id, s) -> {
            profiles.put(s.subscription()); // before the backends: a match meanwhile is gated by the new profile
            CompiledSubscription previous;
            if (s.likeOnly()) {
                previous = byId.put(id, s);
                if (previous != null && previous.inMonitor()) {
                    inMonitor.decrementAndGet();
                    leftMonitor.add(id);
                } else if (previous != null && !previous.likeOnly()) {
                    termIndex.remove(id);
                }
            } else if (s.inMonitor()) {
                previous = byId.put(id, s);
                if (previous == null || !previous.inMonitor()) {
                    inMonitor.incrementAndGet();
                }
                if (previous != null && !previous.inMonitor() && !previous.likeOnly()) {
                    termIndex.remove(id);
                }
            } else {
                termIndex.add(id, s.clauses());
                previous = byId.put(id, s);
                if (previous != null && previous.inMonitor()) {
                    inMonitor.decrementAndGet();
                    leftMonitor.add(id);
                }
            }
        });
        monitor.delete(leftMonitor);
        disabled.forEach(this::delete);
        return new Registration(List.copyOf(accepted.keySet()), rejected);
    }

    /** Deletes a subscription; false when there was none with that id. */
    boolean delete(String id) {
        CompiledSubscription removed = byId.remove(id);
        if (removed == null) {
            return false;
        }
        profiles.remove(id);
        if (removed.likeOnly()) {
            return true;
        }
        if (removed.inMonitor()) {
            inMonitor.decrementAndGet();
            monitor.delete(List.of(id));
        } else {
            termIndex.remove(id);
        }
        return true;
    }

    CompiledSubscription compiled(String id) {
        return byId.get(id);
    }

    Optional<Subscription> get(String id) {
        CompiledSubscription s = byId.get(id);
        return s == null ? Optional.empty() : Optional.of(s.subscription());
    }

    int size() {
        return byId.size();
    }

    /** The subscriptions only a profile answers (a like list, no query or topics), by id. */
    List<String> likeOnly() {
        return byId.values().stream().filter(CompiledSubscription::likeOnly).map(CompiledSubscription::id)
                .sorted().toList();
    }

    /** Whether any registered subscription is a monitor query (else the monitor is not asked at all). */
    boolean anyInMonitor() {
        return inMonitor.get() > 0;
    }
}
