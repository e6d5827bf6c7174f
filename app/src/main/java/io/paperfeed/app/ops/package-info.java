/**
 * What every paperfeed process shares for operations: the Prometheus registry with JVM metrics
 * ({@link io.paperfeed.app.ops.Metrics}), the {@code /metrics} and {@code /health} endpoints
 * ({@link io.paperfeed.app.ops.OpsHttpServer}) with their health checks, and topic creation.
 */
package io.paperfeed.app.ops;
