package io.paperfeed.producer.parse;

import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hf-daily-papers}: a Hugging Face Daily Papers page as text. Page chrome ({@code Daily
 * Papers}, a subscription prompt) and a date line such as {@code Aug 29} come first, then a title
 * paragraph and an abstract paragraph per paper.
 *
 * <p>The date line is every following paper's {@code published} value, exactly as given: the page
 * shows no year, and none is guessed. A later date line starts a new day. Titles and abstracts
 * alternate; when two title-like lines meet and a long paragraph follows the second, the first is
 * a title without abstract and is reported as such.
 */
final class HfDailyPapersFormat implements FeedFormat {

    static final String NAME = "hf-daily-papers";
    private static final Logger log = LoggerFactory.getLogger(HfDailyPapersFormat.class);
    private static final Pattern MARKER = Pattern.compile("^Daily Papers$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile(
            "^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}(, \\d{4})?$");
    /** How many non-blank lines from the top may hold the {@code Daily Papers} marker. */
    private static final int MARKER_WITHIN = 30;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(FeedText text) {
        List<String> lines = text.nonBlankHead();
        for (String line : lines.subList(0, Math.min(MARKER_WITHIN, lines.size()))) {
            if (MARKER.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void parse(FeedText text, ResultCollector out) {
        List<FeedText.Block> blocks = text.blocks();
        int i = chromeEnd(blocks);
        String date = null;
        for (FeedText.Block b : blocks.subList(0, i)) {
            if (isDate(b)) {
                date = b.first();
            } else {
                log.debug("line {}: page chrome: {}", b.firstLine(), b.first());
            }
        }
        while (i < blocks.size()) {
            FeedText.Block b = blocks.get(i);
            if (TextNormalizer.isBinary(b.text())) {
                out.reject(b.firstLine(), Reasons.BINARY, "binary junk between papers", b.text());
                i++;
            } else if (isDate(b)) {
                date = b.first();
                i++;
            } else if (!LayoutRules.titleLike(b)) {
                out.accept(draft(null, b, date)); // an abstract without a title
                i++;
            } else if (i + 1 >= blocks.size() || isDate(blocks.get(i + 1)) || startsNextPaper(blocks, i + 1)) {
                out.accept(draft(b, null, date)); // a title without an abstract
                i++;
            } else {
                out.accept(draft(b, blocks.get(i + 1), date));
                i += 2;
            }
        }
    }

    /** Block {@code j} is title-like and is followed by a paragraph too long to be a title. */
    private static boolean startsNextPaper(List<FeedText.Block> blocks, int j) {
        return LayoutRules.titleLike(blocks.get(j)) && j + 1 < blocks.size()
                && !LayoutRules.titleLike(blocks.get(j + 1)) && !isDate(blocks.get(j + 1));
    }

    /** The index of the first block after the chrome: after the date line, or else after the marker. */
    private static int chromeEnd(List<FeedText.Block> blocks) {
        int marker = -1;
        for (int j = 0; j < blocks.size() && j < MARKER_WITHIN; j++) {
            if (isDate(blocks.get(j))) {
                return j + 1;
            }
            if (marker < 0 && MARKER.matcher(blocks.get(j).first()).matches()) {
                marker = j;
            }
        }
        if (marker < 0) {
            return 0;
        }
        // no date line: the chrome is the marker and the short line after it ("by AK and ...")
        int end = marker + 1;
        if (end + 2 < blocks.size() && LayoutRules.titleLike(blocks.get(end)) && LayoutRules.titleLike(blocks.get(end + 1))
                && !LayoutRules.titleLike(blocks.get(end + 2))) {
            end++;
        }
        return end;
    }

    private static boolean isDate(FeedText.Block b) {
        return b.singleLine() && DATE.matcher(b.first()).matches();
    }

    private static PaperDraft draft(FeedText.Block title, FeedText.Block abstractBlock, String date) {
        FeedText.Block start = title != null ? title : abstractBlock;
        String raw = title == null ? abstractBlock.text()
                : abstractBlock == null ? title.text() : title.text() + "\n\n" + abstractBlock.text();
        PaperDraft d = new PaperDraft(start.firstLine(), raw);
        d.title = title == null ? null : title.text();
        d.abstractText = abstractBlock == null ? null : abstractBlock.text();
        d.published = date;
        return d;
    }
}
