package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * Random and mutated input thrown at every parser: the real seeds and fixtures (those of the sources
 * beyond arXiv too) truncated at random
 * points, with random bytes flipped, lines duplicated, deleted and swapped, random Unicode and XML
 * fragments inserted and huge lines added; and plain random text and bytes. Whatever comes in:
 * nothing but the documented exceptions escapes {@link FeedReader#read}, every item is a paper or an
 * invalid item with a unique key, and each input is done within {@link #TIME_BOUND}: a guard against
 * runaway time (catastrophic backtracking, a loop that never ends), not a speed target. Parsing one of
 * these inputs takes milliseconds; the bound is thousands of times that, so a busy machine cannot
 * trip it, and it is per input because jqwik properties are not under JUnit Jupiter's default timeout.
 */
class ParserFuzzTest {

    static final Duration TIME_BOUND = Duration.ofSeconds(10);
    static final Instant FETCHED = Instant.parse("2025-08-30T06:00:00Z");
    static final String SOURCE = "fuzz/input";
    static final Set<String> REASONS = Set.of("no-abstract", "abstract-too-long", "field-too-long", "bad-json", "bad-xml",
            "bad-record", "bad-id", "binary", "unrecognised", "incomplete", "api-error", "too-many-items", "deleted");
    static final List<Sample> SAMPLES = samples();

    /** One real input and the format it is in. */
    record Sample(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Sample> samples() {
        List<String> files = List.of("../seeds/000_967216e45daf8c7a.txt", "../seeds/001_ef842ff49690e270.txt",
                "../seeds/002_98fae5f0e34f7b08.txt", "../seeds/003_67158ccae971545e.txt",
                "src/test/resources/arxiv-daily-sample.jsonl", "src/test/resources/expected/001_ef842ff49690e270.jsonl",
                "src/test/resources/fixtures/arxiv-api-query-testing.atom.xml",
                "src/test/resources/fixtures/arxiv-rss-cs.AI-2025-08-20.atom.xml");
        List<String> sources = List.of("crossref-works-query-ecology.json", "crossref-work-fgene.2017.00147.json",
                "openalex-work-W2741809807.json", "s2-paper-turing.json", "s2-search-bulk-kubernetes.json",
                "oai-pmh-arxiv-physics-hep-th.xml", "oai-pmh-oai_dc-cs.xml", "biorxiv-details-2020-2022-page1.json",
                "hf-daily-papers-api-2026-03-06.json", "rss1-elsevier-jpeds.xml", "rss2-wiley-adsc.xml",
                "rss2-sciencedirect-clinical-simulation.xml");
        List<Sample> out = new ArrayList<>();
        try {
            for (String f : files) {
                out.add(new Sample(Path.of(f).getFileName().toString(), Files.readAllBytes(Path.of(f))));
            }
            for (String f : sources) {
                out.add(new Sample(f, Files.readAllBytes(SourceFixtures.path(f))));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(out);
    }

    /** The parsers' warnings about thousands of broken inputs would only bury the build log. */
    @BeforeContainer
    static void quietParsers() {
        parseLogger().setLevel(Level.ERROR);
    }

    @AfterContainer
    static void restoreParserLogging() {
        parseLogger().setLevel(null);
    }

    private static Logger parseLogger() {
        return (Logger) LoggerFactory.getLogger(FeedReader.class.getPackageName());
    }

    @Provide
    Arbitrary<Sample> samplesArbitrary() {
        return Arbitraries.of(SAMPLES);
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of(FeedReader.formats());
    }

    @Property(tries = 500)
    void mutatedInputsAreReadWithTheirDetectedFormat(@ForAll("samplesArbitrary") Sample sample, @ForAll long seed) {
        byte[] input = Mutations.mutate(sample.bytes(), new Random(seed));
        readWithin(new FeedReader(), input);
    }

    @Property(tries = 500)
    void everyParserSurvivesEveryMutatedInput(@ForAll("samplesArbitrary") Sample sample, @ForAll("formats") String format,
                                              @ForAll long seed) {
        byte[] input = Mutations.mutate(sample.bytes(), new Random(seed));
        readWithin(new FeedReader(format), input);
    }

    @Property(tries = 300)
    void randomTextInEveryFormat(@ForAll @StringLength(max = 4000) String text, @ForAll("formats") String format) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        readWithin(new FeedReader(format), input);
        readWithin(new FeedReader(), input);
    }

    @Property(tries = 200)
    void randomBytesInEveryFormat(@ForAll @Size(max = 4000) byte[] bytes, @ForAll("formats") String format) {
        readWithin(new FeedReader(format), bytes);
        readWithin(new FeedReader(), bytes);
    }

    /** Reads the input within the time bound and checks the result; only the documented exceptions may come out. */
    static void readWithin(FeedReader reader, byte[] input) {
        assertTimeoutPreemptively(TIME_BOUND, () -> {
            try {
                check(reader.read(SOURCE, input, FETCHED));
            } catch (UnknownFormatException e) {
                assertTrue(e.getMessage().startsWith(SOURCE + ": not a known feed format"), e.getMessage());
            } catch (IOException e) {
                // documented for gzip data that does not decompress
                assertTrue(FeedBytes.isGzip(input), () -> "IOException for input that is no gzip: " + e);
            }
        });
    }

    /** Every item is a paper or an invalid item, well-formed, under a unique key. */
    static void check(ParseResult r) {
        Set<String> keys = new HashSet<>();
        for (PaperEvent p : r.papers()) {
            if (p.abstractText() == null) {
                assertTrue(ResultCollector.TITLE_ONLY_FORMATS.contains(r.format()), "title-only outside the journal formats");
                assertNotNull(p.title());
            } else {
                assertFalse(p.abstractText().isBlank());
                assertTrue(p.abstractText().length() <= FeedReader.MAX_ABSTRACT_CHARS);
                assertEquals(p.abstractText().strip(), p.abstractText());
            }
            assertEquals(SOURCE, p.source().source());
            assertEquals(r.format(), p.source().format());
            assertEquals(FETCHED, p.source().fetchedAt());
            if (p.arxivId() != null) {
                assertEquals(p.arxivId(), ArxivIds.parse(p.arxivId()).orElseThrow().id(), "ids are canonical");
            }
            assertTrue(keys.add(p.itemKey()), () -> "duplicate key " + p.itemKey());
        }
        for (InvalidItem i : r.invalid()) {
            assertTrue(REASONS.contains(i.reason()), i.reason());
            assertEquals("producer", i.stage());
            assertEquals(r.format(), i.source().format());
            assertTrue(i.excerpt().length() <= InvalidItem.EXCERPT_LIMIT);
            assertTrue(keys.add(i.source().itemKey()), () -> "duplicate key " + i.source().itemKey() + " " + i);
        }
        assertEquals(r.items(), keys.size());
    }
}
