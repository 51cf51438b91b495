"""How a chosen service reads in the chat, in bokmål (nb), nynorsk (nn) or
English (en).

A line names the service and what it offers, then each way to reach it with
that channel's own hours ("tlf. 116 111 (åpent nå, hele døgnet) · chat https://…
(stengt nå – åpner i dag kl. 16.15)"), then anonymity, cost and the date its
source gives ("opplysning fra mars 2024"), and for a service that is not
fully anonymous, why, in one sentence. In English the same line reads
"phone 116 111 (open now, day and night) · chat https://… (closed now – opens
today at 16:15)" and "information from Mar 2024"; service names stay
Norwegian, and the list says the services answer in Norwegian.

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
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
# Month names as used in the date label (the same in bokmål and nynorsk).
MONTHS = ["jan.", "feb.", "mars", "april", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."]
# English: "information from Nov 2021", as the fixed English responses write it.
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
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
    # English: the same facts; the services are Norwegian and answer in
    # Norwegian (nothing in ../shared/knowledge says otherwise), and the
    # times are 24-hour ("until 22:00", "opens tomorrow at 16:15").
    "en": {
        "always": "open now, day and night", "open_until": "open now, until {time}",
        "closed": "closed now – opens {when} at {time}", "closed_unknown": "closed now",
        "per_group": "group meetings: see the times on the website", "written": "in writing, answered later",
        "appointment": "by appointment: book on the website",
        "unknown_site": "see the opening hours on the website", "unknown": "opening hours unknown",
        "local": "hours vary from place to place",
        "today": "today", "tomorrow": "tomorrow",
        "channel": {"phone": "phone {a}", "sms": "SMS {a}", "chat": "chat {a}", "drop_in": "drop-in: {a}",
                    "web": "{a}", "email": "e-mail {a}"},
        "anonymous": {"yes": "anonymous", "partly": "partly anonymous", "no": "not anonymous"},
        "free": "free", "dated": "information from {date}", "undated": "undated source",
        "intro": "Here is where you can get in touch. These are Norwegian services, and they answer in Norwegian:",
        "more_intro": "More places (they answer in Norwegian):",
        "none": "I have no more places to suggest for this right now.",
        "no_human": "None of the places for this topic answer right now{opens}. These answer day and night, anonymously, in Norwegian:",
        "opens": " – the first one opens {when} at {time}",
        "unsure": "I don't know for sure whether the places above answer right now. These answer day and night, anonymously, in Norwegian:",
        "no_people": "None of the places above has a phone or chat. If you want to talk to someone now, these answer day and night, anonymously, in Norwegian:",
    },
}


# --- dates -------------------------------------------------------------------


def month_year(date: SourceDate, form: str = "nb") -> str:
    """'nov. 2021', 'mars 2024' (en 'Nov 2021', 'Mar 2024'), or '2023' when the
    source gives only the year."""
    months = MONTHS_EN if form == "en" else MONTHS
    return f"{months[date.month - 1]} {date.year}" if date.month else str(date.year)


def date_label(service: Service, form: str, detail: Union[str, Sequence[str], None] = None) -> Optional[str]:
    """What users see about how old a detail is: "opplysning fra nov. 2021"
    (nn "opplysning frå nov. 2021", en "information from Nov 2021"), or
    "udatert kilde" (nn "udatert kjelde", en "undated source") when its
    sources carry no date. None for 113/112/110, which need no date.

    `detail` is one of the service's details ("phone", "chat", "hours", …) or
    several (the oldest counts); by default what a list line rests on: its
    channels and their hours."""
    if service.emergency:
        return None
    details = [detail] if isinstance(detail, str) else detail
    date = service.label_date(details)
    words = WORDS[form]
    return words["dated"].format(date=month_year(date, form)) if date else words["undated"]


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


def clock(moment: dt.time, form: str = "nb") -> str:
    """'11', '16.15', '24' (midnight at the end of a day): Norwegian style, one
    format everywhere. English: 24-hour '11:00', '16:15', 'midnight'."""
    if form == "en":
        return "midnight" if moment == dt.time.max else f"{moment.hour:02d}:{moment.minute:02d}"
    if moment == dt.time.max:
        return "24"
    return f"{moment.hour:02d}" if moment.minute == 0 else f"{moment.hour:02d}.{moment.minute:02d}"


def _closing_clock(closes: dt.datetime, form: str = "nb") -> str:
    local = closes.astimezone(OSLO).time()
    return clock(dt.time.max if local == dt.time(0, 0) else local, form)


def hours_text(channel: Channel, status: Status, now: dt.datetime, form: str, has_site: bool = True) -> Optional[str]:
    """A channel's own hours, e.g. "åpent nå, hele døgnet", "stengt nå – åpner i dag kl. 16.15"
    (en "open now, day and night", "closed now – opens today at 16:15");
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
        return words["open_until"].format(time=_closing_clock(status.closes, form))
    if status.opens is None:
        return words["closed_unknown"]
    return words["closed"].format(when=_when(status.opens, now, form), time=clock(status.opens.time(), form))


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
                when=_when(page.next_human_opening, now, form),
                time=clock(page.next_human_opening.astimezone(OSLO).time(), form),
            )
        if page.no_people and page.choices:
            lines.append(words["no_people"])
        elif page.hours_unknown and not opens and page.choices:
            lines.append(words["unsure"])
        else:
            lines.append(words["no_human"].format(opens=opens))
        lines += [service_line(c, now, form) for c in page.around_the_clock]
    return "\n".join(lines)
