package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every spelling of an arXiv id resolves to the same id and version; what is no id resolves to nothing. */
class ArxivIdsTest {

    @ParameterizedTest(name = "{0} -> {1} v{2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // new style, with and without version
        "2507.20534v2                                      | 2507.20534      | 2",
        "2507.20534                                        | 2507.20534      | -",
        "0704.0001v1                                       | 0704.0001       | 1",
        "1412.9999                                         | 1412.9999       | -",
        "1501.00001v12                                     | 1501.00001      | 12",
        // prefixes and URLs
        "arXiv:2507.20534v2                                | 2507.20534      | 2",
        "arxiv: 2507.20534                                 | 2507.20534      | -",
        "ARXIV:2507.20534V2                                | 2507.20534      | 2",
        "oai:arXiv.org:2508.13426v1                        | 2508.13426      | 1",
        "https://arxiv.org/abs/2507.20534v2                | 2507.20534      | 2",
        "http://arxiv.org/abs/2202.12139v1                 | 2202.12139      | 1",
        "https://arxiv.org/abs/2503.22698                  | 2503.22698      | -",
        "https://arxiv.org/pdf/2507.20534v2                | 2507.20534      | 2",
        "https://arxiv.org/pdf/2507.20534v2.pdf            | 2507.20534      | 2",
        "https://export.arxiv.org/abs/2507.20534/          | 2507.20534      | -",
        "https://www.arxiv.org/html/2507.20534v1           | 2507.20534      | 1",
        "arxiv.org/abs/2507.20534                          | 2507.20534      | -",
        // old style: archive lower case, subject class upper case
        "hep-th/9709111                                    | hep-th/9709111  | -",
        "hep-th/9709111v3                                  | hep-th/9709111  | 3",
        "math.GT/0309136v1                                 | math.GT/0309136 | 1",
        "math.gt/0309136                                   | math.GT/0309136 | -",
        "arXiv:math.GT/0309136v4                           | math.GT/0309136 | 4",
        "http://arxiv.org/pdf/hep-th/9709111v1.pdf         | hep-th/9709111  | 1",
        "https://arxiv.org/abs/cond-mat/0102536            | cond-mat/0102536 | -",
        "'  2507.20534v2  '                                | 2507.20534      | 2",
    })
    void resolves(String text, String id, Integer version) {
        assertEquals(Optional.of(new ArxivId(id, version)), ArxivIds.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "not-an-id", "2507.20534v0", "10.1145/3485447", "2513.00001", "2500.00001", "0703.0001",
        "1501.0001", "1412.00001", "2507.2053", "2507.205341", "hep-th/9713111", "hep-th/970911",
        "https://example.org/abs/2507.20534", "https://arxiv.org/list/cs.AI/new", "arXiv:", "2507.20534v",
        "2507.20534v2 extra", "abs/2507.20534", "2507.20534v99999999999",
    })
    void rejects(String text) {
        assertEquals(Optional.empty(), ArxivIds.parse(text));
    }

    @Test
    void nullIsNoIdAndToStringWritesTheVersion() {
        assertEquals(Optional.empty(), ArxivIds.parse(null));
        assertEquals("2507.20534v2", new ArxivId("2507.20534", 2).toString());
        assertEquals("hep-th/9709111", new ArxivId("hep-th/9709111", null).toString());
        assertThrows(IllegalArgumentException.class, () -> new ArxivId("2507.20534", 0));
    }
}
