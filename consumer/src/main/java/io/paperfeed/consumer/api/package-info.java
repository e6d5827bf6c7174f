/**
 * The HTTP API of paperfeed's consumer service (also served by {@code paperfeed demo}); docs/API.md
 * and docs/openapi.yaml describe it.
 *
 * <ul>
 *   <li>{@code /subscriptions} (bearer token): {@code POST} creates or replaces a subscription by
 *       writing it to the compacted topic {@code paperfeed.subscriptions} (key = id), {@code DELETE}
 *       writes a tombstone (both through the {@link io.paperfeed.subscriptions.SubscriptionPublisher});
 *       reads come from the process's {@link io.paperfeed.subscriptions.SubscriptionView}. A write
 *       answers only once the view has read past the offset it was written at, so the next read
 *       shows it.</li>
 *   <li>A subscription is checked before it is written exactly as the streams matcher checks it: the
 *       record's own invariants, then the {@link io.paperfeed.subscriptions.SubscriptionValidator}
 *       (taxonomy topic ids; a query that parses, with the Lucene parser's message).</li>
 *   <li>Like lists are resolved before the check (each liked paper's embedding, from the recent classified
 *       papers the process reads, or embedded in-process); {@code /subscriptions/{id}/feedback} writes
 *       ratings to {@code paperfeed.feedback} and {@code /subscriptions/{id}/library} adds an uploaded
 *       BibTeX, RIS or CSL JSON library to the like list ({@code ProfileRequests}); both take the admin
 *       token, as every write does (a read token opens a subscription's alerts, nothing else), and a
 *       subscription a library creates gets its read token as any new one. {@link
 *       io.paperfeed.consumer.api.PaperRatings} is the one way a paper is rated: the API and the signed
 *       rating links of mails and feeds ({@code RateEndpoint} on {@code /rate}) both go through it.</li>
 *   <li>What people read ({@link io.paperfeed.consumer.api.ReaderApi}): Atom feeds, the preview, the
 *       unsubscribe and rating links' pages ({@code GET} shows a page, only its button's {@code POST}
 *       acts) and the subscription page.</li>
 *   <li>{@code /topics} (public): the taxonomy, and {@code /topics/{id}/events};
 *       {@code /subscriptions/{id}/events} (the admin token, or the subscription's own read token as
 *       bearer or {@code ?token=}): Server-Sent Events from {@link io.paperfeed.consumer.sse}.</li>
 *   <li>Secrets: answers show every webhook secret as {@code whsec_…} ({@code SubscriptionAnswer});
 *       read tokens ({@code pfr_…}) are shown once, when made, and stored as SHA-256 on the record;
 *       a 500 says {@code internal error} and nothing of the exception.</li>
 *   <li>The handlers are Jetty core handlers ({@code ApiHandler}: a mount point, JSON errors),
 *       mounted by path ({@link io.paperfeed.consumer.api.PaperfeedApi#routes()}) or as one handler
 *       ({@link io.paperfeed.consumer.api.PaperfeedApi#handler()}).</li>
 *   <li>Every refusal is a JSON body {@code {"error", "reason", "status", ...}} and a count of
 *       {@code paperfeed.api.errors{reason}}.</li>
 * </ul>
 */
package io.paperfeed.consumer.api;
