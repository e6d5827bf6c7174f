package io.paperfeed.producer.parse;

/** The reason codes of the producer's invalid items: short, stable, used as metric tags. */
final class Reasons {

    /** The item has no abstract, or a blank one. */
    static final String NO_ABSTRACT = "no-abstract";
    /** The abstract is longer than {@link FeedReader#MAX_ABSTRACT_CHARS}. */
    static final String ABSTRACT_TOO_LONG = "abstract-too-long";
    /** Another field is over its bound: {@link FeedReader#MAX_FIELD_CHARS}, {@link FeedReader#MAX_AUTHORS}. */
    static final String FIELD_TOO_LONG = "field-too-long";
    /** A JSON-lines line that is not a JSON object. */
    static final String BAD_JSON = "bad-json";
    /** XML that is not well-formed (an entry, or the feed when it is no XML at all), or a refused DOCTYPE. */
    static final String BAD_XML = "bad-xml";
    /** A JSON object whose fields have the wrong types or values. */
    static final String BAD_RECORD = "bad-record";
    /** An arXiv id that is no arXiv identifier. */
    static final String BAD_ID = "bad-id";
    /** Binary junk (NUL, control or undecodable bytes) where text was expected. */
    static final String BINARY = "binary";
    /** Text that fits no part of the format's layout. */
    static final String UNRECOGNISED = "unrecognised";
    /** An entry cut short: it lacks the part that closes it (the {@code arXiv:} line of an author listing). */
    static final String INCOMPLETE = "incomplete";
    /** An error the source returned in its response (an arXiv API error entry, an OAI-PMH {@code <error>}). */
    static final String API_ERROR = "api-error";
    /** A record the repository reports deleted (OAI-PMH {@code <header status="deleted">}): no paper, only its id. */
    static final String DELETED = "deleted";
    /** The feed holds more than {@link FeedReader#MAX_ITEMS} items; this one and all after it were not read. */
    static final String TOO_MANY_ITEMS = "too-many-items";

    private Reasons() {
    }
}
