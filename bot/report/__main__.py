"""`make report` / `python -m bot.report`: the weekly counts of the last
N ended weeks, small counts hidden. Text by default; --csv, --json, --html."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from pathlib import Path
from typing import List, Optional

from bot import settings as settings_module
from bot.report import render
from bot.report.collect import make_report
from bot.stats import weeks as weeks_module
from bot.stats.store import MergedStores


def _weeks(n: int, until: Optional[str], today: dt.datetime) -> List[str]:
    ended = weeks_module.complete_weeks(today, 520)
    if until:
        if until not in ended:
            raise SystemExit(f"--until {until}: give an ended week like {ended[-1]} (the running week is "
                             "shown when it is over).")
        ended = ended[: ended.index(until) + 1]
    return ended[-n:]


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.report", description=__doc__)
    parser.add_argument("--weeks", type=int, default=12, help="how many ended weeks (default 12)")
    parser.add_argument("--until", help="last week to show, e.g. 2026-W47 (default: last ended week)")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_true", help="CSV: metric,key,label,week,value")
    form.add_argument("--json", action="store_true", help="JSON")
    form.add_argument("--html", action="store_true", help="one self-contained HTML page with charts")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of standard output "
                        "(--html defaults to var/report.html)")
    parser.add_argument("--db", type=Path, action="append",
                        help="statistics file (default STATS_DB from .env); give it once per machine to add "
                             "several machines' files up (docs/scaling.md)")
    args = parser.parse_args(argv)
    if args.weeks < 1:
        parser.error("--weeks must be at least 1")

    settings = settings_module.load()
    store = MergedStores(args.db or [settings.stats_path])
    try:
        report = make_report(store, _weeks(args.weeks, args.until, weeks_module.now()), settings.report_threshold)
    except (sqlite3.Error, OSError) as error:
        print(f"Cannot read the statistics file {store.path}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1

    if args.csv:
        out = render.csv_text(report)
    elif args.json:
        out = render.json_text(report)
    elif args.html:
        out = render.html_page(report)
    else:
        out = render.text(report)
    output = args.output or (settings_module.ROOT / "var" / "report.html" if args.html else None)
    if output is None:
        sys.stdout.write(out)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(out, encoding="utf-8")
        print(f"Wrote {output}")
    for one in store.stores:
        if not one.path.exists():
            print(f"(No statistics file at {one.path} yet: its counts are 0.)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
