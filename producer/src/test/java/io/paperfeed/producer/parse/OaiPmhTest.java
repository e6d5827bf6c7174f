package io.paperfeed.producer.parse;

import static io.paperfeed.producer.parse.SourceFixtures.at;
import static io.paperfeed.producer.parse.SourceFixtures.read;
import static io.paperfeed.producer.parse.SourceFixtures.readText;
import static io.paperfeed.producer.parse.SourceFixtures.text;
import static io.paperfeed.producer.parse.XmlFeedTesting.ids;
import static io.paperfeed.producer.parse.XmlFeedTesting.invalidPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.paperPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** arXiv's OAI-PMH ListRecords responses in the arXiv and oai_dc formats, real and broken. */
class OaiPmhTest {

    static final String ARXIV = "oai-pmh-arxiv-physics-hep-th.xml";
    static final String DC = "oai-pmh-oai_dc-cs.xml";

    @Test
    void arxivFormatRecordsFieldByField() throws Exception {
        ParseResult r = read(ARXIV);
        assertEquals("oai-pmh", r.format());
        assertEquals(List.of(), r.invalid());
        assertEquals(List.of("1412.8323", "1507.07790", "1607.01710"), ids(r));
        assertNull(r.paging(), "a response without resumption token");
        PaperEvent p = at(r, 2);
        XmlFeedTesting.assertPaper(p, "1507.07790", null, "10.1088/1751-8121/aa9c53",
                "Relativistic quantum dynamics of vector bosons in an Aharonov-Bohm potential",
                "The Aharonov-Bohm (AB) problem for vector bosons by the Duffin-Kemmer-Petiau (DKP) formalism is analyzed. "
                        + "Depending on the values of the spin projection, the relevant eigenvalue equation coming from the DKP "
                        + "formalism reveals an equivalence to the spin-$1/2$ AB problem. By using the self-adjoint extension "
                        + "approach, we examine the bound state scenario. The energy spectra are explicitly computed as well as "
                        + "their dependencies on the magnetic flux parameter and also the conditions for the occurrence of bound "
                        + "states.",
                List.of("Luis B. Castro", "Edilberto O. Silva"), List.of("hep-th", "math-ph", "math.MP", "quant-ph"),
                "7 pages", "2015-07-28", "2016-03-04", 2);
        PaperExtras extras = r.extras(p);
        assertEquals("J. Phys. A: Math. Theor. 51 (2018) 035201", extras.venue(), "the journal reference");
        assertEquals("oai:arXiv.org:1507.07790", extras.id("oai"));
        PaperEvent first = at(r, 1);
        assertEquals(List.of("Philipp A Hoehn"), first.authors());
        assertEquals("Toolbox for reconstructing quantum theory from rules on information acquisition", first.title());
        assertNull(first.doi());
        assertEquals(5, at(r, 3).authors().size());
        assertEquals("A. de Souza Dutra", at(r, 3).authors().get(3), "forenames before the key name");
    }

    @Test
    void dublinCoreRecordsAndTheResumptionToken() throws Exception {
        ParseResult r = read(DC);
        assertEquals("oai-pmh", r.format());
        assertEquals(List.of(), r.invalid());
        assertEquals(List.of("1303.2033", "2401.14034", "2401.14036", "2401.14038", "2401.14040"), ids(r));
        assertEquals(new FeedPaging(1162L, 0L, null, "6960524|1001"), r.paging());
        assertTrue(r.paging().hasMore());
        PaperEvent p = at(r, 1);
        assertEquals("Extended Fourier analysis of signals", p.title());
        assertEquals(List.of("Liepins, Vilnis"), p.authors(), "dc:creator as given");
        assertEquals(List.of("Computer Science - Data Structures and Algorithms", "Computer Science - Information Theory",
                "Mathematics - Numerical Analysis"), p.categories());
        assertEquals("32 pages, 9 figures", p.comment());
        assertEquals("2013-03-08", p.published());
        assertEquals("2024-01-23", p.updated());
        assertEquals(List.of("http://arxiv.org/abs/1303.2033"), p.links());
        assertTrue(p.abstractText().startsWith("This summary of the doctoral thesis is created to emphasize"));
        assertEquals("Accepted to the Findings of EACL 2024", at(r, 5).comment());
        assertEquals(List.of("Li, Chuankun", "Li, Shuai", "Gao, Yanbo", "Chen, Ping", "Li, Jian", "Li, Wanqing"),
                at(r, 2).authors());
        assertNull(at(r, 2).updated());
    }

    @Test
    void brokenRecordCostsOnlyItself() throws Exception {
        // an unescaped & in the second record's abstract: that record is bad-xml, the ones around it are read
        String xml = text(ARXIV).replace("Aharonov-Bohm (AB) problem", "Aharonov & Bohm (AB) problem");
        ParseResult r = readText("broken.xml", xml);
        assertEquals("oai-pmh", r.format());
        assertEquals(List.of("1412.8323", "1607.01710"), ids(r));
        assertEquals(List.of(1, 3), paperPositions(r));
        assertEquals(List.of("bad-xml"), reasons(r));
        InvalidItem bad = r.invalid().get(0);
        assertEquals(2, bad.source().position());
        assertEquals(("entry 2 (line 46): not well-formed XML at line 55, column 303: The entity name must "
                + "immediately follow the '&' in the entity reference."), bad.detail());
        assertTrue(bad.excerpt().contains("<identifier>oai:arXiv.org:1507.07790</identifier>"), bad.excerpt());
    }

    @Test
    void deletedRecordAndServerErrorAreInvalidItems() throws Exception {
        // the saved response has CRLF line ends
        String deleted = text(DC).replace("<header>\r\n<identifier>oai:arXiv.org:2401.14036</identifier>",
                "<header status=\"deleted\">\r\n<identifier>oai:arXiv.org:2401.14036</identifier>");
        ParseResult r = readText("deleted.xml", deleted);
        assertEquals(List.of("1303.2033", "2401.14034", "2401.14038", "2401.14040"), ids(r));
        assertEquals(List.of("deleted"), reasons(r));
        assertEquals(List.of(3), invalidPositions(r));
        assertEquals("the repository reports record oai:arXiv.org:2401.14036 deleted", r.invalid().get(0).detail());

        String error = text(DC).substring(0, text(DC).indexOf("<ListRecords>"))
                + "<error code=\"badResumptionToken\">The value of the resumptionToken argument is invalid or expired.</error>\n"
                + "</OAI-PMH>";
        ParseResult failed = readText("error.xml", error);
        assertEquals("oai-pmh", failed.format());
        assertEquals(List.of("api-error"), reasons(failed));
        assertEquals("the OAI-PMH server answered with an error: badResumptionToken: The value of the resumptionToken "
                + "argument is invalid or expired.", failed.invalid().get(0).detail());
    }
}
