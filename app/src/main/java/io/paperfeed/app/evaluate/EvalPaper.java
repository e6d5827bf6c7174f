package io.paperfeed.app.evaluate;

import java.util.List;

/**
 * A real arXiv paper of the evaluation: its categories (the labels) and the day it was first listed.
 *
 * @param vector its embedding, unit length
 */
record EvalPaper(String id, String day, String title, String abstractText, List<String> categories, float[] vector) {

    boolean in(String category) {
        return categories.contains(category);
    }

    String primary() {
        return categories.isEmpty() ? "" : categories.get(0);
    }
}
