"""Load and validate data/services.yml into plain dataclasses.

Each service has channels (phone, chat, …) with their own hours, and source
records that say which details each source confirms and when (its own date,
not the day someone read it). `Service.detail_date` gives the date a detail
rests on; `bot.services.wording.date_label` turns it into what users see.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, NamedTuple, Optional, Tuple
from urllib.parse import urlparse

import yaml

from bot.settings import ROOT

DEFAULT_PATH = ROOT / "data" / "services.yml"
# The wording forms: bokmål, nynorsk, English (bot/languages.py answer_form).
FORMS = ("nb", "nn", "en")
AUDIENCES = {"self", "relatives", "youth", "parents", "adults", "gambling", "drug_checking",
             "health_workers", "crisis"}
ANONYMITY = ("yes", "partly", "no")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Channel kind -> (the key holding its address, the hours it may have, the default).
PERSON_HOURS = ("always", "unknown", "local", "weekly")
CHANNEL_KINDS: Dict[str, Tuple[str, Tuple[str, ...], str]] = {
    "phone": ("number", PERSON_HOURS, "unknown"),
    "sms": ("number", PERSON_HOURS, "unknown"),
    "chat": ("url", PERSON_HOURS, "unknown"),
    "drop_in": ("address", PERSON_HOURS, "unknown"),
    "web": ("url", ("none", "per_group", "written", "appointment", "local"), "none"),
    "email": ("address", ("none", "written"), "none"),
}
CHANNEL_ORDER = tuple(CHANNEL_KINDS)
PERSON_CHANNELS = ("phone", "sms", "chat", "drop_in")  # a person answers (hours apply)
# Hours that claim something a source must confirm (not "unknown", "local", "none").
CLAIMED_HOURS = {"always", "weekly", "per_group", "written", "appointment"}
DETAILS = set(CHANNEL_KINDS) | {"hours", "anonymous", "free", "operator", "offers"}
# Fixed by law: no "opplysning fra" date (../shared/knowledge/facts.md, Clarifications).
EMERGENCY_NUMBERS = frozenset({"110", "112", "113"})
# 3-digit emergency numbers, 5-digit short numbers, 6-digit 116 xxx lines, 8-digit numbers.
PHONE = re.compile(r"^(?:\d{3}|\d{5}|\d{3} \d{3}|\d{3} \d{3} \d{2}|\d{3} \d{2} \d{3}|\d{2} \d{2} \d{2} \d{2})$")
SPAN = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))(\+1)?$")
SOURCE_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class DirectoryError(ValueError):
    """data/services.yml does not have the shape the assistant relies on."""


class Span(NamedTuple):
    start: dt.time
    end: dt.time  # dt.time.max: until midnight
    carried: bool = False  # the part after midnight of a span that began the day before


@dataclass(frozen=True)
class Channel:
    kind: str  # phone | sms | chat | drop_in | web | email
    address: str  # number, URL or street address
    hours: str  # always | weekly | unknown | local | per_group | written | appointment | none
    weekly: Dict[int, Tuple[Span, ...]] = field(default_factory=dict)  # weekday (0 = Monday) -> spans

    @property
    def person(self) -> bool:
        return self.kind in PERSON_CHANNELS

    @property
    def url(self) -> Optional[str]:
        return self.address if self.kind in ("chat", "web") else None


@dataclass(frozen=True, order=True)
class SourceDate:
    """A source's own date: a year, a month or a day."""

    year: int
    month: Optional[int] = None
    day: Optional[int] = None

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def text(self) -> str:
        return "-".join([f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p])

    def key(self) -> Tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True)
class Source:
    url: str
    date: Optional[SourceDate]  # None: undated
    covers: Tuple[str, ...]
    note: str = ""

    @property
    def front_page(self) -> bool:
        return urlparse(self.url).path.strip("/") == ""


@dataclass(frozen=True)
class Unconfirmed:
    """A detail left out until someone confirms it."""

    service: str  # the service's name
    detail: str
    value: str
    url: Optional[str]
    date: Optional[SourceDate]
    note: str = ""


