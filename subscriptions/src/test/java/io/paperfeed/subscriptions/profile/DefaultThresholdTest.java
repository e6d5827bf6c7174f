package io.paperfeed.subscriptions.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DefaultThresholdTest {

    /** A background of {@code n} one-dimensional papers whose scores are 1..n in a shuffled order. */
    private static Background ranks(int n) {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            vectors.add(new float[] {i});
        }
        Collections.shuffle(vectors, new Random(3));
        return new Background("test", vectors);
    }

    @Test
    void theShareOfTheBackgroundAboveItIsTheShareAsked() {
        Background background = ranks(1000);
        assertEquals(991, DefaultThreshold.of(v -> v[0], background, 0.01), "the 10th highest of 1,000");
        assertEquals(951, DefaultThreshold.of(v -> v[0], background, 0.05));
        assertEquals(1, DefaultThreshold.of(v -> v[0], background, 1.0), "everything passes");
    }

    @Test
    void aShareTooSmallForTheBackgroundStillLetsItsHighestPaperThrough() {
        assertEquals(20, DefaultThreshold.of(v -> v[0], ranks(20), 0.01));
    }

    @Test
    void aShareOutsideZeroToOneOrAnEmptyBackgroundIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DefaultThreshold.of(v -> v[0], ranks(10), 0));
        assertThrows(IllegalArgumentException.class, () -> DefaultThreshold.of(v -> v[0], ranks(10), 1.5));
        assertThrows(IllegalArgumentException.class, () -> DefaultThreshold.of(v -> v[0], ranks(10), Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> DefaultThreshold.of(v -> v[0], new Background("test", List.of()), 0.01));
    }
}
