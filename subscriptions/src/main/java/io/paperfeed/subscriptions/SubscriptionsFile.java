package io.paperfeed.subscriptions;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads subscriptions from a JSON or YAML file: a list of subscriptions, or an object with a
 * {@code subscriptions} list. Every entry is checked on its own (fields, then the {@link SubscriptionValidator}):
 * a bad entry is reported with its index (0-based) and reason, and the good ones are kept. A later
 * entry with an id already seen is reported, not merged. A file that cannot be read or is not a list
 * at all is an {@link IllegalArgumentException} or {@link UncheckedIOException}.
 */
public final class SubscriptionsFile {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionsFile.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SubscriptionsFile() {
    }

    /** One entry that was not loaded. */
    public record Problem(int index, String id, String reason) {

        @Override
        public String toString() {
            return "entry " + index + (id == null ? "" : " (" + id + ")") + ": " + reason;
        }
    }

    /** The valid subscriptions, in file order, and the entries that were not. */
    public record Loaded(List<Subscription> subscriptions, List<Problem> problems) {

        public Loaded {
            subscriptions = List.copyOf(subscriptions);
            problems = List.copyOf(problems);
        }
    }

    public static Loaded load(Path file, SubscriptionValidator validator) {
        return load(file, validator, UnaryOperator.identity());
    }

    /**
     * @param resolve applied to each subscription before the check, e.g. a {@code LikeResolver} that gives
     *                the liked papers their embeddings (an {@link IllegalArgumentException} refuses the entry)
     */
    public static Loaded load(Path file, SubscriptionValidator validator, UnaryOperator<Subscription> resolve) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), validator, resolve);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read subscriptions from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses JSON (text starting with {@code [} or <code>{</code>) or else YAML. */
    public static Loaded parse(String text, String where, SubscriptionValidator validator) {
        return parse(text, where, validator, UnaryOperator.identity());
    }

    /** As {@link #parse(String, String, SubscriptionValidator)}, each subscription resolved before the check. */
    public static Loaded parse(String text, String where, SubscriptionValidator validator,
                               UnaryOperator<Subscription> resolve) {
        JsonNode root = tree(text, where);
        JsonNode list = root != null && root.isObject() ? root.get("subscriptions") : root;
        if (list == null || list.isNull() || list.isMissingNode()) {
            return new Loaded(List.of(), List.of());
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + ": expected a list of subscriptions");
        }
        List<Subscription> valid = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String id = entry.path("id").isTextual() ? entry.path("id").asText() : null;
            try {
                Subscription s = resolve.apply(Json.MAPPER.treeToValue(entry, Subscription.class));
                validator.check(s);
                Integer first = seen.putIfAbsent(s.id(), i);
                if (first != null) {
                    throw new IllegalArgumentException("id " + s.id() + " already used by entry " + first);
                }
                valid.add(s);
            } catch (IOException | IllegalArgumentException e) {
                Problem p = new Problem(i, id, reason(e));
                LOG.warn("{}: subscription {}", where, p);
                problems.add(p);
            }
        }
        return new Loaded(valid, problems);
    }

    private static JsonNode tree(String text, String where) {
        String start = text.stripLeading();
        try {
            return start.startsWith("[") || start.startsWith("{") ? Json.MAPPER.readTree(text) : YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " is neither JSON nor YAML: " + firstLine(e.getMessage()), e);
        }
    }

    /** The record's own check when Jackson wrapped it, else the message itself. */
    private static String reason(Exception e) {
        if (e instanceof IllegalArgumentException) {
            return firstLine(e.getMessage());
        }
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
                return firstLine(t.getMessage());
            }
        }
        return e instanceof JsonMappingException m ? firstLine(m.getOriginalMessage()) : firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
