package io.paperfeed.model.text;

import io.paperfeed.model.CanonicalPaper;
import java.util.List;

/**
 * A paper as people read it in a feed, a mail or a page: its title and abstract as reader text
 * ({@link ReaderText}), its authors, and the links a reader follows, the arXiv abstract page first.
 *
 * @param title      the title as reader text, or the start of the abstract when the paper has no title
 * @param paragraphs the abstract's paragraphs as reader text
 * @param link       where the title links to: the arXiv abstract page, else the DOI, else the first link; null
 *                   when the paper has none
 * @param pdf        the arXiv PDF, or null
 * @param doi        the DOI as a link ({@code https://doi.org/…}), or null
 */
public record ReadablePaper(String id, String title, List<String> paragraphs, List<String> authors, String link,
                            String pdf, String doi, List<String> categories) {

    private static final int UNTITLED_LENGTH = 120;

    public ReadablePaper {
        paragraphs = List.copyOf(paragraphs);
        authors = authors.stream().map(ReaderText::line).toList();
        categories = List.copyOf(categories);
    }

    /** The reader's view of a canonical paper. */
    public static ReadablePaper of(CanonicalPaper paper) {
        String title = paper.title() != null && !paper.title().isBlank() ? ReaderText.line(paper.title())
                : "“" + ReaderText.shortened(paper.abstractText(), UNTITLED_LENGTH) + "”";
        String abs = paper.arxivId() == null ? null : "https://arxiv.org/abs/" + paper.arxivId();
        String pdf = paper.arxivId() == null ? null : "https://arxiv.org/pdf/" + paper.arxivId();
        String doi = paper.doi() == null ? null : "https://doi.org/" + paper.doi().strip();
        String link = abs != null ? abs : doi != null ? doi : firstHttp(paper.links());
        return new ReadablePaper(paper.id(), title, ReaderText.paragraphs(paper.abstractText()), paper.authors(), link,
                pdf, doi, paper.categories());
    }

    /** The abstract as one text, paragraphs separated by blank lines. */
    public String abstractText() {
        return String.join("\n\n", paragraphs);
    }

    /** The authors as one line: {@code A, B and C}; {@code A, B, C et al.} past {@code max} names. */
    public String authorLine(int max) {
        if (authors.isEmpty()) {
            return "";
        }
        if (authors.size() > max) {
            return String.join(", ", authors.subList(0, max)) + " et al.";
        }
        if (authors.size() == 1) {
            return authors.get(0);
        }
        return String.join(", ", authors.subList(0, authors.size() - 1)) + " and " + authors.get(authors.size() - 1);
    }

    private static String firstHttp(List<String> links) {
        return links.stream().filter(l -> l.startsWith("https://") || l.startsWith("http://")).findFirst().orElse(null);
    }
}
