package io.paperfeed.streams.dedup;

import io.paperfeed.model.text.FingerprintText;
import io.paperfeed.model.PaperEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** A sighting with what the de-duplicator needs of it, computed once. */
record Sighting(PaperEvent event, String title, String doi, int[] signature, String contentHash) {

    static Sighting of(PaperEvent e) {
        String title = e.title() == null ? null : FingerprintText.of(e.title());
        String doi = e.doi() == null ? null : e.doi().trim().toLowerCase(Locale.ROOT);
        return new Sighting(e, title == null || title.isEmpty() ? null : title, doi,
                MinHash.signature(FingerprintText.of(e.abstractText())), contentHash(e));
    }

    /** A hash of everything the item says about the paper, not where or when it was seen. */
    static String contentHash(PaperEvent e) {
        String content = String.join("\u0001", String.valueOf(e.arxivId()), String.valueOf(e.version()),
                String.valueOf(e.doi()), String.valueOf(e.title()), e.abstractText(), String.join("\u0002", e.authors()),
                String.join("\u0002", e.categories()), String.valueOf(e.comment()), String.valueOf(e.published()),
                String.valueOf(e.updated()));
        return sha256(content).substring(0, 24);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
