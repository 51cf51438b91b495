"""Understanding: our pipeline, Rasa's stock pipeline and a TF-IDF + logistic
regression baseline, trained on data/nlu and scored on the held-out set
(tests/nlu/holdout.yml) with the same metrics (bot.nlu_eval: a fallback counts
as wrong); the safety net's contribution; 5-fold cross-validation of ours."""

from __future__ import annotations

import contextlib
import shutil
import statistics
import time
from pathlib import Path
from typing import Callable, Iterator

from bot.nlu_eval import SAFETY_INTENTS, Report, load_examples
from bot.settings import ROOT
from bench.cache import Trained, fingerprint, trained_model

NLU_DATA = ROOT / "data" / "nlu"
HOLDOUT = ROOT / "tests" / "nlu" / "holdout.yml"
# The other held-out sets, each model scored on them too (issues 13 and 14).
MORE_SETS = {"real_register": ROOT / "tests" / "nlu" / "real_register.yml",
             "english": ROOT / "tests" / "nlu" / "english.yml"}
OUR_CONFIG = ROOT / "config.yml"
OUR_CODE = ROOT / "bot" / "nlu"
FOLDS = 5
SEED = 42


def stock_project() -> Path:
    """The project `rasa init` copies: its config.yml is Rasa's default pipeline."""
    import rasa

    return Path(rasa.__file__).parent / "cli" / "initial_project"


def rasa_version() -> str:
    import rasa

    return rasa.__version__


def summary(report: Report) -> dict:
    return {
        "accuracy": report.accuracy,
        "macro_f1": report.macro_f1,
        **{f"recall_{i}": report.recall(i) for i in SAFETY_INTENTS},
        "worst": sorted(((i, m["f1"], m["precision"], m["recall"]) for i, m in report.per_intent.items()),
                        key=lambda row: row[1])[:5],
        "errors": len(report.errors()),
        "examples": len(report.examples),
        **({"top3": report.top3_accuracy} if report.top3 else {}),
    }


# --- training ---------------------------------------------------------------

def train_ours(fresh: bool) -> Trained:
    """Our whole model (NLU and dialogue), as `make train` builds it; also used by the speed runs."""
    def train(out: Path) -> Path:
        from rasa.model_training import train

        result = train(str(ROOT / "domain"), str(OUR_CONFIG), [str(ROOT / "data")], str(out),
                       force_training=True, fixed_model_name="spor-trygt")
        return Path(result.model)

    key = fingerprint(rasa_version(), OUR_CONFIG, ROOT / "domain", ROOT / "data", OUR_CODE)
    return trained_model("ours", key, train, fresh)


def _train_nlu(config: Path, nlu: Path, name: str) -> Callable[[Path], Path]:
    def train(out: Path) -> Path:
        from rasa.model_training import train_nlu

        return Path(train_nlu(str(config), str(nlu), str(out), fixed_model_name=name,
                              domain=str(ROOT / "domain")))
    return train


def stock_config(work: Path) -> Path:
    """A copy of `rasa init`'s config.yml: Rasa writes the pipeline it chose into
    the file it trains with, and the original lives inside the installed package."""
    work.mkdir(parents=True, exist_ok=True)
    copy = work / "stock-config.yml"
    shutil.copyfile(stock_project() / "config.yml", copy)
    return copy


def train_stock_pipeline(work: Path, fresh: bool) -> Trained:
    # The stock project is part of the Rasa release, so the version names it.
    key = fingerprint(rasa_version(), "rasa init config", NLU_DATA)
    train = _train_nlu(stock_config(work), NLU_DATA, "stock-pipeline")
    return trained_model("stock-pipeline", key, train, fresh)


# --- scoring ----------------------------------------------------------------

@contextlib.contextmanager
def safety_net_off() -> Iterator[None]:
    """Models loaded inside this block have a SafetyNet that passes messages
    through (Rasa binds a component's method when it loads the model)."""
    from bot.nlu.safety_net import SafetyNet

    original = SafetyNet.process
    SafetyNet.process = lambda self, messages: messages
    try:
        yield
    finally:
        SafetyNet.process = original


def load_agent(model: Path):
    from rasa.core.agent import Agent

    return Agent.load(str(model))


def parse_all(agent, texts: list[str]) -> list[dict]:
    import asyncio

    loop = asyncio.new_event_loop()
    try:
        return [loop.run_until_complete(agent.parse_message(text)) for text in texts]
    finally:
        loop.close()


def score(model: Path, examples: list[tuple[str, str]], net: bool = True) -> tuple[Report, int]:
    """The report, and how many predictions the safety net turned into another intent."""
    from bot.nlu.safety_net import FORCED_KEY

    with contextlib.nullcontext() if net else safety_net_off():
        agent = load_agent(model)
    parses = parse_all(agent, [text for text, _ in examples])
    # The net marks a takeover with the intent it replaced, a safety line with its reason only.
    changed = sum(1 for p in parses
                  if FORCED_KEY in p and p[FORCED_KEY].get("from", p["intent"]["name"]) != p["intent"]["name"])
    top3 = [tuple(r["name"] for r in (p.get("intent_ranking") or [p["intent"]])[:3]) for p in parses]
    return Report([(t, g, p["intent"]["name"]) for (t, g), p in zip(examples, parses)], top3=top3), changed


