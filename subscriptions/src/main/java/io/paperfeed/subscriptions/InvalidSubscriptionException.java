package io.paperfeed.subscriptions;

/**
 * A subscription that paperfeed refuses, with a stable code for APIs ({@code unknown-topic},
 * {@code invalid-query}) and the field and value at fault.
 */
public final class InvalidSubscriptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;
    private final String value;

    public InvalidSubscriptionException(String code, String message, String field, String value, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.field = field;
        this.value = value;
    }

    public String code() {
        return code;
    }

    /** The field at fault ({@code topic}, {@code query}). */
    public String field() {
        return field;
    }

    /** The value at fault, as the subscription has it. */
    public String value() {
        return value;
    }
}
