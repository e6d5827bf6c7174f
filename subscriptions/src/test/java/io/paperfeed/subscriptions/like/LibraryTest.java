package io.paperfeed.subscriptions.like;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.LikeItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryTest {

    private static String fixture(String name) throws IOException {
        return new String(LibraryTest.class.getResourceAsStream("/libraries/" + name).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void bibtexEntriesBecomeLikedPapersWithTheirArxivIds() throws IOException {
        String text = fixture("arxiv-export.bib");
        assertEquals(Library.Format.BIBTEX, Library.Format.detect("text/plain", text));
        Library library = Library.parse(Library.Format.BIBTEX, text);
        List<LikeItem> items = library.items();
        assertEquals(3, items.size());
        assertEquals("arxiv:2404.19756", items.get(0).paper(), "eprint with archivePrefix arXiv");
        assertEquals("KAN: Kolmogorov-Arnold Networks", items.get(0).title());
        assertEquals("arxiv:2503.18893", items.get(1).paper(), "an arXiv DOI");
        assertEquals("xKV: Cross-Layer SVD for KV-Cache Compression", items.get(1).title(), "LaTeX braces removed");
        assertTrue(items.get(1).abstractText().startsWith("Large Language Models (LLMs) with long context"));
        assertNull(items.get(2).paper(), "a paper without an arXiv id is liked by its text");
        assertEquals("Attention is All you Need", items.get(2).title());
        assertEquals(List.of("nothing: no title, abstract or arXiv id"), library.problems());
    }

    @Test
    void risEntriesBecomeLikedPapers() throws IOException {
        String text = fixture("zotero-export.ris");
        assertEquals(Library.Format.RIS, Library.Format.detect("application/x-research-info-systems", text));
        assertEquals(Library.Format.RIS, Library.Format.detect(null, text));
        Library library = Library.parse(Library.Format.RIS, text);
        assertEquals(2, library.items().size());
        assertEquals("arxiv:2408.10205", library.items().get(0).paper());
        assertTrue(library.items().get(0).abstractText().startsWith("A major challenge of AI + Science"));
        assertEquals("Deep Knowledge Tracing with Learning Curves", library.items().get(1).title());
        assertEquals(List.of("entry 3: no title, abstract or arXiv id"), library.problems());
    }

    @Test
    void cslJsonItemsBecomeLikedPapers() throws IOException {
        String text = fixture("zotero-export.csl.json");
        assertEquals(Library.Format.CSL_JSON, Library.Format.detect("application/vnd.citationstyles.csl+json", text));
        Library library = Library.parse(Library.Format.CSL_JSON, text);
        assertEquals(List.of("arxiv:2409.10594", "arxiv:2310.13225"), library.items().stream().map(LikeItem::paper).toList());
        assertEquals(List.of("item3: no title, abstract or arXiv id"), library.problems());
    }

    @Test
    void whatIsNoLibrarySaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Library.parse(Library.Format.CSL_JSON, "{\"title\": 1}"));
        assertEquals("not a CSL JSON library: expected a list of items", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Library.parse(Library.Format.BIBTEX, "@article{x, title = {unclosed"));
        assertThrows(IllegalArgumentException.class, () -> Library.parse(Library.Format.RIS, "hello"));
    }
}
