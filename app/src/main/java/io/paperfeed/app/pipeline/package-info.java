/**
 * Building blocks the commands share: publishing feed files and subscriptions, printing alerts,
 * following the output topics until a set of input items has gone all the way through
 * ({@code PipelineFollower}, {@code PipelineOutput}), knowing when a streams app has caught up with its
 * input topics ({@code StreamsCatchUp}: its group's committed offsets against the end offsets), and
 * exporting what the outputs hold ({@code ExportWriter}).
 */
package io.paperfeed.app.pipeline;
