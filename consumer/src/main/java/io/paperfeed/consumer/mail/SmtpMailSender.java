package io.paperfeed.consumer.mail;

import io.paperfeed.consumer.webhook.SendResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends mail over SMTP with Jakarta Mail (Eclipse Angus): {@code smtp://} with STARTTLS as configured
 * (required: the server must offer it, or nothing is sent) or {@code smtps://}; authentication when a
 * user is set; connect, read and write timeouts. Retriable and permanent failures are told apart here:
 * an SMTP 4xx, a timeout, a connection or authentication failure is worth another try; a 5xx (the
 * address refused, the message refused) is not.
 */
final class SmtpMailSender implements MailSender {

    private final MailSettings settings;
    private final Session session;

    SmtpMailSender(MailSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    /** The session messages are built on. */
    Session session() {
        return session;
    }

    static Properties properties(MailSettings s) {
        String protocol = s.implicitTls() ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", s.host());
        props.put(p + "port", String.valueOf(s.port()));
        props.put(p + "connectiontimeout", String.valueOf(s.connectTimeout().toMillis()));
        props.put(p + "timeout", String.valueOf(s.timeout().toMillis()));
        props.put(p + "writetimeout", String.valueOf(s.timeout().toMillis()));
        props.put(p + "auth", String.valueOf(s.username() != null));
        if (s.implicitTls()) {
            props.put(p + "ssl.enable", "true");
            props.put(p + "ssl.checkserveridentity", "true");
        } else if (s.tls() != MailSettings.Tls.NONE) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", String.valueOf(s.tls() == MailSettings.Tls.REQUIRED));
            props.put(p + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    @Override
    public SendResult send(MimeMessage message) {
        try {
            if (settings.username() != null) {
                Transport.send(message, settings.username(), settings.password() == null ? "" : settings.password());
            } else {
                Transport.send(message);
            }
            return new SendResult(SendResult.Outcome.DELIVERED, 250, null, Optional.empty());
        } catch (SendFailedException e) {
            return ofCode(code(e), e);
        } catch (AuthenticationFailedException e) {
            return SendResult.failed("SMTP authentication failed (check the user and password): " + e.getMessage());
        } catch (MessagingException e) {
            return SendResult.failed(describe(e));
        }
    }

    private static int code(SendFailedException e) {
        if (e instanceof SMTPSendFailedException f) {
            return f.getReturnCode();
        }
        for (Exception next = e.getNextException(); next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
        }
        return -1;
    }

    private static SendResult ofCode(int code, MessagingException e) {
        String error = (code > 0 ? "SMTP " + code + " " : "") + describe(e);
        if (code >= 500) {
            return new SendResult(SendResult.Outcome.REJECTED, code, error, Optional.empty());
        }
        return new SendResult(SendResult.Outcome.RETRIABLE, Math.max(code, 0), error, Optional.empty());
    }

    private static String describe(MessagingException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        return cause == null || cause == e ? message : message + " (" + cause + ")";
    }
}
