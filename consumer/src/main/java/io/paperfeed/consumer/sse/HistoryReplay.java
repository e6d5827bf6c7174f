package io.paperfeed.consumer.sse;

import io.paperfeed.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the part of a stream a client missed, {@code [from, until)} on every partition, with a
 * consumer of its own; {@code until} is where the hub's live events for the client begin, so the
 * two together are the stream with no gap and no repeat. {@code betweenPolls} runs after every poll
 * (the client writes a heartbeat there when a long replay has had nothing for it for a while).
 */
final class HistoryReplay {

    private HistoryReplay() {
    }

    static void replay(KafkaClients clients, StreamHub hub, StreamPosition from, StreamPosition until,
                       Consumer<SseEvent> sink, Runnable betweenPolls) {
        List<TopicPartition> behind = new ArrayList<>();
        for (TopicPartition tp : KafkaReaders.partitions(hub.topic(), until.partitions())) {
            if (from.next(tp.partition()) < until.next(tp.partition())) {
                behind.add(tp);
            }
        }
        if (behind.isEmpty()) {
            return;
        }
        try (org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer = KafkaReaders.open(clients,
                "paperfeed-sse-history-" + hub.topic())) {
            consumer.assign(behind);
            behind.forEach(tp -> consumer.seek(tp, from.next(tp.partition())));
            List<TopicPartition> reading = new ArrayList<>(behind);
            while (!reading.isEmpty()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < until.next(r.partition()) && r.value() != null) {
                        sink.accept(SseEvent.of(hub.eventName(), r.partition(), r.offset(), r.key(), r.timestamp(),
                                r.value()));
                    }
                }
                betweenPolls.run();
                List<TopicPartition> done = reading.stream()
                        .filter(tp -> consumer.position(tp) >= until.next(tp.partition())).toList();
                if (!done.isEmpty()) {
                    consumer.pause(done);
                    reading.removeAll(done);
                }
            }
        }
    }
}
