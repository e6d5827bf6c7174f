/**
 * arXiv categories for papers whose feed gave none.
 *
 * <p>Three of the four seed formats (arXiv listing abstracts, arXiv author listings, Hugging Face
 * daily papers) carry no categories; the fourth, an aggregator's author page, carries its source line
 * ({@code arXiv.org Artificial Intelligence}) as its only category. For papers without categories the classify step ({@code ClassifyProcessor}) sets
 * {@code predictedCategories} on the record it writes to {@code paperfeed.papers.classified}: at most
 * three {@link io.paperfeed.model.PredictedCategory}s, best first, each with a confidence of at least
 * 0.15. A paper whose feed gave categories keeps them and gets an empty list: a feed's categories are
 * never second-guessed, and predictions never go into {@code categories}.
 *
 * <h2>Features</h2>
 * Title and abstract through Lucene's {@code EnglishAnalyzer} (stop words, Porter stems), the same
 * analysis the topic classifier uses; tokens without a letter are dropped, title words count twice
 * ({@code PaperTerms}). A word is a feature when at least 3 training papers have it (4,343 words).
 * Each paper is a sublinear TF-IDF vector, {@code (1 + ln tf) * (ln((N+1)/(df+1)) + 1)}, of unit
 * length ({@code Vocabulary}).
 *
 * <h2>Model</h2>
 * One liblinear logistic regression per category (solver {@code L2R_LR}, C = 8, bias feature 1),
 * each category against all other papers ({@link io.paperfeed.streams.categories.CategoryTrainer}).
 * Papers are multi-label (primary and cross-lists alike: a cs.CL paper cross-listed to cs.AI is a
 * positive for both), so one-vs-rest rather than a single multi-class softmax: each category's
 * probability answers "is this one of the paper's categories?" on its own. C was chosen on the
 * training days alone (train 04-01..15, validate on 04-16..20, {@code CategoryEvaluation --sweep}):
 * top-1 accuracy is flat (0.964 to 0.967) for C from 2 to 16; 32 overfits.
 *
 * <h2>Slice</h2>
 * Trained on ../shared/data/arxiv-daily from 2025-04-01 to 2025-04-20: the cs.CV, cs.CL and cs.AI
 * listings (new submissions and cross-lists), 2,960 distinct papers once repeated listings and the
 * repeated batches of days without an announcement are counted once. Predicted: the 16 categories with
 * at least 20 training papers (cs.CV, cs.CL, cs.AI, cs.LG, eess.IV, cs.RO, cs.IR, cs.HC, cs.CY, cs.GR,
 * cs.MM, cs.CR, eess.AS, cs.SD, cs.MA, cs.SE); ACM and MSC codes that some listings mix into the
 * categories ({@code I.2.7}, {@code 68T50}) are not arXiv categories and are dropped. The model knows
 * only what these three listings hold: a paper from, say, hep-th gets the nearest of these 16, with a
 * low confidence, or nothing.
 *
 * <h2>Shipped as a model file, not trained at start-up</h2>
 * Training from the slice takes 1 to 2 s on this machine (analysis, TF-IDF and 16 regressions), but
 * the slice itself (id, title, abstract, categories) would be 1.47 MB of gzip JSON lines, 69% of the
 * data set's distinct papers (its README asks for slices of a few hundred lines), and every start-up
 * would pay the training again. The model file
 * ({@code arxiv-categories.model.gz}, gzip text, 209 kB: vocabulary with idf, 16 biases, 52,608
 * non-zero weights after rounding to four decimals and dropping those below 0.05, which costs nothing
 * on the validation days) is read in about 0.1 s, once per JVM, and shared by every stream task
 * ({@link io.paperfeed.streams.categories.CategoryModel#shipped()}). It is not an opaque artefact:
 * training is deterministic, {@code CategoryEvaluation --write-model} in the test sources rebuilds
 * it, and {@code ShippedModelTest} checks, wherever ../shared is present, that the file is byte for
 * byte what today's trainer makes of the slice.
 *
 * <h2>Calibration and the floor</h2>
 * Confidences are the regressions' probabilities, and on the held-out days they are close to what
 * happens: of the category guesses given 0.15 to 0.30, 23% are right; 0.30 to 0.50, 38%; 0.90 and
 * more, 97.5% ({@code CategoryEvaluation}). The floor of 0.15 keeps guesses that are right about one
 * time in four or better; consumers that want precision can cut higher, the confidence travels with
 * each category. A paper with fewer than 20 (title-weighted) words the model knows gets no
 * prediction: unit-length scaling makes a one-line abstract as "long" as a full one, so its
 * probabilities would be as confident on far less evidence (the shortest held-out paper has 38).
 *
 * <h2>Quality on held-out days</h2>
 * On the 1,347 distinct papers of 2025-04-21 to 2025-04-30 that are not in the training slice, the
 * top predicted category is one of the paper's real categories for 93.8% (always answering cs.CV:
 * 63.9%), and one of the top three is for 98.7%.
 */
package io.paperfeed.streams.categories;
