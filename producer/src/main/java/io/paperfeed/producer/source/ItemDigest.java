package io.paperfeed.producer.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.serde.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An item's identity for the checkpoint: the first 64 bits (16 hex digits) of the SHA-256 of the
 * document name and the item's JSON without its provenance (so neither the fetch time nor the
 * item's position counts), see the package documentation.
 */
public final class ItemDigest {

    private ItemDigest() {
    }

    /** The digest of a paper read from the named document. */
    public static String of(String document, PaperEvent paper) {
        ObjectNode json = Json.MAPPER.valueToTree(paper);
        json.remove("source");
        return digest("paper", document, json);
    }

    /** The digest of an invalid item read from the named document (its time and provenance left out). */
    public static String of(String document, InvalidItem item) {
        ObjectNode json = Json.MAPPER.valueToTree(item);
        json.remove("source");
        json.remove("at");
        return digest("invalid", document, json);
    }

    private static String digest(String kind, String document, ObjectNode json) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((kind + '\n' + document + '\n').getBytes(StandardCharsets.UTF_8));
            sha.update(Json.MAPPER.writeValueAsBytes(json));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot digest an item", e);
        }
    }
}
