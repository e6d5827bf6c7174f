package io.paperfeed.producer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code biorxiv-details}: a response of the bioRxiv/medRxiv API's details route
 * ({@code api.biorxiv.org/details/biorxiv/2020-01-01/2022-12-31/0}, {@code …/details/medrxiv/…}, or
 * one preprint's versions by DOI, {@code …/details/biorxiv/10.1101/2020.06.11.145425}): a
 * {@code messages} list (its first entry the {@code status} and the paging) and a {@code collection}
 * of preprint versions, one record per version.
 *
 * <p>Per version: {@code doi}, {@code version}, {@code title}, {@code abstract}, the
 * {@code authors} ({@code "Durrieu, L.; Bush, A."}: split at semicolons, a {@code Family, Given}
 * name turned to {@code Given Family} as the other sources give names), {@code category} as
 * category, {@code date} (the date this version was posted: {@code published} for version 1,
 * {@code updated} for a later one), {@code server} ({@code bioRxiv}, {@code medRxiv}) as venue and
 * comment, the version's page on the server and its {@code jatsxml} as links, and the journal DOI of
 * {@code published} ({@code NA} while unpublished) as an {@code is-preprint-of} relation on the
 * extras: the link from preprint to publication. A status other than {@code ok} or
 * {@code no posts found} is one {@code api-error} item. Paging: the {@code total}, the
 * {@code cursor} (this page's start) and the {@code count} of records on the page; the next page is
 * asked for with {@code cursor + count}.
 */
final class BiorxivDetailsFormat extends JsonApiFormat {

    static final String NAME = "biorxiv-details";
    private static final String NOT_PUBLISHED = "NA";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean matches(JsonHead head) {
        return head.isObject() && head.firstHas("messages", "status") && head.has("collection")
                && (head.firstHas("collection", "doi") || !head.firstIsObject("collection"));
    }

    @Override
    List<String> recordsPath(JsonHead head) {
        return List.of("collection");
    }

    @Override
    PaperDraft toDraft(JsonNode record, int number, String raw, ResultCollector out) throws BadRecordException {
        PaperDraft d = new PaperDraft(number, raw);
        d.doi = JsonValues.text(record, "doi");
        String version = JsonValues.text(record, "version");
        if (version != null && !version.strip().matches("[1-9]\\d{0,5}")) {
            throw new BadRecordException("field 'version' is not a version number: " + version);
        }
        d.version = version == null ? null : Integer.valueOf(version.strip());
        d.title = JsonValues.text(record, "title");
        d.abstractText = JsonValues.text(record, "abstract");
        d.authors = authors(JsonValues.text(record, "authors"));
        String category = JsonValues.text(record, "category");
        if (category != null) {
            d.categories.add(category);
        }
        String date = JsonValues.text(record, "date");
        if (d.version == null || d.version == 1) {
            d.published = date;
        } else {
            d.updated = date;
        }
        String server = JsonValues.text(record, "server");
        d.venue = server;
        d.comment = server;
        if (server != null && d.doi != null && server.strip().matches("(?i)(bio|med)rxiv")) {
            d.links.add("https://www." + server.strip().toLowerCase(Locale.ROOT) + ".org/content/" + d.doi.strip()
                    + (d.version == null ? "" : "v" + d.version));
        }
        d.links.add(JsonValues.text(record, "jatsxml"));
        String published = JsonValues.text(record, "published");
        if (published != null && !published.isBlank() && !NOT_PUBLISHED.equals(published.strip())) {
            d.relation("is-preprint-of", "doi", Dois.bare(published));
        }
        return d;
    }

    /** {@code "Durrieu, L.; Bush, A.; Janzen, D. L. I.;"} → {@code L. Durrieu}, {@code A. Bush}, {@code D. L. I. Janzen}. */
    static List<String> authors(String list) {
        List<String> names = new ArrayList<>();
        if (list == null) {
            return names;
        }
        for (String part : list.split(";")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            int comma = name.indexOf(',');
            if (comma > 0 && comma == name.lastIndexOf(',') && comma < name.length() - 1) {
                name = name.substring(comma + 1).strip() + " " + name.substring(0, comma).strip();
            }
            names.add(name);
        }
        return names;
    }

    @Override
    void envelopeRead(JsonNode envelope, int records, int nextPosition, ResultCollector out) {
        JsonNode messages = envelope.get("messages");
        JsonNode first = messages != null && messages.isArray() && !messages.isEmpty() ? messages.get(0) : null;
        if (first == null || !first.isObject()) {
            return;
        }
        JsonNode status = first.get("status");
        String s = status == null || !status.isValueNode() ? null : status.asText().strip();
        if (s != null && !s.equalsIgnoreCase("ok") && !s.equalsIgnoreCase("no posts found")) {
            out.reject(nextPosition, Reasons.API_ERROR, "the bioRxiv API answered with status '" + s + "'",
                    messages.toString());
            return;
        }
        FeedPaging paging = new FeedPaging(JsonValues.count(first, "total"), JsonValues.count(first, "cursor"),
                JsonValues.count(first, "count"));
        if (paging.present()) {
            out.paging(paging);
        }
    }
}
