package io.paperfeed.producer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * {@code semantic-scholar}: a response of the Semantic Scholar Graph API's paper routes: one paper
 * ({@code /graph/v1/paper/{id}}), a search page ({@code /paper/search}: {@code total},
 * {@code offset}, {@code next}, {@code data}), a bulk search page ({@code /paper/search/bulk}:
 * {@code total}, {@code token}, {@code data}) or a batch ({@code POST /paper/batch}: a list of
 * papers, {@code null} for an id not found).
 *
 * <p>Per paper, only the fields the request asked for are present: {@code title}, {@code abstract},
 * the authors' {@code name}s, {@code fieldsOfStudy} as categories, {@code publicationDate} (else
 * {@code year}), {@code venue} (else the journal's or publication venue's name) as venue and comment,
 * {@code url} and the open access PDF as links; {@code externalIds} give the DOI, the arXiv id and,
 * on the extras, the PubMed ({@code pmid}), PubMed Central, MAG, DBLP, ACL and corpus ids, with the
 * {@code paperId} as {@code s2}. Paging: {@code total}, {@code offset}, {@code next - offset} per
 * page, and the bulk search's {@code token} as the next cursor.
 */
final class SemanticScholarFormat extends JsonApiFormat {

    static final String NAME = "semantic-scholar";
    /** externalIds keys and the extras schemes they go to (DOI and ArXiv go to the event). */
    private static final Map<String, String> SCHEMES = Map.of("PubMed", "pmid", "PubMedCentral", "pmcid", "MAG", "mag",
            "DBLP", "dblp", "ACL", "acl", "CorpusId", "corpus-id");
    private static final List<String> SCHEME_ORDER = List.of("PubMed", "PubMedCentral", "MAG", "DBLP", "ACL", "CorpusId");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean matches(JsonHead head) {
        if (head.isArray()) {
            return head.firstHas("", "paperId");
        }
        return head.isObject() && (head.text("paperId") != null
                || head.firstHas("data", "paperId") && (head.has("total") || head.has("offset") || head.has("token")));
    }

    @Override
    List<String> recordsPath(JsonHead head) {
        return head.isArray() ? List.of() : List.of("data");
    }

    @Override
    JsonNode singleRecord(JsonNode envelope) {
        return envelope.isObject() && envelope.hasNonNull("paperId") ? envelope : null;
    }

    @Override
    PaperDraft toDraft(JsonNode paper, int number, String raw, ResultCollector out) throws BadRecordException {
        PaperDraft d = new PaperDraft(number, raw);
        d.title = JsonValues.text(paper, "title");
        d.abstractText = JsonValues.text(paper, "abstract");
        for (JsonNode author : JsonValues.array(paper, "authors")) {
            d.authors.add(JsonValues.text(author, "name"));
        }
        d.categories = JsonValues.texts(paper, "fieldsOfStudy");
        d.published = JsonValues.text(paper, "publicationDate");
        if (d.published == null) {
            d.published = JsonValues.text(paper, "year");
        }
        d.venue = JsonValues.text(paper, "venue");
        if (d.venue == null || d.venue.isBlank()) {
            d.venue = JsonValues.textAt(paper, "journal", "name");
        }
        if (d.venue == null || d.venue.isBlank()) {
            d.venue = JsonValues.textAt(paper, "publicationVenue", "name");
        }
        d.comment = d.venue;
        d.links.add(JsonValues.text(paper, "url"));
        d.links.add(JsonValues.textAt(paper, "openAccessPdf", "url"));
        d.id("s2", JsonValues.text(paper, "paperId"));
        JsonNode ids = JsonValues.object(paper, "externalIds");
        d.doi = JsonValues.text(ids, "DOI");
        d.arxivId = JsonValues.text(ids, "ArXiv");
        for (String key : SCHEME_ORDER) {
            d.id(SCHEMES.get(key), JsonValues.text(ids, key));
        }
        if (!d.ids.containsKey("corpus-id")) {
            d.id("corpus-id", JsonValues.text(paper, "corpusId"));
        }
        return d;
    }

    @Override
    void envelopeRead(JsonNode envelope, int records, int nextPosition, ResultCollector out) {
        if (!envelope.isObject()) {
            return;
        }
        Long offset = JsonValues.count(envelope, "offset");
        Long next = JsonValues.count(envelope, "next");
        JsonNode token = envelope.get("token");
        FeedPaging paging = new FeedPaging(JsonValues.count(envelope, "total"), offset,
                offset != null && next != null && next > offset ? next - offset : null,
                token != null && token.isTextual() && !token.asText().isBlank() ? token.asText() : null);
        if (paging.present() && !envelope.hasNonNull("paperId")) {
            out.paging(paging);
        }
    }
}
