"""Language identification measured on the project's own messages: does
Norwegian stay Norwegian, are the other languages told apart, at what cost.

    .venv/bin/python -m bench.language_id

Compares raw identifiers (lingua restricted to our languages, high and low
accuracy; langdetect, seeded) and our policy (bot/nlu/language.py: lingua +
short messages follow the conversation + Danish/Swedish need more). Writes
results/bench/language_id.json; docs/languages.md quotes it."""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Tuple

import yaml

from bot.settings import ROOT

OUT = ROOT / "results" / "bench" / "language_id.json"


def _examples(path: Path) -> Iterable[str]:
    for item in (yaml.safe_load(path.read_text()) or {}).get("nlu", []):
        for line in (item.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                yield line[2:].strip()


def norwegian_messages() -> List[str]:
    paths = sorted((ROOT / "tests" / "nlu").glob("*.yml")) + sorted((ROOT / "data" / "nlu").rglob("*.yml"))
    skip = {"english.yml"}
    paths = [p for p in paths if p.name not in skip and "/en/" not in str(p)]
    return [text for p in paths for text in _examples(p)]


def english_messages() -> List[str]:
    paths = [ROOT / "tests" / "nlu" / "english.yml"] + sorted((ROOT / "data" / "nlu" / "en").glob("*.yml"))
    return [text for p in paths if p.exists() for text in _examples(p)]


def foreign_messages() -> List[Tuple[str, str]]:
    path = ROOT / "tests" / "languages" / "safety_phrases.yml"
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text())
    return [(code, text) for code, kinds in data.items() if code != "en"
            for texts in kinds.values() for text in texts]


def _lingua(low: bool) -> Callable[[str], Optional[str]]:
    from lingua import LanguageDetectorBuilder, Language
    from bot.nlu.language import LINGUA_NAMES, _code

    builder = LanguageDetectorBuilder.from_languages(*[getattr(Language, n) for n in LINGUA_NAMES.values()])
    detector = (builder.with_low_accuracy_mode() if low else builder).build()

    def detect(text: str) -> Optional[str]:
        found = detector.detect_language_of(text)
        return _code(found) if found else None
    return detect


def _langdetect() -> Callable[[str], Optional[str]]:
    from langdetect import DetectorFactory, detect_langs
    DetectorFactory.seed = 0
    names = {"no": "nb"}

    def detect(text: str) -> Optional[str]:
        try:
            return names.get(detect_langs(text)[0].lang, detect_langs(text)[0].lang)
        except Exception:  # no features in the text
            return None
    return detect


def _ours() -> Callable[[str], Optional[str]]:
    from bot.nlu.language import identify
    return identify


def measure(name: str, make: Callable[[], Callable[[str], Optional[str]]]) -> Dict:
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import bot.nlu.language  # noqa: F401  (Rasa's imports: the same baseline for every candidate)

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    detect = make()
    detect("Hei, jeg lurer på noe")  # load the model
    load_s = time.perf_counter() - started
    norwegian, english, foreign = norwegian_messages(), english_messages(), foreign_messages()
    started = time.perf_counter()
    no_results = [detect(t) for t in norwegian]
    per_message_ms = (time.perf_counter() - started) * 1000 / max(len(norwegian), 1)
    not_norwegian = [(t, r) for t, r in zip(norwegian, no_results) if r not in ("nb", "nn", None)]
    en_results = [detect(t) for t in english]
    fo_results = [(code, detect(t)) for code, t in foreign]
    return {
        "identifier": name,
        "norwegian_messages": len(norwegian),
        "norwegian_kept": round(1 - len(not_norwegian) / max(len(norwegian), 1), 4),
        "norwegian_taken_for": _counts(r for _, r in not_norwegian),
        "norwegian_examples_lost": [t for t, _ in not_norwegian[:15]],
        "english_messages": len(english),
        "english_correct": round(sum(r == "en" for r in en_results) / max(len(english), 1), 4),
        "english_undecided": round(sum(r is None for r in en_results) / max(len(english), 1), 4),
        "foreign_messages": len(foreign),
        "foreign_correct": round(sum(c == r for c, r in fo_results) / max(len(foreign), 1), 4),
        "foreign_misses": _counts(f"{c}->{r}" for c, r in fo_results if c != r),
        "ms_per_message": round(per_message_ms, 3),
        "load_s": round(load_s, 2),
        "memory_mb_added": round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024),
    }


def _counts(items: Iterable) -> Dict[str, int]:
    out: Dict[str, int] = {}
    for item in items:
        out[str(item)] = out.get(str(item), 0) + 1
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


CANDIDATES = {
    "langdetect 1.0.9 (seeded)": _langdetect,
    "lingua 2.1.1, low accuracy": lambda: _lingua(True),
    "lingua 2.1.1, high accuracy": lambda: _lingua(False),
    "ours: lingua + conversation policy": _ours,
}


def run() -> List[Dict]:
    """Every candidate, each in a fresh process so its memory is its own."""
    import subprocess
    import sys

    results = []
    for name in CANDIDATES:
        out = subprocess.run([sys.executable, "-m", "bench.language_id", "--one", name], capture_output=True,
                             text=True, check=True, cwd=ROOT).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return results


def main() -> None:
    import sys

    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(measure(sys.argv[2], CANDIDATES[sys.argv[2]]), ensure_ascii=False))
        return
    results = run()
    for r in results:
        print(f"{r['identifier']:38} no kept {r['norwegian_kept']:.4f} ({r['norwegian_messages']})  "
              f"en {r['english_correct']:.3f} ({r['english_messages']})  other {r['foreign_correct']:.3f} "
              f"({r['foreign_messages']})  {r['ms_per_message']} ms  +{r['memory_mb_added']} MB  load {r['load_s']} s")
        print("   Norwegian taken for:", r["norwegian_taken_for"])


if __name__ == "__main__":
    main()
