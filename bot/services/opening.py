"""Is a channel (phone, chat, drop-in) open at a given moment (Europe/Oslo),
and when does it open? A service is open when any of its channels is known
to be open.

Weekly schedules close on Norwegian public holidays (the `holidays` package
keeps the calendar, moving feasts included); a span that runs past midnight
belongs to the day it began. The clock is always passed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, Optional, Tuple
from zoneinfo import ZoneInfo

import holidays

from bot.services.directory import Channel, Service, Span

OSLO = ZoneInfo("Europe/Oslo")
LOOKAHEAD_DAYS = 14


def now_in_oslo() -> dt.datetime:
    return dt.datetime.now(OSLO)


@lru_cache(maxsize=16)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.Norway(years=year)


def is_public_holiday(day: dt.date) -> bool:
    return day in _holidays(day.year)


@dataclass(frozen=True)
class Status:
    open_now: Optional[bool]  # None: not known (no confirmed hours, groups, written answers)
    closes: Optional[dt.datetime] = None  # when open on a weekly schedule
    opens: Optional[dt.datetime] = None  # when closed: the next opening
    channels: Dict[str, "Status"] = field(default_factory=dict)  # a service's: per person channel


def _spans(channel: Channel, day: dt.date) -> Tuple[Span, ...]:
    """The spans that run on this day; none that began on a public holiday."""
    return tuple(
        span for span in channel.weekly.get(day.weekday(), ())
        if not is_public_holiday(day - dt.timedelta(days=1) if span.carried else day)
    )


def _at(day: dt.date, moment: dt.time) -> dt.datetime:
    if moment == dt.time.max:  # midnight at the end of the day
        return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, 0), tzinfo=OSLO)
    return dt.datetime.combine(day, moment, tzinfo=OSLO)


def _closing(channel: Channel, day: dt.date, span: Span) -> dt.datetime:
    """When an open span ends, following it past midnight into the next day."""
    for _ in range(7):
        if span.end != dt.time.max:
            break
        following = [s for s in _spans(channel, day + dt.timedelta(days=1)) if s.start == dt.time(0, 0)]
        if not following:
            break
        day, span = day + dt.timedelta(days=1), following[0]
    return _at(day, span.end)


def channel_status(channel: Channel, when: dt.datetime) -> Status:
    if channel.hours == "always":
        return Status(open_now=True)
    if channel.hours != "weekly":
        return Status(open_now=None)
    local = when.astimezone(OSLO)
    for span in _spans(channel, local.date()):
        if span.start <= local.time() and (span.end == dt.time.max or local.time() < span.end):
            return Status(open_now=True, closes=_closing(channel, local.date(), span))
    return Status(open_now=False, opens=next_opening(channel, local))


def next_opening(channel: Channel, when: dt.datetime) -> Optional[dt.datetime]:
    local = when.astimezone(OSLO)
    for offset in range(LOOKAHEAD_DAYS):
        day = local.date() + dt.timedelta(days=offset)
        for span in _spans(channel, day):
            if span.carried:  # the tail of the day before, not an opening
                continue
            opening = dt.datetime.combine(day, span.start, tzinfo=OSLO)
            if opening > local:
                return opening
    return None


def status(service: Service, when: dt.datetime) -> Status:
    """Open if any person channel is known to be open; closed if all are known
    and closed (opening at the earliest of them); otherwise not known."""
    channels = {c.kind: channel_status(c, when) for c in service.contacts if c.person}
    states = [s.open_now for s in channels.values()]
    if any(states):
        closes = [s.closes for s in channels.values() if s.open_now]
        return Status(open_now=True, closes=None if None in closes else max(closes), channels=channels)
    if states and all(state is False for state in states):
        opens = [s.opens for s in channels.values() if s.opens]
        return Status(open_now=False, opens=min(opens) if opens else None, channels=channels)
    return Status(open_now=None, channels=channels)
