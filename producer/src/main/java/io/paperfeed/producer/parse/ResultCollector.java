package io.paperfeed.producer.parse;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the drafts of one source into papers and invalid items: cleans every field, checks the
 * abstract and the arXiv id, and records each item that cannot be a paper with its reason.
 */
final class ResultCollector {

    private static final Logger log = LoggerFactory.getLogger(ResultCollector.class);

    private final String source;
    private final String format;
    private final Instant fetchedAt;
    private final Clock clock;
    private final List<PaperEvent> papers = new ArrayList<>();
    private final List<InvalidItem> invalid = new ArrayList<>();

    ResultCollector(String source, String format, Instant fetchedAt, Clock clock) {
        this.source = source;
        this.format = format;
        this.fetchedAt = fetchedAt;
        this.clock = clock;
    }

    /** Where an item at this line came from. */
    Provenance provenance(int position) {
        return new Provenance(source, format, position, fetchedAt);
    }

    /** Validates a draft: it becomes a paper, or an invalid item saying why not. */
    void accept(PaperDraft d) {
        if (TextNormalizer.isBinary(d.raw)) {
            reject(d.position, Reasons.BINARY, "binary junk where a paper was expected", d.raw);
            return;
        }
        String abstractText = d.wrappedAbstract ? TextNormalizer.joinWrapped(d.abstractText)
                : TextNormalizer.clean(d.abstractText);
        if (abstractText == null) {
            reject(d.position, Reasons.NO_ABSTRACT, "item has no abstract", d.raw);
            return;
        }
        if (abstractText.length() > FeedReader.MAX_ABSTRACT_CHARS) {
            reject(d.position, Reasons.ABSTRACT_TOO_LONG, "abstract has " + abstractText.length()
                    + " characters, more than the limit of " + FeedReader.MAX_ABSTRACT_CHARS, d.raw);
            return;
        }
        String arxivId = null;
        Integer version = d.version;
        String rawId = TextNormalizer.clean(d.arxivId);
        if (rawId != null) {
            Optional<TextNormalizer.ArxivId> id = TextNormalizer.arxivId(rawId);
            if (id.isEmpty()) {
                reject(d.position, Reasons.BAD_ID, "not an arXiv identifier: " + rawId, d.raw);
                return;
            }
            arxivId = id.get().id();
            if (id.get().version() != null) {
                version = id.get().version();
            }
        }
        try {
            papers.add(new PaperEvent(arxivId, version, TextNormalizer.clean(d.doi),
                    TextNormalizer.clean(d.title), abstractText,
                    TextNormalizer.cleanAll(d.authors), TextNormalizer.cleanAll(d.categories),
                    TextNormalizer.clean(d.comment), TextNormalizer.clean(d.published),
                    TextNormalizer.clean(d.updated), provenance(d.position)));
        } catch (IllegalArgumentException e) {
            reject(d.position, Reasons.BAD_RECORD, e.getMessage(), d.raw);
        }
    }

    /** Records an item that cannot be a paper. */
    void reject(int position, String reason, String detail, String raw) {
        log.debug("{}:{}: invalid ({}): {}", source, position, reason, detail);
        invalid.add(new InvalidItem(reason, detail, "producer", provenance(position), TextNormalizer.excerpt(raw),
                clock.instant()));
    }

    ParseResult result() {
        return new ParseResult(source, format, papers, invalid);
    }
}
