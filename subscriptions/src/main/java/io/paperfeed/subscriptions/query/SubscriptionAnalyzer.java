package io.paperfeed.subscriptions.query;

import io.paperfeed.subscriptions.query.PaperFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * {@link PaperFields#indexAnalyzer()} (papers' fields, authors with their name keys) with a position gap between the values of a multi-valued field, so a
 * phrase cannot span two authors: {@code authors:"Jingyuan Liu"} must not match a paper by
 * "Wei Jingyuan" and "Liu Chen".
 */
public final class SubscriptionAnalyzer extends DelegatingAnalyzerWrapper {

    public static final int VALUE_GAP = 100;
    private final Analyzer delegate = PaperFields.indexAnalyzer();

    public SubscriptionAnalyzer() {
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
