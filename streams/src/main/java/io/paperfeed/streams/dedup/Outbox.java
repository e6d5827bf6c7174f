package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;

/** Where the dedup roles send what they produce: messages to a partition, decisions, paper records. */
interface Outbox {

    /** To the partition of the message's key: handled here and now when that is this partition. */
    void send(Message message);

    void decision(DedupDecision decision);

    /** A paper record under its id; null retires the id (a tombstone). */
    void paper(String id, CanonicalPaper paper);

    /** The evidence behind a merge or repeat (for metrics). */
    void duplicate(String reason);

    /** The timestamp of the record being processed. */
    long timestamp();

    /** Wall-clock time for decisions. */
    long wallClockMs();

    /** The number of dedup partitions (for grouping keys by partition). */
    int partitions();
}
