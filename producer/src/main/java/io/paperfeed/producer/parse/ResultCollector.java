package io.paperfeed.producer.parse;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the drafts of one source into papers and invalid items: cleans every field, checks the
 * abstract and the arXiv id, and records each item that cannot be a paper with its reason.
 */
final class ResultCollector {

    private static final Logger log = LoggerFactory.getLogger(ResultCollector.class);
    /** Formats whose items without abstract are title-only sightings ({@link #titleOnlySighting}). */
    static final java.util.Set<String> TITLE_ONLY_FORMATS = java.util.Set.of(JournalFeedFormat.NAME,
            CrossrefWorksFormat.NAME, PaperEventJsonlFormat.NAME);

    private final String source;
    private final String format;
    private final Instant fetchedAt;
    private final Clock clock;
    private final List<PaperEvent> papers = new ArrayList<>();
    private final List<InvalidItem> invalid = new ArrayList<>();
    private final Map<String, PaperExtras> extras = new LinkedHashMap<>();
    private FeedPaging paging;
    private boolean overflowed;

    ResultCollector(String source, String format, Instant fetchedAt, Clock clock) {
        this.source = source;
        this.format = format;
        this.fetchedAt = fetchedAt;
        this.clock = clock;
    }

    /** The source's name (file path or URL). */
    String source() {
        return source;
    }

    /** Where an item at this line came from. */
    Provenance provenance(int position) {
        return new Provenance(source, format, position, fetchedAt);
    }

    /** Validates a draft: it becomes a paper, or an invalid item saying why not. */
    void accept(PaperDraft d) {
        if (!admit(d.position)) {
            return;
        }
        if (TextNormalizer.isBinary(d.raw)) {
            reject(d.position, Reasons.BINARY, "binary junk where a paper was expected", d.raw);
            return;
        }
        String abstractText = d.wrappedAbstract ? TextNormalizer.joinWrapped(d.abstractText)
                : TextNormalizer.clean(d.abstractText);
        if (d.oversizeField != null) {
            reject(d.position, d.oversizeField.equals(PaperDraft.ABSTRACT) ? Reasons.ABSTRACT_TOO_LONG : Reasons.FIELD_TOO_LONG,
                    d.oversizeField + " is longer than " + XmlFeedStream.MAX_RAW_FIELD_CHARS + " characters", d.raw);
            return;
        }
        if (abstractText == null && !titleOnlySighting(d)) {
            reject(d.position, Reasons.NO_ABSTRACT, noAbstract(d), d.raw);
            return;
        }
        if (abstractText != null && abstractText.length() > FeedReader.MAX_ABSTRACT_CHARS) {
            reject(d.position, Reasons.ABSTRACT_TOO_LONG, "abstract has " + abstractText.length()
                    + " characters, more than the limit of " + FeedReader.MAX_ABSTRACT_CHARS, d.raw);
            return;
        }
        String arxivId = null;
        Integer version = d.version;
        String rawId = TextNormalizer.clean(d.arxivId);
        if (rawId != null) {
            Optional<ArxivId> id = ArxivIds.parse(rawId);
            if (id.isEmpty()) {
                reject(d.position, Reasons.BAD_ID, "not an arXiv identifier: " + rawId, d.raw);
                return;
            }
            arxivId = id.get().id();
            if (id.get().version() != null) {
                version = id.get().version();
            }
        }
        String doi = TextNormalizer.clean(d.doi);
        String title = TextNormalizer.clean(d.title);
        String comment = TextNormalizer.clean(d.comment);
        String published = TextNormalizer.clean(d.published);
        String updated = TextNormalizer.clean(d.updated);
        List<String> authors = TextNormalizer.cleanAll(d.authors);
        List<String> categories = TextNormalizer.cleanAll(d.categories).stream().distinct().toList();
        String tooLong = tooLong(authors, categories, doi, title, comment, published, updated, d.venue);
        if (tooLong != null) {
            reject(d.position, Reasons.FIELD_TOO_LONG, tooLong, d.raw);
            return;
        }
        try {
            String venue = TextNormalizer.clean(d.venue);
            PaperExtras more = new PaperExtras(d.ids, d.relations, venue);
            PaperEvent paper = new PaperEvent(arxivId, version, doi, title, abstractText, authors, categories, comment,
                    published, updated, webLinks(d.links), dois(d.dois), more.ids(), more.modelRelations(), venue,
                    SightingStatus.of(format, d, arxivId, doi, venue), provenance(d.position));
            papers.add(paper);
            if (!more.isEmpty()) {
                extras.put(paper.itemKey(), more);
            }
        } catch (IllegalArgumentException e) {
            reject(d.position, Reasons.BAD_RECORD, e.getMessage(), d.raw);
        }
    }

