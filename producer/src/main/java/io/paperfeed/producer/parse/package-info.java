/**
 * Reading paper feeds: {@link io.paperfeed.producer.parse.FeedReader} turns one file into
 * {@link io.paperfeed.model.PaperEvent}s and {@link io.paperfeed.model.InvalidItem}s.
 *
 * <h2>Formats</h2>
 * Each format is one small class behind a package-private {@code FeedFormat} interface:
 * <ul>
 *   <li>{@code paper-event-jsonl}: PaperEvents as JSON lines, as paperfeed writes them; read back
 *       with the new file and line as provenance.</li>
 *   <li>{@code arxiv-daily-jsonl}: the daily arXiv dump, one object per line ({@code id},
 *       {@code title}, {@code authors}, {@code categories}, {@code comment}, hard-wrapped
 *       {@code summary}).</li>
 *   <li>{@code arxiv-author-listing}: an arXiv author's papers as text: per entry an optional
 *       title and author line, the abstract, an optional comment, then {@code arXiv:ID} and
 *       {@code Created: DATE Updated: DATE}.</li>
 *   <li>{@code aggregator-author-page}: an aggregator's author page: a header, then title, source
 *       line ({@code arXiv.org Machine Learning}) and abstract per paper.</li>
 *   <li>{@code hf-daily-papers}: a Hugging Face Daily Papers page: chrome and a date line without
 *       year, then title and abstract per paper.</li>
 *   <li>{@code arxiv-listing-abstracts}: bare {@code Abstract:} lines, one paper per line.</li>
 * </ul>
 * Gzip-compressed files are recognised by their magic bytes and read the same way. Files larger
 * than {@link io.paperfeed.producer.parse.FeedReader#MAX_FILE_BYTES} (compressed or not) are
 * refused with an {@link java.io.IOException}.
 *
 * <h2>Detection</h2>
 * The format is found from the content, never the file name: the formats are tried in the order
 * above, most specific first, each looking only at the head of the file (the JSON formats at the
 * first line that parses as a JSON object, the text formats at their marker lines). A file no
 * format matches raises {@link io.paperfeed.producer.parse.UnknownFormatException} naming the file
 * and the formats tried. A format can also be forced with
 * {@link io.paperfeed.producer.parse.FeedReader#FeedReader(String)}.
 *
 * <h2>What each item carries</h2>
 * Only what the item really has: a field the item lacks stays null (or an empty list), no title, id
 * or date is invented. Dates are kept as given ({@code 2025-07-28}, or {@code Aug 29} when the page
 * gives no year). Text is Unicode NFC, with whitespace runs collapsed and hard line breaks joined;
 * LaTeX is kept as given. {@code arXiv:2507.20534v2} becomes id {@code 2507.20534}, version 2;
 * old-style ids such as {@code hep-th/9709111} work too. The position of an item is the 1-based
 * line where it starts.
 *
 * <h2>What becomes invalid</h2>
 * An item that cannot be a paper becomes an {@link io.paperfeed.model.InvalidItem} (stage
 * {@code producer}) with its source, line and an excerpt; the good items around it are kept.
 * Reason codes: {@code no-abstract}, {@code abstract-too-long} (over
 * {@link io.paperfeed.producer.parse.FeedReader#MAX_ABSTRACT_CHARS} characters), {@code bad-json}
 * (a JSON-lines line that is no JSON object), {@code bad-record} (wrong field types or values),
 * {@code bad-id} (an arXiv id that is none), {@code binary} (NUL, control or undecodable bytes),
 * {@code unrecognised} (text outside the format's layout) and {@code incomplete} (an author-listing
 * entry without its closing {@code arXiv:} line).
 */
package io.paperfeed.producer.parse;
