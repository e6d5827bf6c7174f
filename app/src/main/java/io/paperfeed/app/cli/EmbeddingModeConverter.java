package io.paperfeed.app.cli;

import io.paperfeed.streams.meaning.EmbeddingMode;
import picocli.CommandLine.ITypeConverter;

/** {@code --embeddings always|needed|off}, any case. */
public final class EmbeddingModeConverter implements ITypeConverter<EmbeddingMode> {

    @Override
    public EmbeddingMode convert(String value) {
        return EmbeddingMode.of(value);
    }
}
