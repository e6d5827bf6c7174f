/**
 * Alerts in the topology. {@link io.paperfeed.streams.alerts.SubscriptionAlerts} reads
 * {@code paperfeed.subscriptions} into a global store on every instance (by the subscriptions module's
 * {@code SubscriptionTable} rules, as every service's view) and keeps the instance's
 * {@code SubscriptionMatcher} in step; each classified paper is matched once, and the
 * {@code alert-ledger} store (changelogged, keyed by subscription and paper id, aliases consulted) makes it
 * one alert per (subscription, paper) on {@code paperfeed.alerts} (key: subscription id), or one
 * {@code Digest} per subscription and day on {@code paperfeed.digests} for digest-mode subscriptions.
 * {@link io.paperfeed.streams.alerts.AllPapersAlerts} is the built-in subscription every new paper alerts.
 */
package io.paperfeed.streams.alerts;
