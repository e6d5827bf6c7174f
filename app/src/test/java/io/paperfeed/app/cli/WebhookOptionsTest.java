package io.paperfeed.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paperfeed.consumer.webhook.WebhookSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookOptionsTest {

    @Test
    void retryDelaysAreReadWithTheirUnitsAndBareNumbersAreSeconds() {
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofSeconds(10),
                Duration.ofMillis(1500)), WebhookOptions.delays("5s, 5m,2h,10,1.5s"));
        assertThrows(UserError.class, () -> WebhookOptions.delays("5 parsecs"));
        assertThrows(UserError.class, () -> WebhookOptions.delays(" , "));
    }

    @Test
    void theRequestDeadlineStaysWellBelowThePollIntervalAndThePerHostCapBelowTheConcurrency() {
        WebhookOptions options = new WebhookOptions();
        options.concurrency = 32;
        options.requestTimeoutSeconds = 15;
        WebhookSettings settings = options.settings();
        assertEquals(4, settings.perHost(), "an eighth of the concurrency by default");
        assertEquals(16, settings.queuedPerHost());
        options.requestTimeoutSeconds = 400;
        assertThrows(UserError.class, options::settings, "a deadline past a minute is refused");
    }
}
