package io.paperfeed.streams.categories;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A paper whose real arXiv categories are known: a training or evaluation example. Only real arXiv
 * category names are kept ({@code cs.CV}, {@code eess.IV}, {@code physics.med-ph}, {@code hep-th});
 * the ACM and MSC codes some listings mix in ({@code I.2.7}, {@code 68T50}) are dropped.
 *
 * @param categories the paper's arXiv categories, primary first
 */
public record LabelledPaper(String id, String title, String abstractText, List<String> categories) {

    private static final Pattern ARXIV_CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?");

    public LabelledPaper {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        categories = categories == null ? List.of()
                : categories.stream().filter(LabelledPaper::isArxivCategory).distinct().toList();
    }

    /** Whether the name has the shape of an arXiv category (archive, optionally dot and subject class). */
    public static boolean isArxivCategory(String name) {
        return name != null && ARXIV_CATEGORY.matcher(name).matches();
    }
}
