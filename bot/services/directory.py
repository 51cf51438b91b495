"""Load and validate data/services.yml into plain dataclasses."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from bot.settings import ROOT

DEFAULT_PATH = ROOT / "data" / "services.yml"
AUDIENCES = {"self", "relatives", "youth", "parents", "gambling", "drug_checking", "health_workers", "crisis"}
ANONYMITY = ("yes", "partly", "no")
HOURS_KINDS = {"always", "per_group", "written", "unknown"}
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CHANNELS = {"phone", "chat", "web", "email"}
# 3-digit emergency numbers, 6-digit 116 xxx lines, 8-digit numbers in the usual groupings.
PHONE = re.compile(r"^(?:\d{3}|\d{3} \d{3}|\d{3} \d{3} \d{2}|\d{3} \d{2} \d{3}|\d{2} \d{2} \d{2} \d{2})$")
SPAN = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")


class DirectoryError(ValueError):
    """data/services.yml does not have the shape the assistant relies on."""


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    offers: Dict[str, str]  # målform -> text
    anonymous: str  # yes | partly | no
    anonymous_reason: str
    free: Optional[bool]
    referral: bool
    audience: Tuple[str, ...]
    intents: Tuple[str, ...]
    channels: Dict[str, str]
    hours: str  # always | weekly | per_group | written | unknown
    weekly: Dict[int, Tuple[Tuple[dt.time, dt.time], ...]]  # weekday (0 = Monday) -> spans
    region: str
    source: str
    checked: dt.date

    @property
    def reachable_by_person(self) -> bool:
        """A human answers by phone or chat (not a website or a group)."""
        return "phone" in self.channels or "chat" in self.channels


def _time(hours: str, minutes: str) -> dt.time:
    return dt.time.max if hours == "24" else dt.time(int(hours), int(minutes))


def _parse_weekly(raw: dict, where: str) -> Dict[int, Tuple[Tuple[dt.time, dt.time], ...]]:
    weekly = {}
    for day, spans in raw.items():
        if day not in DAYS:
            raise DirectoryError(f"{where}: unknown day {day!r}")
        parsed = []
        for span in spans:
            match = SPAN.match(span)
            if not match:
                raise DirectoryError(f"{where}: hours {span!r} are not HH:MM-HH:MM")
            start, end = _time(*match.group(1, 2)), _time(*match.group(3, 4))
            if start >= end:
                raise DirectoryError(f"{where}: {span!r} ends before it starts")
            parsed.append((start, end))
        weekly[DAYS.index(day)] = tuple(parsed)
    return weekly


def parse_service(raw: dict, known_intents: Optional[set] = None) -> Service:
    where = f"service {raw.get('id', '?')}"
    required = ["id", "name", "offers", "anonymous", "free", "referral", "audience", "intents",
                "channels", "hours", "region", "source", "checked"]
    missing = [k for k in required if k not in raw]
    if missing:
        raise DirectoryError(f"{where}: missing {missing}")
    if set(raw["offers"]) != {"nb", "nn"} or not all(raw["offers"].values()):
        raise DirectoryError(f"{where}: offers needs nb and nn")
    anonymous = raw["anonymous"]
    if anonymous.get("level") not in ANONYMITY or not anonymous.get("reason"):
        raise DirectoryError(f"{where}: anonymous needs a level ({ANONYMITY}) and a reason")
    if raw["free"] not in (True, False, None) or raw["referral"] not in (True, False):
        raise DirectoryError(f"{where}: free is true/false/null, referral true/false")
    unknown = set(raw["audience"]) - AUDIENCES
    if unknown or not raw["audience"]:
        raise DirectoryError(f"{where}: unknown audience {unknown}")
    if known_intents is not None and (set(raw["intents"]) - known_intents or not raw["intents"]):
        raise DirectoryError(f"{where}: unknown intents {set(raw['intents']) - known_intents}")
    channels = raw["channels"]
    if not channels or set(channels) - CHANNELS:
        raise DirectoryError(f"{where}: channels must be among {CHANNELS}")
    if "phone" in channels and not PHONE.match(channels["phone"]):
        raise DirectoryError(f"{where}: {channels['phone']!r} is not a Norwegian phone number")
    for key in ("web", "chat"):
        if key in channels and not channels[key].startswith("https://"):
            raise DirectoryError(f"{where}: {key} must be an https URL")
    if not str(raw["source"]).startswith("https://"):
        raise DirectoryError(f"{where}: source must be an https URL")
    hours, weekly = raw["hours"], {}
    if isinstance(hours, dict) and set(hours) == {"weekly"}:
        weekly, hours = _parse_weekly(hours["weekly"], where), "weekly"
    elif hours not in HOURS_KINDS:
        raise DirectoryError(f"{where}: hours {hours!r} not understood")
    checked = raw["checked"]
    if not isinstance(checked, dt.date):
        raise DirectoryError(f"{where}: checked must be a date (YYYY-MM-DD)")
    return Service(
        id=raw["id"], name=raw["name"], offers=dict(raw["offers"]), anonymous=anonymous["level"],
        anonymous_reason=anonymous["reason"], free=raw["free"], referral=raw["referral"],
        audience=tuple(raw["audience"]), intents=tuple(raw["intents"]), channels=dict(channels),
        hours=hours, weekly=weekly, region=str(raw["region"]), source=raw["source"], checked=checked,
    )


def parse(document: dict, known_intents: Optional[set] = None) -> List[Service]:
    services = [parse_service(raw, known_intents) for raw in document["services"]]
    ids = [s.id for s in services]
    if len(ids) != len(set(ids)):
        raise DirectoryError("service ids must be unique")
    return services


@lru_cache(maxsize=4)
def load(path: Path = DEFAULT_PATH) -> Tuple[Service, ...]:
    """The directory, read once per process (it changes with a deploy)."""
    return tuple(parse(yaml.safe_load(Path(path).read_text(encoding="utf-8"))))
