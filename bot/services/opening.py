"""Is a service open at a given moment (Europe/Oslo), and when does it open?

Weekly schedules close on Norwegian public holidays (the `holidays` package
keeps the calendar, moving feasts included). The clock is always passed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional
from zoneinfo import ZoneInfo

import holidays

from bot.services.directory import Service

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
    closes: Optional[dt.time] = None  # when open on a weekly schedule
    opens: Optional[dt.datetime] = None  # when closed: the next opening


def _spans(service: Service, day: dt.date):
    if is_public_holiday(day):
        return ()
    return service.weekly.get(day.weekday(), ())


def status(service: Service, when: dt.datetime) -> Status:
    if service.hours == "always":
        return Status(open_now=True)
    if service.hours != "weekly":
        return Status(open_now=None)
    local = when.astimezone(OSLO)
    for start, end in _spans(service, local.date()):
        if start <= local.time() < end:
            return Status(open_now=True, closes=end)
    return Status(open_now=False, opens=next_opening(service, local))


def next_opening(service: Service, when: dt.datetime) -> Optional[dt.datetime]:
    local = when.astimezone(OSLO)
    for offset in range(LOOKAHEAD_DAYS):
        day = local.date() + dt.timedelta(days=offset)
        for start, _ in sorted(_spans(service, day)):
            opening = dt.datetime.combine(day, start, tzinfo=OSLO)
            if opening > local:
                return opening
    return None