@dataclass(frozen=True)
class Service:
    id: str
    names: Dict[str, str]  # form (nb, nn, en) -> name; en is the bokmål name
    operator: Optional[str]
    offers: Dict[str, str]  # form (nb, nn, en) -> text
    anonymous: str  # yes | partly | no
    anonymous_reason: Dict[str, str]  # form (nb, nn, en) -> one sentence
    free: Optional[bool]
    referral: bool
    audience: Tuple[str, ...]
    intents: Tuple[str, ...]
    contacts: Tuple[Channel, ...]  # in CHANNEL_ORDER
    region: str
    sources: Tuple[Source, ...]
    unconfirmed: Tuple[Unconfirmed, ...] = ()

    @property
    def name(self) -> str:
        return self.names["nb"]

    @property
    def channels(self) -> Dict[str, str]:
        """Channel kind -> address (number, URL, street address)."""
        return {c.kind: c.address for c in self.contacts}

    def channel(self, kind: str) -> Optional[Channel]:
        return next((c for c in self.contacts if c.kind == kind), None)

    @property
    def reachable_by_person(self) -> bool:
        """A human answers by phone, SMS, chat or drop-in (not a website or a group)."""
        return any(c.person for c in self.contacts)

    @property
    def emergency(self) -> bool:
        """113, 112 or 110: fixed by law, first when it is urgent, no date shown."""
        phone = self.channel("phone")
        return phone is not None and phone.address in EMERGENCY_NUMBERS

    @property
    def phone_always(self) -> bool:
        phone = self.channel("phone")
        return phone is not None and phone.hours == "always"

    @property
    def regional(self) -> bool:
        """Only in some places (Oslo, 14 byer), not everywhere."""
        return self.region not in ("national", "municipal")

    def details(self) -> List[str]:
        """The details this entry states, each of which a source must confirm."""
        present = [c.kind for c in self.contacts]
        if any(c.hours in CLAIMED_HOURS for c in self.contacts):
            present.append("hours")
        present.append("anonymous")
        if self.free is not None:
            present.append("free")
        if self.operator:
            present.append("operator")
        return present

    def shown_details(self) -> List[str]:
        """What a list line rests on: how to reach it, and when."""
        return [d for d in self.details() if d in CHANNEL_KINDS or d == "hours"]

    def sources_for(self, detail: str) -> List[Source]:
        return [s for s in self.sources if detail in s.covers]

    def detail_date(self, detail: str) -> Optional[SourceDate]:
        """The newest date a source gives for this detail; None when its sources are undated."""
        dates = [s.date for s in self.sources_for(detail) if s.date]
        return max(dates, key=SourceDate.key) if dates else None

    def label_date(self, details: Optional[Iterable[str]] = None) -> Optional[SourceDate]:
        """The date the given details (default: the line's) rest on: the oldest of
        their dates, or None when any of them is undated."""
        dates = [self.detail_date(d) for d in (details or self.shown_details())]
        if not dates or any(d is None for d in dates):
            return None
        return min(dates, key=SourceDate.key)

    def display_name(self, form: str) -> str:
        name = self.names[form]
        if self.operator and self.operator.lower() not in name.lower():
            name = f"{name} ({self.operator})"
        return name


# --- parsing -----------------------------------------------------------------


def _forms(value, where: str, what: str, allow_plain: bool = False,
           optional: Tuple[str, ...] = ()) -> Dict[str, str]:
    """One text per form. `optional` forms may be left out and then read as
    bokmål (a service's name stays Norwegian in English)."""
    if allow_plain and isinstance(value, str) and value:
        return {form: value for form in FORMS}
    needed = set(FORMS) - set(optional)
    if not isinstance(value, dict) or not needed <= set(value) <= set(FORMS) or not all(
            isinstance(v, str) and v.strip() for v in value.values()):
        raise DirectoryError(f"{where}: {what} needs {', '.join(f for f in FORMS if f in needed)}")
    return {form: value.get(form, value["nb"]) for form in FORMS}


def _days(key: str, where: str) -> List[int]:
    if "-" in key:
        first, _, last = key.partition("-")
        if first not in DAYS or last not in DAYS or DAYS.index(first) > DAYS.index(last):
            raise DirectoryError(f"{where}: unknown days {key!r}")
        return list(range(DAYS.index(first), DAYS.index(last) + 1))
    if key not in DAYS:
        raise DirectoryError(f"{where}: unknown day {key!r}")
    return [DAYS.index(key)]


def _parse_weekly(raw, where: str) -> Dict[int, Tuple[Span, ...]]:
    if not isinstance(raw, dict) or not raw:
        raise DirectoryError(f"{where}: weekly needs days")
    spans: Dict[int, List[Span]] = {}
    for key, values in raw.items():
        if not isinstance(values, list) or not values:
            raise DirectoryError(f"{where}: {key} needs a list of spans")
        for day in _days(str(key), where):
            for value in values:
                match = SPAN.match(str(value))
                if not match:
                    raise DirectoryError(f"{where}: hours {value!r} are not HH:MM-HH:MM (or …+1)")
                h1, m1, h2, m2, h24, _, next_day = match.groups()
                start = dt.time(int(h1), int(m1))
                end = dt.time.max if h24 else dt.time(int(h2), int(m2))
                if next_day:
                    if h24 or end >= start:
                        raise DirectoryError(f"{where}: {value!r}: +1 is for spans that end after midnight")
                    spans.setdefault(day, []).append(Span(start, dt.time.max))
                    spans.setdefault((day + 1) % 7, []).append(Span(dt.time(0, 0), end, carried=True))
                elif start >= end:
                    raise DirectoryError(f"{where}: {value!r} ends before it starts (add +1 if it ends after midnight)")
                else:
                    spans.setdefault(day, []).append(Span(start, end))
    weekly = {}
    for day, day_spans in spans.items():
        ordered = sorted(day_spans)
        for before, after in zip(ordered, ordered[1:]):
            if after.start < before.end:
                raise DirectoryError(f"{where}: overlapping hours on {DAYS[day]}")
        weekly[day] = tuple(ordered)
    return weekly


