package io.paperfeed.producer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aggregator-author-page}: an aggregator's page of one author. A header (e.g.
 * {@code Collaborating Authors} and a name) is followed, per paper, by a title paragraph, a source
 * line naming where the paper was seen ({@code arXiv.org Artificial Intelligence}) and the abstract.
 *
 * <p>Items are anchored on the source lines: the paragraph before one is the title, the one after it
 * the abstract. The source line is kept, as given, as the item's only category: it is never mapped
 * to an arXiv category code, and the page's header names (collaborators of the page's author) are
 * not taken as authors of any paper. Paragraphs before the first title are page chrome; stray
 * paragraphs between items are reported as unrecognised.
 */
final class AggregatorAuthorPageFormat implements FeedFormat {

    static final String NAME = "aggregator-author-page";
    private static final Logger log = LoggerFactory.getLogger(AggregatorAuthorPageFormat.class);
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "^(arXiv\\.org|bioRxiv|medRxiv|ChemRxiv|SSRN|OpenReview|PubMed|ACL Anthology)(\\s+\\S.{0,80})?$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(FeedText text) {
        List<FeedText.Block> blocks = text.headBlocks();
        for (int i = 1; i + 1 < blocks.size(); i++) {
            if (isSourceLine(blocks.get(i)) && LayoutRules.titleLike(blocks.get(i - 1))
                    && !isSourceLine(blocks.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void parse(FeedText text, ResultCollector out) {
        List<FeedText.Block> blocks = new ArrayList<>();
        for (FeedText.Block b : text.blocks()) {
            if (TextNormalizer.isBinary(b.text())) {
                out.reject(b.firstLine(), Reasons.BINARY, "binary junk between items", b.text());
            } else {
                blocks.add(b);
            }
        }
        int consumed = 0; // blocks before this index belong to an item or the header
        boolean first = true;
        for (int i = 0; i < blocks.size(); i++) {
            if (!isSourceLine(blocks.get(i))) {
                continue;
            }
            int titleAt = i - 1 >= consumed && LayoutRules.titleLike(blocks.get(i - 1)) ? i - 1 : -1;
            int start = titleAt >= 0 ? titleAt : i;
            for (FeedText.Block stray : blocks.subList(consumed, start)) {
                if (first) {
                    log.debug("line {}: page header: {}", stray.firstLine(), stray.first());
                } else {
                    out.reject(stray.firstLine(), Reasons.UNRECOGNISED, "paragraph outside any item", stray.text());
                }
            }
            first = false;
            int abstractAt = i + 1 < blocks.size() && !isSourceLine(blocks.get(i + 1))
                    && !nextTitle(blocks, i + 1) ? i + 1 : -1;
            out.accept(item(blocks, titleAt, i, abstractAt));
            consumed = (abstractAt >= 0 ? abstractAt : i) + 1;
        }
        if (first) {
            return;
        }
        for (FeedText.Block stray : blocks.subList(consumed, blocks.size())) {
            out.reject(stray.firstLine(), Reasons.UNRECOGNISED, "paragraph outside any item", stray.text());
        }
    }

    /** Block {@code j} is the title of the next item rather than an abstract: a short line right before a source line. */
    private static boolean nextTitle(List<FeedText.Block> blocks, int j) {
        return j + 1 < blocks.size() && isSourceLine(blocks.get(j + 1)) && LayoutRules.titleLike(blocks.get(j));
    }

    private static PaperDraft item(List<FeedText.Block> blocks, int titleAt, int sourceAt, int abstractAt) {
        List<String> raw = new ArrayList<>();
        int position = blocks.get(titleAt >= 0 ? titleAt : sourceAt).firstLine();
        for (int j : new int[] {titleAt, sourceAt, abstractAt}) {
            if (j >= 0) {
                raw.add(blocks.get(j).text());
            }
        }
        PaperDraft d = new PaperDraft(position, String.join("\n\n", raw));
        d.title = titleAt >= 0 ? blocks.get(titleAt).text() : null;
        d.categories.add(blocks.get(sourceAt).first());
        d.abstractText = abstractAt >= 0 ? blocks.get(abstractAt).text() : null;
        return d;
    }

    private static boolean isSourceLine(FeedText.Block b) {
        return b.singleLine() && SOURCE_LINE.matcher(b.first()).matches();
    }
}
