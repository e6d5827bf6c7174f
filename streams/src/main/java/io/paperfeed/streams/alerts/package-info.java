/**
 * Alerts in the topology. {@link io.paperfeed.streams.alerts.SubscriptionAlerts} reads
 * {@code paperfeed.subscriptions} into a global store on every instance (by the subscriptions module's
 * {@code SubscriptionTable} rules, as every service's view) and keeps the instance's
 * {@code SubscriptionMatcher} in step; {@code FeedbackLoader} does the same for the compacted
 * {@code paperfeed.feedback} (key {@code subscription|paper}), retraining a subscription's profile at each
 * rating; a record that is no rating is skipped and counted ({@code paperfeed.feedback.unreadable}), its
 * dead letter written by the app's audit. {@code MatchProcessor} matches each classified paper once and
 * emits a candidate alert (key: subscription id, with {@code similarTo} when the subscription has a
 * profile) per subscription it matched, and one for the built-in
 * {@code all-papers} subscription when it is enabled; the candidates are repartitioned by subscription id
 * ({@code <application id>-alerts-by-subscription-repartition}), so that {@code AlertLedger} and its
 * changelogged {@code alert-ledger} store (subscription + paper id or alias → alert id) see every
 * candidate of a subscription on one task. The ledger lets through one alert per (subscription, paper),
 * whichever of a paper's ids (content, then arXiv) arrives first, and one more per status change the
 * subscription's {@code alertOn} names (published, under review: the status reached is recorded under
 * every id of the paper, so it alerts once), to {@code paperfeed.alerts} (key: subscription id), or, for
 * digest-mode subscriptions, into one {@code Digest} per subscription and window on
 * {@code paperfeed.digests}: {@link io.paperfeed.streams.alerts.DigestWindows} keeps the open windows in
 * the changelogged {@code digest-windows} store on the same task as the ledger and sends each by the wall
 * clock when it closes (a day unless the operator sets {@code --digest-period}, plus {@code --digest-grace}). Alert ids ({@link io.paperfeed.streams.alerts.AlertIds}) and
 * {@code createdAt} (the paper record's timestamp) are deterministic: a record processed again makes the
 * same alert.
 *
 * <p>With {@code --match-shards N} the subscriptions are sharded instead ({@code MatcherShards}): every paper
 * goes to each of N partitions of {@code <application id>-papers-to-match-shards-repartition}, and
 * {@code ShardMatchProcessor} on partition p matches it against the subscriptions whose id hashes to p, opened
 * from the (on-disk) global store when its task starts; its candidates are already on their subscription's
 * partition, so the ledger and the digest windows run in the same task, without the repartition by
 * subscription id.
 */
package io.paperfeed.streams.alerts;
