package io.paperfeed.consumer.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.model.Alert;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.serde.PaperSerdes;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {

    @Test
    void theStandardBodyIsTheAlertAsOnTheAlertsTopic() {
        Alert alert = Alerts.alert("kv", 7);
        byte[] body = WebhookBody.of(alert, Delivery.Format.STANDARD);
        assertEquals(alert, PaperSerdes.ALERT.deserialize("t", body));
        assertEquals(new String(PaperSerdes.ALERT.serialize("t", alert)), new String(body));
    }

    @Test
    void theSlackBodyIsOneTextWithTheLinkedTitleAndTheTopics() throws IOException {
        JsonNode slack = Json.MAPPER.readTree(WebhookBody.of(Alerts.alert("kv", 7), Delivery.Format.SLACK));
        assertEquals(List.of("text"), List.copyOf(iterable(slack)));
        assertEquals("New paper for *kv*: <https://arxiv.org/abs/2501.00007|Paper &lt;7&gt; &amp; more>\nTopics: kv-cache · matched: svd",
                slack.get("text").asText());
    }

    @Test
    void withoutAnArxivIdTheFirstLinkIsUsed() {
        Alert a = Alerts.alert("kv", 7);
        Alert noArxiv = new Alert(a.alertId(), a.subscriptionId(), new io.paperfeed.model.CanonicalPaper("content:x",
                null, null, null, "T", "An abstract.", null, null, null, null, null, null,
                List.of("https://example.org/p/7"), null, a.paper().sources(), null, a.paper().change()),
                List.of(), List.of(), a.createdAt());
        assertEquals("New paper for *kv*: <https://example.org/p/7|T>\nTopics: -", WebhookBody.slackText(noArxiv));
    }

    @Test
    void theSlackTextReadsTheTitleAsOnArxivAndListsTheAuthors() {
        Alert a = Alerts.alert("kv", 7);
        Alert tex = new Alert(a.alertId(), a.subscriptionId(), new io.paperfeed.model.CanonicalPaper("arxiv:2501.00007",
                "2501.00007", 1, null, "Prefill \\& Decode in $3\\times$ less", "An abstract.", List.of("Ann Ng", "Bo Li"),
                null, null, null, null, null, null, null, a.paper().sources(), null, a.paper().change()),
                List.of("kv-cache"), List.of("kv cache"), a.createdAt());
        assertEquals("New paper for *kv*: <https://arxiv.org/abs/2501.00007|Prefill &amp; Decode in 3× less>\n"
                + "By Ann Ng and Bo Li\nTopics: kv-cache · matched: kv cache", WebhookBody.slackText(tex));
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
