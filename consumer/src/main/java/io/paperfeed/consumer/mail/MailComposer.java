package io.paperfeed.consumer.mail;

import io.paperfeed.consumer.render.RatingLinks;
import io.paperfeed.model.Alert;
import io.paperfeed.model.Digest;
import io.paperfeed.model.Subscription;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the message of an alert or a digest for one address: multipart/alternative with a plain-text
 * and an HTML part ({@link MailText}), a {@code Message-ID} that is the same on every attempt (derived
 * from the alert id or the digest's subscription and window, and the address), so a mailbox that gets
 * a message twice after a retry shows it once, {@code List-Unsubscribe} with {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click} (RFC 8058), {@code List-Id} and {@code Auto-Submitted: auto-generated}.
 */
final class MailComposer {

    private final Session session;
    private final InternetAddress from;
    private final String domain;
    private final String publicUrl;
    private final MailText text;
    private final UnsubscribeLinks unsubscribe;
    private final RatingLinks rating;

    MailComposer(Session session, String from, String publicUrl, Map<String, String> topicNames,
                 UnsubscribeLinks unsubscribe, RatingLinks rating) {
        this.session = session;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("the sender address " + from + " is not an address: " + e.getMessage(), e);
        }
        String address = this.from.getAddress();
        this.domain = address.substring(address.indexOf('@') + 1);
        this.publicUrl = publicUrl;
        this.text = new MailText(topicNames);
        this.unsubscribe = unsubscribe;
        this.rating = rating;
    }

    MimeMessage alert(Subscription s, Alert alert, String to) throws MessagingException {
        Optional<String> link = unsubscribe.link(s, to);
        MailText.Parts parts = text.alert(s, alert, to, link.orElse(null), feed(s),
                paper -> rating.links(s, paper));
        return message(s, to, parts, link, "<" + alert.alertId() + "." + recipient(to) + "@" + domain + ">",
                Date.from(alert.createdAt()));
    }

    MimeMessage digest(Subscription s, Digest digest, String to) throws MessagingException {
        Optional<String> link = unsubscribe.link(s, to);
        MailText.Parts parts = text.digest(s, digest, to, link.orElse(null), feed(s),
                paper -> rating.links(s, paper));
        String id = "<digest." + s.id() + "." + digest.windowStart().toEpochMilli() + "." + recipient(to) + "@" + domain + ">";
        return message(s, to, parts, link, id, Date.from(digest.windowEnd()));
    }

    private MimeMessage message(Subscription s, String to, MailText.Parts parts, Optional<String> unsubscribeLink,
                                String messageId, Date date) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, messageId);
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(parts.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(date);
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(parts.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(parts.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
        message.setContent(alternative);
        message.setHeader("List-Id", "<" + s.id() + ".subscriptions." + domain + ">");
        message.setHeader("Auto-Submitted", "auto-generated");
        if (unsubscribeLink.isPresent()) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribeLink.get() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.saveChanges();
        return message;
    }

    private String feed(Subscription s) {
        return publicUrl + "/subscriptions/" + s.id() + "/feed.atom";
    }

    /** A short stable tag of the address, so two addresses of one alert get two Message-IDs. */
    private static String recipient(String to) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(to.toLowerCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A message whose Message-ID is ours: Jakarta Mail would make a new one at every save. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
