package io.paperfeed.consumer.mail;

import io.paperfeed.consumer.webhook.RetrySchedule;
import io.paperfeed.model.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of e-mail delivery. {@code toString} never shows the password.
 *
 * @param smtpUrl   {@code smtp://host:port} (STARTTLS as {@code tls} says) or {@code smtps://host:port} (TLS
 *                  from the start); a user may be given in the URL, a password never
 * @param from      the sender address of every message, {@code paperfeed@example.org} or
 *                  {@code paperfeed <paperfeed@example.org>}
 * @param tls       for {@code smtp://}: {@code required} (refuse to send unencrypted), {@code opportunistic}
 *                  (STARTTLS when offered) or {@code none}
 * @param username  the SMTP user, or null for no authentication
 * @param password  the SMTP password (from the environment or a file, never a flag), or null
 * @param publicUrl the service's address as readers reach it, for the unsubscribe and feed links
 * @param groupId   consumer group of the alerts and digests topics; the retry worker uses {@code groupId + "-retry"}
 */
public record MailSettings(URI smtpUrl, String from, Tls tls, String username, String password,
                           Duration connectTimeout, Duration timeout, String publicUrl, String groupId,
                           Topics topics, RetrySchedule schedule, int concurrency) {

    public static final String DEFAULT_GROUP_ID = "paperfeed-mail";

    /** How the connection to an {@code smtp://} server is protected. */
    public enum Tls {
        NONE, OPPORTUNISTIC, REQUIRED;

        public static Tls of(String value) {
            return Tls.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** The topics mail reads and writes; tests may give each run its own. */
    public record Topics(String alerts, String digests, String retry, String deadLetters) {

        public static Topics defaults() {
            return new Topics(io.paperfeed.model.topics.Topics.ALERTS.name(),
                    io.paperfeed.model.topics.Topics.DIGESTS.name(), io.paperfeed.model.topics.Topics.MAIL_RETRY.name(),
                    io.paperfeed.model.topics.Topics.MAIL_DLQ.name());
        }
    }

    public MailSettings {
        Objects.requireNonNull(smtpUrl, "smtpUrl");
        String scheme = smtpUrl.getScheme() == null ? "" : smtpUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps") || smtpUrl.getHost() == null) {
            throw new IllegalArgumentException("the SMTP URL is smtp://host:port or smtps://host:port, not " + redacted(smtpUrl));
        }
        if (smtpUrl.getUserInfo() != null && smtpUrl.getUserInfo().contains(":")) {
            throw new IllegalArgumentException("put no password in the SMTP URL (it would show in process lists and "
                    + "logs); give it with PAPERFEED_SMTP_PASSWORD or --smtp-password-file");
        }
        if (username == null && smtpUrl.getUserInfo() != null) {
            username = smtpUrl.getUserInfo();
        }
        Objects.requireNonNull(from, "from");
        tls = tls == null ? Tls.OPPORTUNISTIC : tls;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        Objects.requireNonNull(publicUrl, "publicUrl");
        publicUrl = publicUrl.replaceAll("/+$", "");
        groupId = groupId == null ? DEFAULT_GROUP_ID : groupId;
        topics = topics == null ? Topics.defaults() : topics;
        schedule = schedule == null ? RetrySchedule.STANDARD : schedule;
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    /** Settings with the defaults: opportunistic STARTTLS, no authentication, the standard retry schedule, 4 at once. */
    public static MailSettings of(URI smtpUrl, String from, String publicUrl) {
        return new MailSettings(smtpUrl, from, null, null, null, null, null, publicUrl, null, null, null, 4);
    }

    /** The server's host. */
    public String host() {
        return smtpUrl.getHost();
    }

    /** The server's port: the URL's, else 465 for smtps and 587 (submission) for smtp. */
    public int port() {
        return smtpUrl.getPort() > 0 ? smtpUrl.getPort() : implicitTls() ? 465 : 587;
    }

    /** Whether the connection is TLS from the start ({@code smtps://}). */
    public boolean implicitTls() {
        return "smtps".equalsIgnoreCase(smtpUrl.getScheme());
    }

    private static String redacted(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "…@");
    }

    @Override
    public String toString() {
        return "MailSettings[smtp=" + (implicitTls() ? "smtps" : "smtp") + "://" + host() + ":" + port() + ", from=" + from
                + ", tls=" + tls + ", user=" + username + ", password=" + (password == null ? "none" : "***")
                + ", group=" + groupId + "]";
    }
}
