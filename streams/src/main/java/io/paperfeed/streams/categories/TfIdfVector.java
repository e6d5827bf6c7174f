package io.paperfeed.streams.categories;

/**
 * A paper as the model sees it: sublinear TF-IDF weights of its known words, scaled to unit length.
 *
 * @param indices    vocabulary indices, ascending
 * @param values     the weight of each
 * @param knownWords how many (title-weighted) word occurrences of the paper the vocabulary knows:
 *                   the evidence the prediction rests on
 */
record TfIdfVector(int[] indices, double[] values, int knownWords) {
}
