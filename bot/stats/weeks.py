"""ISO weeks in Norwegian time: the finest time the statistics ever know."""

from __future__ import annotations

import datetime as dt
from typing import List

from bot.services.opening import OSLO, now_in_oslo as now  # noqa: F401 - one home for Oslo time


def week_of(when: dt.datetime) -> str:
    """'2026-W48' for any moment in that ISO week, Oslo time."""
    year, week, _ = when.astimezone(OSLO).isocalendar()
    return f"{year}-W{week:02d}"


def complete_weeks(today: dt.datetime, n: int) -> List[str]:
    """The last n weeks that have ended before `today`'s week, oldest first.
    The running week is left out: watching it grow would tell when someone asked."""
    monday = today.astimezone(OSLO).date() - dt.timedelta(days=today.astimezone(OSLO).weekday())
    return [week_of(dt.datetime.combine(monday - dt.timedelta(weeks=i), dt.time(12), OSLO)) for i in range(n, 0, -1)]
