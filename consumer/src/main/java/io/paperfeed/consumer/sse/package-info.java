/**
 * Server-Sent Events streams of Kafka topics: {@code GET /topics/{id}/events} (classified papers from
 * {@code paperfeed.topic.<id>}, {@code event: paper}) and {@code GET /subscriptions/{id}/events}
 * (alerts from {@code paperfeed.alerts} whose key is the subscription id, {@code event: alert}).
 *
 * <p>One {@link io.paperfeed.consumer.sse.StreamHub} reads each Kafka topic (read_committed, from its
 * end when the hub starts) and offers each record, framed once, to every client's bounded queue
 * without blocking; each client is written by its own thread (the HTTP server's cached pool). A
 * client whose queue is full is dropped and counted ({@code paperfeed.sse.dropped}); the others never
 * wait for it.
 *
 * <p>Event ids are {@link io.paperfeed.consumer.sse.StreamPosition}s: every partition's next offset,
 * {@code 0:15,1:7,2:0}. A client without {@code Last-Event-ID} starts at every partition's beginning;
 * with one, at that position. It first replays {@code [position, hub position when it joined)} with a
 * consumer of its own, then takes the hub's live records, skipping any below its position: no gap, no
 * repeat, with any number of partitions. A {@code : heartbeat} comment goes out every 15 s
 * (configurable). Metrics: {@code paperfeed.sse.clients}, {@code paperfeed.sse.events},
 * {@code paperfeed.sse.dropped}, tagged {@code stream=topic|subscription}.
 */
package io.paperfeed.consumer.sse;
