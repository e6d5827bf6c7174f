package io.paperfeed.producer;

import java.util.List;
import java.util.Set;

/**
 * What a publish run sent: per document a report, per source that gave no documents (not modified,
 * failed) a line, and the keys of every item put on Kafka (papers on the raw topic, invalid items
 * on the invalid topic), so a caller can follow each one downstream.
 */
public record PublishReport(List<FileReport> files, Set<String> itemKeys, List<SourceStatus> sources) {

    /**
     * How the fetch of one configured source went.
     *
     * @param outcome {@code ok}, {@code not-modified}, {@code empty} or {@code error}
     * @param error   the one-line reason when {@code error}, else null
     */
    public record SourceStatus(String source, String outcome, String error) {

        /** One line, e.g. {@code https://…: not modified} or {@code feeds/x: ERROR …}. */
        public String summary() {
            return error != null ? "ERROR " + error : source + ": " + outcome.replace('-', ' ');
        }
    }

    public PublishReport {
        files = List.copyOf(files);
        itemKeys = Set.copyOf(itemKeys);
        sources = List.copyOf(sources);
    }

    /** A report without per-source statuses. */
    public PublishReport(List<FileReport> files, Set<String> itemKeys) {
        this(files, itemKeys, List.of());
    }

    public int papers() {
        return files.stream().mapToInt(FileReport::papers).sum();
    }

    public int invalid() {
        return files.stream().mapToInt(FileReport::invalid).sum();
    }

    /** Items not published again because an earlier run did. */
    public int skipped() {
        return files.stream().mapToInt(FileReport::skipped).sum();
    }

    /** Sources whose fetch failed. */
    public List<SourceStatus> failed() {
        return sources.stream().filter(s -> s.error() != null).toList();
    }
}
