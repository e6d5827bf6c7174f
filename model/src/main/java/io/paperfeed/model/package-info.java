/**
 * The events that flow through paperfeed, as immutable records that check their invariants.
 *
 * <p>A {@link io.paperfeed.model.PaperEvent} is one sighting of a paper in one feed, carrying only
 * what that item really had plus its {@link io.paperfeed.model.Provenance}. The streams app turns
 * sightings into one {@link io.paperfeed.model.CanonicalPaper} per paper, tags it with
 * {@link io.paperfeed.model.TopicMatch topics} (and, when no feed gave arXiv categories, with
 * {@link io.paperfeed.model.PredictedCategory predicted categories} marked as such), and emits an
 * {@link io.paperfeed.model.Alert} per (subscription, paper). Items that cannot be papers become {@link io.paperfeed.model.InvalidItem}s.
 * All are serialised as JSON; see {@code docs/EVENTS.md} for the wire format of each topic.
 */
package io.paperfeed.model;
