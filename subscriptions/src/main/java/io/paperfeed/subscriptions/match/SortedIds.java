package io.paperfeed.subscriptions.match;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A group's subscription ids: an immutable list in id order, replaced by a new one when ids join or
 * leave (matching reads the old one unlocked). A batch joins in one merge, so registering a million
 * subscriptions copies each group once per batch, not once per subscription.
 */
final class SortedIds {

    private SortedIds() {
    }

    /**
     * The first 8 characters of an id as a number in the same order as the ids (ids are ASCII:
     * {@code Subscription.ID}): ids with different keys compare as their keys, unsigned.
     */
    static long key(String id) {
        long key = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            key = key << 8 | (i < id.length() ? id.charAt(i) & 0xFF : 0);
        }
        return key;
    }

    /** The ids with the joined ones merged in, in order, each once. */
    static List<String> with(List<String> ids, List<String> joined) {
        String[] added = joined.toArray(String[]::new);
        Arrays.sort(added);
        String[] merged = new String[ids.size() + added.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < ids.size() || j < added.length) {
            int order = i == ids.size() ? 1 : j == added.length ? -1 : ids.get(i).compareTo(added[j]);
            String next = order <= 0 ? ids.get(i++) : added[j++];
            if (order == 0) {
                j++;
            }
            if (n == 0 || !merged[n - 1].equals(next)) {
                merged[n++] = next;
            }
        }
        return List.of(n == merged.length ? merged : Arrays.copyOf(merged, n));
    }

    /** The ids without the ones that left. */
    static List<String> without(List<String> ids, List<String> left) {
        Set<String> leaving = left.size() == 1 ? Set.of(left.get(0)) : new HashSet<>(left);
        return ids.stream().filter(id -> !leaving.contains(id)).toList();
    }
}
