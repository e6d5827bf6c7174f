package io.paperfeed.streams.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;

/**
 * Alert ids: {@code alert_} and the first 24 hex digits of the SHA-256 of (subscription, paper id,
 * occasion); the built-in subscription's of (subscription, paper id). Stable for the same inputs, so an alert made again (a reprocessed record, a replayed
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

    /**
     * The id of the built-in subscription's alert of a paper: {@code alert_} + SHA-256 of
     * {@code subscription\npaper id}, as it has always been (receivers drop repeats by it across releases).
     */
    public static String builtIn(String subscriptionId, String paperId) {
        return hash(subscriptionId + "\n" + paperId);
    }

    /**
     * The id of an update alert: its occasion is what the update says about the paper (the paper as JSON,
     * topics aside, as they follow the taxonomy), so every UPDATED record gets an id of its own, even one that
     * adds no source (a revised item of a polled feed), and the same record gets the same id again.
     */
    static String update(String subscriptionId, CanonicalPaper paper) {
        byte[] content = PaperSerdes.CANONICAL_PAPER.serialize(Topics.PAPERS_CLASSIFIED.name(), paper.withTopics(List.of()));
        return of(subscriptionId, paper.id(), "update\n" + new String(content, StandardCharsets.UTF_8));
    }

    static String of(String subscriptionId, String paperId, String occasion) {
        return hash(subscriptionId + "\n" + paperId + "\n" + occasion);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "alert_" + HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
