/**
 * What every paperfeed process shares for operations: the Prometheus registry with JVM metrics
 * ({@link io.paperfeed.app.ops.Metrics}), the {@code /metrics} and {@code /health} endpoints
 * ({@link io.paperfeed.app.ops.OpsHttpServer}) with their health checks (broker reachable, streams
 * RUNNING), topic creation, and the demo's status page: {@link io.paperfeed.app.ops.StatusPage} at
 * {@code /}, its figures in {@code /status.json} ({@link io.paperfeed.app.ops.PipelineStatus}, read
 * from the registry's counters) and the latest alerts ({@link io.paperfeed.app.ops.LatestAlerts}, a
 * group-less read-committed tail of {@code paperfeed.alerts}). docs/OPERATIONS.md describes them.
 */
package io.paperfeed.app.ops;
