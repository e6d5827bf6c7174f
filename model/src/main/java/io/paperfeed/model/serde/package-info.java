/**
 * JSON serialisation of the event records: one shared {@link io.paperfeed.model.serde.Json#MAPPER}
 * and one {@link io.paperfeed.model.serde.JsonSerde} per type in
 * {@link io.paperfeed.model.serde.PaperSerdes}. No type fields: the topic decides the type.
 */
package io.paperfeed.model.serde;
