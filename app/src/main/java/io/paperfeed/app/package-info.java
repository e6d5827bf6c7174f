/**
 * The {@code paperfeed} command (picocli): {@code demo}, {@code producer}, {@code streams},
 * {@code consumer} and {@code bench}. {@link io.paperfeed.app.Main} is the jar's entry point.
 */
package io.paperfeed.app;
