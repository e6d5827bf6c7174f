package io.paperfeed.streams.categories;

/** Two papers of seed 003 whose field nobody would argue about: one computer vision, one NLP. */
final class ClearPapers {

    static final String KMAX_TITLE = "kMaX-DeepLab: k-means Mask Transformer";
    static final String KMAX_ABSTRACT = "The rise of transformers in vision tasks not only advances network backbone "
            + "designs, but also starts a brand-new page to achieve end-to-end image recognition (e.g., object "
            + "detection and panoptic segmentation). Originated from Natural Language Processing (NLP), transformer "
            + "architectures, consisting of self-attention and cross-attention, effectively learn long-range "
            + "interactions between elements in a sequence. However, we observe that most existing transformer-based "
            + "vision models simply borrow the idea from NLP, neglecting the crucial difference between languages "
            + "and images, particularly the extremely large sequence length of spatially flattened pixel features. "
            + "This subsequently impedes the learning in cross-attention between pixel features and object queries. "
            + "In this paper, we rethink the relationship between pixels and object queries and propose to "
            + "reformulate the cross-attention learning as a clustering process. Inspired by the traditional k-means "
            + "clustering algorithm, we develop a k-means Mask Xformer (kMaX-DeepLab) for segmentation tasks, which "
            + "not only improves the state-of-the-art, but also enjoys a simple and elegant design. As a result, our "
            + "kMaX-DeepLab achieves a new state-of-the-art performance on COCO val set with 58.0% PQ, Cityscapes val "
            + "set with 68.4% PQ, 44.0% AP, and 83.5% mIoU, and ADE20K val set with 50.9% PQ and 55.2% mIoU without "
            + "test-time augmentation or external dataset. We hope our work can shed some light on designing "
            + "transformers tailored for vision tasks. TensorFlow code and models are available at "
            + "https://github.com/google-research/deeplab2 A PyTorch re-implementation is also available at "
            + "https://github.com/bytedance/kmax-deeplab";

    static final String MEXA_TITLE = "MEXA: Multilingual Evaluation of English-Centric LLMs via Cross-Lingual Alignment";
    static final String MEXA_ABSTRACT = "English-centric large language models (LLMs) often show strong multilingual "
            + "capabilities. However, the multilingual performance of these models remains unclear and is not "
            + "thoroughly evaluated for many languages. Most benchmarks for multilinguality focus on classic NLP "
            + "tasks, or cover a minimal number of languages. We introduce MEXA, a method for assessing the "
            + "multilingual capabilities of pre-trained English-centric LLMs using parallel sentences, which are "
            + "available for more languages than existing downstream tasks. MEXA leverages the fact that "
            + "English-centric LLMs use English as a kind of pivot language in their intermediate layers. It computes "
            + "the alignment between English and non-English languages using parallel sentences to evaluate the "
            + "transfer of language understanding from English to other languages. This alignment can be used to "
            + "estimate model performance in other languages. We conduct studies using various parallel datasets "
            + "(FLORES-200 and Bible), models (Llama family, Gemma family, Mistral, and OLMo), and established "
            + "downstream tasks (Belebele, m-MMLU, and m-ARC). We explore different methods to compute embeddings in "
            + "decoder-only models. Our results show that MEXA, in its default settings, achieves a statistically "
            + "significant average Pearson correlation of 0.90 with three established downstream tasks across nine "
            + "models and two parallel datasets. This suggests that MEXA is a reliable method for estimating the "
            + "multilingual capabilities of English-centric LLMs, providing a clearer understanding of their "
            + "multilingual potential and the inner workings of LLMs.";

    private ClearPapers() {
    }
}
