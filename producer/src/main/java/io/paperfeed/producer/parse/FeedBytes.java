package io.paperfeed.producer.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reading a feed's bytes: bounded in size, gunzipped when the gzip magic bytes say so, decoded as UTF-8. */
final class FeedBytes {

    private FeedBytes() {
    }

    /** Reads a file, refusing one larger than {@code limit} bytes. */
    static byte[] read(Path path, long limit) throws IOException {
        long size = Files.size(path);
        if (size > limit) {
            throw tooLarge(path.toString(), size, limit);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return readBounded(in, path.toString(), limit);
        }
    }

    /** True when the content starts with the gzip magic bytes {@code 1f 8b}. */
    static boolean isGzip(byte[] content) {
        return content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
    }

    /** The content, decompressed when it is gzip, refusing more than {@code limit} bytes either way. */
    static byte[] uncompressed(byte[] content, String source, long limit) throws IOException {
        if (!isGzip(content)) {
            if (content.length > limit) {
                throw tooLarge(source, content.length, limit);
            }
            return content;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return readBounded(in, source, limit);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(source + ": corrupt gzip data: " + e.getMessage(), e);
        }
    }

    /** UTF-8 text; bytes that are not UTF-8 become U+FFFD (and count towards binary junk). */
    static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("cannot happen with REPLACE", e);
        }
    }

    private static byte[] readBounded(InputStream in, String source, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw tooLarge(source, total, limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static IOException tooLarge(String source, long size, long limit) {
        return new IOException(source + ": feed too large: " + size + " bytes or more, the limit is " + limit
                + " bytes (uncompressed); split it into smaller files");
    }
}
