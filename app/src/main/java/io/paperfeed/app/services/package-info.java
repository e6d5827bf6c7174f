/**
 * Services assembled once. {@link io.paperfeed.app.services.ServiceContext} is what every process has
 * (Kafka clients, metrics, the HTTP server with {@code /health}, an admin client, the lifecycle);
 * {@link io.paperfeed.app.services.StreamsRole} and {@link io.paperfeed.app.services.ConsumerRole} put
 * the streams app (and beside it the dead-letter audit of the topics only group-less views read) and the
 * delivery side (subscription view, API, alert consumer, webhooks) on it, with
 * their health checks and failure handling: a part that stops for good fails the lifecycle, so the
 * process exits non-zero. {@code paperfeed streams}, {@code paperfeed consumer} and {@code paperfeed demo}
 * all call these, so they cannot diverge.
 */
package io.paperfeed.app.services;
