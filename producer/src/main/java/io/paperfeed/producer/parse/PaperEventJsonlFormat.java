package io.paperfeed.producer.parse;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code paper-event-jsonl}: {@link io.paperfeed.model.PaperEvent}s as JSON lines, as paperfeed
 * itself writes them, so parsed output can be read again. The stored provenance is replaced by the
 * new file and line; every field goes through the same cleaning and checks as any other item.
 */
final class PaperEventJsonlFormat extends JsonLinesFormat {

    static final String NAME = "paper-event-jsonl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean isRecord(ObjectNode o) {
        return (o.has("abstract") || o.has("title")) && (o.has("source") || o.has("arxivId"));
    }

    @Override
    PaperDraft toDraft(ObjectNode o, int line, String raw) throws BadRecordException {
        PaperDraft d = new PaperDraft(line, raw);
        d.arxivId = text(o, "arxivId");
        d.version = number(o, "version");
        d.doi = text(o, "doi");
        d.title = text(o, "title");
        d.abstractText = text(o, "abstract");
        d.authors = texts(o, "authors");
        d.categories = texts(o, "categories");
        d.comment = text(o, "comment");
        d.published = text(o, "published");
        d.updated = text(o, "updated");
        d.links = texts(o, "links");
        d.dois = texts(o, "dois");
        d.venue = text(o, "venue");
        d.status = text(o, "status");
        if (o.get("ids") instanceof ObjectNode ids) {
            for (java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e
                    : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) ids::fields) {
                texts(ids, e.getKey()).forEach(v -> d.id(e.getKey(), v));
            }
        }
        if (o.get("relations") instanceof com.fasterxml.jackson.databind.node.ArrayNode relations) {
            for (com.fasterxml.jackson.databind.JsonNode r : relations) {
                if (r instanceof ObjectNode rel) {
                    d.relation(text(rel, "type"), text(rel, "idType"), text(rel, "id"));
                }
            }
        }
        return d;
    }
}
