package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README and docs/EVENTS.md list every format the detector knows, each with a producer line. */
class SourcesDocumentedTest {

    @ParameterizedTest
    @ValueSource(strings = {"../README.md", "../docs/EVENTS.md"})
    void everyFormatHasARowWithAProducerLine(String doc) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(doc));
        for (String format : FormatDetector.names()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("|") && l.contains("`" + format + "`")
                    && l.contains("`paperfeed producer --")), doc + " has no row for " + format + " with a producer line");
        }
    }
}
