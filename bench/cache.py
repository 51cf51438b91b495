"""Trained models kept between benchmark runs, keyed by everything that
decides their weights (Rasa version, config, training data, our component
code), so a model is only reused when retraining would give the same one.

Rasa's stock pipeline alone takes about 16 minutes to train on 2 cores; this
is what keeps `make bench` inside its time budget when only some inputs
changed. Each entry remembers how long its training took and when, so the
results can say so. `python -m bench --fresh` ignores the cache.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from bot.settings import ROOT

CACHE = ROOT / "results" / "bench" / "cache"


def fingerprint(*parts: str | Path | Iterable[Path]) -> str:
    """SHA-256 over strings and the bytes of files (folders: their files, sorted)."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, str):
            digest.update(b"s" + part.encode())
            continue
        paths = [part] if isinstance(part, Path) else list(part)
        for path in sorted(p for path in paths for p in ([path] if path.is_file() else path.rglob("*"))
                           if p.is_file() and "__pycache__" not in p.parts):
            name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            digest.update(b"f" + str(name).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class Trained:
    model: Path
    train_seconds: float
    trained_on: str  # the day it was trained
    reused: bool


def trained_model(
    name: str, key: str, train: Callable[[Path], Path], fresh: bool = False, cache: Path = CACHE
) -> Trained:
    """The cached model for (name, key), or train(out_dir) it now and time it."""
    entry = cache / f"{name}-{key}"
    meta_path = entry / "meta.json"
    if meta_path.exists() and not fresh:
        meta = json.loads(meta_path.read_text())
        return Trained(entry / meta["model"], meta["train_seconds"], meta["trained_on"], True)
    shutil.rmtree(entry, ignore_errors=True)
    entry.mkdir(parents=True)
    for stale in cache.glob(f"{name}-*"):  # one entry per name: the cache never grows
        if stale != entry:
            shutil.rmtree(stale, ignore_errors=True)
    started = time.perf_counter()
    model = train(entry)
    seconds = time.perf_counter() - started
    meta = {"model": model.name, "train_seconds": round(seconds, 1), "trained_on": time.strftime("%Y-%m-%d")}
    meta_path.write_text(json.dumps(meta))
    return Trained(model, seconds, meta["trained_on"], False)
