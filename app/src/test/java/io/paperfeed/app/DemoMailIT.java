package io.paperfeed.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's e-mail path end to end, as the check has it: {@code paperfeed demo} with
 * {@code --smtp-url} at a real SMTP server (GreenMail, in this JVM) and 30-second digest windows; a
 * digest subscription on "kv cache" gets one message per window, together listing every seed paper its
 * preview lists, each once, and the one-click unsubscribe of a message disables the subscription.
 */
class DemoMailIT {

    private static final String TOKEN = "pf_demo_mail_it";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDigestSubscriptionGetsOneMessageOfEveryMatchingSeedPaperAndItsLinkUnsubscribes(@TempDir Path dir)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path subscriptions = dir.resolve("subscriptions.yaml");
        Files.writeString(subscriptions, """
                - id: kv-digest
                  name: KV cache digest
                  query: 'abstract:"kv cache"'
                  mode: digest
                  delivery: [{type: email, to: ann@example.org}]
                """);
        try (DemoProcess demo = new DemoProcess("demo-mail-it-demo.log", List.of("--api-token", TOKEN,
                "--subscriptions", subscriptions.toString(), "--smtp-url", "smtp://127.0.0.1:" + port,
                "--smtp-tls", "none", "--mail-from", "paperfeed <papers@example.org>",
                "--digest-period", "PT30S", "--digest-grace", "PT5S"))) {
            demo.awaitPort();
            demo.awaitThrough();
            JsonNode preview = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(demo.url(
                    "/subscriptions/preview?limit=500"))).header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"abstract:\\\"kv cache\\\"\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            List<String> expected = new ArrayList<>();
            preview.get("papers").forEach(p -> expected.add(p.get("title").asText()));
            assertTrue(expected.size() >= 8, "the seeds hold KV-cache papers: " + expected);

            // the seeds go through in seconds, so they fall in one 30 s window, or in two when they straddle a boundary
            await().atMost(Duration.ofSeconds(120)).until(() -> listed(smtp).size() >= expected.size());
            List<String> listed = listed(smtp);
            assertEquals(expected.stream().sorted().toList(), listed.stream().sorted().toList(),
                    "the digests list every paper the preview lists, each once");
            List<String> windows = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                assertTrue(m.getSubject().contains("new paper") && m.getSubject().contains("for KV cache digest"),
                        m.getSubject());
                windows.add(m.getMessageID().split("\\.")[2]);
            }
            assertEquals(windows.size(), windows.stream().distinct().count(), "one message per window: " + windows);
            MimeMessage message = smtp.getReceivedMessages()[0];
            String link = message.getHeader("List-Unsubscribe", null).replaceAll("^<|>$", "");
            HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(link))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, done.statusCode(), done.body());
            JsonNode after = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(demo.url("/subscriptions/kv-digest")))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertTrue(after.get("disabled").asBoolean(), after.toString());
        } finally {
            smtp.stop();
        }
    }

    /** The numbered papers of every message received so far. */
    private static List<String> listed(GreenMail smtp) throws Exception {
        List<String> listed = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            Matcher item = Pattern.compile("(?m)^\\d+\\. (.+)$").matcher(plain(m));
            while (item.find()) {
                listed.add(item.group(1));
            }
        }
        return listed;
    }

    private static String plain(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/plain")) {
                return ((String) parts.getBodyPart(i).getContent()).replace("\r\n", "\n");
            }
        }
        throw new AssertionError("no text/plain part");
    }
}
