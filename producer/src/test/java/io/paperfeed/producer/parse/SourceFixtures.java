package io.paperfeed.producer.parse;

import io.paperfeed.model.PaperEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real responses of the sources beyond arXiv (README beside them), and short-hands for their tests. */
final class SourceFixtures {

    static final Path DIR = Path.of("src", "test", "resources", "fixtures", "sources");

    private SourceFixtures() {
    }

    static Path path(String name) {
        return DIR.resolve(name);
    }

    static String text(String name) throws Exception {
        return Files.readString(path(name), StandardCharsets.UTF_8);
    }

    /** Reads a fixture file, detecting its format, with the fixed fetch time and clock of the XML tests. */
    static ParseResult read(String name) throws Exception {
        return XmlFeedTesting.reader(null).read(path(name), XmlFeedTesting.FETCHED);
    }

    /** Reads a text (a fixture changed by a test), detecting its format. */
    static ParseResult readText(String source, String text) throws Exception {
        return XmlFeedTesting.read(source, text);
    }

    static List<String> dois(ParseResult r) {
        return r.papers().stream().map(PaperEvent::doi).toList();
    }

    /** The paper at a position of the source. */
    static PaperEvent at(ParseResult r, int position) {
        return r.papers().stream().filter(p -> p.source().position() == position).findFirst().orElseThrow(
                () -> new AssertionError("no paper at position " + position + " in " + r.papers()));
    }
}
