package io.paperfeed.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Feed files in two real formats for papers whose id changes: each paper is first published as a journal
 * version in a Crossref works response (a DOI, no arXiv id: paperfeed gives it a content id), later as an
 * arXiv API (Atom) entry with the same DOI and its arXiv id (paperfeed moves it to {@code arxiv:<id>}). The
 * truth file says which two items are one paper.
 */
final class FeedFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("attention cache memory token layer model agent graph kernel sparse dense "
            + "prior reward policy vision speech robot proof latent diffusion retrieval query index compiler "
            + "schedule gradient optimizer quantization pruning distillation benchmark dataset protein molecule "
            + "planner verifier tokenizer embedding transformer recurrent convolution federated privacy fairness "
            + "causal bandit contrastive adapter routing expert mixture decoder encoder alignment preference "
            + "uncertainty calibration segmentation detection tracking depth lidar radar map navigation grasp "
            + "theorem lemma solver program synthesis repair fuzzing kernel cluster shard replica consensus")
            .split(" ");

    /** One paper's two sightings. */
    record Paper(int n, String doi, String arxivId, String title, String abstractText) {
    }

    private FeedFiles() {
    }

    static Paper paper(int n, long seed) {
        Random random = new Random(seed * 1_000_003L + n);
        StringBuilder text = new StringBuilder("We study");
        for (int w = 0; w < 70; w++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            if (w % 12 == 11) {
                text.append(". We");
            }
        }
        text.append('.');
        String title = "Fault run paper " + n + ": " + WORDS[random.nextInt(WORDS.length)] + " "
                + WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
        return new Paper(n, "10.5555/paperfeed.faults." + seed + "." + n, String.format("2601.%05d", n), title,
                text.toString());
    }

    /** A Crossref {@code work-list} response holding the journal versions. */
    static void crossref(Path file, List<Paper> papers) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "ok");
        root.put("message-type", "work-list");
        root.put("message-version", "1.0.0");
        ObjectNode message = root.putObject("message");
        message.put("total-results", papers.size());
        ArrayNode items = message.putArray("items");
        for (Paper p : papers) {
            ObjectNode item = items.addObject();
            item.put("DOI", p.doi());
            item.put("type", "journal-article");
            item.putArray("title").add(p.title());
            item.put("abstract", "<jats:p>" + p.abstractText() + "</jats:p>");
            ObjectNode author = item.putArray("author").addObject();
            author.put("given", "Ada");
            author.put("family", "Author" + p.n());
            item.putObject("published").putArray("date-parts").addArray().add(2025).add(8).add(1 + p.n() % 28);
        }
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /** An arXiv API (Atom) response holding the preprints, each with its DOI. */
    static void arxivApi(Path file, List<Paper> papers) throws IOException {
        StringBuilder xml = new StringBuilder("""
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
                  <id>https://arxiv.org/api/faults</id>
                  <title>arXiv Query: faults</title>
                  <updated>2026-01-05T00:00:00Z</updated>
                """);
        xml.append("  <opensearch:totalResults>").append(papers.size()).append("</opensearch:totalResults>\n");
        xml.append("  <opensearch:startIndex>0</opensearch:startIndex>\n");
        for (Paper p : papers) {
            xml.append("  <entry>\n")
                    .append("    <id>http://arxiv.org/abs/").append(p.arxivId()).append("v1</id>\n")
                    .append("    <title>").append(p.title()).append("</title>\n")
                    .append("    <updated>2026-01-05T00:00:00Z</updated>\n")
                    .append("    <published>2026-01-05T00:00:00Z</published>\n")
                    .append("    <summary>").append(p.abstractText()).append("</summary>\n")
                    .append("    <author><name>Ada Author").append(p.n()).append("</name></author>\n")
                    .append("    <arxiv:doi>").append(p.doi()).append("</arxiv:doi>\n")
                    .append("    <link href=\"https://arxiv.org/abs/").append(p.arxivId())
                    .append("v1\" rel=\"alternate\" type=\"text/html\"/>\n")
                    .append("    <arxiv:primary_category term=\"cs.LG\"/>\n")
                    .append("    <category term=\"cs.LG\" scheme=\"http://arxiv.org/schemas/atom\"/>\n")
                    .append("  </entry>\n");
        }
        xml.append("</feed>\n");
        Files.writeString(file, xml);
    }

    /** Papers {@code from} (inclusive) to {@code to} (exclusive). */
    static List<Paper> papers(int from, int to, long seed) {
        List<Paper> papers = new ArrayList<>();
        for (int n = from; n < to; n++) {
            papers.add(paper(n, seed));
        }
        return papers;
    }
}
