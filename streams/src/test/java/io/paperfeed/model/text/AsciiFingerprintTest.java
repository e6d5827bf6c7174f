package io.paperfeed.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The fast ASCII path of {@link FingerprintText#of} gives exactly what the regular expressions give. */
class AsciiFingerprintTest {

    @Test
    void sameAsTheRegularExpressionsOnADayOfRealAbstracts() throws IOException {
        int lines = 0;
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                getClass().getResourceAsStream("/arxiv-daily-2025-04-08-300.jsonl.gz")), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; lines++) {
                String unescaped = line.replace("\\n", "\n").replace("\\\"", "\"");
                assertEquals(FingerprintText.byRegex(unescaped), FingerprintText.of(unescaped));
            }
        }
        assertEquals(300, lines);
    }

    @Test
    void sameAsTheRegularExpressionsOnRandomHyphensBreaksAndApostrophes() {
        String[] pieces = {"a", "Ab", "x1", "9", "-", "--", " ", "\t", "\n", "\r\n", "\r", "'", "''", "and", "AND",
            "or", "nor", "to", "vs", "versus", "as", "asks", "torch", "_", ".", ",", "(", ")", "combi", "nation",
            "VQ", "VAE", "model", "s", "  ", "-\n", "- \n ", "-\nand", "-\n and", "'s", "o'", "x-'y"};
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int j = 0; j < n; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertEquals(FingerprintText.byRegex(s), FingerprintText.of(s), () -> "for [" + s + "]");
        }
    }
}
