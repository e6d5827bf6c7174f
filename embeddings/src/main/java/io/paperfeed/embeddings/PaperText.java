package io.paperfeed.embeddings;

import io.paperfeed.model.CanonicalPaper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The text a paper is embedded from, its title and abstract, and the version of that text: two records
 * of a paper with the same version share an embedding, so it is computed once per version.
 */
public final class PaperText {

    private PaperText() {
    }

    /** {@code title. abstract}, whitespace collapsed; the abstract alone when there is no title. */
    public static String of(String title, String abstractText) {
        String t = title == null ? "" : title.strip();
        String a = abstractText == null ? "" : abstractText.strip();
        String text = t.isEmpty() ? a : a.isEmpty() ? t : t + (t.endsWith(".") ? " " : ". ") + a;
        return text.replaceAll("\\s+", " ");
    }

    public static String of(CanonicalPaper paper) {
        return of(paper.title(), paper.abstractText());
    }

    /** The first 16 hex digits of the SHA-256 of the model id and the text. */
    public static String version(String modelId, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((modelId + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
