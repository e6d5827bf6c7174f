/**
 * The one home of subscriptions, below every service that uses them (producer, streams and consumer
 * know nothing of each other; they share this module and {@code model}).
 *
 * <ul>
 *   <li>{@link io.paperfeed.subscriptions.SubscriptionValidator}: the one check beyond the record's own
 *       (taxonomy topic ids, a query that parses); the API, the file loader, the view and the matcher
 *       all ask it.</li>
 *   <li>{@link io.paperfeed.subscriptions.SubscriptionTable}: the one set of rules for the compacted topic
 *       {@code paperfeed.subscriptions} (key = id, tombstones, disabled kept, unreadable records counted
 *       and logged with their position); {@link io.paperfeed.subscriptions.SubscriptionView} keeps a table
 *       read in a service (catch-up and read-your-writes waits); the streams app feeds one from its global
 *       store.</li>
 *   <li>{@link io.paperfeed.subscriptions.SubscriptionPublisher}: the one writer of the topic (the API, the
 *       subscriptions file, the 410-Gone disable), validated, {@code acks=all}.</li>
 *   <li>{@link io.paperfeed.subscriptions.SubscriptionsFile}: JSON or YAML files, each entry checked on its own.</li>
 *   <li>{@link io.paperfeed.subscriptions.FeedbackPublisher}: the one writer of {@code paperfeed.feedback}
 *       (ratings, key {@code subscription|paper}), and {@link io.paperfeed.subscriptions.FeedbackRecords}: the
 *       rules its readers (the streams app's global store, the dead-letter audit) read a record by.</li>
 * </ul>
 *
 * Sub-packages: {@code query} (the query language and its analyzer), {@code taxonomy} (the topics and
 * the classifier into them), {@code match} (every subscription against each paper, with why),
 * {@code profile} (what a like-subscription has learnt), {@code like} (like lists resolved to embeddings,
 * libraries uploaded as like lists).
 * docs/SUBSCRIPTIONS.md describes the format.
 */
package io.paperfeed.subscriptions;
