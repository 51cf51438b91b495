"""Choose which services to show for a topic and who is asking."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence

from bot.services import opening
from bot.services.directory import ANONYMITY, Service

PAGE_SIZE = 3
# Who is asking, when nothing else is known: an adult asking for themselves.
DEFAULT_ASKER = frozenset({"self", "adults", "gambling", "drug_checking", "health_workers", "crisis"})
# Where urgency ranks before anonymity: 113/112 first, then the around-the-clock lines (M22).
URGENT_INTENTS = frozenset({"crisis_suicidal", "emergency_overdose", "unsafe_at_home"})


@dataclass(frozen=True)
class Choice:
    service: Service
    status: opening.Status


@dataclass(frozen=True)
class Page:
    choices: List[Choice]
    has_more: bool
    # Set when no person can be reached now for this topic: the next opening
    # of one that has hours, and the around-the-clock lines to use meanwhile.
    next_human_opening: Optional[dt.datetime]
    around_the_clock: List[Choice]
    no_human_open: bool  # no person for this topic is known to answer now
    hours_unknown: bool  # ...because some have no confirmed hours (not because all are closed)
    no_people: bool = False  # ...because no place for this topic has a phone, chat or drop-in

    @property
    def shown(self) -> List[str]:
        """Ids of the services this page lists (what the statistics count)."""
        extra = self.around_the_clock if self.no_human_open else []
        return [c.service.id for c in self.choices + extra]


def asker(relative: bool = False, youth: bool = False) -> frozenset:
    """The audience tags that fit the person asking."""
    tags = set(DEFAULT_ASKER)
    if relative:
        tags |= {"relatives", "parents"}
        tags -= {"self"}
    if youth:
        tags |= {"youth"}
        tags -= {"adults"}
    return frozenset(tags)


def fits(service: Service, audience: frozenset) -> bool:
    return bool(set(service.audience) & audience)


def _made_for(service: Service, prefer: frozenset) -> bool:
    """A service for relatives or youth in particular, not for everyone."""
    return bool(set(service.audience) & prefer) and "self" not in service.audience


def _rank(choice: Choice, order: int, prefer: frozenset, urgent: bool):
    service, open_now = choice.service, choice.status.open_now
    return (
        urgent and not service.emergency,  # urgent topics: 113/112 first,
        urgent and not service.phone_always,  # then the lines that answer at any hour
        open_now is False,  # closed ones last
        ANONYMITY.index(service.anonymous),  # anonymous first
        not _made_for(service, prefer),  # made for relatives/youth before general ones
        service.regional,  # everywhere before only in Oslo or some cities
        open_now is not True,  # known to be open before "see the website"
        order,
    )


def choose(
    services: Sequence[Service],
    intent: str,
    audience: frozenset,
    when: dt.datetime,
    offset: int = 0,
    people_only: bool = False,
) -> Page:
    prefer = audience & frozenset({"relatives", "youth"})
    urgent = intent in URGENT_INTENTS
    candidates = [
        (Choice(s, opening.status(s, when)), i)
        for i, s in enumerate(services)
        if intent in s.intents and fits(s, audience) and (s.reachable_by_person or not people_only)
    ]
    ranked = [c for c, _ in sorted(candidates, key=lambda ci: _rank(ci[0], ci[1], prefer, urgent))]
    page = ranked[offset : offset + PAGE_SIZE]
    people = [c for c in ranked if c.service.reachable_by_person]
    no_human_open = not any(c.status.open_now for c in people)
    openings = [c.status.opens for c in people if c.status.opens]
    shown = {c.service.id for c in page}
    around = [
        Choice(s, opening.status(s, when)) for s in around_the_clock(services) if s.id not in shown
    ] if no_human_open else []
    return Page(
        choices=page,
        has_more=len(ranked) > offset + PAGE_SIZE,
        next_human_opening=min(openings) if openings and no_human_open else None,
        around_the_clock=around,
        no_human_open=no_human_open,
        hours_unknown=any(c.status.open_now is None for c in people),
        no_people=not people,
    )


def around_the_clock(services: Iterable[Service]) -> List[Service]:
    """Anonymous phone lines a person answers at any hour (116 123, 22 40 00 40)."""
    return [s for s in services if s.phone_always and s.anonymous == "yes"]
