package io.paperfeed.subscriptions.query;

import java.util.Arrays;

/**
 * Analysed tokens in arrays that grow: each token's term, a place (its position, or its position
 * increment, as the holder keeps them) and its start and end offsets.
 */
public final class TokenList {

    private String[] terms = new String[64];
    private int[] places = new int[64];
    private int[] startOffsets = new int[64];
    private int[] endOffsets = new int[64];
    private int size;

    public void add(String term, int place, int startOffset, int endOffset) {
        if (size == terms.length) {
            int capacity = size * 2;
            terms = Arrays.copyOf(terms, capacity);
            places = Arrays.copyOf(places, capacity);
            startOffsets = Arrays.copyOf(startOffsets, capacity);
            endOffsets = Arrays.copyOf(endOffsets, capacity);
        }
        terms[size] = term;
        places[size] = place;
        startOffsets[size] = startOffset;
        endOffsets[size] = endOffset;
        size++;
    }

    public int size() {
        return size;
    }

    public String term(int i) {
        return terms[i];
    }

    public int place(int i) {
        return places[i];
    }

    public int startOffset(int i) {
        return startOffsets[i];
    }

    public int endOffset(int i) {
        return endOffsets[i];
    }
}
