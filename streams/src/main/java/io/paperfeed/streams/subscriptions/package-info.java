/**
 * Subscriptions: turning a {@link io.paperfeed.model.Subscription} into one Lucene query
 * ({@link io.paperfeed.streams.subscriptions.SubscriptionQuery}), matching papers against all of them
 * at once with lucene-monitor and saying why each matched
 * ({@link io.paperfeed.streams.subscriptions.SubscriptionMatcher}), and reading them from a JSON or
 * YAML file ({@link io.paperfeed.streams.subscriptions.SubscriptionsFile}). docs/SUBSCRIPTIONS.md
 * describes the format. Not yet wired into the topology.
 */
package io.paperfeed.streams.subscriptions;
