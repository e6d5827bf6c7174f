package io.paperfeed.producer.parse;

import java.util.Objects;

/**
 * An arXiv identifier split into the paper's id and its version.
 *
 * @param id      the id without version: {@code 2507.20534}, {@code hep-th/9709111}, {@code math.GT/0309136}
 * @param version the version number ({@code 2} for {@code v2}), or null when the text named none
 */
public record ArxivId(String id, Integer version) {

    public ArxivId {
        Objects.requireNonNull(id, "id");
        if (version != null && version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }

    /** The id with its version, as arXiv writes it: {@code 2507.20534v2}, or the bare id without one. */
    @Override
    public String toString() {
        return version == null ? id : id + "v" + version;
    }
}
