package io.paperfeed.producer.parse;

import java.util.List;
import java.util.regex.Pattern;

/** Shape tests shared by the plain-text formats: what a title, an author line and a comment look like. */
final class LayoutRules {

    /** The longest line still taken for a title. */
    static final int TITLE_MAX = 300;

    private static final Pattern WORDS = Pattern.compile("\\s+");
    private static final Pattern COMMENT = Pattern.compile(
            "\\b(\\d+\\s*(pages?|pp\\.?|figures?|figs?\\.?|tables?)"
                    + "|accepted|to appear|appeared|proceedings|conference|workshop|symposium|journal"
                    + "|submitted|published|preprint|report|camera[- ]ready|thesis|in press|extended version"
                    + "|invited|revised|supersedes|erratum|code (is )?available)\\b",
            Pattern.CASE_INSENSITIVE);

    private LayoutRules() {
    }

    /** A block that can be a title: one line of at most {@link #TITLE_MAX} characters. */
    static boolean titleLike(FeedText.Block block) {
        return block.singleLine() && block.length() <= TITLE_MAX;
    }

    /** A line that reads like an arXiv comment: page and figure counts, venues, reports. */
    static boolean commentLike(String text) {
        return text != null && text.length() <= 1000 && COMMENT.matcher(text).find();
    }

    /**
     * A line that reads like an author list: names separated by commas or "and", each of one to six
     * words, starting with a capital (or a caseless letter), none ending a sentence.
     */
    static boolean authorLike(String line) {
        List<String> names = TextNormalizer.splitAuthors(line);
        if (names.isEmpty()) {
            return false;
        }
        for (String name : names) {
            String[] words = WORDS.split(name);
            if (words.length > 6 || name.length() > 60) {
                return false;
            }
            int first = name.codePointAt(0);
            if (!Character.isLetter(first) || Character.isLowerCase(first)) {
                return false;
            }
            String last = words[words.length - 1];
            if (last.endsWith(".") && last.length() > 3) {
                return false;
            }
        }
        return true;
    }
}
