package io.paperfeed.producer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sources file: the documented example, and every mistake it catches when read. */
class SourcesFileTest {

    static final Path EXAMPLE = Path.of("..", "docs", "sources.example.yml");

    @TempDir
    Path dir;

    SourcesFile read(String yaml) throws IOException {
        Path file = dir.resolve("sources.yml");
        Files.writeString(file, yaml);
        return SourcesFile.read(file);
    }

    String error(String yaml) {
        return assertThrows(IOException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void theDocumentedExampleReads() throws Exception {
        SourcesFile file = SourcesFile.read(EXAMPLE);
        assertEquals(List.of("biorxiv", "medrxiv", "crossref-preprints", "openalex", "arxiv-oai-cs"),
                file.sources().stream().map(SourceSpec::name).toList());
        assertEquals(Duration.ofSeconds(1), file.defaultGap());
        assertEquals(Duration.ofSeconds(3), file.rateLimiter().gap("oaipmh.arxiv.org"), "arXiv: one request every 3 s");
        assertEquals(Duration.ofSeconds(1), file.rateLimiter().gap("example.org"));

        SourceSpec biorxiv = file.sources().get(0);
        assertEquals(Duration.ofHours(1), biorxiv.interval());
        assertEquals(2, biorxiv.lookbackDays());
        assertEquals(50, biorxiv.maxPages());
        assertEquals("0", biorxiv.firstCursor());
        assertNull(biorxiv.nextUrl());
        assertEquals(URI.create("https://api.biorxiv.org/details/biorxiv/2025-08-28/2025-08-30/100"),
                biorxiv.url().expand("2025-08-28", "2025-08-30", "100"));

        SourceSpec crossref = file.sources().get(2);
        assertEquals("*", crossref.firstCursor());
        assertTrue(crossref.url().expand("2025-08-28", "2025-08-30", "DnF1+ZX/J5=").toString()
                .contains("&cursor=DnF1%2BZX%2FJ5%3D&"), "a cursor is URL-encoded");

        SourceSpec oai = file.sources().get(4);
        assertEquals(URI.create("https://oaipmh.arxiv.org/oai?verb=ListRecords&resumptionToken=6960524%7C1001"),
                oai.page(2).expand("2025-08-28", "2025-08-30", "6960524|1001"), "later pages by token only");
        assertEquals(oai.url(), oai.page(1));
        assertEquals(Duration.ofDays(1), oai.interval());
    }

    @Test
    void defaultsWhenTheFileSaysLittle() throws Exception {
        SourcesFile file = read("sources:\n  - name: rss\n    url: https://example.org/feed.xml\n    interval: 30m\n");
        SourceSpec rss = file.sources().get(0);
        assertEquals(SourcesFile.DEFAULT_GAP, file.defaultGap());
        assertEquals(1, rss.lookbackDays());
        assertEquals(SourceSpec.DEFAULT_MAX_PAGES, rss.maxPages());
        assertEquals("0", rss.firstCursor());
    }

    @Test
    void mistakesAreErrorsNamingTheSource() {
        String file = dir.resolve("sources.yml").toString();
        assertEquals(file + ": no sources (a list under 'sources:')", error("hosts: {}\n"));
        assertTrue(error("sources:\n  - name: a\n    url: https://x.org/{form}\n    interval: 1h\n")
                .contains("source 'a': unknown placeholder {form} in https://x.org/{form}"), "a typo in a placeholder");
        assertTrue(error("sources:\n  - name: a\n    url: ftp://x.org/\n    interval: 1h\n")
                .contains("source 'a': not an http(s) URL with a host"));
        assertTrue(error("sources:\n  - name: a\n    url: https://x.org/\n    interval: often\n")
                .contains("source 'a': interval: 'often' is not a positive interval"));
        assertTrue(error("sources:\n  - name: a\n    url: https://x.org/\n").contains("source 'a': no interval"));
        assertTrue(error("sources:\n  - name: a\n    url: https://x.org/\n    interval: 1h\n    lookback: 36h\n")
                .contains("lookback must be whole days"));
        assertTrue(error("sources:\n  - name: a\n    url: https://x.org/\n    interval: 1h\n    max-pages: 0\n")
                .contains("max-pages must be 1 to 10000"));
        assertTrue(error("sources:\n  - {name: a, url: 'https://x.org/', interval: 1h}\n"
                + "  - {name: a, url: 'https://y.org/', interval: 1h}\n").contains("source 'a' is listed twice"));
        assertTrue(error("sources:\n  - {url: 'https://x.org/', interval: 1h}\n").contains("a source has no name"));
        assertTrue(error("sources:\n  - name: a\n    url: https://x.org/\n    intervall: 1h\n")
                .contains("Unrecognized field \"intervall\""), "an unknown key");
        assertTrue(error("hosts:\n  x.org: soon\nsources:\n  - {name: a, url: 'https://x.org/', interval: 1h}\n")
                .contains("gap of host x.org"));
    }

    @Test
    void aMissingFileIsAnError() {
        IOException e = assertThrows(IOException.class, () -> SourcesFile.read(dir.resolve("none.yml")));
        assertTrue(e.getMessage().startsWith("cannot read the sources file "), e.getMessage());
    }
}
