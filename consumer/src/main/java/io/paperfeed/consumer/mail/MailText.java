package io.paperfeed.consumer.mail;

import io.paperfeed.consumer.render.Html;
import io.paperfeed.consumer.render.PaperHtml;
import io.paperfeed.consumer.render.RatingLinks;
import io.paperfeed.consumer.render.Why;
import io.paperfeed.model.Alert;
import io.paperfeed.model.Digest;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.text.ReadablePaper;
import io.paperfeed.model.text.ReaderText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The words of a mail: the subject, the plain-text part and the HTML part of an alert (title linked,
 * authors, abstract, why) or a digest (every paper listed with title, authors, link and why), each
 * ending with why the reader gets it and how to stop it.
 */
final class MailText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int SUBJECT_TITLE = 110;

    private final Map<String, String> topicNames;

    MailText(Map<String, String> topicNames) {
        this.topicNames = Map.copyOf(topicNames);
    }

    /** The three parts of a mail. */
    record Parts(String subject, String text, String html) {
    }

    /** @param rate the rating links of a paper (by its canonical id) for this subscription, if any */
    Parts alert(Subscription s, Alert alert, String to, String unsubscribe, String feed,
                Function<String, Optional<RatingLinks.Pair>> rate) {
        ReadablePaper paper = ReadablePaper.of(alert.paper());
        Why why = Why.of(alert);
        Optional<RatingLinks.Pair> links = rate.apply(alert.paper().id());
        StringBuilder text = new StringBuilder("New paper for ").append(s.name()).append(":\n\n");
        paperText(text, paper, why, true);
        text.append(RatingLinks.text(links, "")).append(links.isPresent() ? "\n" : "");
        String html = "<p>New paper for <strong>" + Html.escape(s.name()) + "</strong>:</p>\n"
                + PaperHtml.full(paper, why, topicNames) + RatingLinks.html(links);
        return new Parts("[paperfeed] " + ReaderText.shortened(paper.title(), SUBJECT_TITLE),
                text.append(footerText(s, to, unsubscribe, feed)).toString(),
                page(html + footerHtml(s, to, unsubscribe, feed)));
    }

    Parts digest(Subscription s, Digest digest, String to, String unsubscribe, String feed,
                 Function<String, Optional<RatingLinks.Pair>> rate) {
        int count = digest.alerts().size() + digest.omitted();
        String papers = count == 1 ? "1 new paper" : count + " new papers";
        String window = WHEN.format(digest.windowStart()) + " to " + WHEN.format(digest.windowEnd());
        StringBuilder text = new StringBuilder(papers).append(" for ").append(s.name()).append(", ").append(window)
                .append(":\n\n");
        StringBuilder html = new StringBuilder("<p>").append(papers).append(" for <strong>").append(Html.escape(s.name()))
                .append("</strong>, ").append(Html.escape(window)).append(":</p>\n<ol>\n");
        List<Alert> alerts = digest.alerts();
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alerts.get(i);
            ReadablePaper paper = ReadablePaper.of(alert.paper());
            Why why = Why.of(alert);
            Optional<RatingLinks.Pair> links = rate.apply(alert.paper().id());
            text.append(i + 1).append(". ");
            paperText(text, paper, why, false);
            text.append(RatingLinks.text(links, "   ")).append(links.isPresent() ? "\n" : "");
            html.append("<li style=\"margin-bottom:12px\">").append(PaperHtml.brief(paper, why, topicNames))
                    .append(RatingLinks.html(links)).append("</li>\n");
        }
        html.append("</ol>\n");
        if (digest.omitted() > 0) {
            String more = "…and " + digest.omitted() + " more, in the subscription's feed.";
            text.append(more).append("\n\n");
            html.append("<p>").append(Html.escape(more)).append("</p>\n");
        }
        return new Parts("[paperfeed] " + papers + " for " + s.name() + " (" + digest.windowStart().atZone(ZoneOffset.UTC)
                .toLocalDate() + ")", text.append(footerText(s, to, unsubscribe, feed)).toString(),
                page(html + footerHtml(s, to, unsubscribe, feed)));
    }

    private void paperText(StringBuilder text, ReadablePaper paper, Why why, boolean withAbstract) {
        String indent = withAbstract ? "" : "   ";
        text.append(paper.title()).append('\n');
        String authors = paper.authorLine(PaperHtml.AUTHORS_SHOWN);
        if (!authors.isEmpty()) {
            text.append(indent).append(authors).append('\n');
        }
        if (paper.link() != null) {
            text.append(indent).append(paper.link()).append('\n');
        }
        if (withAbstract) {
            for (String paragraph : paper.paragraphs()) {
                text.append('\n').append(paragraph).append('\n');
            }
        }
        String sentence = why.sentence(topicNames);
        if (!sentence.isEmpty()) {
            text.append(withAbstract ? "\n" : indent).append("Why: ").append(sentence).append('\n');
        }
        text.append('\n');
    }

    private static String footerText(Subscription s, String to, String unsubscribe, String feed) {
        return "-- \nYou get this because the paperfeed subscription " + s.name() + " (" + s.id() + ") sends to " + to
                + ".\n" + (unsubscribe == null ? "" : "Unsubscribe: " + unsubscribe + "\n") + "Atom feed: " + feed + "\n";
    }

    private static String footerHtml(Subscription s, String to, String unsubscribe, String feed) {
        return "<hr><p style=\"color:#666;font-size:small\">You get this because the paperfeed subscription "
                + Html.escape(s.name()) + " (" + Html.escape(s.id()) + ") sends to " + Html.escape(to) + ". "
                + (unsubscribe == null ? "" : Html.link(unsubscribe, "Unsubscribe") + " · ")
                + Html.link(feed, "Atom feed") + "</p>\n";
    }

    private static String page(String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n<body style=\"font-family:sans-serif;"
                + "max-width:720px\">\n" + body + "</body></html>\n";
    }
}
