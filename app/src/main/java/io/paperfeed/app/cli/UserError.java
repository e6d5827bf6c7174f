package io.paperfeed.app.cli;

/** A problem the user can fix (a port in use, a missing file): printed as one line, no stack trace. */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }
}
