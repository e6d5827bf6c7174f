package io.paperfeed.subscriptions.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.subscriptions.query.PaperFields;
import io.paperfeed.subscriptions.query.SubscriptionAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.monitor.HighlightsMatch.Hit;
import org.junit.jupiter.api.Test;

class MatchExplainerTest {

    private final SubscriptionAnalyzer analyzer = new SubscriptionAnalyzer();
    private final MatchExplainer explainer = new MatchExplainer(analyzer);

    @Test
    void titleAndAbstractHitsBecomeTheirWordsLowercasedAndNamedCategoriesTheirValue() {
        CanonicalPaper paper = Papers.xkv();
        int svd = paper.title().indexOf("SVD");
        List<String> terms = explainer.terms(paper, List.of("cs.cl", "cs.lg"), true, "cs.lg"::equals,
                Map.of(PaperFields.TITLE, List.of(new Hit(3, svd, 3, svd + 3))));
        assertEquals(List.of("svd", "categories:cs.LG"), terms);
    }

    @Test
    void anAuthorHitNamesTheAuthorEvenAfterAValueWithoutWords() {
        CanonicalPaper paper = Papers.paper("T", "An abstract about things.", List.of("†", "Wei Chen", "Jingyuan Liu"),
                List.of());
        int gap = analyzer.getOffsetGap(PaperFields.AUTHORS);
        int liu = "Wei Chen".length() + gap; // the lone "†" takes no offsets
        List<String> terms = explainer.terms(paper, List.of(), false, c -> false,
                Map.of(PaperFields.AUTHORS, List.of(new Hit(0, liu, 1, liu + 8))));
        assertEquals(List.of("authors:Jingyuan Liu"), terms);
    }

    @Test
    void onlyTheTopicsASubscriptionNamesAreListedAndTheTermsAreCapped() {
        CanonicalPaper paper = Papers.xkv().withTopics(List.of(new TopicMatch("kv-cache", 1.0, List.of()),
                new TopicMatch("llm-serving", 0.8, List.of())));
        assertEquals(List.of("kv-cache"), explainer.namedTopics(paper, Set.of("kv-cache", "gans")));

        List<Hit> many = new ArrayList<>();
        String text = paper.abstractText();
        for (int start = 0, n = 0; n < 40; n++) {
            int space = text.indexOf(' ', start);
            many.add(new Hit(n, start, n, space));
            start = space + 1;
        }
        List<String> terms = explainer.terms(paper, List.of(), false, c -> false, Map.of(PaperFields.ABSTRACT, many));
        assertEquals(MatchExplainer.MAX_TERMS * 2, terms.size());
        assertTrue(terms.contains("large"));
    }
}
