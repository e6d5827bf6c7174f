/**
 * The {@code paperfeed} command (picocli): {@code demo}, {@code producer}, {@code streams},
 * {@code consumer} and {@code bench}. {@link io.paperfeed.app.Main} is the jar's entry point. Each
 * command assembles its process from {@code services} (the demo runs the same ones in one process).
 */
package io.paperfeed.app;
