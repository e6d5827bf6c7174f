package io.paperfeed.subscriptions;

import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals a subscription's webhook secrets before it is written and opens them when it is read, with
 * the process's {@link SecretKeys}: the {@link SubscriptionPublisher} and the {@link SubscriptionTable}
 * use it, so the streams app, every view and the writer agree. A secret whose key the process does not
 * have stays sealed (the streams app matches without secrets); one that does not open with a key the
 * process has is an error (altered, or copied from another subscription or url).
 */
public final class SubscriptionSecrets {

    private final SecretKeys keys;

    public SubscriptionSecrets(SecretKeys keys) {
        this.keys = keys;
    }

    public SecretKeys keys() {
        return keys;
    }

    /**
     * The subscription as it is written: every plain webhook secret sealed with the current key, every
     * secret sealed with an older key sealed again with the current one.
     *
     * @throws InvalidSubscriptionException when it has a plain secret and there is no key to seal it with
     */
    public Subscription seal(Subscription subscription) {
        if (subscription.delivery().stream().noneMatch(d -> d.secret() != null)) {
            return subscription;
        }
        List<Delivery> sealed = new ArrayList<>();
        for (Delivery d : subscription.delivery()) {
            if (d.secret() == null) {
                sealed.add(d);
            } else if (d.isSealed()) {
                sealed.add(keys.canSeal() && keys.opens(d.secret()) && !keys.currentId().equals(SecretKeys.keyIdOf(d.secret()))
                        ? d.withSecret(keys.seal(openOrThrow(subscription.id(), d), subscription.id(), d.url())) : d);
            } else if (!keys.canSeal()) {
                throw new InvalidSubscriptionException("no-secrets-key", "subscription " + subscription.id()
                        + ": webhook secrets are stored only encrypted, and this server has no secrets key "
                        + "(--secrets-key-file or PAPERFEED_SECRETS_KEYS; docs/OPERATIONS.md)", "delivery", d.url(), null);
            } else {
                sealed.add(d.withSecret(keys.seal(d.secret(), subscription.id(), d.url())));
            }
        }
        return subscription.withDelivery(sealed);
    }

    /**
     * A subscription read from the topic, written again (disabled after a 410 Gone): sealed as
     * {@link #seal} does where a key is known; without one, as it was read (a secret already on the
     * topic in plain text, from before secrets were sealed, stays as it was rather than block the write).
     */
    public Subscription reseal(Subscription subscription) {
        return keys.canSeal() ? seal(subscription) : subscription;
    }

    /**
     * The subscription as a process uses it: secrets opened where the key is known.
     *
     * @throws SecretKeys.SealedSecretException when a secret does not open with a key the process has
     */
    public Subscription open(Subscription subscription) throws SecretKeys.SealedSecretException {
        if (subscription.delivery().stream().noneMatch(Delivery::isSealed)) {
            return subscription;
        }
        List<Delivery> opened = new ArrayList<>();
        for (Delivery d : subscription.delivery()) {
            opened.add(d.isSealed() && keys.opens(d.secret())
                    ? d.withSecret(keys.open(d.secret(), subscription.id(), d.url())) : d);
        }
        return subscription.withDelivery(opened);
    }

    private String openOrThrow(String id, Delivery d) {
        try {
            return keys.open(d.secret(), id, d.url());
        } catch (SecretKeys.SealedSecretException e) {
            throw new InvalidSubscriptionException("sealed-secret", "subscription " + id + ": " + e.getMessage(),
                    "delivery", d.url(), e);
        }
    }
}
