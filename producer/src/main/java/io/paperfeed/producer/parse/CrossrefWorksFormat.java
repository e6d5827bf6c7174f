package io.paperfeed.producer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * {@code crossref-works}: a response of the Crossref REST API's works routes
 * ({@code api.crossref.org/works?…}, {@code /works/{doi}}, {@code /journals/{issn}/works}, …): a
 * {@code message-type} of {@code work-list} with {@code message.items}, or {@code work} with the one
 * work as {@code message}.
 *
 * <p>Per work: {@code DOI}; the first {@code title}; the JATS {@code abstract} as plain text
 * ({@link MarkupText}); the authors' {@code given} and {@code family} names (or an organisation's
 * {@code name}); the {@code subject}s, else a posted content's {@code group-title}, as categories;
 * the first of {@code published}, {@code published-online}, {@code published-print}, {@code posted},
 * {@code issued} as the date ({@code 2016-08-18}, or fewer parts as given); {@code URL} and the
 * {@code link} URLs; the first {@code container-title} (or a preprint server's {@code institution})
 * as venue and comment; {@code ISSN}s and every {@code relation} ({@code has-preprint},
 * {@code is-preprint-of}, …) on the extras. An arXiv DOI ({@code 10.48550/arXiv.…}) gives the arXiv
 * id. Paging: {@code total-results}, {@code query.start-index}, {@code items-per-page}, and
 * {@code next-cursor} while a page holds works.
 */
final class CrossrefWorksFormat extends JsonApiFormat {

    static final String NAME = "crossref-works";
    private static final List<String> DATES = List.of("published", "published-online", "published-print", "posted",
            "issued");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean matches(JsonHead head) {
        String type = head.text("message-type");
        return head.isObject() && ("work-list".equals(type) || "work".equals(type));
    }

    @Override
    List<String> recordsPath(JsonHead head) {
        return List.of("message", "items");
    }

    @Override
    JsonNode singleRecord(JsonNode envelope) throws BadRecordException {
        return "work".equals(JsonValues.text(envelope, "message-type")) ? JsonValues.object(envelope, "message") : null;
    }

    @Override
    PaperDraft toDraft(JsonNode work, int number, String raw, ResultCollector out) throws BadRecordException {
        PaperDraft d = new PaperDraft(number, raw);
        d.doi = JsonValues.text(work, "DOI");
        d.arxivId = Dois.arxivId(d.doi);
        d.title = MarkupText.plain(JsonValues.firstText(work, "title"));
        d.status = JsonValues.text(work, "type");
        d.abstractText = MarkupText.plain(JsonValues.text(work, "abstract"));
        for (JsonNode author : JsonValues.array(work, "author")) {
            String name = JsonValues.text(author, "name");
            String given = JsonValues.text(author, "given");
            String family = JsonValues.text(author, "family");
            d.authors.add(name != null ? name : given == null ? family : family == null ? given : given + " " + family);
        }
        d.categories = JsonValues.texts(work, "subject");
        if (d.categories.isEmpty() && JsonValues.text(work, "group-title") != null) {
            d.categories.add(JsonValues.text(work, "group-title"));
        }
        d.published = firstDate(work);
        d.links.add(JsonValues.text(work, "URL"));
        for (JsonNode link : JsonValues.array(work, "link")) {
            d.links.add(JsonValues.text(link, "URL"));
        }
        d.venue = MarkupText.plain(JsonValues.firstText(work, "container-title"));
        if (d.venue == null) {
            List<JsonNode> institutions = JsonValues.array(work, "institution");
            d.venue = institutions.isEmpty() ? null : JsonValues.text(institutions.get(0), "name");
        }
        d.comment = d.venue;
        for (String issn : JsonValues.texts(work, "ISSN")) {
            d.id("issn", issn);
        }
        JsonNode relations = JsonValues.object(work, "relation");
        if (relations != null) {
            for (Map.Entry<String, JsonNode> type : (Iterable<Map.Entry<String, JsonNode>>) relations::fields) {
                for (JsonNode related : JsonValues.array(relations, type.getKey())) {
                    d.relation(type.getKey(), JsonValues.text(related, "id-type"), JsonValues.text(related, "id"));
                }
            }
        }
        return d;
    }

    /** The first date field present, as {@code YYYY-MM-DD} (or {@code YYYY-MM}, {@code YYYY}). */
    private static String firstDate(JsonNode work) throws BadRecordException {
        for (String field : DATES) {
            String date = CrossrefDates.of(JsonValues.object(work, field));
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    @Override
    void envelopeRead(JsonNode envelope, int records, int nextPosition, ResultCollector out) {
        JsonNode message = envelope.get("message");
        if (message == null || !message.isObject() || !"work-list".equals(envelope.path("message-type").asText())) {
            return;
        }
        JsonNode cursor = message.get("next-cursor");
        FeedPaging paging = new FeedPaging(JsonValues.count(message, "total-results"),
                JsonValues.count(message.get("query"), "start-index"), JsonValues.count(message, "items-per-page"),
                records > 0 && cursor != null && cursor.isTextual() && !cursor.asText().isBlank() ? cursor.asText() : null);
        if (paging.present()) {
            out.paging(paging);
        }
    }
}
