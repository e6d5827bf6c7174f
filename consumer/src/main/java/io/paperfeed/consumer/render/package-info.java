/**
 * How papers read in the channels people read (Atom feeds, e-mail): HTML fragments of a paper
 * ({@link io.paperfeed.consumer.render.PaperHtml}: title linked to the paper, authors, abstract, why it
 * matched, links) from its reader text ({@code io.paperfeed.model.text.ReadablePaper}), the why as a
 * sentence ({@link io.paperfeed.consumer.render.Why}), escaping ({@link io.paperfeed.consumer.render.Html}), and
 * the signed links under each paper: {@link io.paperfeed.consumer.render.RatingLinks} ("more like this",
 * "not this") with their tokens ({@link io.paperfeed.consumer.render.LinkTokens}, the unsubscribe links' too).
 */
package io.paperfeed.consumer.render;
