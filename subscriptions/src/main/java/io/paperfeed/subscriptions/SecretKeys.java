package io.paperfeed.subscriptions;

import io.paperfeed.model.Delivery;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys webhook secrets are sealed with on {@code paperfeed.subscriptions}: AES-256-GCM, a fresh
 * 96-bit nonce per seal, the subscription id and webhook url as associated data (a sealed secret
 * copied into another subscription or to another url does not open), and the key id in the sealed
 * text, {@code sealed:v1:<key id>:<base64url(nonce, ciphertext, tag)>}, so keys can rotate: the first
 * key seals, every key listed opens.
 *
 * <p>Written as lines (or comma-separated) {@code <key id>:<base64 of 32 random bytes>}, from a file
 * ({@code --secrets-key-file}) or the environment ({@code PAPERFEED_SECRETS_KEYS}); docs/OPERATIONS.md
 * shows how to make one and rotate. {@code toString} names the key ids only.
 */
public final class SecretKeys {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed secret that does not open: unknown key id, or altered or moved ciphertext. */
    public static final class SealedSecretException extends Exception {
        private static final long serialVersionUID = 1L;

        SealedSecretException(String message) {
            super(message);
        }
    }

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private SecretKeys(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /** No keys: nothing can be sealed, sealed secrets stay sealed (the streams app needs none). */
    public static SecretKeys none() {
        return new SecretKeys(null, Map.of());
    }

    /** One random key for this process only (the demo, whose broker lives as long as the process). */
    public static SecretKeys generated() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        String keyId = "run-" + HexFormat.of().formatHex(id);
        return new SecretKeys(keyId, Map.of(keyId, new SecretKeySpec(key, "AES")));
    }

    /**
     * Parses {@code id:base64key} entries, one per line or comma-separated; {@code #} starts a comment.
     *
     * @param where names the source in error messages (never the keys)
     * @throws IllegalArgumentException saying which entry is wrong and why
     */
    public static SecretKeys parse(String text, String where) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        List<String> entries = new ArrayList<>();
        for (String line : text.split("[\\r\\n,]+")) {
            String entry = line.replaceFirst("#.*$", "").strip();
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        int n = 0;
        for (String entry : entries) {
            n++;
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where + ": entry " + n + " is not <key id>:<base64 key> with a key id "
                        + "of 1 to 32 letters, digits, '.', '_' or '-'");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": the key of " + id + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException(where + ": the key of " + id + " has " + key.length
                        + " bytes; AES-256 needs 32 (openssl rand -base64 32)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException(where + ": key id " + id + " is listed twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(where + ": no key (write <key id>:<base64 of 32 bytes>)");
        }
        return new SecretKeys(keys.keySet().iterator().next(), keys);
    }

    /** Reads a key file. */
    public static SecretKeys load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Whether secrets can be sealed (a current key is known). */
    public boolean canSeal() {
        return currentId != null;
    }

    /** The id of the key that seals, or null. */
    public String currentId() {
        return currentId;
    }

    /** The key id a sealed secret names. */
    public static String keyIdOf(String sealed) {
        String[] parts = sealed.split(":", -1);
        return parts.length == 4 ? parts[2] : "";
    }

    /** Whether this keyring holds the key of a sealed secret. */
    public boolean opens(String sealed) {
        return keys.containsKey(keyIdOf(sealed));
    }

    /** Seals a secret for the subscription {@code id} and the webhook {@code url}, with the current key. */
    public String seal(String secret, String id, String url) {
        if (currentId == null) {
            throw new IllegalStateException("no secrets key to seal with");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(currentId, id, url));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
            return Delivery.SEALED_PREFIX + currentId + ":" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Opens a sealed secret of subscription {@code id} for webhook {@code url}. */
    public String open(String sealed, String id, String url) throws SealedSecretException {
        String keyId = keyIdOf(sealed);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new SealedSecretException("sealed with key " + keyId + ", which this process does not have");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        } catch (IllegalArgumentException e) {
            throw new SealedSecretException("the sealed secret is not base64url");
        }
        if (bytes.length <= NONCE_BYTES) {
            throw new SealedSecretException("the sealed secret is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(keyId, id, url));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealedSecretException("the sealed secret does not open with key " + keyId
                    + " for this subscription and url (altered, or copied from another)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] associatedData(String keyId, String id, String url) {
        return ("paperfeed-webhook-secret\u0000" + keyId + "\u0000" + id + "\u0000" + url).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretKeys[current=" + currentId + ", ids=" + keys.keySet() + "]";
    }
}
