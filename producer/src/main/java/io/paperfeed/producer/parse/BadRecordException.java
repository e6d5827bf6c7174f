package io.paperfeed.producer.parse;

/** Thrown when a JSON record has a field of the wrong type or value: the item becomes {@code bad-record}. */
final class BadRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    BadRecordException(String message) {
        super(message, null, false, false);
    }
}
