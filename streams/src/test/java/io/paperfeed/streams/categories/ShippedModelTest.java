package io.paperfeed.streams.categories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The model file in the jar is exactly what the trainer makes of the documented slice today, so the
 * code and the shipped model cannot drift apart (compared as text: another zlib may compress the same
 * text to other bytes). Needs ../shared/data/arxiv-daily; skipped without it.
 */
class ShippedModelTest {

    @Test
    void theShippedModelIsReproducibleFromTheDocumentedSlice() throws Exception {
        Optional<Path> data = ShippedSlice.sharedData();
        assumeTrue(data.isPresent(), "no ../shared/data/arxiv-daily");
        List<LabelledPaper> training = ShippedSlice.training(data.get());
        CategoryModel model = new CategoryTrainer(CategoryTrainer.Options.defaults())
                .train(training, ShippedSlice.notes(training));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ModelFile.write(model, file);
        try (InputStream shipped = ShippedModelTest.class.getResourceAsStream(CategoryModel.SHIPPED_RESOURCE)) {
            assertEquals(text(shipped), text(new ByteArrayInputStream(file.toByteArray())),
                    "rebuild with CategoryEvaluation --write-model");
        }
    }

    private static String text(InputStream gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(gzip)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
