package io.paperfeed.streams.alerts;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The match step when matching is sharded: the task of partition {@code p} of {@code papers-to-match}
 * (every paper reaches every partition) opens shard {@code p} of the instance's {@link MatcherShards} from the
 * global stores when it starts, matches each paper against that share of the subscriptions only, and closes
 * the shard when the task leaves the instance. The candidates it forwards are of subscriptions of shard
 * {@code p} only, so they are already on the partition of their subscription id: the ledger runs in this
 * task, without a repartition. The built-in all-papers subscription is alerted by the task of its shard.
 */
final class ShardMatchProcessor implements Processor<String, CanonicalPaper, String, Alert> {

    private final MatcherShards shards;
    private final String allPapers;
    private SubscriptionMatcher matcher;
    private int shard;
    private MatchProcessor candidates;

    /** @param allPapers the built-in subscription's id, or null when there is none */
    ShardMatchProcessor(MatcherShards shards, String allPapers) {
        this.shards = shards;
        this.allPapers = allPapers;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        shard = context.taskId().partition();
        if (shard >= shards.count()) {
            throw new IllegalStateException("papers-to-match-shards has a partition " + shard + " but matching has "
                    + shards.count() + " shards: the topic's partitions must be the --match-shards it was made with");
        }
        matcher = shards.open(shard, context.getStateStore(SubscriptionAlerts.SUBSCRIPTIONS_STORE),
                context.getStateStore(FeedbackLoader.FEEDBACK_STORE));
        String builtIn = allPapers != null && shards.shardOf(allPapers) == shard ? allPapers : null;
        candidates = new MatchProcessor(matcher, builtIn);
        candidates.init(context);
    }

    @Override
    public void process(Record<String, CanonicalPaper> record) {
        if (record.value() == null) { // only a foreign writer puts a null here: dead-lettered by the handler
            throw new IllegalArgumentException("a null value is no paper to match");
        }
        candidates.process(record);
    }

    @Override
    public void close() {
        if (matcher != null) {
            shards.close(shard, matcher);
            matcher = null;
        }
    }
}
