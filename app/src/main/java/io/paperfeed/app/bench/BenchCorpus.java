package io.paperfeed.app.bench;

import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Realistic benchmark events at any scale, made from real papers: each generated paper has a new
 * arXiv id, a title made of the words of two real titles, and an abstract of 4 to 9 real sentences
 * drawn from the whole corpus (so its text is as long and as varied as real abstracts, and no two
 * generated papers are near-duplicates by accident), with the categories of a real paper. Events
 * are then, of every 100: 72 listing sightings of new papers, 10 exact repeats (the same item polled
 * again), 8 cross-feed sightings of a paper already listed (an API response with its DOI and a
 * revised version, or a DOI-only record with the title), 10 id-less sightings (an aggregator's
 * title-less copy with whitespace, LaTeX and hyphenation edits). Seeded, so runs compare.
 */
final class BenchCorpus {

    static final int NEW_SHARE = 72;
    static final int REPEAT_SHARE = 10;
    static final int CROSS_FEED_SHARE = 8;

    private final List<PaperEvent> real;
    private final List<String> sentences = new ArrayList<>();
    private final Random random;

    BenchCorpus(List<PaperEvent> real, long seed) {
        this.real = real;
        this.random = new Random(seed);
        for (PaperEvent e : real) {
            for (String sentence : e.abstractText().replaceAll("\\s+", " ").trim().split("(?<=[.!?])\\s+")) {
                if (sentence.length() > 40) {
                    sentences.add(sentence);
                }
            }
        }
    }

    /** The events and how many distinct papers they hold. */
    record Events(List<PaperEvent> events, int papers) {
    }

    Events generate(int count) {
        List<PaperEvent> events = new ArrayList<>(count);
        List<PaperEvent> listed = new ArrayList<>();
        Set<String> seenTitles = new HashSet<>();
        int papers = 0;
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            if (listed.isEmpty() || kind < NEW_SHARE) {
                PaperEvent paper = newPaper(papers++, i, seenTitles);
                listed.add(paper);
                events.add(paper);
            } else {
                PaperEvent earlier = listed.get(Math.max(0, listed.size() - 1 - random.nextInt(Math.min(listed.size(), 2000))));
                if (kind < NEW_SHARE + REPEAT_SHARE) {
                    events.add(at(earlier, "https://export.arxiv.org/api/query?repeat", i));
                } else if (kind < NEW_SHARE + REPEAT_SHARE + CROSS_FEED_SHARE) {
                    events.add(crossFeed(earlier, i));
                } else {
                    events.add(idLess(earlier, i));
                }
            }
        }
        return new Events(events, papers);
    }

    private PaperEvent newPaper(int n, int position, Set<String> seenTitles) {
        PaperEvent a = real.get(random.nextInt(real.size()));
        PaperEvent b = real.get(random.nextInt(real.size()));
        String title;
        do {
            title = mixTitle(a.title(), b.title());
        } while (!seenTitles.add(title.toLowerCase(Locale.ROOT)));
        int sentenceCount = 4 + random.nextInt(6);
        StringBuilder abstractText = new StringBuilder();
        for (int s = 0; s < sentenceCount; s++) {
            abstractText.append(s == 0 ? "" : " ").append(sentences.get(random.nextInt(sentences.size())));
        }
        String id = String.format(Locale.ROOT, "26%02d.%05d", 1 + n / 90000 % 12, n % 90000);
        return new PaperEvent(id, 1, null, title, abstractText.toString(), a.authors(), a.categories(), null,
                "2026-01-01", null, List.of("https://arxiv.org/abs/" + id),
                new Provenance("https://rss.arxiv.org/atom/cs.bench", "arxiv-rss", position + 1, Instant.EPOCH));
    }

    private String mixTitle(String a, String b) {
        String[] left = (a == null ? "Untitled study" : a).split(" ");
        String[] right = (b == null ? "of things" : b).split(" ");
        int cut = Math.max(1, left.length / 2);
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < cut; i++) {
            t.append(left[i]).append(' ');
        }
        for (int i = right.length / 2; i < right.length; i++) {
            t.append(right[i]).append(' ');
        }
        return t.toString().trim() + " " + Integer.toString(random.nextInt(1 << 20), 36);
    }

    private PaperEvent crossFeed(PaperEvent e, int position) {
        String doi = "10.48550/arXiv." + e.arxivId();
        if (random.nextBoolean()) {
            return new PaperEvent(e.arxivId(), 2, doi, e.title(), e.abstractText() + " Code is available online.",
                    e.authors(), e.categories(), "v2: revised", e.published(), "2026-01-08", List.of(),
                    new Provenance("https://export.arxiv.org/api/query", "arxiv-atom-api", position + 1, Instant.EPOCH));
        }
        return new PaperEvent(null, null, doi, e.title(), e.abstractText(), e.authors(), List.of(), null, null, null,
                List.of("https://doi.org/" + doi),
                new Provenance("https://api.crossref.org/works", "crossref-works", position + 1, Instant.EPOCH));
    }

    private PaperEvent idLess(PaperEvent e, int position) {
        String[] words = e.abstractText().split(" ");
        int i = random.nextInt(words.length);
        words[i] = "\\emph{" + words[i] + "}";
        StringBuilder text = new StringBuilder();
        for (String w : words) {
            if (text.length() > 0) {
                text.append(random.nextInt(10) == 0 ? "\n" : " ");
            }
            text.append(w);
        }
        return new PaperEvent(null, null, null, null, text.toString(), List.of(), List.of(), null, null, null, List.of(),
                new Provenance("https://aggregator.example/feed", "aggregator-author-page", position + 1,
                        Instant.EPOCH));
    }

    private static PaperEvent at(PaperEvent e, String source, int position) {
        return new PaperEvent(e.arxivId(), e.version(), e.doi(), e.title(), e.abstractText(), e.authors(),
                e.categories(), e.comment(), e.published(), e.updated(), e.links(),
                new Provenance(source, e.source().format(), position + 1, Instant.EPOCH));
    }
}
