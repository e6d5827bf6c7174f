package io.paperfeed.subscriptions.like;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaperIdsTest {

    @ParameterizedTest
    @CsvSource({
            "2504.01234, arxiv:2504.01234",
            "arXiv:2504.01234v2, arxiv:2504.01234",
            "arxiv:2504.01234, arxiv:2504.01234",
            "https://arxiv.org/abs/2504.01234v3, arxiv:2504.01234",
            "http://arxiv.org/pdf/2504.01234.pdf, arxiv:2504.01234",
            "hep-th/9901001, arxiv:hep-th/9901001",
            "content:0123456789abcdef0123, content:0123456789abcdef0123",
            "  2409.10594 , arxiv:2409.10594"})
    void everySpellingOfAnArxivIdIsOneCanonicalId(String reference, String canonical) {
        assertEquals(canonical, PaperIds.canonical(reference));
    }
}
