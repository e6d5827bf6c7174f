package io.paperfeed.producer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code hf-daily-papers-api}: a response of the Hugging Face papers API's lists
 * ({@code huggingface.co/api/daily_papers}, {@code ?date=2026-03-06}): a JSON list of entries, each
 * with the {@code paper} it features and the entry's own copies of title and summary.
 *
 * <p>Per entry: the paper's {@code id} as the arXiv id (the API's papers are arXiv papers), its
 * {@code title} and {@code summary} (else the entry's), hard-wrapped like arXiv's summaries; the
 * authors' {@code name}s, hidden ones too (hidden hides the link to an account, not the author);
 * the paper's {@code publishedAt} (its arXiv date); and as links the paper's page on Hugging Face,
 * its arXiv abstract page, {@code projectPage} and {@code githubRepo}. Upvotes, comments, AI
 * summaries and keywords are the community's, not the paper's, and are not read. The lists do not
 * page: a day's list is asked for by date.
 */
final class HfDailyPapersApiFormat extends JsonApiFormat {

    static final String NAME = "hf-daily-papers-api";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean matches(JsonHead head) {
        return head.isArray() && head.firstHas("", "paper");
    }

    @Override
    List<String> recordsPath(JsonHead head) {
        return List.of();
    }

    @Override
    PaperDraft toDraft(JsonNode entry, int number, String raw, ResultCollector out) throws BadRecordException {
        JsonNode paper = JsonValues.object(entry, "paper");
        if (paper == null) {
            throw new BadRecordException("no 'paper' object");
        }
        PaperDraft d = new PaperDraft(number, raw);
        String id = JsonValues.text(paper, "id");
        d.arxivId = id;
        d.title = firstOf(JsonValues.text(paper, "title"), JsonValues.text(entry, "title"));
        d.abstractText = firstOf(JsonValues.text(paper, "summary"), JsonValues.text(entry, "summary"));
        d.wrappedAbstract = true;
        for (JsonNode author : JsonValues.array(paper, "authors")) {
            if (!author.isObject()) {
                throw new BadRecordException("an entry of 'authors' is not an object: " + author.getNodeType());
            }
            d.authors.add(JsonValues.text(author, "name"));
        }
        d.published = JsonValues.text(paper, "publishedAt");
        if (id != null && !id.isBlank()) {
            d.links.add("https://huggingface.co/papers/" + id.strip());
            d.links.add("https://arxiv.org/abs/" + id.strip());
        }
        d.links.add(JsonValues.text(paper, "projectPage"));
        d.links.add(JsonValues.text(paper, "githubRepo"));
        return d;
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
