package io.paperfeed.consumer.atom;

import io.paperfeed.model.CanonicalPaper;
import java.util.function.Function;

/**
 * What a feed adds under each entry's content: a subscription's rating links, nothing for a topic's feed.
 *
 * @param version changes when the links do (a rotated link key), so a rendered document is not reused
 * @param html    the HTML under one paper's entry
 */
public record EntryLinks(String version, Function<CanonicalPaper, String> html) {

    public static final EntryLinks NONE = new EntryLinks("", paper -> "");
}
