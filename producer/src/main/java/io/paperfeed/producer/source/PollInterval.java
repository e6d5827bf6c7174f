package io.paperfeed.producer.source;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a poll interval: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 1d} (units ms, s, m, h, d),
 * or ISO-8601 as {@link Duration#parse} takes it ({@code PT10M}). It must be positive.
 */
public final class PollInterval {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private PollInterval() {
    }

    /** @throws IllegalArgumentException naming the value and the forms accepted */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Duration total = value.startsWith("p") ? iso(value) : units(value);
        if (total == null || total.isZero() || total.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is not a positive interval; write e.g. 30s, 10m, 1h30m, 1d "
                    + "or PT10M");
        }
        return total;
    }

    private static Duration iso(String value) {
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration units(String value) {
        Matcher m = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        return end == value.length() && end > 0 ? total : null;
    }
}
