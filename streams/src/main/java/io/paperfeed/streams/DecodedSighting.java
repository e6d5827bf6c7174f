package io.paperfeed.streams;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;

/** A raw record after decoding: either a sighting or the reason it is not one. */
record DecodedSighting(PaperEvent sighting, InvalidItem invalid) {

    static DecodedSighting valid(PaperEvent sighting) {
        return new DecodedSighting(sighting, null);
    }

    static DecodedSighting invalid(InvalidItem invalid) {
        return new DecodedSighting(null, invalid);
    }

    boolean isValid() {
        return sighting != null;
    }
}
