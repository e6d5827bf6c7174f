package io.paperfeed.streams;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GlobalStoreRestoresTest {

    private static final TopicPartition P0 = new TopicPartition("paperfeed.subscriptions", 0);
    private static final TopicPartition P1 = new TopicPartition("paperfeed.subscriptions", 1);

    @Test
    void aStoreIsRestoringFromTheStartOfItsFirstPartitionsRestoreToTheEndOfItsLast() {
        GlobalStoreRestores restores = new GlobalStoreRestores();
        assertFalse(restores.isRestoring("subscriptions"), "nothing restored yet");
        restores.onRestoreStart(P0, "subscriptions", 0, 10);
        restores.onRestoreStart(P1, "subscriptions", 0, 10);
        restores.onBatchRestored(P0, "subscriptions", 10, 10);
        restores.onRestoreEnd(P0, "subscriptions", 10);
        assertTrue(restores.isRestoring("subscriptions"), "one partition still restoring");
        assertFalse(restores.isRestoring("feedback"), "another store is not");
        restores.onRestoreSuspended(P1, "subscriptions", 3);
        assertFalse(restores.isRestoring("subscriptions"), "a suspended restore is no longer running");
    }
}
