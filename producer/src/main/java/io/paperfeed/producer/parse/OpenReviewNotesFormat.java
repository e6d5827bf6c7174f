package io.paperfeed.producer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * {@code openreview-notes}: a response of the OpenReview API's notes routes ({@code api2.openreview.net/notes},
 * {@code /notes/search}; API v1's {@code api.openreview.net/notes} alike): {@code notes}, a list of
 * notes, and {@code count}. In API v2 every content field is wrapped ({@code "title": {"value": …}}),
 * in v1 it is the value itself; both are read.
 *
 * <p>Per submission note: {@code title}, {@code abstract}, {@code authors}; {@code venue} (e.g.
 * {@code ICLR 2025 Poster}, {@code Submitted to ICLR 2025}) as venue and comment; the {@code decision}
 * when the note carries one (its own {@code content.decision}, or a decision among the replies a
 * {@code details=replies} request adds) in the comment; {@code pdate} (publication), else {@code odate}
 * (made public), else {@code cdate}, as the date; the forum id as {@code openreview} id and the forum
 * page and PDF as links. Status: an accepting decision, or a venue that is not a submission's
 * ({@code Submitted to …}) nor a withdrawal or rejection, is published; a submission without either
 * is under review; a rejected or withdrawn one says nothing. A reply (review, comment, decision posted
 * as its own note) is no paper and is one {@code unrecognised} item; a deleted note ({@code ddate}) is
 * a {@code deleted} item.
 */
final class OpenReviewNotesFormat extends JsonApiFormat {

    static final String NAME = "openreview-notes";
    private static final String FORUM = "https://openreview.net/forum?id=";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean matches(JsonHead head) {
        return head.isObject() && head.firstHas("notes", "content")
                && (head.firstHas("notes", "forum") || head.firstHas("notes", "invitations")
                        || head.firstHas("notes", "invitation"));
    }

    @Override
    List<String> recordsPath(JsonHead head) {
        return List.of("notes");
    }

    @Override
    PaperDraft toDraft(JsonNode note, int number, String raw, ResultCollector out) throws BadRecordException {
        String id = JsonValues.text(note, "id");
        String forum = JsonValues.text(note, "forum");
        String replyTo = JsonValues.text(note, "replyto");
        if (replyTo != null || id != null && forum != null && !id.equals(forum)) {
            out.reject(number, Reasons.UNRECOGNISED, "note " + id + " is a reply to forum " + forum
                    + " (a review, comment or decision), not a submission", raw);
            return null;
        }
        if (JsonValues.count(note, "ddate") != null) {
            out.reject(number, Reasons.DELETED, "note " + id + " is deleted", raw);
            return null;
        }
        JsonNode content = JsonValues.object(note, "content");
        PaperDraft d = new PaperDraft(number, raw);
        d.title = text(content, "title");
        d.abstractText = text(content, "abstract");
        d.authors.addAll(texts(content, "authors"));
        d.venue = text(content, "venue");
        String decision = decision(note, content);
        d.comment = decision == null ? d.venue : d.venue == null ? decision : d.venue + "; decision: " + decision;
        d.published = date(note);
        String forumId = forum != null ? forum : id;
        d.id("openreview", forumId);
        if (forumId != null) {
            d.links.add(FORUM + forumId.strip());
        }
        String pdf = text(content, "pdf");
        if (pdf != null && pdf.startsWith("/")) {
            d.links.add("https://openreview.net" + pdf.strip());
        }
        d.status = status(decision, d.venue, submission(note));
        return d;
    }

    /** A content field's text: v2's {@code {"value": …}} or v1's bare value. */
    private static String text(JsonNode content, String field) throws BadRecordException {
        JsonNode wrapped = content == null ? null : content.get(field);
        if (wrapped != null && wrapped.isObject()) {
            return JsonValues.text(wrapped, "value");
        }
        return JsonValues.text(content, field);
    }

    private static List<String> texts(JsonNode content, String field) throws BadRecordException {
        JsonNode wrapped = content == null ? null : content.get(field);
        if (wrapped != null && wrapped.isObject()) {
            return JsonValues.texts(wrapped, "value");
        }
        return JsonValues.texts(content, field);
    }

    /** The note's own decision, else the first decision among its replies ({@code details.replies}). */
    private static String decision(JsonNode note, JsonNode content) throws BadRecordException {
        String own = text(content, "decision");
        if (own != null) {
            return own;
        }
        for (JsonNode reply : JsonValues.array(JsonValues.object(note, "details"), "replies")) {
            if (reply.isObject()) {
                String decision = text(JsonValues.object(reply, "content"), "decision");
                if (decision != null) {
                    return decision;
                }
            }
        }
        return null;
    }

    /** The publication date, else the date made public, else the creation date, as an ISO date (UTC). */
    private static String date(JsonNode note) {
        for (String field : List.of("pdate", "odate", "cdate")) {
            Long millis = JsonValues.count(note, field);
            if (millis != null && millis > 0) {
                return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toLocalDate().toString();
            }
        }
        return null;
    }

    /** Whether the note answers a submission invitation (v2 {@code invitations}, v1 {@code invitation}). */
    private static boolean submission(JsonNode note) throws BadRecordException {
        List<String> invitations = new java.util.ArrayList<>(JsonValues.texts(note, "invitations"));
        String one = JsonValues.text(note, "invitation");
        if (one != null) {
            invitations.add(one);
        }
        return invitations.stream().anyMatch(i -> i.endsWith("Submission"));
    }

    static String status(String decision, String venue, boolean submission) {
        if (decision != null) {
            String d = decision.toLowerCase(Locale.ROOT);
            return d.startsWith("accept") ? "published" : null;
        }
        if (venue != null && !venue.isBlank()) {
            String v = venue.toLowerCase(Locale.ROOT);
            if (v.startsWith("submitted to")) {
                return "under_review";
            }
            return v.contains("withdrawn") || v.contains("reject") || v.contains("desk") ? null : "published";
        }
        return submission ? "under_review" : null;
    }
}
