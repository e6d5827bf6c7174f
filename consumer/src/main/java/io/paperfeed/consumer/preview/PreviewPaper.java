package io.paperfeed.consumer.preview;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.text.ReadablePaper;
import java.time.Instant;
import java.util.List;

/**
 * One paper a subscription would have matched, as the subscription page shows it.
 *
 * @param title   the title as a reader sees it
 * @param link    the arXiv abstract page, else the DOI, else the paper's first link
 * @param topics  the paper's topics the subscription named
 * @param terms   the words of the query that matched
 * @param seenAt  when the service first saw the paper
 */
public record PreviewPaper(String id, String title, List<String> authors, String link, List<String> categories,
                           List<String> topics, List<String> terms, Instant seenAt) {

    static PreviewPaper of(CanonicalPaper paper, List<String> topics, List<String> terms, Instant seenAt) {
        ReadablePaper readable = ReadablePaper.of(paper);
        return new PreviewPaper(paper.id(), readable.title(), readable.authors(), readable.link(), paper.categories(),
                topics, terms, seenAt);
    }
}