def _parse_channel(kind: str, raw, where: str) -> Channel:
    if kind not in CHANNEL_KINDS:
        raise DirectoryError(f"{where}: channels must be among {sorted(CHANNEL_KINDS)}")
    key, allowed, default = CHANNEL_KINDS[kind]
    where = f"{where} {kind}"
    if isinstance(raw, dict):
        if set(raw) - {key, "hours"} or key not in raw:
            raise DirectoryError(f"{where}: needs {key} (and optionally hours)")
        address, hours = raw[key], raw.get("hours", default)
    else:
        address, hours = raw, default
    address = str(address or "")
    if key == "number" and not PHONE.match(address):
        raise DirectoryError(f"{where}: {address!r} is not a Norwegian phone number")
    if key == "url" and not address.startswith("https://"):
        raise DirectoryError(f"{where}: {address!r} must be an https URL")
    if not address:
        raise DirectoryError(f"{where}: empty {key}")
    weekly: Dict[int, Tuple[Span, ...]] = {}
    if isinstance(hours, dict) and set(hours) == {"weekly"} and "weekly" in allowed:
        weekly, hours = _parse_weekly(hours["weekly"], where), "weekly"
    elif hours not in allowed or hours == "weekly":
        raise DirectoryError(f"{where}: hours {hours!r} not understood (one of {allowed})")
    return Channel(kind, address, hours, weekly)


