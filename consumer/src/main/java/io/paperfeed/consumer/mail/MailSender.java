package io.paperfeed.consumer.mail;

import io.paperfeed.consumer.webhook.SendResult;
import jakarta.mail.internet.MimeMessage;

/** Sends one message and says what came of it (the webhook {@link SendResult} kinds); never throws for a failed send. */
interface MailSender {

    SendResult send(MimeMessage message);
}
