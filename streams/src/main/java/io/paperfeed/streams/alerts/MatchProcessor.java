package io.paperfeed.streams.alerts;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.subscriptions.match.MatchResult;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Matches each classified paper against the subscriptions once and forwards one candidate alert per
 * subscription it matched (and one for the built-in all-papers subscription, when there is one), keyed
 * by subscription id, for the {@link AlertLedger} to decide on. Nothing in a candidate depends on the
 * wall clock: its id comes from (subscription, paper id) and its {@code createdAt} is the paper
 * record's timestamp, so a record processed again makes the same candidate.
 */
final class MatchProcessor implements Processor<String, CanonicalPaper, String, Alert> {

    private final SubscriptionMatcher matcher;
    private final String allPapers;
    private ProcessorContext<String, Alert> context;

    /** @param allPapers the built-in subscription's id, or null when there is none */
    MatchProcessor(SubscriptionMatcher matcher, String allPapers) {
        this.matcher = matcher;
        this.allPapers = allPapers;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, CanonicalPaper> record) {
        CanonicalPaper paper = record.value();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if (allPapers != null) {
            List<String> topics = paper.topics().stream().map(TopicMatch::id).toList();
            forward(record, new Alert(AlertIds.builtIn(allPapers, paper.id()), allPapers, paper, topics, List.of(), at));
        }
        for (MatchResult.Group group : matcher.match(paper).groups()) {
            for (String subscription : group.subscriptionIds()) {
                forward(record, new Alert(AlertIds.first(subscription, paper.id()), subscription, paper, group.topics(),
                        group.terms(), at, group.similarTo()));
            }
        }
    }

    private void forward(Record<String, CanonicalPaper> record, Alert candidate) {
        context.forward(record.withKey(candidate.subscriptionId()).withValue(candidate));
    }
}
