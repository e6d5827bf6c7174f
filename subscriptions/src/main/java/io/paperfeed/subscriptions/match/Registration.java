package io.paperfeed.subscriptions.match;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What registering a batch of subscriptions did: the ids now registered (new or replaced) and, for
 * each subscription refused, why. A refused subscription does not stop the others.
 */
public record Registration(List<String> registered, Map<String, String> rejected) {

    public Registration {
        registered = List.copyOf(registered);
        rejected = Collections.unmodifiableMap(new LinkedHashMap<>(rejected));
    }

    public boolean allRegistered() {
        return rejected.isEmpty();
    }
}
