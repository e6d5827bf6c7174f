package io.paperfeed.app.bench;

import io.paperfeed.embeddings.MiniLmEmbedder;
import io.paperfeed.embeddings.PaperText;
import io.paperfeed.model.PaperEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The embed step's own cost: the distinct title-and-abstract texts of the input embedded one after the other
 * on one thread (the step runs on its stream thread, one ONNX thread per call), after a warm-up of 50.
 */
final class EmbedThroughput {

    private EmbedThroughput() {
    }

    static String measure(List<PaperEvent> events, int max) {
        Set<String> texts = new LinkedHashSet<>();
        for (PaperEvent e : events) {
            if (texts.size() < max + 50) {
                texts.add(PaperText.of(e.title(), e.abstractText()));
            }
        }
        List<String> all = List.copyOf(texts);
        MiniLmEmbedder model = MiniLmEmbedder.shared();
        all.subList(0, Math.min(50, all.size())).forEach(model::embed);
        List<String> measured = all.subList(Math.min(50, all.size()), all.size());
        long start = System.nanoTime();
        measured.forEach(model::embed);
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "%-14s %,10.0f papers/s   on one thread (%d papers, %.1f ms a paper)",
                "embed step:", measured.size() / seconds, measured.size(), 1000 * seconds / measured.size());
    }
}
