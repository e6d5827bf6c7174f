/**
 * Matching every subscription against each paper at once, each match with why (the paper's topics the
 * subscription named and the words, authors and categories that matched), in the manner of Lucene's own
 * monitor:
 *
 * <ul>
 *   <li>{@link io.paperfeed.subscriptions.match.SubscriptionMatcher}: the facade the streams app calls
 *       (register, delete, match);</li>
 *   <li>{@code SubscriptionRegistry}: which backend answers each subscription; one the term index answers
 *       is held as its group and two alert settings, not as its record and query (a million fit in a
 *       few hundred megabytes), and a batch registers in chunks, each distinct query parsed once;</li>
 *   <li>{@code TermIndex}: conjunctions of terms and exact phrases (most subscriptions) from an inverted
 *       index of their words and phrases, each {@code TermGroup} of identical clauses matched once
 *       (candidates in a bit set of group slots, topics named through {@code TopicBits});</li>
 *   <li>{@code MonitorBackend}: everything else in one lucene-monitor {@code Monitor};</li>
 *   <li>{@code MatchExplainer}: either backend's hits turned into the same why;</li>
 *   <li>{@link io.paperfeed.subscriptions.match.MatchResult}: the matches as groups of subscriptions
 *       sharing one why (the thousands of category watches a paper matches are one group);</li>
 *   <li>{@link io.paperfeed.subscriptions.match.RestoreBatches}: a matcher loaded from the topic's
 *       records after a restore, in batches;</li>
 *   <li>{@code ProfileIndex}: the profiles of subscriptions with a like list or ratings
 *       ({@link io.paperfeed.subscriptions.profile.Profile}); a query or topic match of such a subscription
 *       must also pass its profile (AND), a like-only subscription is scored against every embedded paper,
 *       and each match carries {@code similarTo}. Ratings from {@code paperfeed.feedback} retrain a profile
 *       before the next paper.</li>
 * </ul>
 *
 * {@code TermIndexEquivalenceTest} checks, paper by paper over a real arXiv day, that the term index
 * and a monitor-only matcher give the same subscriptions, topics and words; {@code
 * CompactMatchingEquivalenceTest} does the same on a slice of the benchmark's subscriptions and checks
 * that a batch registered at once and one by one with changes match alike.
 */
package io.paperfeed.subscriptions.match;