    /**
     * Whether an item without abstract is still a sighting: a journal's or Crossref's record of a
     * published paper (which often has no abstract) with a title and a DOI or authors, so that it can
     * join the paper by DOI or by title and authors. It cannot start a paper of its own.
     */
    private boolean titleOnlySighting(PaperDraft d) {
        return TITLE_ONLY_FORMATS.contains(format) && TextNormalizer.clean(d.title) != null
                && (TextNormalizer.clean(d.doi) != null || !TextNormalizer.cleanAll(d.authors).isEmpty());
    }

    /** The other DOIs of a draft, cleaned, bare. */
    private static List<String> dois(List<String> dois) {
        return dois.stream().map(Dois::bare).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Why an item without abstract is no paper: outside the journal formats a paper event needs an
     * abstract (its content id and near-duplicate matching are made of it), so a sighting of only a title
     * and ids is reported with them.
     */
    private static String noAbstract(PaperDraft d) {
        String title = TextNormalizer.clean(d.title);
        String doi = TextNormalizer.clean(d.doi);
        if (title == null && doi == null) {
            return "item has no abstract";
        }
        String what = (title == null ? "" : "title '" + (title.length() > 200 ? title.substring(0, 200) + "…" : title) + "'")
                + (title != null && doi != null ? ", " : "") + (doi == null ? "" : "DOI " + doi);
        return "item has no abstract: a sighting of only " + what + " cannot be a paper event, which needs an abstract";
    }

    /** What is over its bound among the fields, or null. */
    private static String tooLong(List<String> authors, List<String> categories, String... fields) {
        if (authors.size() > FeedReader.MAX_AUTHORS || categories.size() > FeedReader.MAX_AUTHORS) {
            return "more than " + FeedReader.MAX_AUTHORS + " authors or categories";
        }
        List<String> all = new ArrayList<>(authors);
        all.addAll(categories);
        all.addAll(java.util.Arrays.asList(fields));
        for (String field : all) {
            if (field != null && field.length() > FeedReader.MAX_FIELD_CHARS) {
                return "a field has " + field.length() + " characters, more than the limit of "
                        + FeedReader.MAX_FIELD_CHARS + ": " + field.substring(0, 60) + "…";
            }
        }
        return null;
    }

    /** Records an item that cannot be a paper. */
    void reject(int position, String reason, String detail, String raw) {
        if (!admit(position)) {
            return;
        }
        log.debug("{}:{}: invalid ({}): {}", source, position, reason, detail);
        invalid.add(new InvalidItem(reason, detail, "producer", provenance(position), TextNormalizer.excerpt(raw),
                clock.instant()));
    }

    /** Sets the feed's paging. */
    void paging(FeedPaging paging) {
        this.paging = paging;
    }

    /** True once {@link FeedReader#MAX_ITEMS} items are in: every later item is dropped. */
    boolean full() {
        return overflowed;
    }

    /**
     * True while the source is within {@link FeedReader#MAX_ITEMS} items. The first item past it
     * becomes one {@code too-many-items} invalid item standing for it and every item after it.
     */
    private boolean admit(int position) {
        if (overflowed) {
            return false;
        }
        if (papers.size() + invalid.size() < FeedReader.MAX_ITEMS) {
            return true;
        }
        overflowed = true;
        log.warn("{}: more than {} items, the rest from position {} on is not read", source, FeedReader.MAX_ITEMS,
                position);
        invalid.add(new InvalidItem(Reasons.TOO_MANY_ITEMS, "the feed holds more than " + FeedReader.MAX_ITEMS
                + " items: this one and every item after it were not read; split the feed", "producer",
                provenance(position), "", clock.instant()));
        return false;
    }

    ParseResult result() {
        return new ParseResult(source, format, papers, invalid, paging, extras);
    }

    /** The http(s) links, trimmed, without repeats, in feed order. */
    private static List<String> webLinks(List<String> links) {
        return links.stream().filter(java.util.Objects::nonNull).map(String::strip)
                .filter(l -> l.startsWith("https://") || l.startsWith("http://")).distinct().toList();
    }
}
