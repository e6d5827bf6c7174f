/**
 * Server-Sent Events streams of Kafka topics: {@code GET /topics/{id}/events} (classified papers from
 * {@code paperfeed.topic.<id>}, {@code event: paper}) and {@code GET /subscriptions/{id}/events}
 * (alerts from {@code paperfeed.alerts} whose key is the subscription id, {@code event: alert}).
 *
 * <p>One {@link io.paperfeed.consumer.sse.StreamHub} reads each Kafka topic (read_committed), starting
 * a window's worth before its end; it keeps the latest events (2,048, 8 MiB at most) in a
 * {@link io.paperfeed.consumer.sse.RecentWindow} and offers each new record, framed once, to every
 * client's bounded queue without blocking. No client has a thread:
 * {@link io.paperfeed.consumer.sse.SseClient} writes with Jetty's asynchronous
 * {@code Content.Sink.write(..., Callback)} (an {@code IteratingCallback}, one batch in flight), so a
 * client that stops reading costs its buffer; the connector's idle timeout ends a write that makes no
 * progress. A client whose live queue is full is dropped (its connection aborted) and counted
 * ({@code paperfeed.sse.dropped}); the others never wait for it. One ticker thread sends every
 * client's heartbeats.
 *
 * <p>Event ids are {@link io.paperfeed.consumer.sse.StreamPosition}s: every partition's next offset,
 * {@code 0:15,1:7,2:0}. A client without {@code Last-Event-ID} starts at every partition's beginning;
 * with one, at that position. Joining a hub returns, atomically, the window's events from that
 * position and the live position its queue starts at; what lies before the window is read by the
 * {@link io.paperfeed.consumer.sse.CatchUpReaders}, a fixed number of Kafka consumers shared by every
 * client of every stream, in one-poll slices, round-robin, each waiting for its client to take what
 * it read (one that takes nothing for 30 s is dropped). Catch-up, then window, then live, each
 * skipping what is below the client's position: no gap, no repeat, with any number of partitions.
 * Metrics: {@code paperfeed.sse.clients}, {@code paperfeed.sse.events}, {@code paperfeed.sse.dropped},
 * tagged {@code stream=topic|subscription}, and {@code paperfeed.sse.catchups}.
 */
package io.paperfeed.consumer.sse;
