/**
 * Text shared by the services. {@link io.paperfeed.model.text.FingerprintText} is the text a paper is
 * recognised by (case, Unicode forms, LaTeX markup, hyphenation and punctuation removed), used by the
 * de-duplicator for titles and shingles. {@link io.paperfeed.model.text.ReaderText} is the text people
 * read in feeds, mails, pages and Slack: the TeX of arXiv metadata read as arXiv's pages show it
 * (escapes, accents, fonts, inline math as Unicode where it has a form), hard line breaks joined;
 * {@link io.paperfeed.model.text.ReadablePaper} is a paper in that form with its links. Events keep the
 * text as the feeds gave it.
 */
package io.paperfeed.model.text;
