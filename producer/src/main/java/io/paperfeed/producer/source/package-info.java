/**
 * Where the producer's feed documents come from, and what it remembers of them.
 *
 * <h2>Sources</h2>
 * A {@link io.paperfeed.producer.source.FeedSource} yields {@link io.paperfeed.producer.source.Fetch}es
 * of {@link io.paperfeed.producer.source.FeedDocument}s (name, bytes, fetch time);
 * {@link io.paperfeed.producer.source.FeedSources} makes one from what a user writes:
 * <ul>
 *   <li>a file, or a folder read recursively in sorted path order, hidden files skipped
 *       ({@link io.paperfeed.producer.source.FileSource});</li>
 *   <li>{@code -}: standard input, one document named {@code stdin}
 *       ({@link io.paperfeed.producer.source.StdinSource});</li>
 *   <li>an {@code http://} or {@code https://} URL ({@link io.paperfeed.producer.source.HttpSource}),
 *       fetched by one shared {@link io.paperfeed.producer.source.HttpFetcher}.</li>
 * </ul>
 * Every document is bounded to {@link io.paperfeed.producer.parse.FeedReader#MAX_FILE_BYTES}
 * (64 MiB): a larger file is not read and a larger response body is cut off, either way one
 * {@link io.paperfeed.producer.source.FetchProblem} ({@code too-large}) that the publisher reports
 * as one invalid item. A source that cannot be read at all (a missing path, an HTTP failure after
 * the last retry) gives a failed fetch: one log line and a metric, never an exception.
 *
 * <h2>HTTP</h2>
 * Conditional GET: the {@code ETag} and {@code Last-Modified} of the last fetch are sent back as
 * {@code If-None-Match} and {@code If-Modified-Since}; a 304 is a fetch with nothing new. Requests
 * to one host go one at a time, at least a gap apart, measured from the end of the previous
 * response ({@link io.paperfeed.producer.source.HostRateLimiter}; 3 s, as arXiv's terms of use
 * ask). 408, 429, 500, 502, 503, 504, timeouts and connection errors are retried with exponential
 * backoff and jitter, honouring {@code Retry-After} in seconds or as an HTTP-date, at most 4
 * attempts ({@link io.paperfeed.producer.source.RetryPolicy}). Connect timeout 10 s; 60 s per
 * request, body included. Responses may be gzip-compressed.
 *
 * <h2>Checkpoint: what an item's identity is</h2>
 * The {@link io.paperfeed.producer.source.Checkpoint} keeps, per configured source, the validators
 * of its last fetch and the digests of the items it published, so a restarted producer skips what
 * it already sent. The item key on Kafka ({@code source#position}) is no identity for this: a feed
 * that reorders, or puts a new item on top, moves every position. An item's identity is instead
 * its content: {@link io.paperfeed.producer.source.ItemDigest} is the first 64 bits of the SHA-256
 * of the document name (file path or URL) and the item's JSON without its provenance (no fetch
 * time, no position). So a paper that moves within its feed is skipped; a paper whose title,
 * abstract, version or any other field changed is published again; the same paper in two
 * documents is published for each (each is a sighting); an invalid item is reported once, not on
 * every poll. 64 bits make a false "already published" about one in 10^10 for a source of 100,000
 * items. Renaming a file makes its items new.
 *
 * <p>Digests are kept most recently seen last; past {@code maxItemsPerSource} (100,000) the
 * oldest are forgotten, which only matters if such an old item comes back (or if one source, say a
 * large folder, holds more items than that: split it into several inputs). The checkpoint is
 * committed only after the producer's flush succeeded and written atomically (temporary file,
 * fsync, rename), so a crash loses at most a cycle's checkpoint: those items are published again
 * (at least once; the streams app drops exact repeats). A checkpoint file is scoped to one Kafka
 * cluster id: pointed at another cluster, the producer starts afresh.
 *
 * <h2>Polling</h2>
 * {@link io.paperfeed.producer.source.PollLoop} runs fetch-publish-checkpoint cycles with a fixed
 * pause between the end of one and the start of the next ({@link io.paperfeed.producer.source.PollInterval}
 * reads {@code 10m} or {@code PT10M}), or a pause asked for anew after each cycle; a failed cycle is
 * logged and retried next time; closing it stops a wait at once and interrupts a cycle in progress.
 *
 * <h2>Sources files</h2>
 * {@link io.paperfeed.producer.source.SourcesFile} reads the sources a producer polls, each a
 * {@link io.paperfeed.producer.source.SourceSpec}: a {@link io.paperfeed.producer.source.UrlTemplate}
 * with {@code {from}}, {@code {until}} and {@code {cursor}}, an interval, a lookback and a page limit;
 * and the gap of each host, for the {@link io.paperfeed.producer.source.HostRateLimiter}. A
 * {@link io.paperfeed.producer.source.PagedSource} fetches one poll's pages of its date window,
 * following each page's {@link io.paperfeed.producer.parse.FeedPaging}, and leaves the next window's
 * start as its {@link io.paperfeed.producer.source.Fetch#cursor()}, which the checkpoint keeps once the
 * poll is published. {@link io.paperfeed.producer.source.SourcesPoller} polls each source at its own
 * interval. docs/SOURCES.md describes the file.
 */
package io.paperfeed.producer.source;
