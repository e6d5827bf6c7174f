package io.paperfeed.producer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code arxiv-author-listing}: the papers of an arXiv author, each entry closed by an
 * {@code arXiv:ID} line and a {@code Created: DATE Updated: DATE} line.
 *
 * <p>Before that closing paragraph an entry holds, each as its own paragraph: an optional header
 * (title line then author line, in one paragraph), the abstract, and an optional comment
 * ({@code 15 pages, 7 figures}). The abstract comes before the comment; with two single paragraphs
 * the second is the comment unless the first is a short line and the second neither reads like a
 * comment nor is shorter, in which case they are title and abstract. Dates are kept as given.
 * Paragraphs after the last {@code arXiv:} line are an incomplete entry.
 */
final class ArxivAuthorListingFormat implements FeedFormat {

    static final String NAME = "arxiv-author-listing";
    private static final Logger log = LoggerFactory.getLogger(ArxivAuthorListingFormat.class);
    private static final Pattern ID_LINE = Pattern.compile("^\\s*arXiv:\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATED = Pattern.compile("^\\s*Created:", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATED_LABEL = Pattern.compile("Created:", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATED_LABEL = Pattern.compile("Updated:", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(FeedText text) {
        for (FeedText.Block b : text.headBlocks()) {
            if (isIdBlock(b) && b.lines().size() > 1 && CREATED.matcher(b.lines().get(1)).find()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void parse(FeedText text, ResultCollector out) {
        List<FeedText.Block> pending = new ArrayList<>();
        for (FeedText.Block b : text.blocks()) {
            if (TextNormalizer.isBinary(b.text())) {
                out.reject(b.firstLine(), Reasons.BINARY, "binary junk between entries", b.text());
            } else if (isIdBlock(b)) {
                out.accept(entry(pending, b));
                pending.clear();
            } else {
                pending.add(b);
            }
        }
        if (!pending.isEmpty()) {
            out.reject(pending.get(0).firstLine(), Reasons.INCOMPLETE,
                    "entry has no closing arXiv: line (file cut short?)", rawOf(pending, null));
        }
    }

    private static boolean isIdBlock(FeedText.Block b) {
        return ID_LINE.matcher(b.lines().get(0)).find();
    }

    private static PaperDraft entry(List<FeedText.Block> blocks, FeedText.Block idBlock) {
        int position = blocks.isEmpty() ? idBlock.firstLine() : blocks.get(0).firstLine();
        PaperDraft d = new PaperDraft(position, rawOf(blocks, idBlock));
        Matcher id = ID_LINE.matcher(idBlock.lines().get(0));
        d.arxivId = id.find() ? id.group(1) : null;
        for (String line : idBlock.lines().subList(1, idBlock.lines().size())) {
            Matcher created = CREATED_LABEL.matcher(line);
            if (created.find()) {
                Matcher next = UPDATED_LABEL.matcher(line);
                String date = stripAscii(line.substring(created.end(), next.find(created.end()) ? next.start() : line.length()));
                if (!date.isEmpty()) {
                    d.published = date;
                }
            }
            Matcher updated = UPDATED_LABEL.matcher(line);
            if (updated.find()) {
                String date = stripAscii(line.substring(updated.end()));
                if (!date.isEmpty()) {
                    d.updated = date;
                }
            }
        }
        List<FeedText.Block> body = new ArrayList<>(blocks);
        if (!body.isEmpty() && isHeader(body.get(0))) {
            List<String> lines = body.remove(0).lines();
            d.title = String.join(" ", lines.subList(0, lines.size() - 1));
            d.authors = TextNormalizer.splitAuthors(lines.get(lines.size() - 1));
        }
        if (body.size() == 1) {
            d.abstractText = body.get(0).text();
        } else if (body.size() == 2) {
            FeedText.Block a = body.get(0);
            FeedText.Block b = body.get(1);
            if (d.title == null && LayoutRules.titleLike(a) && !LayoutRules.commentLike(b.text())
                    && a.length() < b.length()) {
                d.title = a.text();
                d.abstractText = b.text();
            } else {
                d.abstractText = a.text();
                d.comment = b.text();
            }
        } else if (body.size() > 2) {
            splitByLongest(body, d);
        }
        return d;
    }

    /** Three or more paragraphs: the longest is the abstract, a short line before it the title, what follows the comment. */
    private static void splitByLongest(List<FeedText.Block> body, PaperDraft d) {
        int longest = 0;
        for (int i = 1; i < body.size(); i++) {
            if (body.get(i).length() > body.get(longest).length()) {
                longest = i;
            }
        }
        d.abstractText = body.get(longest).text();
        for (FeedText.Block before : body.subList(0, longest)) {
            if (d.title == null && LayoutRules.titleLike(before)) {
                d.title = before.text();
            } else if (d.authors.isEmpty() && before.singleLine() && LayoutRules.authorLike(before.first())) {
                d.authors = TextNormalizer.splitAuthors(before.first());
            } else {
                log.warn("line {}: paragraph before the abstract ignored: {}", before.firstLine(),
                        TextNormalizer.excerpt(before.text()));
            }
        }
        List<String> after = new ArrayList<>();
        for (FeedText.Block b : body.subList(longest + 1, body.size())) {
            after.add(b.text());
        }
        d.comment = after.isEmpty() ? null : String.join(" ", after);
    }

    /** The text without leading and trailing ASCII whitespace (a linear-time stand-in for {@code \\s*} around a group). */
    private static String stripAscii(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && " \t\n\u000B\f\r".indexOf(s.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && " \t\n\u000B\f\r".indexOf(s.charAt(to - 1)) >= 0) {
            to--;
        }
        return s.substring(from, to);
    }

    /** A title line (or lines) followed by an author line, in one paragraph. */
    private static boolean isHeader(FeedText.Block b) {
        List<String> lines = b.lines();
        return lines.size() >= 2 && lines.get(0).strip().length() <= LayoutRules.TITLE_MAX
                && LayoutRules.authorLike(lines.get(lines.size() - 1));
    }

    private static String rawOf(List<FeedText.Block> blocks, FeedText.Block idBlock) {
        List<String> parts = new ArrayList<>();
        blocks.forEach(b -> parts.add(b.text()));
        if (idBlock != null) {
            parts.add(idBlock.text());
        }
        return String.join("\n\n", parts);
    }
}
