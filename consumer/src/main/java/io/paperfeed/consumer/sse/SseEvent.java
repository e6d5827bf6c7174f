package io.paperfeed.consumer.sse;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One Kafka record as an SSE event, framed once and shared by every client: {@code event:} and the
 * {@code data:} lines; each client writes its own {@code id:} line (its {@link StreamPosition}) before it.
 *
 * @param key the record key (a subscription id on {@code paperfeed.alerts}); may be null
 */
record SseEvent(int partition, long offset, String key, long timestamp, byte[] frame) {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    static SseEvent of(String eventName, int partition, long offset, String key, long timestamp, byte[] value) {
        StringBuilder frame = new StringBuilder(value.length + 32).append("event: ").append(eventName).append('\n');
        for (String line : LINE_BREAK.split(new String(value, StandardCharsets.UTF_8), -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        frame.append('\n');
        return new SseEvent(partition, offset, key, timestamp, frame.toString().getBytes(StandardCharsets.UTF_8));
    }
}
