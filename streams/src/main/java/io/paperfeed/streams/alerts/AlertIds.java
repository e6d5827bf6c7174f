package io.paperfeed.streams.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Alert ids: {@code alert_} and the first 24 hex digits of the SHA-256 of (subscription, paper id,
 * occasion). Stable for the same inputs, so an alert made again (a reprocessed record, a replayed
 * topic) has the id it had, and a receiver drops the repeat by it.
 */
public final class AlertIds {

    /** The occasion of a paper's first alert to a subscription. */
    static final String FIRST = "";

    private AlertIds() {
    }

    /** The id of the first alert of this paper (under this id) to this subscription. */
    public static String first(String subscriptionId, String paperId) {
        return of(subscriptionId, paperId, FIRST);
    }

    /** The id of an update alert: one per number of sources the paper has, so each update alerts once. */
    static String update(String subscriptionId, String paperId, int sources) {
        return of(subscriptionId, paperId, "update-" + sources);
    }

    static String of(String subscriptionId, String paperId, String occasion) {
        String text = subscriptionId + "\n" + paperId + "\n" + occasion;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "alert_" + HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
