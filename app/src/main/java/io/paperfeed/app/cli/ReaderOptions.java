package io.paperfeed.app.cli;

import io.paperfeed.consumer.mail.MailSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where people read: the address feeds and mails link to, and e-mail delivery over SMTP (docs/READERS.md).
 * The SMTP password comes from {@code PAPERFEED_SMTP_PASSWORD} or a file, never from a flag, and is
 * never printed.
 */
public final class ReaderOptions {

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The address readers reach this service at, for links in feeds and mails "
                    + "(env PAPERFEED_PUBLIC_URL; default: the HTTP server's own address).")
    String publicUrl;

    @Option(names = "--smtp-url", paramLabel = "URL",
            description = "Send e-mail deliveries through this SMTP server: smtp://host:port (STARTTLS per --smtp-tls) "
                    + "or smtps://host:port (env PAPERFEED_SMTP_URL; without it, no mail is sent).")
    String smtpUrl;

    @Option(names = "--mail-from", paramLabel = "ADDRESS",
            description = "Sender of every mail, e.g. 'paperfeed <papers@example.org>' (env PAPERFEED_MAIL_FROM; "
                    + "default paperfeed@<public URL's host>).")
    String mailFrom;

    @Option(names = "--smtp-tls", paramLabel = "MODE", defaultValue = "opportunistic",
            description = "For smtp://: required (never send unencrypted), opportunistic (STARTTLS when offered) or none "
                    + "(env PAPERFEED_SMTP_TLS; default ${DEFAULT-VALUE}).")
    String smtpTls;

    @Option(names = "--smtp-user", paramLabel = "USER",
            description = "SMTP user (env PAPERFEED_SMTP_USER); the password comes from PAPERFEED_SMTP_PASSWORD or "
                    + "--smtp-password-file.")
    String smtpUser;

    @Option(names = "--smtp-password-file", paramLabel = "FILE",
            description = "File holding the SMTP password (env PAPERFEED_SMTP_PASSWORD_FILE).")
    Path smtpPasswordFile;

    /** The public address: the option's, else the server's. */
    public String publicUrl(String serverUrl) {
        return publicUrl == null || publicUrl.isBlank() ? serverUrl : publicUrl.strip();
    }

    /** Whether mails are to be sent. */
    public boolean mail() {
        return smtpUrl != null && !smtpUrl.isBlank();
    }

    /** The mail settings; call only when {@link #mail()}. */
    public MailSettings mailSettings(String publicUrl, Map<String, String> env) {
        try {
            URI url = URI.create(smtpUrl.strip());
            String from = mailFrom != null && !mailFrom.isBlank() ? mailFrom.strip()
                    : "paperfeed@" + (URI.create(publicUrl).getHost().contains(".") ? URI.create(publicUrl).getHost()
                    : "localhost.localdomain");
            return new MailSettings(url, from, MailSettings.Tls.of(smtpTls), smtpUser, password(env), null, null,
                    publicUrl, null, null, null, 4);
        } catch (IllegalArgumentException e) {
            throw new UserError("mail: " + e.getMessage());
        }
    }

    private String password(Map<String, String> env) {
        if (smtpPasswordFile != null) {
            try {
                return Files.readString(smtpPasswordFile).strip();
            } catch (IOException e) {
                throw new UserError("cannot read the SMTP password file " + smtpPasswordFile + ": " + e.getMessage());
            }
        }
        String fromEnv = env.get("PAPERFEED_SMTP_PASSWORD");
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }
}
