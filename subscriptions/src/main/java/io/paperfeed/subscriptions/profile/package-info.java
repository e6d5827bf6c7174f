/**
 * Profiles of like-subscriptions. A {@link io.paperfeed.subscriptions.profile.Profile} is a logistic
 * regression over sentence embeddings ({@link io.paperfeed.subscriptions.profile.LinearModel}, liblinear):
 * the liked and positively rated papers against a fixed {@link io.paperfeed.subscriptions.profile.Background}
 * of 1,000 real arXiv papers and the papers rated "not this". Its score is the probability that a paper is
 * wanted; the threshold default ({@link io.paperfeed.subscriptions.profile.ProfileSettings}) was calibrated
 * on the training days of arXiv-daily. Chosen by {@code paperfeed evaluate} over the centroid of the liked
 * papers, TF-IDF + linear SVM and Lucene MoreLikeThis (docs/MEANING.md).
 */
package io.paperfeed.subscriptions.profile;
