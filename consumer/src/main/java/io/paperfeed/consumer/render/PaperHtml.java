package io.paperfeed.consumer.render;

import io.paperfeed.model.text.ReadablePaper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A paper as an HTML fragment for feeds and mails: the title linked to the paper, the authors, the
 * abstract's paragraphs, why it matched, and its links (abstract page, PDF, DOI). Text is escaped;
 * only http(s) URLs become links.
 */
public final class PaperHtml {

    /** More names than this become "et al." in a listing (a feed entry lists every author as Atom authors). */
    public static final int AUTHORS_SHOWN = 8;

    private PaperHtml() {
    }

    /** The title (linked), authors, abstract, why and links. */
    public static String full(ReadablePaper paper, Why why, Map<String, String> topicNames) {
        StringBuilder html = new StringBuilder();
        html.append("<p><strong>").append(Html.link(paper.link(), paper.title())).append("</strong></p>\n");
        authors(html, paper);
        for (String paragraph : paper.paragraphs()) {
            html.append("<p>").append(Html.escape(paragraph)).append("</p>\n");
        }
        reason(html, why, topicNames);
        links(html, paper);
        return html.toString();
    }

    /** The title (linked), authors, why and links, without the abstract: one item of a digest. */
    public static String brief(ReadablePaper paper, Why why, Map<String, String> topicNames) {
        StringBuilder html = new StringBuilder();
        html.append("<p style=\"margin:0\"><strong>").append(Html.link(paper.link(), paper.title()))
                .append("</strong></p>\n");
        authors(html, paper);
        reason(html, why, topicNames);
        return html.toString();
    }

    private static void authors(StringBuilder html, ReadablePaper paper) {
        String authors = paper.authorLine(AUTHORS_SHOWN);
        if (!authors.isEmpty()) {
            html.append("<p style=\"margin:0\">").append(Html.escape(authors)).append("</p>\n");
        }
    }

    private static void reason(StringBuilder html, Why why, Map<String, String> topicNames) {
        String sentence = why.sentence(topicNames);
        if (!sentence.isEmpty()) {
            html.append("<p style=\"margin:0;color:#555\"><em>Why: ").append(Html.escape(sentence)).append("</em></p>\n");
        }
    }

    private static void links(StringBuilder html, ReadablePaper paper) {
        List<String> links = new ArrayList<>();
        if (paper.link() != null && !paper.link().equals(paper.doi())) {
            links.add(Html.link(paper.link(), paper.link().contains("arxiv.org/abs/") ? "arXiv" : "paper"));
        }
        if (paper.pdf() != null) {
            links.add(Html.link(paper.pdf(), "PDF"));
        }
        if (paper.doi() != null) {
            links.add(Html.link(paper.doi(), "DOI"));
        }
        if (!links.isEmpty()) {
            html.append("<p>").append(String.join(" · ", links)).append("</p>\n");
        }
    }
}
