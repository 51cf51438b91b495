"""`make bench`: understanding, speed and cost, measured in one run, written to
bench/results.md, bench/results.png and the README's summary table, which is
also printed.

    .venv/bin/python -m bench [--fresh] [--only understanding|speed] [--render] [--no-crossval]

--fresh retrains every model instead of reusing bench/cache.py's entries;
--render rewrites the outputs from the last run's results/bench/raw.json.
Linux only (memory is read from /proc). Takes the machine for itself: run it
with nothing else busy, or the speed numbers measure the neighbours.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from bot.settings import ROOT

RAW = ROOT / "results" / "bench" / "raw.json"
WORK = ROOT / "results" / "bench" / "work"
REPORT = ROOT / "bench" / "results.md"
CHART = ROOT / "bench" / "results.png"


def log(line: str) -> None:
    print(line, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fresh", action="store_true", help="retrain every model, ignoring the cache")
    parser.add_argument("--only", choices=("understanding", "speed", "scale"), help="one part, for working on it")
    parser.add_argument("--render", action="store_true", help="only rewrite results.md and the chart from raw.json")
    parser.add_argument("--no-crossval", action="store_true",
                        help="leave out the 5-fold cross-validation (five more trainings, the longest part)")
    args = parser.parse_args(argv)
    if args.render:
        return write(json.loads(RAW.read_text()))
    # Honest training times: Rasa's own training cache would skip unchanged components.
    os.environ["RASA_MAX_CACHE_SIZE"] = "0"
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # also hides Rasa's training progress bars
    from rasa.utils.log_utils import configure_structlog
    import logging

    configure_structlog(logging.WARNING)
    from bench import costs, speed, understanding
    from bot.nlu_eval import load_examples

    started = time.perf_counter()
    results = json.loads(RAW.read_text()) if RAW.exists() and args.only else {}
    log("Our model (NLU + dialogue)…")
    ours = understanding.train_ours(args.fresh)
    log(f"  {'cached' if ours.reused else 'trained'}: {ours.train_seconds:.0f} s of training")
    if args.only in (None, "speed"):
        # First, while nothing else has run in this process: the machine is as quiet as it gets.
        results["speed"] = speed.run(ours, WORK, args.fresh, log)
        log("Per-message cost of the e5 featurizer, the safety net, language id and counting…")
        texts = [text for text, _ in load_examples(understanding.HOLDOUT)]
        texts += [text for text, _ in load_examples(understanding.MORE_SETS["english"])]
        results["costs"] = {"pipeline": costs.pipeline_components(ours.model, texts), "counting": costs.counting(WORK)}
        results["cost"] = {"ours_load_seconds": costs.load_seconds(ours.model),
                           "stock_load_seconds": costs.load_seconds(speed.train_stock_bot(False).model)}
    if args.only in (None, "scale"):
        from bench import scale

        log("One Rasa process or two, through the front (bench/scale.py)…")
        results["scale"] = scale.run(ours, WORK, log)
    if args.only in (None, "understanding"):
        results["understanding"] = understanding.run(WORK, args.fresh, log, ours, crossval=not args.no_crossval)
        log("Language identifiers on our own messages (bench/language_id.py)…")
        from bench import language_id
        results["language_id"] = language_id.run()
    results["wall_seconds"] = time.perf_counter() - started
    results["date"] = time.strftime("%Y-%m-%d")
    # With --only, the other parts are an earlier run's: keep the day each part was measured.
    measured_on = results.setdefault("measured_on", {})
    for part in ("speed", "scale", "understanding"):
        if args.only in (None, part):
            measured_on[part] = results["date"]
    RAW.parent.mkdir(parents=True, exist_ok=True)
    RAW.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return write(json.loads(RAW.read_text()))  # one shape (string keys) whether fresh or read back


def write(results: dict) -> int:
    from bench import results as results_module

    results_module.chart(results, CHART)
    REPORT.write_text(results_module.markdown(results, CHART.name))
    if results.get("understanding") and results.get("speed"):
        results_module.update_readme(ROOT / "README.md", results)
    print("\n" + results_module.plain_table(results_module.summary_rows(results), results_module.SUMMARY_HEADER))
    log(f"\nWritten: {REPORT.relative_to(ROOT)}, {CHART.relative_to(ROOT)} (raw: {RAW.relative_to(ROOT)}),"
        f" in {results['wall_seconds'] / 60:.1f} minutes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
