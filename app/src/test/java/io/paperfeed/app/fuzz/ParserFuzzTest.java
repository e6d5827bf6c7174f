package io.paperfeed.app.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The short version of {@code paperfeed fuzz} for the parsers: every one, 300 hostile inputs each. */
class ParserFuzzTest {

    @Test
    void everyParserAnswersHostileInputWithPapersInvalidItemsOrAClearRefusal() throws Exception {
        List<byte[]> corpus = ParserFuzz.corpus(List.of(Path.of("..", "seeds"), Path.of("..", "producer", "src", "test",
                "resources")));
        assertTrue(corpus.size() >= 15, "the corpus has every format: " + corpus.size());
        List<FuzzTally> tallies = new ParserFuzz(corpus, 5_000).run(300, 42);
        assertTrue(tallies.size() >= 13, "detection and every format");
        for (FuzzTally tally : tallies) {
            assertEquals(300, tally.inputs());
            assertEquals(0, tally.failed(), tally.line() + " " + tally.failures());
        }
    }

    @Test
    void aParserThatThrowsIsCountedAsAFailureWithWhatItWasFed() {
        FuzzTally tally = new FuzzTally("t");
        tally.fail("java.lang.IllegalStateException: boom", "GET /x\r\nAuthorization: Bearer pf_secret".getBytes());
        assertEquals(1, tally.failed());
        assertTrue(tally.failures().get(0).contains("boom") && !tally.failures().get(0).contains("pf_secret"),
                tally.failures().toString());
    }
}
