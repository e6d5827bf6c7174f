package io.paperfeed.subscriptions.like;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical id a reader means by a paper reference: {@code arxiv:<id>} for an arXiv id in any of its
 * spellings ({@code 2504.01234}, {@code arXiv:2504.01234v2}, {@code https://arxiv.org/abs/2504.01234},
 * {@code hep-th/9901001}), else the reference as given ({@code content:…}).
 */
public final class PaperIds {

    private static final Pattern ARXIV = Pattern.compile(
            "(?i)^(?:arxiv:|https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/)?"
                    + "(\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[a-z]{2})?/\\d{7})(?:v\\d+)?(?:\\.pdf)?/?$");

    private PaperIds() {
    }

    public static String canonical(String reference) {
        String r = reference.strip();
        return arxivId(r).map(id -> "arxiv:" + id).orElse(r);
    }

    /** The arXiv id (no version) a reference names, if it names one. */
    public static Optional<String> arxivId(String reference) {
        Matcher m = ARXIV.matcher(reference.strip());
        return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