def _parse_date(raw, where: str) -> Optional[SourceDate]:
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        raise DirectoryError(f"{where}: a date, not a time")
    if isinstance(raw, dt.date):
        return SourceDate(raw.year, raw.month, raw.day)
    match = SOURCE_DATE.match(str(raw))
    if not match:
        raise DirectoryError(f"{where}: date {raw!r} is not YYYY, YYYY-MM, YYYY-MM-DD or null")
    year, month, day = (int(p) if p else None for p in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as error:
        raise DirectoryError(f"{where}: date {raw!r}: {error}") from None
    return SourceDate(year, month, day)


def _parse_url(raw, where: str, optional: bool = False) -> Optional[str]:
    if raw is None and optional:
        return None
    if not isinstance(raw, str) or not raw.startswith(("https://", "http://")):
        raise DirectoryError(f"{where}: url {raw!r} must be an http(s) URL")
    return raw


def _parse_unconfirmed(raw, service: str, where: str) -> Unconfirmed:
    if not isinstance(raw, dict) or set(raw) - {"service", "detail", "value", "url", "date", "note"}:
        raise DirectoryError(f"{where}: unconfirmed entries have detail, value, url, date, note")
    if raw.get("detail") not in DETAILS or not raw.get("value"):
        raise DirectoryError(f"{where}: unconfirmed needs a detail among {sorted(DETAILS)} and a value")
    return Unconfirmed(
        service=str(raw.get("service") or service), detail=raw["detail"], value=str(raw["value"]),
        url=_parse_url(raw.get("url"), where, optional=True), date=_parse_date(raw.get("date"), where),
        note=str(raw.get("note") or ""),
    )


def parse_service(raw: dict, known_intents: Optional[set] = None) -> Service:
    where = f"service {raw.get('id', '?')}"
    required = ["id", "name", "offers", "anonymous", "free", "referral", "audience", "intents",
                "channels", "region", "sources"]
    missing = [k for k in required if k not in raw]
    if missing:
        raise DirectoryError(f"{where}: missing {missing}")
    unknown_keys = set(raw) - set(required) - {"operator", "unconfirmed"}
    if unknown_keys:
        raise DirectoryError(f"{where}: unknown fields {sorted(unknown_keys)}")
    names = _forms(raw["name"], where, "name", allow_plain=True, optional=("en",))
    offers = _forms(raw["offers"], where, "offers")
    anonymous = raw["anonymous"]
    if not isinstance(anonymous, dict) or anonymous.get("level") not in ANONYMITY:
        raise DirectoryError(f"{where}: anonymous needs a level ({ANONYMITY}) and a reason")
    reason = _forms(anonymous.get("reason"), where, "anonymous.reason")
    if raw["free"] not in (True, False, None) or raw["referral"] not in (True, False):
        raise DirectoryError(f"{where}: free is true/false/null, referral true/false")
    unknown = set(raw["audience"] or ()) - AUDIENCES
    if unknown or not raw["audience"]:
        raise DirectoryError(f"{where}: unknown audience {unknown}")
    if known_intents is not None and (set(raw["intents"]) - known_intents or not raw["intents"]):
        raise DirectoryError(f"{where}: unknown intents {set(raw['intents']) - known_intents}")
    if not isinstance(raw["channels"], dict) or not raw["channels"]:
        raise DirectoryError(f"{where}: channels must be among {sorted(CHANNEL_KINDS)}")
    contacts = [_parse_channel(kind, value, where) for kind, value in raw["channels"].items()]
    contacts.sort(key=lambda c: CHANNEL_ORDER.index(c.kind))
    operator = raw.get("operator")
    if operator is not None and (not isinstance(operator, str) or not operator.strip()):
        raise DirectoryError(f"{where}: operator is a name")
    if not isinstance(raw["sources"], list) or not raw["sources"]:
        raise DirectoryError(f"{where}: sources needs at least one source record")
    sources = []
    for i, record in enumerate(raw["sources"]):
        at = f"{where} source {i + 1}"
        if not isinstance(record, dict) or set(record) - {"url", "date", "covers", "note"} or "date" not in record:
            raise DirectoryError(f"{at}: a source has url, date (null if undated), covers and maybe a note")
        covers = record.get("covers")
        if not isinstance(covers, list) or not covers or set(covers) - DETAILS:
            raise DirectoryError(f"{at}: covers lists details among {sorted(DETAILS)}")
        sources.append(Source(_parse_url(record.get("url"), at), _parse_date(record["date"], at),
                              tuple(covers), str(record.get("note") or "")))
    service = Service(
        id=raw["id"], names=names, operator=operator, offers=offers, anonymous=anonymous["level"],
        anonymous_reason=reason, free=raw["free"], referral=raw["referral"],
        audience=tuple(raw["audience"]), intents=tuple(raw["intents"]), contacts=tuple(contacts),
        region=str(raw["region"]), sources=tuple(sources),
        unconfirmed=tuple(_parse_unconfirmed(u, names["nb"], f"{where} unconfirmed")
                          for u in raw.get("unconfirmed") or ()),
    )
    present = set(service.details()) | {"offers"}
    for source in sources:
        if set(source.covers) - present:
            raise DirectoryError(f"{where}: {source.url} covers {sorted(set(source.covers) - present)}, "
                                 "which the entry does not state")
    uncovered = [d for d in service.details() if not service.sources_for(d)]
    if uncovered:
        raise DirectoryError(f"{where}: no source confirms {uncovered}")
    return service


@dataclass(frozen=True)
class Directory:
    services: Tuple[Service, ...]
    not_listed: Tuple[Unconfirmed, ...]  # services left out, and why


def parse_document(document: dict, known_intents: Optional[set] = None) -> Directory:
    services = [parse_service(raw, known_intents) for raw in document["services"]]
    ids = [s.id for s in services]
    if len(ids) != len(set(ids)):
        raise DirectoryError("service ids must be unique")
    numbers = [c.address for s in services for c in s.contacts if c.kind == "phone"]
    if len(numbers) != len(set(numbers)):
        raise DirectoryError("a phone number belongs to one service")
    not_listed = []
    for raw in document.get("not_listed") or ():
        if not isinstance(raw, dict) or not raw.get("service"):
            raise DirectoryError("not_listed entries name their service")
        not_listed.append(_parse_unconfirmed(raw, raw["service"], f"not_listed {raw['service']}"))
    return Directory(tuple(services), tuple(not_listed))


def parse(document: dict, known_intents: Optional[set] = None) -> List[Service]:
    return list(parse_document(document, known_intents).services)


@lru_cache(maxsize=4)
def load_directory(path: Path = DEFAULT_PATH) -> Directory:
    """The directory, read once per process (it changes with a deploy)."""
    return parse_document(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


def load(path: Path = DEFAULT_PATH) -> Tuple[Service, ...]:
    return load_directory(path).services


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def by_phone(number: str, services: Optional[Iterable[Service]] = None) -> Service:
    """The service a phone number belongs to ("116 123" or "116123"); KeyError if none."""
    wanted = _digits(number)
    for service in services if services is not None else load():
        phone = service.channel("phone")
        if phone and _digits(phone.address) == wanted:
            return service
    raise KeyError(f"no service in the directory has the number {number!r}")


def by_id(service_id: str, services: Optional[Iterable[Service]] = None) -> Service:
    for service in services if services is not None else load():
        if service.id == service_id:
            return service
    raise KeyError(service_id)
