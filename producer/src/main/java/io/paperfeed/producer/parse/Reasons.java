package io.paperfeed.producer.parse;

/** The reason codes of the producer's invalid items: short, stable, used as metric tags. */
final class Reasons {

    /** The item has no abstract, or a blank one. */
    static final String NO_ABSTRACT = "no-abstract";
    /** The abstract is longer than {@link FeedReader#MAX_ABSTRACT_CHARS}. */
    static final String ABSTRACT_TOO_LONG = "abstract-too-long";
    /** A JSON-lines line that is not a JSON object. */
    static final String BAD_JSON = "bad-json";
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

    private Reasons() {
    }
}
