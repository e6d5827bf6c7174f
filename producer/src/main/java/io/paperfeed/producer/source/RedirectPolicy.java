package io.paperfeed.producer.source;

import io.paperfeed.net.InternalAddresses;
import io.paperfeed.net.RedactedUrl;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which redirects the fetcher follows, hop by hop: at most {@link #MAX_REDIRECTS}, http(s) only, never
 * from https down to http, and to another host than the configured URL's only when every address
 * that host resolves to is public ({@link InternalAddresses}): a feed server, or whoever answers for
 * it, cannot send the producer to the cloud metadata address, a private network or loopback. The
 * configured host itself is the operator's choice and may be internal. (The JDK client resolves the
 * name again when it connects; a name that changes its answer in between is not caught here.)
 */
final class RedirectPolicy {

    static final int MAX_REDIRECTS = 5;

    /** Resolves a host name to its addresses ({@link InetAddress#getAllByName} outside tests). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A redirect the fetcher does not follow; the message says where it led and why not. */
    static final class RefusedRedirectException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedRedirectException(String message) {
            super(message);
        }
    }

    private final Resolver resolver;

    RedirectPolicy(Resolver resolver) {
        this.resolver = resolver;
    }

    static RedirectPolicy standard() {
        return new RedirectPolicy(InetAddress::getAllByName);
    }

    /**
     * The next URL to fetch after {@code current} answered a redirect to {@code location}.
     *
     * @param configured the URL the operator configured
     * @param hops       redirects followed so far
     */
    URI next(URI configured, URI current, Optional<String> location, int hops) throws RefusedRedirectException {
        if (hops >= MAX_REDIRECTS) {
            throw new RefusedRedirectException("more than " + MAX_REDIRECTS + " redirects");
        }
        if (location.isEmpty() || location.get().isBlank()) {
            throw new RefusedRedirectException("a redirect without a Location header");
        }
        URI target;
        try {
            target = current.resolve(location.get().strip());
        } catch (IllegalArgumentException e) {
            throw new RefusedRedirectException("a redirect to something that is not a URL");
        }
        String shown = RedactedUrl.of(target.toString());
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null) {
            throw new RefusedRedirectException("a redirect to " + shown + ", not an http(s) URL with a host");
        }
        if (scheme.equals("http") && "https".equalsIgnoreCase(current.getScheme())) {
            throw new RefusedRedirectException("a redirect from https down to " + shown);
        }
        if (target.getHost().equalsIgnoreCase(configured.getHost())) {
            return target;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(target.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedRedirectException("a redirect to " + shown + ", whose host does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = InternalAddresses.why(address);
            if (why.isPresent()) {
                throw new RefusedRedirectException("a redirect to " + shown + ", whose host resolves to "
                        + address.getHostAddress() + ", a " + why.get() + " address");
            }
        }
        return target;
    }
}
