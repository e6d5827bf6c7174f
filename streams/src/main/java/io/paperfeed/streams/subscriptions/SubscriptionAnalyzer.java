package io.paperfeed.streams.subscriptions;

import io.paperfeed.streams.classify.PaperFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * {@link PaperFields#analyzer()} with a position gap between the values of a multi-valued field, so a
 * phrase cannot span two authors: {@code authors:"Jingyuan Liu"} must not match a paper by
 * "Wei Jingyuan" and "Liu Chen".
 */
final class SubscriptionAnalyzer extends DelegatingAnalyzerWrapper {

    static final int VALUE_GAP = 100;
    private final Analyzer delegate = PaperFields.analyzer();

    SubscriptionAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return delegate;
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return PaperFields.AUTHORS.equals(fieldName) ? VALUE_GAP : delegate.getPositionIncrementGap(fieldName);
    }
}
