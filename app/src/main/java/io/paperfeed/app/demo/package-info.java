/**
 * {@code paperfeed demo}: broker (embedded unless given), topics, streams app, alert printer and
 * producer in one process; with {@code --export DIR --exit-when-idle} it writes what came out and exits.
 */
package io.paperfeed.app.demo;
