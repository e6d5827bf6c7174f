package io.paperfeed.consumer.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperfeed.consumer.webhook.SendResult;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP sender against a real SMTP server (GreenMail on 127.0.0.1): authentication, STARTTLS required, failures told apart. */
class SmtpMailSenderTest {

    private GreenMail smtp;
    private int port;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("paperfeed", "s3cret-pass"));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private MailSettings settings(MailSettings.Tls tls, String user, String password) {
        return new MailSettings(URI.create("smtp://127.0.0.1:" + port), "paperfeed@example.org", tls, user, password,
                Duration.ofSeconds(2), Duration.ofSeconds(5), "http://127.0.0.1:8080", null, null, null, 1);
    }

    private static SendResult send(MailSettings settings) throws Exception {
        SmtpMailSender sender = new SmtpMailSender(settings);
        MimeMessage message = new MimeMessage(sender.session());
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("ann@example.org"));
        message.setSubject("hello");
        message.setText("a paper");
        return sender.send(message);
    }

    @Test
    void anAuthenticatedSendIsDeliveredAndAWrongPasswordIsWorthAnotherTry() throws Exception {
        assertEquals(SendResult.Outcome.DELIVERED, send(settings(MailSettings.Tls.NONE, "paperfeed", "s3cret-pass")).outcome());
        assertEquals(1, smtp.getReceivedMessages().length);
        SendResult wrong = send(settings(MailSettings.Tls.NONE, "paperfeed", "wrong"));
        assertEquals(SendResult.Outcome.RETRIABLE, wrong.outcome(), wrong.error());
        assertTrue(wrong.error().contains("authentication"), wrong.error());
        assertFalse(wrong.error().contains("wrong"), "the password is not in the error: " + wrong.error());
    }

    @Test
    void requiredStartTlsSendsNothingToAServerWithoutIt() throws Exception {
        SendResult result = send(settings(MailSettings.Tls.REQUIRED, null, null));
        assertEquals(SendResult.Outcome.RETRIABLE, result.outcome());
        assertTrue(result.error().contains("STARTTLS"), result.error());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void aServerThatIsDownIsWorthAnotherTry() throws Exception {
        smtp.stop();
        SendResult result = send(settings(MailSettings.Tls.NONE, null, null));
        assertEquals(SendResult.Outcome.RETRIABLE, result.outcome());
        assertTrue(result.error().contains("connect"), result.error());
    }

    @Test
    void settingsNeverShowThePasswordAndRefuseOneInTheUrl() {
        assertFalse(settings(MailSettings.Tls.NONE, "paperfeed", "s3cret-pass").toString().contains("s3cret"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MailSettings.of(
                URI.create("smtp://paperfeed:s3cret-pass@127.0.0.1:25"), "a@example.org", "http://x"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MailSettings.of(URI.create("http://127.0.0.1"), "a@example.org",
                "http://x"));
        assertEquals(465, MailSettings.of(URI.create("smtps://mail.example.org"), "a@example.org", "http://x").port());
    }
}
