package io.paperfeed.consumer.webhook;

/** Sends one signed webhook request and says what came of it; never throws for a failed delivery. */
public interface WebhookSender extends AutoCloseable {

    /**
     * POSTs the body to the url with the Standard Webhooks headers.
     *
     * @param messageId the {@code webhook-id}: the alert id, the same on every attempt
     */
    SendResult send(String url, String messageId, byte[] body, WebhookSigner signer);

    @Override
    void close();
}
