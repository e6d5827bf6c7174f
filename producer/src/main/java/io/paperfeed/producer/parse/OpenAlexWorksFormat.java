package io.paperfeed.producer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code openalex-works}: a response of the OpenAlex API's works routes: one work
 * ({@code api.openalex.org/works/W2741809807}, its {@code id} an {@code openalex.org/W…} URL) or a
 * page of them ({@code meta} and {@code results}).
 *
 * <p>Per work: {@code doi} (a resolver URL, kept bare); {@code title} (else {@code display_name});
 * the abstract rebuilt from {@code abstract_inverted_index} (word → positions); the authorships'
 * {@code author.display_name}s; {@code publication_date}; the primary source's name as venue and
 * comment and its ISSNs; the landing pages and the best open access PDF as links; and on the extras
 * the cross-walk of {@code ids}: {@code openalex} ({@code W…}), {@code mag}, {@code pmid} and
 * {@code pmcid} (PubMed and PubMed Central numbers from their URLs). An arXiv DOI or an
 * {@code arxiv.org/abs/} landing page gives the arXiv id. Paging: {@code meta.count},
 * {@code meta.per_page}, the start from {@code meta.page}, and {@code meta.next_cursor}.
 */
final class OpenAlexWorksFormat extends JsonApiFormat {

    static final String NAME = "openalex-works";
    static final String WORK = "https://openalex.org/W";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean matches(JsonHead head) {
        if (!head.isObject()) {
            return false;
        }
        String id = head.text("id");
        if (id != null) {
            return id.startsWith(WORK);
        }
        String first = head.firstText("results", "id");
        return head.has("meta") && head.has("results") && (first == null ? !head.firstHas("results", "id")
                : first.startsWith(WORK));
    }

    @Override
    List<String> recordsPath(JsonHead head) {
        return List.of("results");
    }

    @Override
    JsonNode singleRecord(JsonNode envelope) throws BadRecordException {
        String id = JsonValues.text(envelope, "id");
        return id != null && id.startsWith(WORK) ? envelope : null;
    }

    @Override
    PaperDraft toDraft(JsonNode work, int number, String raw, ResultCollector out) throws BadRecordException {
        PaperDraft d = new PaperDraft(number, raw);
        d.doi = Dois.bare(JsonValues.text(work, "doi"));
        d.title = JsonValues.text(work, "title");
        if (d.title == null) {
            d.title = JsonValues.text(work, "display_name");
        }
        d.abstractText = abstractOf(JsonValues.object(work, "abstract_inverted_index"));
        for (JsonNode authorship : JsonValues.array(work, "authorships")) {
            String name = JsonValues.textAt(authorship, "author", "display_name");
            d.authors.add(name != null ? name : JsonValues.text(authorship, "raw_author_name"));
        }
        d.published = JsonValues.text(work, "publication_date");
        JsonNode source = JsonValues.object(JsonValues.object(work, "primary_location"), "source");
        d.venue = JsonValues.text(source, "display_name");
        d.comment = d.venue;
        d.links.add(JsonValues.textAt(work, "primary_location", "landing_page_url"));
        d.links.add(JsonValues.textAt(work, "best_oa_location", "pdf_url"));
        for (JsonNode location : JsonValues.array(work, "locations")) {
            String page = JsonValues.text(location, "landing_page_url");
            d.links.add(page);
            if (d.arxivId == null && page != null && page.contains("arxiv.org/abs/")) {
                d.arxivId = page;
            }
        }
        String arxivDoi = Dois.arxivId(d.doi);
        if (arxivDoi != null) {
            d.arxivId = arxivDoi;
        }
        JsonNode ids = JsonValues.object(work, "ids");
        d.id("openalex", lastSegment(JsonValues.text(ids, "openalex")));
        d.id("mag", JsonValues.text(ids, "mag"));
        d.id("pmid", lastSegment(JsonValues.text(ids, "pmid")));
        String pmcid = lastSegment(JsonValues.text(ids, "pmcid"));
        d.id("pmcid", pmcid != null && pmcid.matches("\\d+") ? "PMC" + pmcid : pmcid);
        for (String issn : JsonValues.texts(source, "issn")) {
            d.id("issn", issn);
        }
        return d;
    }

    /** The abstract from word → positions; null without an index. Bounded: more words than an abstract may hold are cut. */
    static String abstractOf(JsonNode inverted) throws BadRecordException {
        if (inverted == null) {
            return null;
        }
        TreeMap<Integer, String> words = new TreeMap<>();
        for (Map.Entry<String, JsonNode> word : (Iterable<Map.Entry<String, JsonNode>>) inverted::fields) {
            if (!word.getValue().isArray()) {
                throw new BadRecordException("abstract_inverted_index: positions of '" + word.getKey() + "' are no list");
            }
            for (JsonNode position : word.getValue()) {
                if (!position.canConvertToInt() || position.asInt() < 0) {
                    throw new BadRecordException("abstract_inverted_index: a position of '" + word.getKey()
                            + "' is not a whole number: " + position);
                }
                if (words.size() <= FeedReader.MAX_ABSTRACT_CHARS / 2) {
                    words.put(position.asInt(), word.getKey());
                }
            }
        }
        return words.isEmpty() ? null : String.join(" ", words.values());
    }

    /** The last path segment of an id URL ({@code https://pubmed.ncbi.nlm.nih.gov/29456894} → {@code 29456894}). */
    private static String lastSegment(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.substring(u.lastIndexOf('/') + 1);
    }

    @Override
    void envelopeRead(JsonNode envelope, int records, int nextPosition, ResultCollector out) {
        JsonNode meta = envelope.get("meta");
        if (meta == null || !meta.isObject()) {
            return;
        }
        Long page = JsonValues.count(meta, "page");
        Long perPage = JsonValues.count(meta, "per_page");
        JsonNode cursor = meta.get("next_cursor");
        out.paging(new FeedPaging(JsonValues.count(meta, "count"),
                page != null && perPage != null && page > 0 ? (page - 1) * perPage : null, perPage,
                cursor != null && cursor.isTextual() && !cursor.asText().isBlank() ? cursor.asText() : null));
    }
}
