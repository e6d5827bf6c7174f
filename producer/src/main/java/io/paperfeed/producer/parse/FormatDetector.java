package io.paperfeed.producer.parse;

import java.util.List;
import java.util.Optional;

/**
 * Knows every format and finds the one a text is in, trying them in a fixed order, most specific
 * first: the XML feeds (the root element and the feed's header decide), the JSON API responses (the
 * document's head decides), the JSON-lines formats (a parsed object's fields decide), then the layouts with a distinct marker line ({@code arXiv:} +
 * {@code Created:}, a source line, {@code Daily Papers}), and last the bare {@code Abstract:} listing.
 */
final class FormatDetector {

    private static final List<FeedFormat> FORMATS = List.of(
            new ArxivAtomApiFormat(),
            new ArxivRssFormat(),
            new OaiPmhFormat(),
            new JournalFeedFormat(),
            new CrossrefWorksFormat(),
            new OpenAlexWorksFormat(),
            new SemanticScholarFormat(),
            new BiorxivDetailsFormat(),
            new HfDailyPapersApiFormat(),
            new PaperEventJsonlFormat(),
            new ArxivDailyJsonlFormat(),
            new ArxivAuthorListingFormat(),
            new AggregatorAuthorPageFormat(),
            new HfDailyPapersFormat(),
            new ArxivListingAbstractsFormat());

    private FormatDetector() {
    }

    /** The format names in detection order. */
    static List<String> names() {
        return FORMATS.stream().map(FeedFormat::name).toList();
    }

    /** The format of that name. */
    static Optional<FeedFormat> byName(String name) {
        return FORMATS.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The first format, in detection order, that the text matches. */
    static Optional<FeedFormat> detect(FeedText text) {
        return FORMATS.stream().filter(f -> f.matches(text)).findFirst();
    }

    /** Every format the text matches, for checking that detection is unambiguous. */
    static List<String> allMatching(FeedText text) {
        return FORMATS.stream().filter(f -> f.matches(text)).map(FeedFormat::name).toList();
    }
}
