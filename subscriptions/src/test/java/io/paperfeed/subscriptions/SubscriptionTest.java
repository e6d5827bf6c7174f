package io.paperfeed.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.paperfeed.model.AlertOn;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionTest {

    @Test
    void theDocumentedShapeReadsAndWritesBack() throws Exception {
        String json = "{\"id\": \"kv-watch\", \"name\": \"KV cache\", \"query\": \"abstract:\\\"kv cache\\\"\","
                + " \"topics\": [\"kv-cache\"], \"mode\": \"instant\", \"alertOnUpdate\": false, \"delivery\": [{\"type\":"
                + " \"webhook\", \"url\": \"https://example.org/hook\", \"secret\": \"whsec_0123456789\", \"format\": \"slack\"}]}";
        Subscription s = Json.MAPPER.readValue(json, Subscription.class);

        assertEquals("kv-watch", s.id());
        assertEquals("abstract:\"kv cache\"", s.query());
        assertEquals(List.of("kv-cache"), s.topics());
        assertEquals(Subscription.Mode.INSTANT, s.mode());
        assertEquals(Delivery.Format.SLACK, s.delivery().get(0).format());
        String written = Json.MAPPER.writeValueAsString(s);
        assertTrue(written.contains("\"mode\":\"instant\"") && written.contains("\"type\":\"webhook\""), written);
        assertEquals(s, PaperSerdes.SUBSCRIPTION.deserializer().deserialize("t",
                PaperSerdes.SUBSCRIPTION.serializer().serialize("t", s)));
    }

    @Test
    void defaultsFillWhatIsLeftOut() throws Exception {
        Subscription s = Json.MAPPER.readValue("{\"id\": \"rag\", \"topics\": [\"RAG\", \"rag\"]}", Subscription.class);
        assertEquals("rag", s.name());
        assertEquals(List.of("rag"), s.topics(), "lowercased, without repeats");
        assertEquals(Subscription.Mode.INSTANT, s.mode());
        assertFalse(s.alertOnUpdate());
        assertEquals(List.of(AlertOn.NEW), s.alertOn());
        assertEquals(List.of(), s.delivery());
        assertFalse(s.hasQuery());
    }

    @Test
    void alertOnAndAlertOnUpdateAgreeAndOldRecordsReadAsBefore() throws Exception {
        Subscription old = Json.MAPPER.readValue("{\"id\": \"a\", \"query\": \"x\", \"alertOnUpdate\": true}",
                Subscription.class);
        assertEquals(List.of(AlertOn.NEW, AlertOn.UPDATE), old.alertOn(), "alertOnUpdate is alertOn update");
        Subscription published = Json.MAPPER.readValue(
                "{\"id\": \"a\", \"query\": \"x\", \"alertOn\": [\"published\", \"new\", \"Under-Review\", \"new\"]}",
                Subscription.class);
        assertEquals(List.of(AlertOn.NEW, AlertOn.UNDER_REVIEW, AlertOn.PUBLISHED), published.alertOn());
        assertFalse(published.alertOnUpdate());
        Subscription updates = Json.MAPPER.readValue("{\"id\": \"a\", \"query\": \"x\", \"alertOn\": [\"new\", \"update\"]}",
                Subscription.class);
        assertTrue(updates.alertOnUpdate(), "alertOn update sets alertOnUpdate, for readers that know only it");
        String written = Json.MAPPER.writeValueAsString(published);
        assertTrue(written.contains("\"alertOn\":[\"new\",\"under_review\",\"published\"]")
                && written.contains("\"alertOnUpdate\":false"), written);
        assertEquals(published, Json.MAPPER.readValue(written, Subscription.class));
    }

    @Test
    void theSubscriptionsTopicIsCompactedAndCreatedWithTheOthers() {
        assertTrue(Topics.SUBSCRIPTIONS.compacted());
        assertEquals("paperfeed.subscriptions", Topics.SUBSCRIPTIONS.name());
        assertTrue(Topics.all().contains(Topics.SUBSCRIPTIONS));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"query\": \"x\"}|id must be",
        "{\"id\": \"has space\", \"query\": \"x\"}|id must be",
        "{\"id\": \"a\"}|needs a query, at least one topic or a like list",
        "{\"id\": \"a\", \"query\": \"  \", \"topics\": []}|needs a query, at least one topic or a like list",
        "{\"id\": \"a\", \"topics\": [\"Not A Topic!\"]}|topic id",
        "{\"id\": \"a\", \"query\": \"x\", \"mode\": \"weekly\"}|mode must be one of instant, digest",
        "{\"id\": \"a\", \"query\": \"x\", \"alertOn\": [\"retracted\"]}|alertOn must be one of new, update, under_review, published",
        "{\"id\": \"a\", \"query\": \"x\", \"alertOn\": []}|alertOn must name at least one",
        "{\"id\": \"a\", \"query\": \"x\", \"delivery\": [{\"type\": \"pigeon\"}]}|delivery type must be one of",
        "{\"id\": \"a\", \"query\": \"x\", \"delivery\": [{\"type\": \"email\"}]}|an email delivery needs \"to\"",
        "{\"id\": \"a\", \"query\": \"x\", \"delivery\": [{\"type\": \"webhook\", \"secret\": \"whsec_0123456789\"}]}|needs a url",
        "{\"id\": \"a\", \"query\": \"x\", \"delivery\": [{\"type\": \"webhook\", \"url\": \"ftp://h/x\", \"secret\": \"whsec_0123456789\"}]}|http or https",
        "{\"id\": \"a\", \"query\": \"x\", \"delivery\": [{\"type\": \"webhook\", \"url\": \"https://h/x\", \"secret\": \"s3cret-0123456789\"}]}|whsec_",
        "{\"id\": \"a\", \"query\": \"x\", \"delivery\": [{\"type\": \"sse\", \"url\": \"https://h/x\"}]}|takes no url",
        "{\"id\": \"a\", \"query\": \"x\", \"delivery\": [{\"type\": \"kafka\", \"format\": \"slack\"}]}|for webhooks only",
    })
    void badSubscriptionsAreRefusedWithTheReason(String json, String reason) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> Json.MAPPER.readValue(json, Subscription.class));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains(reason), cause.getMessage());
    }

    @Test
    void aDeliveryNeverPrintsItsSecret() {
        Delivery d = Delivery.webhook("https://example.org/hook", "whsec_verysecretvalue", null);
        assertEquals(Delivery.Format.STANDARD, d.format());
        assertFalse(d.toString().contains("verysecretvalue"), d.toString());
    }
}
