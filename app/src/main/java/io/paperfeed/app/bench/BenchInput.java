package io.paperfeed.app.bench;

import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.parse.ParseResult;
import io.paperfeed.producer.parse.UnknownFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's paper events: every item of the input files, repeated (with distinct item keys)
 * until there are as many as asked for.
 */
record BenchInput(String description, List<PaperEvent> events) {

    static BenchInput load(Path input, int wanted) throws IOException {
        List<PaperEvent> parsed = new ArrayList<>();
        List<Path> files = FeedReader.expand(List.of(input));
        FeedReader reader = new FeedReader();
        Instant now = Instant.now();
        for (Path file : files) {
            try {
                ParseResult result = reader.read(file, now);
                parsed.addAll(result.papers());
            } catch (UnknownFormatException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        if (parsed.isEmpty()) {
            throw new IOException("no paper in " + input);
        }
        int count = wanted > 0 ? wanted : parsed.size();
        List<PaperEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PaperEvent e = parsed.get(i % parsed.size());
            int copy = i / parsed.size();
            events.add(copy == 0 ? e : copyOf(e, copy));
        }
        return new BenchInput(count + " paper events from " + input + " (" + files.size() + " files, "
                + parsed.size() + " items" + (count > parsed.size() ? ", repeated" : "") + ")", events);
    }

    private static PaperEvent copyOf(PaperEvent e, int copy) {
        Provenance s = e.source();
        return new PaperEvent(e.arxivId(), e.version(), e.doi(), e.title(), e.abstractText(), e.authors(),
                e.categories(), e.comment(), e.published(), e.updated(),
                new Provenance(s.source() + "~copy" + copy, s.format(), s.position(), s.fetchedAt()));
    }
}
