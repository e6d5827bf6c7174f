package io.paperfeed.subscriptions.like;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.model.LikeItem;
import io.paperfeed.model.serde.Json;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;
import org.jbibtex.Value;

/**
 * A reference library uploaded as a like list: BibTeX ({@code .bib}, parsed by jbibtex, LaTeX markup turned
 * into text), RIS ({@code .ris}) or CSL JSON (Zotero's, Mendeley's and Zotero's Better BibTeX "CSL JSON"
 * export). Each entry becomes a liked paper: its arXiv id when it has one (an {@code eprint} of
 * {@code archivePrefix = arXiv}, an arxiv.org URL or DOI 10.48550/arXiv.*), and its title and abstract.
 * An entry with neither a title nor an abstract is reported, and the others are kept.
 *
 * @param problems one line per entry that was not taken, saying which and why
 */
public record Library(List<LikeItem> items, List<String> problems) {

    /** The formats a library can come in. */
    public enum Format {
        BIBTEX, RIS, CSL_JSON;

        /** The format a media type or a file name names, else the one the text looks like. */
        public static Format detect(String mediaType, String text) {
            String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
            if (type.contains("bibtex") || type.contains("x-bibtex")) {
                return BIBTEX;
            }
            if (type.contains("research-info-systems") || type.contains("x-ris")) {
                return RIS;
            }
            if (type.contains("json")) {
                return CSL_JSON;
            }
            String t = text.stripLeading();
            if (t.startsWith("[") || t.startsWith("{")) {
                return CSL_JSON;
            }
            return t.startsWith("TY  -") || text.contains("\nTY  -") ? RIS : BIBTEX;
        }
    }

    public Library {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    /**
     * @throws IllegalArgumentException when the text is not a library of that format at all
     */
    public static Library parse(Format format, String text) {
        return switch (format) {
            case BIBTEX -> bibtex(text);
            case RIS -> ris(text);
            case CSL_JSON -> cslJson(text);
        };
    }

    static Library bibtex(String text) {
        BibTeXDatabase database;
        try {
            database = new BibTeXParser().parse(new StringReader(text));
        } catch (ParseException | TokenMgrException e) {
            throw new IllegalArgumentException("not a BibTeX library: " + e.getMessage(), e);
        }
        Entries entries = new Entries();
        for (Map.Entry<Key, BibTeXEntry> e : database.getEntries().entrySet()) {
            BibTeXEntry entry = e.getValue();
            String eprint = field(entry, "eprint");
            String prefix = field(entry, "archiveprefix");
            String arxiv = eprint != null && (prefix == null || prefix.equalsIgnoreCase("arxiv")) ? eprint : null;
            entries.add(e.getKey().getValue(), field(entry, "title"), field(entry, "abstract"),
                    arxiv, field(entry, "url"), field(entry, "doi"));
        }
        return entries.library();
    }

    static Library ris(String text) {
        Entries entries = new Entries();
        String title = null;
        String abstractText = null;
        List<String> links = new ArrayList<>();
        int n = 0;
        boolean open = false;
        for (String raw : text.split("\\R")) {
            if (raw.length() < 2 || !raw.substring(0, 2).matches("[A-Z][A-Z0-9]")) {
                continue;
            }
            String tag = raw.substring(0, 2);
            String value = raw.length() > 6 ? raw.substring(6).strip() : "";
            switch (tag) {
                case "TY" -> {
                    open = true;
                    title = null;
                    abstractText = null;
                    links = new ArrayList<>();
                }
                case "TI", "T1" -> title = title == null ? value : title;
                case "AB", "N2" -> abstractText = abstractText == null ? value : abstractText;
                case "UR", "DO", "L1", "L2" -> links.add(value);
                case "ER" -> {
                    n++;
                    entries.add("entry " + n, title, abstractText, null, links.toArray(String[]::new));
                    open = false;
                }
                default -> {
                }
            }
        }
        if (n == 0 && !open) {
            throw new IllegalArgumentException("not a RIS library: no entry (TY  - ... ER  -)");
        }
        if (open) {
            entries.problem("the last entry has no end (ER  -) and was not taken");
        }
        return entries.library();
    }

    static Library cslJson(String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a CSL JSON library: " + e.getMessage(), e);
        }
        JsonNode list = root != null && root.isObject() && root.has("items") ? root.get("items") : root;
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("not a CSL JSON library: expected a list of items");
        }
        Entries entries = new Entries();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String name = item.path("id").asText("item " + i);
            entries.add(name, text(item, "title"), text(item, "abstract"), null, text(item, "URL"), text(item, "DOI"));
        }
        return entries.library();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static String field(BibTeXEntry entry, String name) {
        Value value = entry.getField(new Key(name));
        if (value == null) {
            return null;
        }
        String raw = value.toUserString();
        try {
            String plain = new LaTeXPrinter().print(new LaTeXParser().parse(raw));
            return plain.isBlank() ? null : plain.replaceAll("\\s+", " ").strip();
        } catch (ParseException | TokenMgrException e) {
            return raw.replaceAll("[{}]", "").replaceAll("\\s+", " ").strip();
        }
    }

    /** Collects entries into liked papers, and the entries that cannot be. */
    private static final class Entries {
        private final List<LikeItem> items = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        void add(String name, String title, String abstractText, String arxiv, String... links) {
            String id = arxiv == null ? null : PaperIds.arxivId(arxiv).orElse(null);
            for (String link : links) {
                if (id == null && link != null) {
                    id = arxivFromLink(link);
                }
            }
            if (title == null && abstractText == null && id == null) {
                problems.add(name + ": no title, abstract or arXiv id");
                return;
            }
            items.add(new LikeItem(id == null ? null : "arxiv:" + id, title, abstractText, null));
        }

        void problem(String why) {
            problems.add(why);
        }

        Library library() {
            return new Library(items, problems);
        }

        private static String arxivFromLink(String link) {
            String l = link.strip();
            String doi = l.toLowerCase(Locale.ROOT).replaceFirst("^https?://(dx\\.)?doi\\.org/", "");
            if (doi.startsWith("10.48550/arxiv.")) {
                return PaperIds.arxivId(doi.substring("10.48550/arxiv.".length())).orElse(null);
            }
            return PaperIds.arxivId(l).orElse(null);
        }
    }
}
