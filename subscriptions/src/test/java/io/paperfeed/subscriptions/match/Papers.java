package io.paperfeed.subscriptions.match;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.time.Instant;
import java.util.List;

/** Papers for the subscription tests. */
final class Papers {

    private Papers() {
    }

    static CanonicalPaper paper(String title, String abstractText, List<String> authors, List<String> categories) {
        return CanonicalPaper.firstSighting("content:test", new PaperEvent(null, null, null, title, abstractText,
                authors, categories, null, null, null, new Provenance("test", "test", 1, Instant.EPOCH)));
    }

    /** The xKV paper of seeds/003 (title and the start of its abstract). */
    static CanonicalPaper xkv() {
        return paper("xKV: Cross-Layer SVD for KV-Cache Compression",
                "Large Language Models (LLMs) with long context windows enable powerful applications but come at the "
                        + "cost of high memory consumption to store the Key and Value states (KV-Cache). Recent studies "
                        + "attempted to merge KV-cache from multiple layers into shared representations. We propose xKV, "
                        + "a simple post-training method that applies Singular Value Decomposition (SVD) on the KV-Cache "
                        + "of grouped layers.",
                List.of("Chi-Chih Chang", "Jingyuan Liu", "Mohamed S. Abdelfattah"), List.of("cs.CL", "cs.LG"));
    }
}
