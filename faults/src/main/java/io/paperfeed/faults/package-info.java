/**
 * Fault injection in the manner of Kafka's {@code streams_eos_test} (docs/GUARANTEES.md). Each class with a
 * {@code main} is a program run in a JVM of its own: {@link io.paperfeed.faults.FaultDriver} feeds known
 * input through paperfeed's producer, {@link io.paperfeed.faults.FaultKiller} SIGKILLs and restarts
 * services (once while the group rebalances), {@link io.paperfeed.faults.Receivers} are webhook receivers
 * that answer, hang, fail or are down, and {@link io.paperfeed.faults.FaultVerifier} reads the topics
 * read-committed and checks every promise. {@link io.paperfeed.faults.FaultRun} is the harness that starts
 * them around the packaged {@code paperfeed.jar} ({@code paperfeed broker}, three {@code streams}, two
 * {@code consumer}) and returns the verifier's verdict. Nothing here uses paperfeed's classes: the
 * verifier parses the topics with the plain Kafka client and Jackson, so it cannot share a bug with what
 * it checks.
 */
package io.paperfeed.faults;
