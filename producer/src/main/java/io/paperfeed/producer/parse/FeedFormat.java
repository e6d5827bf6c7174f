package io.paperfeed.producer.parse;

/** One feed layout: recognises its own content and reads every item of it. */
interface FeedFormat {

    /** The format name carried in provenance and metrics, e.g. {@code arxiv-listing-abstracts}. */
    String name();

    /** True when the text looks like this format; looks only at the head of the text. */
    boolean matches(FeedText text);

    /** Reads every item of the text into the collector: each one a paper or an invalid item. */
    void parse(FeedText text, ResultCollector out);
}
