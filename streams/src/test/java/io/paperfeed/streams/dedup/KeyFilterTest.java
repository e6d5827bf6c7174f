package io.paperfeed.streams.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

    @Test
    void everyKeyAddedIsStillMaybeAfterTheFilterGrewLayers() {
        KeyFilter filter = new KeyFilter(0);
        SplittableRandom random = new SplittableRandom(7);
        long[] keys = random.longs(KeyFilter.FIRST_CAPACITY * 5L).toArray(); // three layers: 64k, 128k, 256k keys
        for (long key : keys) {
            filter.add(key);
        }
        for (long key : keys) {
            assertTrue(filter.mightContain(key), "no false negative");
        }
        assertEquals((KeyFilter.FIRST_CAPACITY + 2L * KeyFilter.FIRST_CAPACITY + 4L * KeyFilter.FIRST_CAPACITY) * 2,
                filter.bytes(), "16 bits a key in each layer");
    }

    @Test
    void aKeyFiledAgainTakesNoRoom() {
        KeyFilter filter = new KeyFilter(0);
        for (int round = 0; round < 3; round++) { // each key once per round: two layers' worth of adds
            for (long key = 0; key < KeyFilter.FIRST_CAPACITY * 2L / 3; key++) {
                filter.add(key);
            }
        }
        assertEquals(KeyFilter.FIRST_CAPACITY * 2L, filter.bytes(), "still the first layer");
    }

    @Test
    void keysNeverAddedAreMostlyAnsweredNo() {
        KeyFilter filter = new KeyFilter(100_000);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            filter.add(random.nextLong());
        }
        int maybe = 0;
        int asked = 200_000;
        for (int i = 0; i < asked; i++) {
            if (filter.mightContain(random.nextLong())) {
                maybe++;
            }
        }
        assertTrue(maybe < asked / 100, maybe + " false positives of " + asked);
    }
}
