"""How a chosen service reads in the chat, in bokmål (nb) or nynorsk (nn)."""

from __future__ import annotations

import datetime as dt
from typing import List

from bot.services.opening import OSLO, Status
from bot.services.selection import Choice, Page
from bot.services.directory import Service

WEEKDAYS = {
    "nb": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    "nn": ["måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "søndag"],
}
WORDS = {
    "nb": {
        "always": "åpent nå, hele døgnet", "open_until": "åpent nå, til kl. {time}",
        "closed": "stengt nå – åpner {when} kl. {time}", "closed_unknown": "stengt nå",
        "per_group": "møter i grupper: se tider på nettsiden", "written": "skriftlig, svar kommer senere",
        "unknown": "se åpningstider på nettsiden", "today": "i dag", "tomorrow": "i morgen",
        "anonymous": {"yes": "anonymt", "partly": "delvis anonymt", "no": "ikke anonymt"},
        "free": "gratis", "checked": "sist kontrollert {date}", "phone": "tlf.",
        "intro": "Her kan du ta kontakt:", "more_intro": "Flere steder:",
        "none": "Jeg har ikke flere steder å foreslå for dette akkurat nå.",
        "no_human": "Ingen av stedene for dette temaet svarer akkurat nå{opens}. Disse svarer hele døgnet, anonymt:",
        "opens": " – det første åpner {when} kl. {time}",
        "unsure": "Jeg vet ikke sikkert om stedene over svarer akkurat nå. Disse svarer hele døgnet, anonymt:",
    },
    "nn": {
        "always": "ope no, heile døgeret", "open_until": "ope no, til kl. {time}",
        "closed": "stengt no – opnar {when} kl. {time}", "closed_unknown": "stengt no",
        "per_group": "møte i grupper: sjå tider på nettsida", "written": "skriftleg, svar kjem seinare",
        "unknown": "sjå opningstider på nettsida", "today": "i dag", "tomorrow": "i morgon",
        "anonymous": {"yes": "anonymt", "partly": "delvis anonymt", "no": "ikkje anonymt"},
        "free": "gratis", "checked": "sist kontrollert {date}", "phone": "tlf.",
        "intro": "Her kan du ta kontakt:", "more_intro": "Fleire stader:",
        "none": "Eg har ikkje fleire stader å føreslå for dette akkurat no.",
        "no_human": "Ingen av stadene for dette temaet svarar akkurat no{opens}. Desse svarar heile døgeret, anonymt:",
        "opens": " – den første opnar {when} kl. {time}",
        "unsure": "Eg veit ikkje sikkert om stadene over svarar akkurat no. Desse svarar heile døgeret, anonymt:",
    },
}


def _when(moment: dt.datetime, now: dt.datetime, form: str) -> str:
    words = WORDS[form]
    days = (moment.astimezone(OSLO).date() - now.astimezone(OSLO).date()).days
    if days == 0:
        return words["today"]
    if days == 1:
        return words["tomorrow"]
    return WEEKDAYS[form][moment.weekday()]


def status_text(service: Service, status: Status, now: dt.datetime, form: str) -> str:
    words = WORDS[form]
    if service.hours == "always":
        return words["always"]
    if service.hours in ("per_group", "written", "unknown"):
        return words[service.hours]
    if status.open_now:
        return words["open_until"].format(time=_clock(status.closes))
    if status.opens is None:
        return words["closed_unknown"]
    return words["closed"].format(when=_when(status.opens, now, form), time=_clock(status.opens.time()))


def _clock(moment: dt.time) -> str:
    return "24" if moment == dt.time.max else moment.strftime("%H:%M").replace(":00", "")


def contact_text(service: Service, form: str) -> str:
    parts = []
    if "phone" in service.channels:
        parts.append(f"{WORDS[form]['phone']} {service.channels['phone']}")
    link = service.channels.get("chat") or service.channels.get("web")
    if link:
        parts.append(link)
    return ", ".join(parts)


def service_line(choice: Choice, now: dt.datetime, form: str) -> str:
    service, words = choice.service, WORDS[form]
    facts = [status_text(service, choice.status, now, form), words["anonymous"][service.anonymous]]
    if service.free:
        facts.append(words["free"])
    facts.append(words["checked"].format(date=service.checked.strftime("%d.%m.%Y")))
    return f"• {service.name}: {service.offers[form]}.\n  {contact_text(service, form)} · {' · '.join(facts)}"


def page_text(page: Page, now: dt.datetime, form: str, first_page: bool = True) -> str:
    words = WORDS[form]
    if not page.choices and not page.around_the_clock:
        return words["none"]
    lines: List[str] = []
    if page.choices:
        lines.append(words["intro"] if first_page else words["more_intro"])
        lines += [service_line(c, now, form) for c in page.choices]
    if page.no_human_open and page.around_the_clock:
        opens = ""
        if page.next_human_opening:
            opens = words["opens"].format(
                when=_when(page.next_human_opening, now, form), time=_clock(page.next_human_opening.time())
            )
        if page.hours_unknown and not opens and page.choices:
            lines.append(words["unsure"])
        else:
            lines.append(words["no_human"].format(opens=opens))
        lines += [service_line(c, now, form) for c in page.around_the_clock]
    return "\n".join(lines)
