/**
 * Reading paper feeds: {@link io.paperfeed.producer.parse.FeedReader} turns one file into
 * {@link io.paperfeed.model.PaperEvent}s and {@link io.paperfeed.model.InvalidItem}s.
 *
 * <h2>Formats</h2>
 * Each format is one small class behind a package-private {@code FeedFormat} interface:
 * <ul>
 *   <li>{@code arxiv-atom-api}: a response of the arXiv API ({@code export.arxiv.org/api/query}), an
 *       Atom feed with OpenSearch paging (on {@link io.paperfeed.producer.parse.ParseResult#paging()}
 *       and in the log); per entry the abs URL with version, title, summary, authors, primary then
 *       other categories, published, updated, DOI, comment and the journal ref as venue. Affiliations
 *       have no field in a paper event and are dropped. An entry whose id is {@code …/api/errors#…} is an
 *       API error: an {@code api-error} invalid item.</li>
 *   <li>{@code arxiv-rss}: an announcement feed of rss.arxiv.org (Atom, or RSS 2.0): the id,
 *       version and abstract come from summaries of the form
 *       {@code arXiv:2508.13426v1 Announce Type: cross Abstract: …}; the announce type ({@code new},
 *       {@code cross}, {@code replace}, {@code replace-cross}) has no field in a paper event and is
 *       only logged. Authors are the comma-separated {@code dc:creator}.</li>
 *   <li>{@code oai-pmh}: an OAI-PMH {@code ListRecords} or {@code GetRecord} response (arXiv's), in
 *       the {@code arXiv}, {@code arXivRaw} or {@code oai_dc} metadata format; per record the arXiv
 *       id, title, abstract, authors, categories, comments, DOI and dates; a deleted record is a
 *       {@code deleted} item, an {@code <error>} an {@code api-error} item; the
 *       {@code resumptionToken} is the next cursor.</li>
 *   <li>{@code journal-rss}: a journal's table-of-contents feed, RSS 2.0 or RSS 1.0
 *       ({@code rdf:RDF}), not arXiv's: title, the abstract from {@code dcterms:abstract},
 *       {@code dc:description}, {@code content:encoded} or {@code description} as plain text (a
 *       publisher's status line or ScienceDirect's metadata paragraphs are no abstract: such an
 *       item is a title-only sighting), {@code dc:creator}s, the DOI from
 *       {@code prism:doi}, {@code dc:identifier}, the {@code guid} or a {@code /doi/} link, the date,
 *       {@code prism:publicationName} as venue, ISSNs.</li>
 *   <li>{@code crossref-works}: a Crossref REST works response ({@code work} or {@code work-list}):
 *       DOI, title, the JATS abstract as plain text, authors, date, venue, ISSNs and relations
 *       ({@code has-preprint}, {@code is-preprint-of}); {@code next-cursor} or offsets as paging.</li>
 *   <li>{@code openalex-works}: an OpenAlex work or page of works: the abstract rebuilt from its
 *       inverted index, and the DOI, PubMed, PubMed Central, MAG and OpenAlex ids.</li>
 *   <li>{@code semantic-scholar}: a Semantic Scholar Graph API paper, search page, bulk search page
 *       or batch: the fields asked for, the DOI and arXiv id and the other {@code externalIds}; the
 *       bulk {@code token} as the next cursor.</li>
 *   <li>{@code biorxiv-details}: a bioRxiv/medRxiv API details page or a DOI's versions: one item
 *       per version (DOI, version, title, abstract, authors, category, date, server), the journal DOI
 *       it was published as an {@code is-preprint-of} relation; {@code cursor}, {@code count} and
 *       {@code total} as paging.</li>
 *   <li>{@code hf-daily-papers-api}: the Hugging Face papers API's daily list (JSON): per entry the
 *       paper's arXiv id, title, summary, authors and date.</li>
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
 * What an item says beyond the arXiv id and DOI (other ids, relations, venue) goes on the paper
 * event ({@code ids}, {@code relations}, {@code venue}, and {@code dois}: its own DOI and those of its
 * preprint or publication), with the status the source gives ({@code SightingStatus}), and is also
 * kept on {@link io.paperfeed.producer.parse.ParseResult#extras()} as a
 * {@link io.paperfeed.producer.parse.PaperExtras}. Items without abstract are {@code no-abstract}
 * invalid items, except in {@code journal-rss}, {@code crossref-works} and {@code paper-event-jsonl},
 * where an item with a title and a DOI or authors is a title-only sighting (it can join a paper).
 * A source that pages gives its next page on
 * {@link io.paperfeed.producer.parse.ParseResult#paging()} ({@link io.paperfeed.producer.parse.FeedPaging}:
 * a next cursor, else a next start index). docs/SOURCES.md describes the API formats.
 * Gzip-compressed files are recognised by their magic bytes and read the same way. Files larger
 * than {@link io.paperfeed.producer.parse.FeedReader#MAX_FILE_BYTES} (compressed or not) are
 * refused with an {@link java.io.IOException}.
 *
 * <h2>Detection</h2>
 * The format is found from the content, never the file name: the formats are tried in the order
 * above, most specific first, each looking only at the head of the file (the XML formats at the root
 * element, an Atom {@code <feed>} or RSS {@code <rss>}, and the feed's own elements before the first
 * entry: the OpenSearch name space or an {@code arxiv.org/api/} link for the API, an
 * {@code rss.arxiv.org} id or link for announcements; an {@code OAI-PMH} root for OAI-PMH; any other
 * RSS 2.0 or RSS 1.0 root without an {@code arxiv.org/} link before its first item for journal feeds; the JSON API
 * formats at the head of the document, read token by token: its root fields and the fields of the
 * first record, such as Crossref's {@code message-type}; the JSON-lines formats at the first line that
 * parses as a JSON object; the text formats at their marker lines). A file no
 * format matches raises {@link io.paperfeed.producer.parse.UnknownFormatException} naming the file
 * and the formats tried. A format can also be forced with
 * {@link io.paperfeed.producer.parse.FeedReader#FeedReader(String)}.
 *
 * <h2>What each item carries</h2>
 * Only what the item really has: a field the item lacks stays null (or an empty list), no title, id
 * or date is invented. Dates are kept as given ({@code 2025-07-28}, {@code 2022-02-24T15:05:19Z},
 * or {@code Aug 29} when the page gives no year). Text is Unicode NFC, with whitespace runs collapsed
 * and hard line breaks joined (in the hard-wrapped summaries of arXiv's JSON, API and announcement
 * feeds, a line break after a hyphen inside a word is joined without a space: {@code VQ-\nVAE});
 * UTF-8 that a feed double-encoded ({@code RamÃ­rez}) is repaired in the XML formats; LaTeX is kept as
 * given. Categories are deduplicated, the primary first. Every spelling of an arXiv id resolves
 * through the public {@link io.paperfeed.producer.parse.ArxivIds}: {@code arXiv:2507.20534v2},
 * {@code https://arxiv.org/abs/2507.20534v2} and {@code oai:arXiv.org:2507.20534v2} become id
 * {@code 2507.20534}, version 2; old-style ids such as {@code hep-th/9709111} work too. The public
 * {@link io.paperfeed.model.text.FingerprintText} gives the case-folded, LaTeX-free text a
 * de-duplicator shingles. The position of an item is the 1-based line where it starts; in the XML
 * formats it is the entry number, since a feed may sit on one line, and in the JSON API formats the
 * record number.
 *
 * <h2>What becomes invalid</h2>
 * An item that cannot be a paper becomes an {@link io.paperfeed.model.InvalidItem} (stage
 * {@code producer}) with its source, position and an excerpt; the good items around it are kept.
 * Reason codes: {@code no-abstract}, {@code abstract-too-long} (over
 * {@link io.paperfeed.producer.parse.FeedReader#MAX_ABSTRACT_CHARS} characters),
 * {@code field-too-long} (a title, comment, DOI, date, author or category over
 * {@link io.paperfeed.producer.parse.FeedReader#MAX_FIELD_CHARS}, or more than
 * {@link io.paperfeed.producer.parse.FeedReader#MAX_AUTHORS} authors), {@code bad-json} (a JSON-lines
 * line that is no JSON object), {@code bad-xml} (see below), {@code bad-record} (wrong field types
 * or values), {@code bad-id} (an arXiv id that is none), {@code binary} (NUL, control or undecodable
 * bytes), {@code unrecognised} (text outside the format's layout, or an XML document that is no
 * feed), {@code incomplete} (an author-listing entry without its closing {@code arXiv:} line),
 * {@code api-error} (an error the source returned: an arXiv API error entry, an OAI-PMH {@code <error>}),
 * {@code deleted} (an OAI-PMH record the repository reports deleted) and {@code too-many-items} (one
 * item standing for everything past {@link io.paperfeed.producer.parse.FeedReader#MAX_ITEMS} items).
 *
 * <h2>XML</h2>
 * XML is read with the JDK's StAX parser, DTDs and external entities off; a document with a
 * {@code <!DOCTYPE>} is refused whole (one {@code bad-xml} item), so no entity is ever expanded
 * (no XXE, no entity expansion bombs). Where the XML is not well-formed, the entry the parser fails
 * in becomes one {@code bad-xml} item with the parser's message, line and column, and reading
 * resumes at the next entry; trouble outside any entry (a broken header, a cut-off end, a file that
 * is no XML at all) is one {@code bad-xml} item numbered after the last entry. Nothing is thrown.
 * The text kept of one element, the authors of one entry and the errors of one feed are bounded.
 *
 * <h2>JSON API responses</h2>
 * One response document is streamed record by record with Jackson: a record that is no object or
 * has a field of the wrong type is one {@code bad-record} item; a document that is not well-formed
 * keeps the records before the break and adds one {@code bad-json} item after them (JSON gives no
 * place to resume); a well-formed document without records is one {@code unrecognised} item. A
 * record without abstract is {@code no-abstract}, its detail naming its title and DOI: a paper
 * event needs an abstract.
 */
package io.paperfeed.producer.parse;
