package io.paperfeed.producer.parse;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code arxiv-daily-jsonl}: the daily arXiv dump, one object per line with {@code id} (without
 * version), {@code title}, {@code authors}, {@code categories}, {@code comment} (or null),
 * {@code summary} (hard-wrapped, joined here into one line), {@code pdf} and {@code abs} links.
 * It carries no dates.
 */
final class ArxivDailyJsonlFormat extends JsonLinesFormat {

    static final String NAME = "arxiv-daily-jsonl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean isRecord(ObjectNode o) {
        return o.has("id") && o.has("summary") && !o.has("abstract");
    }

    @Override
    PaperDraft toDraft(ObjectNode o, int line, String raw) throws BadRecordException {
        PaperDraft d = new PaperDraft(line, raw);
        d.arxivId = text(o, "id");
        d.doi = text(o, "doi");
        d.title = text(o, "title");
        d.authors = texts(o, "authors");
        d.categories = texts(o, "categories");
        d.comment = text(o, "comment");
        d.abstractText = text(o, "summary");
        d.wrappedAbstract = true;
        d.links.addAll(texts(o, "abs"));
        d.links.addAll(texts(o, "pdf"));
        return d;
    }
}
