/**
 * Text normalisation shared by the services: {@link io.paperfeed.model.text.FingerprintText} is the
 * text a paper is recognised by (case, Unicode forms, LaTeX markup, hyphenation and punctuation
 * removed), used by the de-duplicator for titles and shingles.
 */
package io.paperfeed.model.text;
