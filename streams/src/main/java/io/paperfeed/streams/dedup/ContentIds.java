package io.paperfeed.streams.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Content ids: {@code content:<first 20 hex of SHA-256 of the normalised abstract>}, the public id of
 * a paper no sighting gave an arXiv id, stable under whitespace and case edits.
 */
final class ContentIds {

    private ContentIds() {
    }

    /** The 20 hex digits of a content id. */
    static String hash(String abstractText) {
        return sha256Hex(normalise(abstractText)).substring(0, 20);
    }

    /** Case-folded, NFKC, letters and digits only, single spaces: stable under whitespace edits. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (isLetterOrNumber(c)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.appendCodePoint(c);
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    /** Like the regex classes {@code \p{L}} and {@code \p{N}}. */
    private static boolean isLetterOrNumber(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
