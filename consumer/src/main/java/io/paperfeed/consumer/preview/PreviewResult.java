package io.paperfeed.consumer.preview;

import java.util.List;

/**
 * What a subscription would have matched over the last {@code days}.
 *
 * @param matched  how many papers of those days it matches
 * @param papers   the newest of them (at most the limit asked for), each with why, newest first
 * @param searched how many recent papers the service holds
 * @param tookMs   how long the preview took, in milliseconds
 */
public record PreviewResult(String subscription, int days, int matched, List<PreviewPaper> papers, int searched,
                            double tookMs) {

    public PreviewResult {
        papers = List.copyOf(papers);
    }
}