def tfidf_baseline(train: list[tuple[str, str]], test: list[tuple[str, str]]) -> tuple[Report, float]:
    """Word and character n-gram TF-IDF into logistic regression (always answers)."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    started = time.perf_counter()
    vectorizers = [
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
    ]
    texts = [t for t, _ in train]
    x_train = hstack([v.fit_transform(texts) for v in vectorizers]).tocsr()
    model = LogisticRegression(C=10, max_iter=3000).fit(x_train, [i for _, i in train])
    seconds = time.perf_counter() - started
    x_test = hstack([v.transform([t for t, _ in test]) for v in vectorizers]).tocsr()
    predicted = model.predict(x_test)
    return Report([(t, g, p) for (t, g), p in zip(test, predicted)]), seconds


# --- cross-validation ---------------------------------------------------------

@contextlib.contextmanager
def e5_memo() -> Iterator[None]:
    """Each training text is embedded once across the folds (same vectors, less time)."""
    import numpy as np

    from bot.nlu.e5_featurizer import E5Featurizer

    original = E5Featurizer._embed
    memo: dict[str, np.ndarray] = {}

    def embed(self, texts):
        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        if missing:
            memo.update(zip(missing, original(self, missing)))
        return np.stack([memo[t] for t in texts]) if texts else original(self, texts)

    E5Featurizer._embed = embed
    try:
        yield
    finally:
        E5Featurizer._embed = original


def cross_validate(work: Path, fresh: bool, log: Callable[[str], None]) -> dict:
    """5 stratified folds of data/nlu: train our pipeline on four, score the fifth."""
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from sklearn.model_selection import StratifiedKFold

    messages = load_data(str(NLU_DATA)).intent_examples
    labels = [m.get("intent") for m in messages]
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED).split(messages, labels)
    data_key = fingerprint(rasa_version(), OUR_CONFIG, NLU_DATA, OUR_CODE, ROOT / "domain")
    rows: dict[str, list[dict]] = {"ours": [], "ours_without_safety_net": [], "tfidf_lr": []}
    seconds, reused = [], []
    with e5_memo():
        for n, (train_idx, test_idx) in enumerate(folds, 1):
            nlu = work / f"fold{n}.yml"
            nlu.parent.mkdir(parents=True, exist_ok=True)
            nlu.write_text(TrainingData(training_examples=[messages[i] for i in train_idx]).nlu_as_yaml())
            trained = trained_model(f"cv-fold{n}", fingerprint(data_key, f"fold {n}/{FOLDS} seed {SEED}"),
                                    _train_nlu(OUR_CONFIG, nlu, f"fold{n}"), fresh)
            test = [(messages[i].get("text"), labels[i]) for i in test_idx]
            report, changed = score(trained.model, test)
            rows["ours"].append({**summary(report), "net_changed": changed})
            rows["ours_without_safety_net"].append(summary(score(trained.model, test, net=False)[0]))
            train = [(messages[i].get("text"), labels[i]) for i in train_idx]
            rows["tfidf_lr"].append(summary(tfidf_baseline(train, test)[0]))
            seconds.append(trained.train_seconds)
            reused.append(trained.reused)
            log(f"  fold {n}: accuracy {report.accuracy:.3f}, macro-F1 {report.macro_f1:.3f}"
                f" ({'cached' if trained.reused else f'trained in {trained.train_seconds:.0f} s'})")

    def spread(values: list[float]) -> dict:
        return {"mean": statistics.mean(values), "sd": statistics.stdev(values), "min": min(values),
                "max": max(values)}

    metrics = ("accuracy", "macro_f1", *(f"recall_{i}" for i in SAFETY_INTENTS))
    return {"folds": FOLDS, "examples": len(messages), "train_seconds": seconds, "reused": reused,
            "net_changed": sum(r["net_changed"] for r in rows["ours"]),
            "metrics": {name: {m: spread([r[m] for r in fold_rows]) for m in metrics}
                        for name, fold_rows in rows.items()}}


def run(work: Path, fresh: bool, log: Callable[[str], None], ours: Trained, crossval: bool = True) -> dict:
    train = load_examples(NLU_DATA)
    holdout = load_examples(HOLDOUT)
    results: dict = {"train_examples": len(train), "holdout_examples": len(holdout), "models": {}}

    log("Scoring our pipeline on the held-out set, with and without the safety net…")
    report, changed = score(ours.model, holdout)
    results["models"]["ours"] = {**summary(report), "net_changed": changed, "train_seconds": ours.train_seconds,
                                 "trained": "cached" if ours.reused else "this run", "trained_on": ours.trained_on}
    results["models"]["ours_without_safety_net"] = summary(score(ours.model, holdout, net=False)[0])

    log("Rasa's stock pipeline (the `rasa init` config, DIET with 2 transformer layers)…")
    stock = train_stock_pipeline(work, fresh)
    log(f"  {'cached' if stock.reused else 'trained'}: {stock.train_seconds:.0f} s of training")
    results["models"]["stock"] = {**summary(score(stock.model, holdout)[0]), "train_seconds": stock.train_seconds,
                                  "trained": "cached" if stock.reused else "this run",
                                  "trained_on": stock.trained_on}

    log("TF-IDF + logistic regression…")
    report, seconds = tfidf_baseline(train, holdout)
    results["models"]["tfidf_lr"] = {**summary(report), "train_seconds": seconds, "trained": "this run"}

    results["sets"] = {}
    for name, path in MORE_SETS.items():
        log(f"The three on {path.name}…")
        examples = load_examples(path)
        results["sets"][name] = {"examples": len(examples),
                                 "ours": summary(score(ours.model, examples)[0]),
                                 "stock": summary(score(stock.model, examples)[0]),
                                 "tfidf_lr": summary(tfidf_baseline(train, examples)[0])}

    if crossval:
        log(f"{FOLDS}-fold cross-validation of our pipeline…")
        results["crossval"] = cross_validate(work, fresh, log)
    return results
