"""How a chosen service reads in the chat, in bokmål (nb) or nynorsk (nn).

A line names the service and what it offers, then each way to reach it with
that channel's own hours ("tlf. 116 111 (åpent nå, hele døgnet) · chat https://…
(stengt nå – åpner i dag kl. 16.15)"), then anonymity, cost and the date its
source gives ("opplysning fra mars 2024"), and for a service that is not
fully anonymous, why, in one sentence.

`date_label(service, form, detail=None)` is the one place that date is
written; fixed responses that quote a number use it through `number_label`.
"""

from __future__ import annotations

import datetime as dt
from typing import List, Optional, Sequence, Union

from bot.services import directory
from bot.services.directory import Channel, Service, SourceDate
from bot.services.opening import OSLO, Status, channel_status
from bot.services.selection import Choice, Page

WEEKDAYS = {
    "nb": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    "nn": ["måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "søndag"],
}
# Month names as used in the date label (the same in bokmål and nynorsk).
MONTHS = ["jan.", "feb.", "mars", "april", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."]
WORDS = {
    "nb": {
        "always": "åpent nå, hele døgnet", "open_until": "åpent nå, til kl. {time}",
        "closed": "stengt nå – åpner {when} kl. {time}", "closed_unknown": "stengt nå",
        "per_group": "møter i grupper: se tider på nettsiden", "written": "skriftlig, svar kommer senere",
        "appointment": "etter avtale: bestill på nettsiden",
        "unknown_site": "se åpningstider på nettsiden", "unknown": "åpningstider ukjent",
        "local": "tider varierer fra sted til sted",
        "today": "i dag", "tomorrow": "i morgen",
        "channel": {"phone": "tlf. {a}", "sms": "SMS {a}", "chat": "chat {a}", "drop_in": "drop-in: {a}",
                    "web": "{a}", "email": "e-post {a}"},
        "anonymous": {"yes": "anonymt", "partly": "delvis anonymt", "no": "ikke anonymt"},
        "free": "gratis", "dated": "opplysning fra {date}", "undated": "udatert kilde",
        "intro": "Her kan du ta kontakt:", "more_intro": "Flere steder:",
        "none": "Jeg har ikke flere steder å foreslå for dette akkurat nå.",
        "no_human": "Ingen av stedene for dette temaet svarer akkurat nå{opens}. Disse svarer hele døgnet, anonymt:",
        "opens": " – det første åpner {when} kl. {time}",
        "unsure": "Jeg vet ikke sikkert om stedene over svarer akkurat nå. Disse svarer hele døgnet, anonymt:",
        "no_people": "Ingen av stedene over har telefon eller chat. Vil du snakke med noen nå, svarer disse hele døgnet, anonymt:",
    },
    "nn": {
        "always": "ope no, heile døgeret", "open_until": "ope no, til kl. {time}",
        "closed": "stengt no – opnar {when} kl. {time}", "closed_unknown": "stengt no",
        "per_group": "møte i grupper: sjå tider på nettsida", "written": "skriftleg, svar kjem seinare",
        "appointment": "etter avtale: bestill på nettsida",
        "unknown_site": "sjå opningstider på nettsida", "unknown": "opningstidene er ukjende",
        "local": "tidene varierer frå stad til stad",
        "today": "i dag", "tomorrow": "i morgon",
        "channel": {"phone": "tlf. {a}", "sms": "SMS {a}", "chat": "chat {a}", "drop_in": "drop-in: {a}",
                    "web": "{a}", "email": "e-post {a}"},
        "anonymous": {"yes": "anonymt", "partly": "delvis anonymt", "no": "ikkje anonymt"},
        "free": "gratis", "dated": "opplysning frå {date}", "undated": "udatert kjelde",
        "intro": "Her kan du ta kontakt:", "more_intro": "Fleire stader:",
        "none": "Eg har ikkje fleire stader å føreslå for dette akkurat no.",
        "no_human": "Ingen av stadene for dette temaet svarar akkurat no{opens}. Desse svarar heile døgeret, anonymt:",
        "opens": " – den første opnar {when} kl. {time}",
        "unsure": "Eg veit ikkje sikkert om stadene over svarar akkurat no. Desse svarar heile døgeret, anonymt:",
        "no_people": "Ingen av stadene over har telefon eller chat. Vil du snakke med nokon no, svarar desse heile døgeret, anonymt:",
    },
}


# --- dates -------------------------------------------------------------------


def month_year(date: SourceDate) -> str:
    """'nov. 2021', 'mars 2024', or '2023' when the source gives only the year."""
    return f"{MONTHS[date.month - 1]} {date.year}" if date.month else str(date.year)


def date_label(service: Service, form: str, detail: Union[str, Sequence[str], None] = None) -> Optional[str]:
    """What users see about how old a detail is: "opplysning fra nov. 2021"
    (nn "opplysning frå nov. 2021"), or "udatert kilde" (nn "udatert kjelde")
    when its sources carry no date. None for 113/112/110, which need no date.

    `detail` is one of the service's details ("phone", "chat", "hours", …) or
    several (the oldest counts); by default what a list line rests on: its
    channels and their hours."""
    if service.emergency:
        return None
    details = [detail] if isinstance(detail, str) else detail
    date = service.label_date(details)
    words = WORDS[form]
    return words["dated"].format(date=month_year(date)) if date else words["undated"]


def number_label(number: str, form: str) -> Optional[str]:
    """The date label for a phone number quoted in a fixed response: the date
    of the number and of its hours, e.g. number_label("116 123", "nb") ->
    "opplysning fra nov. 2021". KeyError if the number is not in the directory."""
    service = directory.by_phone(number)
    phone = service.channel("phone")
    return date_label(service, form, ["phone"] + (["hours"] if phone.hours in directory.CLAIMED_HOURS else []))


# --- hours -------------------------------------------------------------------


def _when(moment: dt.datetime, now: dt.datetime, form: str) -> str:
    words = WORDS[form]
    days = (moment.astimezone(OSLO).date() - now.astimezone(OSLO).date()).days
    if days == 0:
        return words["today"]
    if days == 1:
        return words["tomorrow"]
    return WEEKDAYS[form][moment.weekday()]


def clock(moment: dt.time) -> str:
    """'11', '16.15', '24' (midnight at the end of a day): Norwegian style, one format everywhere."""
    if moment == dt.time.max:
        return "24"
    return f"{moment.hour:02d}" if moment.minute == 0 else f"{moment.hour:02d}.{moment.minute:02d}"


def _closing_clock(closes: dt.datetime) -> str:
    local = closes.astimezone(OSLO).time()
    return "24" if local == dt.time(0, 0) else clock(local)


def hours_text(channel: Channel, status: Status, now: dt.datetime, form: str, has_site: bool = True) -> Optional[str]:
    """A channel's own hours, e.g. "åpent nå, hele døgnet", "stengt nå – åpner i dag kl. 16.15";
    None for a plain website or address."""
    words = WORDS[form]
    if channel.hours == "none":
        return None
    if channel.hours == "always":
        return words["always"]
    if channel.hours == "unknown":
        return words["unknown_site" if has_site else "unknown"]
    if channel.hours != "weekly":
        return words[channel.hours]
    if status.open_now:
        return words["open_until"].format(time=_closing_clock(status.closes))
    if status.opens is None:
        return words["closed_unknown"]
    return words["closed"].format(when=_when(status.opens, now, form), time=clock(status.opens.time()))


def _shown_channels(service: Service) -> List[Channel]:
    """Every channel, but a website that is the chat's own address only once."""
    chat = service.channel("chat")
    return [c for c in service.contacts if not (c.kind == "web" and chat and chat.address == c.address)]


def contact_text(service: Service, status: Optional[Status], now: dt.datetime, form: str) -> str:
    channels = _shown_channels(service)
    has_site = any(c.url for c in channels)
    parts = []
    for channel in channels:
        text = WORDS[form]["channel"][channel.kind].format(a=channel.address)
        state = (status.channels.get(channel.kind) if status else None) or channel_status(channel, now)
        hours = hours_text(channel, state, now, form, has_site)
        parts.append(f"{text} ({hours})" if hours else text)
    return " · ".join(parts)


def service_line(choice: Choice, now: dt.datetime, form: str) -> str:
    service, words = choice.service, WORDS[form]
    facts = [words["anonymous"][service.anonymous]]
    if service.free:
        facts.append(words["free"])
    label = date_label(service, form)
    if label:
        facts.append(label)
    lines = [
        f"• {service.display_name(form)}: {service.offers[form]}.",
        f"  {contact_text(service, choice.status, now, form)}",
        f"  {' · '.join(facts)}",
    ]
    if service.anonymous != "yes":
        lines.append(f"  {service.anonymous_reason[form]}")
    return "\n".join(lines)


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
                when=_when(page.next_human_opening, now, form), time=clock(page.next_human_opening.astimezone(OSLO).time())
            )
        if page.no_people and page.choices:
            lines.append(words["no_people"])
        elif page.hours_unknown and not opens and page.choices:
            lines.append(words["unsure"])
        else:
            lines.append(words["no_human"].format(opens=opens))
        lines += [service_line(c, now, form) for c in page.around_the_clock]
    return "\n".join(lines)
