/**
 * {@code paperfeed fuzz}: hostile input at volume, as a command rather than a unit test (its short
 * version is {@code FuzzSmokeIT}). {@link io.paperfeed.app.fuzz.ParserFuzz} feeds every parser
 * (every format forced, and detection) inputs mutated from real feed files or generated
 * ({@link io.paperfeed.app.fuzz.Mutator}), measuring time and allocation per input;
 * {@link io.paperfeed.app.fuzz.HttpFuzz} sends {@link io.paperfeed.app.fuzz.HostileRequests} to every
 * endpoint of a running process on loopback with a plain client ({@link io.paperfeed.app.fuzz.RawHttp}).
 * A run passes with 0 uncaught exceptions, no input over the time limit, every invalid item with a
 * reason, and no 5xx but 503.
 */
package io.paperfeed.app.fuzz;
