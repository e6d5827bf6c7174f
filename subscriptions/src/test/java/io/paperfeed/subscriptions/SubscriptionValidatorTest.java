package io.paperfeed.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paperfeed.model.AlertOn;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionValidatorTest {

    private final SubscriptionValidator validator = SubscriptionValidator.of(Taxonomy.defaults());

    @Test
    void anUnknownTopicIsRefusedWithItsCodeAndValue() {
        InvalidSubscriptionException e = assertThrows(InvalidSubscriptionException.class,
                () -> validator.check(Subscription.ofTopics("s", List.of("kv-cache", "no-such-topic"))));
        assertEquals("unknown-topic", e.code());
        assertEquals("topic", e.field());
        assertEquals("no-such-topic", e.value());
    }

    @Test
    void alertOnThatCanNeverAlertIsRefusedAndStatusChangesAreAccepted() {
        Subscription updatesOnly = Subscription.ofQuery("s", "abstract:kv").withAlertOn(List.of(AlertOn.UPDATE));
        InvalidSubscriptionException e = assertThrows(InvalidSubscriptionException.class,
                () -> validator.check(updatesOnly));
        assertEquals("invalid-alert-on", e.code());
        assertEquals("alertOn", e.field());
        assertNotNull(validator.check(Subscription.ofQuery("s", "abstract:kv").withAlertOn(List.of(AlertOn.PUBLISHED))));
        assertNotNull(validator.check(updatesOnly.withAlertOn(List.of(AlertOn.NEW, AlertOn.UPDATE))));
    }

    @Test
    void aQueryThatDoesNotParseIsRefusedWithTheParsersMessage() {
        InvalidSubscriptionException e = assertThrows(InvalidSubscriptionException.class,
                () -> validator.check(Subscription.ofQuery("s", "abstract:(kv AND")));
        assertEquals("invalid-query", e.code());
        assertEquals("abstract:(kv AND", e.value());
        assertEquals(true, e.getMessage().contains("Cannot parse"), e.getMessage());
    }

    @Test
    void aValidSubscriptionGivesItsQueryAndAnyTopicAcceptsEveryTopicId() {
        assertNotNull(validator.check(new Subscription("s", null, "svd", List.of("kv-cache"), null, false, null)));
        assertNotNull(SubscriptionValidator.anyTopic().check(Subscription.ofTopics("s", List.of("no-such-topic"))));
    }
}
