package io.paperfeed.consumer.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Query string values. */
final class QueryParameters {

    private QueryParameters() {
    }

    /** The first value of {@code name} in a raw query string, decoded; null when absent. */
    static String first(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                return kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }
}
