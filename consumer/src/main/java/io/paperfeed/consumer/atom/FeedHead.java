package io.paperfeed.consumer.atom;

import java.util.Objects;

/**
 * What a feed says about itself.
 *
 * @param id        its Atom id (a tag: URI that never changes)
 * @param selfUrl   where it is fetched from, without any token
 * @param alternate a page for people (the subscription page), or null
 */
public record FeedHead(String id, String title, String subtitle, String selfUrl, String alternate) {

    public FeedHead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(selfUrl, "selfUrl");
    }
}
