package io.paperfeed.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactedUrlTest {

    @Test
    void theQueryStringBecomesADigestAndUserInfoGoes() {
        String shown = RedactedUrl.of("https://api.example.org/works?api_key=s3cr3t&filter=x#frag");
        assertTrue(shown.matches("https://api\\.example\\.org/works\\?q-[0-9a-f]{8}"), shown);
        assertFalse(shown.contains("s3cr3t"));
        assertEquals("https://host.example:8443/feed", RedactedUrl.of("https://user:p4ss@host.example:8443/feed"));
        assertEquals("http://export.arxiv.org/api/query", RedactedUrl.of("http://export.arxiv.org/api/query"));
    }

    @Test
    void urlsThatDifferOnlyInTheirQueryKeepDifferentNames() {
        assertNotEquals(RedactedUrl.of("https://a.example/q?key=1"), RedactedUrl.of("https://a.example/q?key=2"));
        assertEquals(RedactedUrl.of("https://a.example/q?key=1"), RedactedUrl.of("https://a.example/q?key=1"));
    }

    @Test
    void textThatIsNoUrlStillLosesItsQueryAndUserInfo() {
        String shown = RedactedUrl.of("https://us er:pw@bad host/x y?token=abc");
        assertFalse(shown.contains("pw") || shown.contains("abc"), shown);
        assertEquals("seeds/000.txt", RedactedUrl.of("seeds/000.txt"));
    }
}
