package io.paperfeed.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A URL as paperfeed shows it (metric labels, log lines, provenance on the topics, CLI output):
 * without user info ({@code https://user:password@host}), without a fragment, and with the query
 * string, where API keys live, replaced by {@code ?q-} and 8 hex digits of its SHA-256, so two
 * URLs that differ only in their query still get different names while the query itself is never
 * shown. {@code https://api.example.org/works?api_key=s3cr3t} becomes
 * {@code https://api.example.org/works?q-1c0f9a3e}.
 */
public final class RedactedUrl {

    private RedactedUrl() {
    }

    /** The URL shown without secrets; text that is no URL is returned as given. */
    public static String of(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return withoutQuery(url);
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            return withoutQuery(url);
        }
        StringBuilder shown = new StringBuilder(uri.getScheme()).append("://");
        String host = uri.getHost();
        if (host != null) {
            shown.append(host);
            if (uri.getPort() >= 0) {
                shown.append(':').append(uri.getPort());
            }
        } else {
            String authority = uri.getRawAuthority();
            shown.append(authority.substring(authority.lastIndexOf('@') + 1));
        }
        shown.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            shown.append("?q-").append(digest(uri.getRawQuery()));
        }
        return shown.toString();
    }

    /** Text that is not a parsable URL: cut at the first {@code ?} or {@code #}, and after any user info. */
    private static String withoutQuery(String text) {
        int cut = text.length();
        for (char c : new char[] {'?', '#'}) {
            int at = text.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String head = text.substring(0, cut);
        int scheme = head.indexOf("://");
        int at = head.lastIndexOf('@');
        if (scheme >= 0 && at > scheme) {
            head = head.substring(0, scheme + 3) + head.substring(at + 1);
        }
        return cut < text.length() && text.charAt(cut) == '?' ? head + "?q-" + digest(text.substring(cut + 1)) : head;
    }

    private static String digest(String query) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
