package io.paperfeed.consumer.atom;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.TopicMatch;
import java.time.Instant;
import java.util.List;

/** Canonical papers for feed tests. */
final class Papers {

    static final Provenance SOURCE = new Provenance("seeds/x.txt", "hf-daily-papers", 1, Instant.parse("2025-07-01T00:00:00Z"));

    private Papers() {
    }

    /** arXiv paper 2507.0000n, topic kv-cache, published 2025-07-0n. */
    static CanonicalPaper arxiv(int n, String title) {
        String arxivId = String.format("2507.%05d", n);
        return new CanonicalPaper("arxiv:" + arxivId, arxivId, 1, "10.1000/x" + n, title,
                "We compress the KV cache.\nIt is $10\\times$ smaller.", List.of("Ann Ng", "Bo Li"), List.of("cs.CL", "cs.LG"),
                List.of(), null, String.format("2025-07-%02d", 1 + n % 28), null,
                List.of("https://arxiv.org/abs/" + arxivId), List.of(new TopicMatch("kv-cache", 1.0, List.of("kv cache"))),
                List.of(SOURCE), List.of(), CanonicalPaper.Change.NEW);
    }

    /** A paper without an arXiv id yet, under a content id. */
    static CanonicalPaper content(String contentId, String title) {
        return new CanonicalPaper(contentId, null, null, null, title, "Only an abstract so far.", List.of("C D"),
                List.of(), List.of(), null, "Aug 29", null, List.of(), List.of(), List.of(SOURCE), List.of(),
                CanonicalPaper.Change.NEW);
    }

    /** The same paper after a sighting with an arXiv id joined it. */
    static CanonicalPaper nowArxiv(CanonicalPaper before, String arxivId) {
        return new CanonicalPaper("arxiv:" + arxivId, arxivId, 1, null, before.title(), before.abstractText(),
                before.authors(), before.categories(), List.of(), null, "2025-07-20", null,
                List.of("https://arxiv.org/abs/" + arxivId), before.topics(), before.sources(), List.of(before.id()),
                CanonicalPaper.Change.UPDATED);
    }
}
