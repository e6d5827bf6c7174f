package io.paperfeed.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The subscription page of {@code paperfeed demo} in a real browser, used as a person would (headless
 * Chromium over the DevTools protocol): type a query and see the live preview list the papers the API's
 * preview lists, pick a delivery, create the subscription, see it listed, and open its Atom feed, which
 * the browser gets as an Atom document. A screenshot lands in target/subscribe-page.png.
 */
class SubscribePageIT {

    private static final String TOKEN = "pf_page_it_token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSubscriptionMadeOnThePageIsListedAndItsFeedOpens() throws Exception {
        Optional<Path> chromium = ExternalTool.find("chromium", List.of("chromium"), false);
        assumeTrue(chromium.isPresent(), "chromium is not on PATH and could not be installed");
        try (DemoProcess demo = new DemoProcess("subscribe-page-it-demo.log", List.of("--api-token", TOKEN));
             HeadlessChromium browser = new HeadlessChromium(chromium.get(), Path.of("target", "chromium-subscribe"))) {
            demo.awaitPort();
            demo.awaitThrough();
            JsonNode expected = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(demo.url(
                    "/subscriptions/preview?limit=25"))).header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"abstract:\\\"kv cache\\\"\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertTrue(expected.get("matched").asInt() >= 8, "the seeds have KV-cache papers: " + expected);

            browser.open(demo.url("/subscribe#token=" + TOKEN));
            await().atMost(Duration.ofSeconds(90)).until(() -> browser.eval(
                    "document.querySelectorAll('#topics input').length").asInt() > 30);
            browser.eval("(() => { const set = (id, v) => { const e = document.getElementById(id); e.value = v;"
                    + " e.dispatchEvent(new Event('input', {bubbles: true})); }; set('id', 'page-kv');"
                    + " set('query', 'abstract:\"kv cache\"'); return true; })()");
            await().atMost(Duration.ofSeconds(90)).until(() -> browser.eval(
                    "document.querySelectorAll('#previewList li').length").asInt() == expected.get("papers").size());
            List<String> shown = HeadlessChromium.texts(browser.eval(
                    "Array.from(document.querySelectorAll('#previewList li a')).map(a => a.textContent)"));
            List<String> titles = HeadlessChromium.texts(JSON.valueToTree(expected.get("papers").findValues("title")));
            assertEquals(titles, shown, "the live preview lists what the API's preview lists");
            assertTrue(browser.eval("document.getElementById('previewStatus').textContent").asText()
                    .startsWith(expected.get("matched").asInt() + " of "), "the count is shown");

            browser.eval("document.getElementById('create').click()");
            await().atMost(Duration.ofSeconds(90)).until(() -> browser.eval(
                    "document.getElementById('feedUrl') !== null").asBoolean()
                    || !browser.eval("document.getElementById('createError').textContent").asText().isEmpty());
            assertEquals("", browser.eval("document.getElementById('createError').textContent").asText());
            String feed = browser.eval("document.getElementById('feedUrl').href").asText();
            await().atMost(Duration.ofSeconds(90)).until(() -> HeadlessChromium.texts(browser.eval(
                    "Array.from(document.querySelectorAll('#list tr.subscription td:first-child')).map(t => t.textContent)"))
                    .contains("page-kv"));
            Path screenshot = Path.of("target", "subscribe-page.png").toAbsolutePath();
            browser.screenshot(screenshot);
            assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page: " + screenshot);

            assertTrue(feed.contains("/subscriptions/page-kv/feed.atom"), feed);
            if (!feed.contains("?token=")) { // no read token in the answer: the API token opens the feed
                feed = feed + "?token=" + TOKEN;
            }
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(demo.url("/subscriptions/page-kv/feed.atom")))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode(), "not without its token");
            browser.open(feed); // Chromium shows a feed as its text: the browser's own XML parser reads it back
            String parse = "new DOMParser().parseFromString(document.body.innerText, 'application/xml')";
            assertEquals("feed", browser.eval(parse + ".documentElement.localName").asText(),
                    "the browser got an Atom document: " + browser.eval("document.body.innerText").asText());
            assertEquals("http://www.w3.org/2005/Atom", browser.eval(parse + ".documentElement.namespaceURI").asText());
            assertEquals(0, browser.eval(parse + ".getElementsByTagName('parsererror').length").asInt(), "well-formed");
        }
    }
}
