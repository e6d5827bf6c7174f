package io.paperfeed.subscriptions.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.subscriptions.query.QueryParsing;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.TopicMatch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicClassifierTest {

    private static TopicClassifier classifier;

    @BeforeAll
    static void loadDefaultTaxonomy() {
        classifier = new TopicClassifier(Taxonomy.defaults());
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void theDefaultTaxonomyHasAtLeastThirtyTopicsWithUniqueIds() {
        Taxonomy taxonomy = Taxonomy.defaults();
        assertTrue(taxonomy.topics().size() >= 30, "topics: " + taxonomy.topics().size());
        assertTrue(taxonomy.topics().stream().anyMatch(t -> t.id().equals("kv-cache")));
    }

    @Test
    void aKvCachePaperGetsTheKvCacheTopicWithTheWordsThatMatched() {
        List<TopicMatch> topics = classifier.classify(paper("Model Tells You Where to Merge: Adaptive KV Cache "
                + "Merging for LLMs on Long-Context Tasks", "How to efficiently serve Large Language Models (LLMs) "
                + "has become a pressing issue because of their huge computational cost in their autoregressive "
                + "generation process. To mitigate computational costs, LLMs often employ the KV Cache technique "
                + "to improve the generation speed."));

        TopicMatch kv = topics.stream().filter(t -> t.id().equals("kv-cache")).findFirst().orElseThrow();
        assertTrue(kv.score() > 0);
        assertTrue(kv.terms().contains("kv cache"), kv.terms().toString());
        assertTrue(topics.stream().anyMatch(t -> t.id().equals("long-context")), topics.toString());
        assertEquals(topics.get(0).score(), topics.stream().mapToDouble(TopicMatch::score).max().orElseThrow(),
                "best first");
    }

    @Test
    void stemmingAndHyphensMatchAsAUserWouldExpect() {
        List<String> ids = classifier.classify(paper(null, "We distill a teacher into students and prune "
                + "attention heads with structured sparsity.")).stream().map(TopicMatch::id).toList();
        assertTrue(ids.contains("knowledge-distillation"), ids.toString());
        assertTrue(ids.contains("pruning-sparsity"), ids.toString());
    }

    @Test
    void aPassingMentionInALongAbstractMakesNoTopic() {
        List<String> ids = classifier.classify(paper("Interpretable Neural Clustering", "Clustering is a "
                + "fundamental learning task widely used to understand data. Traditional clustering methods "
                + "assign samples to groups but offer little insight into why a sample belongs to its group. We "
                + "propose a neural clustering method whose decisions can be read as prototypes and rules, evaluate "
                + "it on ten tabular and image datasets, and show it matches the accuracy of deep clustering "
                + "baselines while staying interpretable. Our code is available online.")).stream()
                .map(TopicMatch::id).toList();
        assertTrue(!ids.contains("code-generation"), ids.toString());
    }

    @Test
    void aPaperOnNoTopicGetsNone() {
        assertEquals(List.of(), classifier.classify(paper(null, "We survey medieval poetry of northern Italy.")));
    }

    @Test
    void aQueryThatDoesNotParseIsRejectedWithTheParsersMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueryParsing.parse("\"kv cache AND (title:"));
        assertTrue(e.getMessage().startsWith("invalid query"), e.getMessage());
    }

    static CanonicalPaper paper(String title, String abstractText) {
        return CanonicalPaper.firstSighting("content:test", new PaperEvent(null, null, null, title, abstractText,
                List.of(), List.of(), null, null, null, new Provenance("test", "test", 1, Instant.EPOCH)));
    }
}
