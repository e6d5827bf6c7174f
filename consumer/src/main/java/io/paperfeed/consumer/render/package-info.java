/**
 * How papers read in the channels people read (Atom feeds, e-mail): HTML fragments of a paper
 * ({@link io.paperfeed.consumer.render.PaperHtml}: title linked to the paper, authors, abstract, why it
 * matched, links) from its reader text ({@code io.paperfeed.model.text.ReadablePaper}), the why as a
 * sentence ({@link io.paperfeed.consumer.render.Why}) and escaping ({@link io.paperfeed.consumer.render.Html}).
 */
package io.paperfeed.consumer.render;
