/**
 * {@code paperfeed evaluate}: paperfeed's meaning features measured on real arXiv papers (arXiv-daily,
 * trained on 2025-04-01..20, tested on 2025-04-21..30; labels are arXiv's categories). Like-profiles and
 * feedback ({@link io.paperfeed.app.evaluate.LikeEvaluation}) against TF-IDF + linear SVM
 * ({@link io.paperfeed.app.evaluate.TfIdfSvmRanker}, arxiv-sanity's method) and Lucene MoreLikeThis
 * ({@link io.paperfeed.app.evaluate.MoreLikeThisRanker}) by precision@10 and nDCG@10; the default threshold
 * and the precision and recall of five-paper like-subscriptions
 * ({@link io.paperfeed.app.evaluate.ThresholdEvaluation}); categories over embeddings against the TF-IDF
 * model ({@link io.paperfeed.app.evaluate.CategoryDriftEvaluation}); topics by meaning
 * ({@link io.paperfeed.app.evaluate.TopicMeaningEvaluation}). It also writes the shipped background and
 * category model files. docs/MEANING.md quotes its output.
 */
package io.paperfeed.app.evaluate;
