package io.paperfeed.app.readers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server on 127.0.0.1 (GreenMail) for trying e-mail delivery by hand: run
 * {@code paperfeed demo --smtp-url smtp://127.0.0.1:PORT --smtp-tls none ...} against it. Prints each
 * message it receives (recipient, subject, Message-ID, List-Unsubscribe, the numbered lines of its
 * plain-text part) as it arrives. Usage: {@code LocalSmtpServer [port, default 2525] [seconds to run, default 600]}.
 */
public final class LocalSmtpServer {

    private LocalSmtpServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2525;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 600;
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        System.out.println("SMTP server on 127.0.0.1:" + port + " for " + seconds + " s");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int shown = 0;
        while (System.nanoTime() < end) {
            smtp.waitForIncomingEmail(1000, shown + 1);
            MimeMessage[] received = smtp.getReceivedMessages();
            for (; shown < received.length; shown++) {
                print(received[shown]);
            }
        }
        smtp.stop();
    }

    private static void print(MimeMessage m) throws Exception {
        System.out.println("--- message to " + Arrays.stream(m.getAllRecipients()).map(Address::toString).toList()
                + ": " + m.getSubject());
        System.out.println("    Message-ID: " + m.getMessageID());
        System.out.println("    List-Unsubscribe: " + m.getHeader("List-Unsubscribe", null));
        System.out.println("    List-Unsubscribe-Post: " + m.getHeader("List-Unsubscribe-Post", null));
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/plain")) {
                String text = ((String) parts.getBodyPart(i).getContent()).replace("\r\n", "\n");
                text.lines().filter(l -> l.matches("\\d+\\. .*")).forEach(l -> System.out.println("    " + l));
            }
        }
        System.out.flush();
    }
}
