package io.paperfeed.producer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollIntervalTest {

    @Test
    void shortFormsAndIso8601() {
        assertEquals(Duration.ofMinutes(10), PollInterval.parse("10m"));
        assertEquals(Duration.ofMinutes(10), PollInterval.parse("PT10M"));
        assertEquals(Duration.ofMinutes(10), PollInterval.parse("pt10m"));
        assertEquals(Duration.ofSeconds(90), PollInterval.parse("90s"));
        assertEquals(Duration.ofMinutes(90), PollInterval.parse("1h30m"));
        assertEquals(Duration.ofDays(1), PollInterval.parse("1d"));
        assertEquals(Duration.ofMillis(500), PollInterval.parse(" 500ms "));
    }

    @Test
    void anythingElseIsAClearError() {
        for (String bad : new String[] {"", "10", "ten minutes", "10 m", "m10", "0s", "PT0S", "-PT5M", "10m-", "P"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PollInterval.parse(bad), bad);
            assertTrue(e.getMessage().contains("10m"), e.getMessage());
        }
    }
}
