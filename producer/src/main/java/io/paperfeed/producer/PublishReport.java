package io.paperfeed.producer;

import java.util.List;
import java.util.Set;

/**
 * What a publish run sent: per file a report, and the keys of every item put on Kafka (papers on the
 * raw topic, invalid items on the invalid topic), so a caller can follow each one downstream.
 */
public record PublishReport(List<FileReport> files, Set<String> itemKeys) {

    public PublishReport {
        files = List.copyOf(files);
        itemKeys = Set.copyOf(itemKeys);
    }

    public int papers() {
        return files.stream().mapToInt(FileReport::papers).sum();
    }

    public int invalid() {
        return files.stream().mapToInt(FileReport::invalid).sum();
    }
}
