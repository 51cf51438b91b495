"""`make check-services` / `python -m bot.services.check [--today YYYY-MM-DD]`:
what in data/services.yml needs checking again, for whoever keeps it.

Lists every detail whose newest source is older than 12 months (by the
source's own date), every detail whose sources are undated, every detail
left out as unconfirmed (and the services left out), and every source that
is a front page rather than the page the detail was seen on. The emergency
numbers 113/112/110 are fixed by law and not listed.

A report, not a test: it always exits 0, and the clock is a parameter. The
operator page shows the same list (bot/report/render.py calls `recheck`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from typing import List, Optional, Sequence

from bot.services import directory
from bot.services.directory import Directory, Service, SourceDate

MONTHS = 12
KINDS = {  # kind -> heading, in the report's order
    "old": f"Eldre enn {MONTHS} måneder (etter kildens egen dato)",
    "undated": "Udatert kilde",
    "unconfirmed": "Ubekreftet, derfor ikke vist til brukerne",
    "front_page": "Kilden er en forside, ikke siden opplysningen står på",
}
HOURS_NAMES = {"always": "hele døgnet", "weekly": "ukeplan", "per_group": "per gruppe", "written": "skriftlig",
               "appointment": "etter avtale"}
DETAIL_NAMES = {
    "phone": "telefon", "sms": "SMS", "chat": "chat", "drop_in": "drop-in", "web": "nettside",
    "email": "e-post", "hours": "åpningstider", "anonymous": "anonymitet", "free": "gratis",
    "operator": "drives av", "offers": "tilbudet",
}


@dataclass(frozen=True)
class Item:
    kind: str  # old | undated | unconfirmed | front_page
    service: str
    detail: str  # DETAIL_NAMES key
    value: str
    url: str  # "" when no source page is known
    date: str  # the source's date as written ("2021-11"), "" when undated
    note: str = ""

    @property
    def detail_name(self) -> str:
        return DETAIL_NAMES.get(self.detail, self.detail)


def cutoff(today: dt.date, months: int = MONTHS) -> dt.date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    for day in (today.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _value(service: Service, detail: str) -> str:
    channel = service.channel(detail)
    if channel:
        return channel.address
    if detail == "hours":
        return ", ".join(f"{DETAIL_NAMES[c.kind]}: {HOURS_NAMES[c.hours]}" for c in service.contacts
                         if c.hours in directory.CLAIMED_HOURS)
    if detail == "anonymous":
        return {"yes": "anonymt", "partly": "delvis anonymt", "no": "ikke anonymt"}[service.anonymous]
    if detail == "free":
        return {True: "ja", False: "nei"}[service.free]
    if detail == "operator":
        return service.operator or ""
    return service.offers["nb"]


def _date_text(date: Optional[SourceDate]) -> str:
    return date.text if date else ""


def recheck(catalogue: Directory, today: dt.date) -> List[Item]:
    """Everything to check again as of `today`, grouped by kind in KINDS order."""
    limit = cutoff(today)
    found = {kind: [] for kind in KINDS}
    for service in catalogue.services:
        if service.emergency:
            continue
        for detail in service.details() + (["offers"] if service.sources_for("offers") else []):
            sources = service.sources_for(detail)
            newest = service.detail_date(detail)
            if newest is None:
                found["undated"].append(Item("undated", service.name, detail, _value(service, detail),
                                             " ; ".join(s.url for s in sources), ""))
            elif newest.first_day < limit:
                source = next(s for s in sources if s.date == newest)
                found["old"].append(Item("old", service.name, detail, _value(service, detail),
                                         source.url, newest.text, source.note))
        for left_out in service.unconfirmed:
            found["unconfirmed"].append(Item("unconfirmed", service.name, left_out.detail, left_out.value,
                                             left_out.url or "", _date_text(left_out.date), left_out.note))
        for source in service.sources:
            if source.front_page:
                found["front_page"].append(Item("front_page", service.name, ", ".join(DETAIL_NAMES[c] for c in source.covers), "",
                                                 source.url, _date_text(source.date), source.note))
    for left_out in catalogue.not_listed:
        found["unconfirmed"].append(Item("unconfirmed", f"{left_out.service} (ikke med i listen)", left_out.detail,
                                         left_out.value, left_out.url or "", _date_text(left_out.date), left_out.note))
    return [item for kind in KINDS for item in found[kind]]


def text(items: Sequence[Item], today: dt.date) -> str:
    out = [f"Må sjekkes på nytt (per {today:%d.%m.%Y}): {len(items)} punkter", ""]
    for kind, heading in KINDS.items():
        rows = [i for i in items if i.kind == kind]
        out.append(f"{heading}: {len(rows)}")
        for item in rows:
            fields = [item.service, f"{item.detail_name} {item.value}".strip(), item.date or "udatert",
                      item.url or "(ingen kildeadresse)"]
            if item.note:
                fields.append(item.note)
            out.append("  " + " · ".join(fields))
        out.append("")
    return "\n".join(out)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.services.check", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="the date to measure age from, YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    sys.stdout.write(text(recheck(directory.load_directory(), args.today), args.today))
    return 0


if __name__ == "__main__":
    sys.exit(main())
