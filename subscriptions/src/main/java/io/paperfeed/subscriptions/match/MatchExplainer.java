package io.paperfeed.subscriptions.match;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.subscriptions.query.PaperFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.HighlightsMatch;

/**
 * Why a paper matched a subscription, in words a reader understands: the paper's topics the
 * subscription named, the words of the paper its hits cover, the authors they fall in and the
 * categories it named. Both backends' hits are explained here, so the why is the same whichever
 * answered.
 */
final class MatchExplainer {

    /** At most twice this many terms are listed per match. */
    static final int MAX_TERMS = 8;

    private final Analyzer analyzer;

    MatchExplainer(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The paper's topics among {@code named}, as an immutable list (shared by every match of a group). */
    List<String> namedTopics(CanonicalPaper paper, Set<String> named) {
        List<String> found = new ArrayList<>(paper.topics().size());
        for (TopicMatch topic : paper.topics()) {
            if (named.contains(topic.id())) {
                found.add(topic.id());
            }
        }
        return List.copyOf(found);
    }

    /** The paper's topics that a monitor subscription names (in its topic list or a {@code topics:} clause). */
    List<String> topics(CanonicalPaper paper, CompiledSubscription s) {
        if (s.subscription().topics().isEmpty() && !s.fieldTerms().has(PaperFields.TOPICS)) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        for (TopicMatch topic : paper.topics()) {
            if (s.subscription().topics().contains(topic.id()) || s.fieldTerms().matches(PaperFields.TOPICS, topic.id())) {
                named.add(topic.id());
            }
        }
        return named;
    }

    /**
     * What of the paper matched: the words of the hits, the authors they fall in, the categories named.
     *
     * @param lowerCategories  the paper's categories lowercased (as indexed), computed once per paper
     * @param namesCategories  whether the query names any category
     * @param namesCategory    whether it names this (lowercase) category
     */
    List<String> terms(CanonicalPaper paper, List<String> lowerCategories, boolean namesCategories,
                       Predicate<String> namesCategory, Map<String, ? extends Collection<HighlightsMatch.Hit>> hits) {
        if (hits.isEmpty() && !namesCategories) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>();
        words(terms, paper.title(), hitsIn(hits, PaperFields.TITLE));
        words(terms, paper.abstractText(), hitsIn(hits, PaperFields.ABSTRACT));
        for (String author : authors(paper.authors(), hitsIn(hits, PaperFields.AUTHORS))) {
            add(terms, PaperFields.AUTHORS + ":" + author);
        }
        for (int i = 0; i < paper.categories().size(); i++) {
            if (namesCategories && namesCategory.test(lowerCategories.get(i))) {
                add(terms, PaperFields.CATEGORIES + ":" + paper.categories().get(i));
            }
        }
        return List.copyOf(terms);
    }

    private static Collection<HighlightsMatch.Hit> hitsIn(Map<String, ? extends Collection<HighlightsMatch.Hit>> hits,
                                                          String field) {
        Collection<HighlightsMatch.Hit> found = hits.get(field);
        return found == null ? List.of() : found;
    }

    private static void words(Set<String> terms, String text, Collection<HighlightsMatch.Hit> hits) {
        if (text == null) {
            return;
        }
        for (HighlightsMatch.Hit hit : hits) {
            if (hit.startOffset >= 0 && hit.endOffset <= text.length() && hit.startOffset < hit.endOffset) {
                add(terms, text.substring(hit.startOffset, hit.endOffset).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The author values the hits fall in: offsets run across values, each value followed by the offset gap. */
    private List<String> authors(List<String> authors, Collection<HighlightsMatch.Hit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        // as Lucene's memory index counts offsets: from the first value with words on, each value
        // followed by the offset gap (values before it, such as a lone "†", take no offsets)
        List<String> counted = authors.stream().dropWhile(a -> PaperTokens.ofText(PaperFields.AUTHORS, a, analyzer) == 0)
                .toList();
        int gap = analyzer.getOffsetGap(PaperFields.AUTHORS);
        Set<String> named = new LinkedHashSet<>();
        for (HighlightsMatch.Hit hit : hits) {
            int start = 0;
            for (String author : counted) {
                if (hit.startOffset >= start && hit.startOffset < start + author.length()) {
                    named.add(author);
                    break;
                }
                start += author.length() + gap;
            }
        }
        return List.copyOf(named);
    }

    private static void add(Set<String> terms, String term) {
        if (terms.size() < MAX_TERMS * 2) {
            terms.add(term);
        }
    }
}
