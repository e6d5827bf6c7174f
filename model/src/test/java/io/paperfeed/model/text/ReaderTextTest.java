package io.paperfeed.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Provenance;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reader text from the TeX found in real arXiv titles and abstracts (the examples are from the seeds and ../shared/data). */
class ReaderTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '@', textBlock = """
            Prefill \\& Decode Inference                                | Prefill & Decode Inference
            accuracy of 95.2\\% on average                              | accuracy of 95.2% on average
            UV S\\"UD Rail, in G\\"orlitz                               | UV SÜD Rail, in Görlitz
            Fr\\'echet Inception Distance                               | Fréchet Inception Distance
            S\\~ao Paulo and na\\"{\\i}ve and Fran\\c{c}ois              | São Paulo and naïve and François
            we propose \\textbf{UFDANet}, a \\emph{new} \\textit{model} | we propose UFDANet, a new model
            {\\em (i)} a novel {\\it LagKV} and {BERT}                   | (i) a novel LagKV and BERT
            as in prior work~\\cite{peng2025rwkv}, we                   | as in prior work, we
            is $3.2\\times$ faster                                      | is 3.2× faster
            within $\\pm$5\\% and $\\alpha$ = 0.562                      | within ±5% and α = 0.562
            models with $\\leq$3B parameters and $\\sim$25k samples     | models with ≤3B parameters and ∼25k samples
            error of $10^{-3}$ and $x^2 + y_i$                          | error of 10⁻³ and x² + yᵢ
            rotations of $90^\\circ$ in $\\mathbb{R}^2$                  | rotations of 90° in ℝ²
            a $\\mathbf{Mavors}$ model with $\\mathcal{J}\\&\\mathcal{F}$ | a Mavors model with J&F
            the $\\mathcal{K}(t)$ kernel and \\(\\mathcal{J}\\&\\mathcal{F}\\) | the K(t) kernel and J&F
            costs \\$148K in all                                         | costs $148K in all
            code at \\href{https://github.com/x/y}{this link}            | code at this link (https://github.com/x/y)
            code at \\url{https://github.com/a\\_b/c}                    | code at https://github.com/a_b/c
            the \\textsuperscript{3}-CLIP and mAP\\textsubscript{50}     | the ³-CLIP and mAP₅₀
            a \\textcolor{update}{crowd animation} and \\color{ddt}D      | a crowd animation and D
            ``quoted'' text                                              | “quoted” text
            """)
    void readsTexAsText(String tex, String text) {
        assertEquals(text, ReaderText.line(tex));
    }

    @Test
    void mathWithoutAUnicodeFormIsKeptAsWritten() {
        assertEquals("the $\\overbrace{abc}$ trick", ReaderText.line("the $\\overbrace{abc}$ trick"));
        assertEquals("a lone $ sign", ReaderText.line("a lone $ sign"));
    }

    @Test
    void unknownCommandsStayAsWritten() {
        assertEquals("we present \\projectname, a method", ReaderText.line("we present \\projectname, a method"));
    }

    @Test
    void hardLineBreaksAreJoinedAndParagraphsKept() {
        String abs = "The application of on-device\nlanguage models is hard.\n\nWe show\nthat it is not.";
        assertEquals(List.of("The application of on-device language models is hard.", "We show that it is not."),
                ReaderText.paragraphs(abs));
        assertEquals(List.of("First part.", "Second part."), ReaderText.paragraphs("First\npart.\n  Second part."));
    }

    @Test
    void nullStaysNullAndShorteningCutsAtAWord() {
        assertNull(ReaderText.line(null));
        assertEquals(List.of(), ReaderText.paragraphs(null));
        assertEquals("one two…", ReaderText.shortened("one two three four", 12));
    }

    @Test
    void scriptTablesLineUp() {
        assertEquals("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀᵗᵏ", TexSymbols.superscript("0123456789+-=()niTtk"));
        assertEquals("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₖₗₘₙₚᵣₛₜᵤᵥ", TexSymbols.subscript("0123456789+-=()aeoxijklmnprstuv"));
        assertNull(TexSymbols.superscript("q"));
    }

    @Test
    void aReadablePaperLinksItsTitleToArxivAndListsItsAuthors() {
        Provenance source = new Provenance("seeds/x.txt", "hf-daily-papers", 1, Instant.parse("2025-07-01T00:00:00Z"));
        CanonicalPaper paper = new CanonicalPaper("arxiv:2507.20534", "2507.20534", 1, "10.1000/XYZ",
                "Prefill \\& Decode", "We study $\\times$ things.", List.of("Ann Ng", "Bo Li", "J\\\"org Z"), List.of("cs.CL"),
                List.of(), null, null, null, List.of("https://arxiv.org/abs/2507.20534"), List.of(), List.of(source),
                List.of(), CanonicalPaper.Change.NEW);
        ReadablePaper readable = ReadablePaper.of(paper);
        assertEquals("Prefill & Decode", readable.title());
        assertEquals("https://arxiv.org/abs/2507.20534", readable.link());
        assertEquals("https://arxiv.org/pdf/2507.20534", readable.pdf());
        assertEquals("https://doi.org/10.1000/XYZ", readable.doi());
        assertEquals("Ann Ng, Bo Li and Jörg Z", readable.authorLine(5));
        assertEquals("Ann Ng, Bo Li et al.", readable.authorLine(2));
        assertEquals("We study × things.", readable.abstractText());

        CanonicalPaper untitled = new CanonicalPaper("content:ab", null, null, null, null, "An abstract only.",
                List.of(), List.of(), List.of(), null, null, null, List.of("https://example.org/p"), List.of(),
                List.of(source), List.of(), CanonicalPaper.Change.NEW);
        assertEquals("“An abstract only.”", ReadablePaper.of(untitled).title());
        assertTrue(ReadablePaper.of(untitled).link().startsWith("https://example.org"));
    }
}
