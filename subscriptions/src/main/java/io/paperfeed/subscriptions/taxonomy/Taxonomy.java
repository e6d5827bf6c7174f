package io.paperfeed.subscriptions.taxonomy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The topics papers are classified into, read from a YAML file ({@code topics: [{id, name,
 * description, query}]}). The default is the repository's {@code seeds/topics.yaml}, packaged into
 * the jar; {@code --topics FILE} replaces it.
 */
public record Taxonomy(List<TopicDefinition> topics) {

    static final String DEFAULT_RESOURCE = "/io/paperfeed/subscriptions/taxonomy/topics.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public Taxonomy {
        topics = List.copyOf(topics);
        Set<String> ids = new HashSet<>();
        for (TopicDefinition t : topics) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("topic id " + t.id() + " appears twice");
            }
        }
    }

    public static Taxonomy load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the taxonomy " + file + ": " + e.getMessage(), e);
        }
    }

    /** The taxonomy shipped with paperfeed. */
    public static Taxonomy defaults() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default taxonomy is missing from the jar");
            }
            return read(in, "the default taxonomy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Taxonomy read(InputStream in, String where) throws IOException {
        Taxonomy taxonomy = YAML.readValue(in, Taxonomy.class);
        if (taxonomy == null || taxonomy.topics().isEmpty()) {
            throw new IllegalArgumentException(where + " defines no topics");
        }
        return taxonomy;
    }
}
