package io.paperfeed.streams;

import io.paperfeed.model.PaperEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Canonical paper ids: {@code arxiv:<id>} (no version) when the sighting carries an arXiv id, else
 * {@code content:<hash>} of the normalised title and abstract.
 */
final class CanonicalIds {

    private CanonicalIds() {
    }

    static String of(PaperEvent sighting) {
        if (sighting.arxivId() != null && !sighting.arxivId().isBlank()) {
            return "arxiv:" + sighting.arxivId();
        }
        String text = normalise(sighting.abstractText());
        return "content:" + sha256Hex(text).substring(0, 20);
    }

    /** Case-folded, NFKC, letters and digits only, single spaces: stable under whitespace edits. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
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
