package io.paperfeed.streams.meaning;

import java.util.Locale;

/**
 * When the embed step embeds a paper: {@code always}; {@code needed} (the default) when something uses the
 * embedding (some subscription has a profile, no topic query matched the paper, or no feed gave it an arXiv
 * category); or {@code off}.
 */
public enum EmbeddingMode {
    ALWAYS, NEEDED, OFF;

    /** Parses {@code always}, {@code needed} or {@code off} (any case). */
    public static EmbeddingMode of(String value) {
        for (EmbeddingMode m : values()) {
            if (m.name().equalsIgnoreCase(value.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("embeddings must be always, needed or off, not " + value);
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
