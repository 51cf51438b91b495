"""The stats store: one SQLite table of weekly counters, nothing else.

    counts(week TEXT, metric TEXT, key TEXT, n INTEGER, PRIMARY KEY(week, metric, key))

Each write is one transaction of `INSERT … ON CONFLICT … DO UPDATE SET
n = n + excluded.n`, so concurrent writers (threads or processes) never lose
an update. WAL mode lets the report read while the assistant writes. A new
connection per write means a deleted file is recreated rather than written
into the void.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Dict, Iterable, Mapping, Optional, Tuple

import sqlite_utils

Cell = Tuple[str, str, str]  # (week, metric, key)

UPSERT = (
    "INSERT INTO counts (week, metric, key, n) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (week, metric, key) DO UPDATE SET n = n + excluded.n"
)


class StatsStore:
    def __init__(self, path: Path, busy_timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.busy_timeout = busy_timeout

    def _open(self, create: bool = True) -> sqlite_utils.Database:
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise FileNotFoundError(f"no statistics file at {self.path}")
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)
        db = sqlite_utils.Database(conn)
        if create:
            if db.journal_mode != "wal":
                db.enable_wal()
            db["counts"].create(
                {"week": str, "metric": str, "key": str, "n": int},
                pk=("week", "metric", "key"),
                not_null={"week", "metric", "key", "n"},
                if_not_exists=True,
            )
        return db

    def check(self) -> Optional[str]:
        """None if counts can be written here, else why not (no content in it)."""
        try:
            db = self._open()
            try:
                db.execute("BEGIN IMMEDIATE")
                db.execute("ROLLBACK")
            finally:
                db.close()
        except (sqlite3.Error, OSError) as error:
            return f"{type(error).__name__}: {error}"
        return None

    def add(self, increments: Mapping[Cell, int]) -> None:
        """Add the increments in one atomic transaction; raises on failure
        (sqlite3.Error or OSError), leaving the file as it was."""
        if not increments:
            return
        db = self._open()
        try:
            with db.conn:
                db.conn.executemany(UPSERT, [(w, m, k, n) for (w, m, k), n in increments.items()])
        finally:
            db.close()

    def read(self, weeks: Iterable[str]) -> Dict[Cell, int]:
        """The counters of the given weeks; a missing file reads as no counts."""
        weeks = list(weeks)
        if not self.path.exists() or not weeks:
            return {}
        db = self._open(create=False)
        try:
            if not db["counts"].exists():
                return {}
            marks = ", ".join("?" for _ in weeks)
            rows = db.execute(f"SELECT week, metric, key, n FROM counts WHERE week IN ({marks})", weeks)
            return {(w, m, k): n for w, m, k, n in rows.fetchall()}
        finally:
            db.close()


class MergedStores:
    """Several machines' statistics files read as one: each machine writes its
    own file (one writer per file, no shared SQLite over a network), and the
    report adds them up. Exact because a conversation is counted once in all
    of them together (the once-per-conversation memory is shared in Redis)."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.stores = [StatsStore(Path(p)) for p in paths]
        self.path = self.stores[0].path if len(self.stores) == 1 else Path(" + ".join(str(s.path) for s in self.stores))

    def read(self, weeks: Iterable[str]) -> Dict[Cell, int]:
        weeks = list(weeks)
        total: Dict[Cell, int] = {}
        for store in self.stores:
            for cell, n in store.read(weeks).items():
                total[cell] = total.get(cell, 0) + n
        return total
