package io.paperfeed.subscriptions.profile;

/**
 * One paper of a profile: a liked one, or a rated one ({@code positive} false for "not this").
 *
 * @param vector unit length
 */
public record Example(String paper, String title, float[] vector, boolean positive) {
}
