/**
 * Building blocks the commands share: publishing feed files, printing alerts, and following the
 * output topics until a set of input items has gone all the way through (then exporting them).
 */
package io.paperfeed.app.pipeline;
