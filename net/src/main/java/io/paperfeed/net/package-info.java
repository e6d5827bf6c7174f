/**
 * What paperfeed's network edges share, with no dependencies:
 *
 * <ul>
 *   <li>{@link io.paperfeed.net.InternalAddresses}: the address ranges that are not the public
 *       internet (loopback, private, link-local and metadata, carrier-grade NAT, benchmarking,
 *       documentation, reserved, multicast, and the IPv6 forms that carry them: mapped, compatible,
 *       NAT64, 6to4; Teredo whole). The webhook SSRF guard refuses them, and the producer refuses a
 *       redirect that leads to them.</li>
 *   <li>{@link io.paperfeed.net.RedactedUrl}: a URL as it may be shown in a metric label, a log
 *       line, a record's provenance or CLI output: no user info, the query string as a short
 *       digest.</li>
 * </ul>
 */
package io.paperfeed.net;
