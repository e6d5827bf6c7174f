package io.paperfeed.producer.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a document's bytes with a ceiling, so no input is ever read into memory unbounded. */
final class BoundedBytes {

    private BoundedBytes() {
    }

    /** Thrown when a document holds more than the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException(String document, long limit) {
            super(document + ": larger than the limit of " + limit + " bytes; not read (split it into smaller files)");
        }
    }

    /** A file's bytes; refuses a file over the limit without reading it. */
    static byte[] read(Path file, long limit) throws IOException {
        if (Files.size(file) > limit) {
            throw new TooLargeException(file.toString(), limit);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), limit);
        }
    }

    /** Everything the stream holds, refusing more than {@code limit} bytes. */
    static byte[] read(InputStream in, String document, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(document, limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
