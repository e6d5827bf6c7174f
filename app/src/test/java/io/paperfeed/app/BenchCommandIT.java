package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The short version of {@code paperfeed bench} (the long runs are quoted in docs/ARCHITECTURE.md):
 * a few hundred events generated from the seeds, through the warm-up and every measured stage on a
 * real embedded broker, each stage's line with its figures, and the ratio.
 */
class BenchCommandIT {

    private static final Pattern STAGE = Pattern.compile("(?m)^(pass-through|dedup only|full pipeline):\\s+([\\d,]+) papers/s"
            + "\\s+CPU\\s+([\\d,]+) µs/paper streams,\\s+([\\d,]+) process\\s+latency p50\\s+([\\d,]+) ms\\s+p99\\s+([\\d,]+) ms(.*)$");

    @Test
    void aShortBenchOverTheSeedsMeasuresEveryStageAfterItsWarmUp() {
        String out = ConsoleOutput.stdout(() -> assertEquals(0, Main.run(new String[] {
            "bench", "--input", "../seeds", "--events", "400", "--warmup", "150", "--embeddings", "off",
            "--rate", "400"}, Map.of())));

        assertTrue(out.contains("paperfeed bench: 400 events"), out);
        assertTrue(out.contains("each stage first runs the first 150 events at once, not counted"), out);
        Matcher stage = STAGE.matcher(out);
        int stages = 0;
        while (stage.find()) {
            stages++;
            assertTrue(number(stage.group(2)) > 0, stage.group());
            assertTrue(number(stage.group(3)) > 0, stage.group());
            assertTrue(number(stage.group(6)) >= number(stage.group(5)), stage.group());
            if (!stage.group(1).equals("pass-through")) {
                Matcher state = Pattern.compile("state\\s+([\\d,]+) B/paper").matcher(stage.group(7));
                assertTrue(state.find() && number(state.group(1)) > 100, stage.group());
            }
        }
        assertEquals(3, stages, out);
        // paced: each stage's p99 per 10 s of sending (400 events at 400/s fall in the first window)
        assertEquals(3, Pattern.compile("(?m)^  p99 by 10 s of sending \\(ms\\): [\\d,]+$").matcher(out).results().count(), out);
        // a run this short is mostly start-up, so the ratio can be anything (above 1 when the pass-through started slowly)
        assertTrue(Pattern.compile("(?m)^ratio full/pass-through: \\d+\\.\\d\\d \\(papers/s\\); \\d+\\.\\d\\d \\(stream-thread CPU")
                .matcher(out).find(), out);
    }

    private static long number(String figure) {
        return Long.parseLong(figure.replace(",", ""));
    }
}
