/**
 * Subscriptions: turning a {@link io.paperfeed.model.Subscription} into one Lucene query
 * ({@link io.paperfeed.subscriptions.query.SubscriptionQuery}), matching papers against all of them
 * at once with lucene-monitor and saying why each matched
 * ({@link io.paperfeed.subscriptions.match.SubscriptionMatcher}), and reading them from a JSON or
 * YAML file ({@link io.paperfeed.subscriptions.SubscriptionsFile}). docs/SUBSCRIPTIONS.md
 * describes the format. Not yet wired into the topology.
 */
package io.paperfeed.subscriptions.match;
