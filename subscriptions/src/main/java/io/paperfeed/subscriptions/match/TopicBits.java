package io.paperfeed.subscriptions.match;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The topic ids the term index's groups name, each a bit of a {@code long}, so that naming a paper's
 * topics for thousands of matched groups is an AND per group and one list per distinct answer. A
 * taxonomy has far fewer than 64 topics; a group naming a topic beyond the 64th is named the slow way.
 * Bits are given under the term index's write lock and read under its read lock.
 */
final class TopicBits {

    /** The mask of a group that names a topic without a bit: its topics are looked up one by one. */
    static final long UNMAPPED = -1L;

    private final Map<String, Integer> bits = new HashMap<>();

    /** The mask of these topics, giving new ones a bit while there are bits left. */
    long mask(Set<String> topics) {
        long mask = 0;
        for (String topic : topics) {
            Integer bit = bits.get(topic);
            if (bit == null && bits.size() < Long.SIZE - 1) {
                bit = bits.size();
                bits.put(topic, bit);
            }
            if (bit == null) {
                return UNMAPPED;
            }
            mask |= 1L << bit;
        }
        return mask;
    }

    /** A paper's topics, for naming them for its groups. */
    Paper of(CanonicalPaper paper) {
        return new Paper(paper);
    }

    /** The paper's topics as bits, and the lists of them already made. */
    final class Paper {

        private final List<TopicMatch> topics;
        private final long[] topicBits;
        private final Map<Long, List<String>> named = new HashMap<>();

        private Paper(CanonicalPaper paper) {
            topics = paper.topics();
            topicBits = new long[topics.size()];
            for (int i = 0; i < topicBits.length; i++) {
                Integer bit = bits.get(topics.get(i).id());
                topicBits[i] = bit == null ? 0 : 1L << bit;
            }
        }

        /** The paper's topics (in its order) that the group names, as an immutable list. */
        List<String> named(TermGroup group) {
            if (group.topicMask == 0) {
                return List.of();
            }
            if (group.topicMask == UNMAPPED) {
                return slow(group.topics);
            }
            long common = 0;
            for (long bit : topicBits) {
                common |= bit & group.topicMask;
            }
            return common == 0 ? List.of() : named.computeIfAbsent(common, this::ofMask);
        }

        private List<String> ofMask(long mask) {
            List<String> found = new ArrayList<>(Long.bitCount(mask));
            for (int i = 0; i < topicBits.length; i++) {
                if ((topicBits[i] & mask) != 0) {
                    found.add(topics.get(i).id());
                }
            }
            return List.copyOf(found);
        }

        private List<String> slow(Set<String> names) {
            List<String> found = new ArrayList<>();
            for (TopicMatch topic : topics) {
                if (names.contains(topic.id())) {
                    found.add(topic.id());
                }
            }
            return List.copyOf(found);
        }
    }
}
