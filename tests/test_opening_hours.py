"""'Open now' with a fixed clock, per channel: weekday afternoon, weekday night,
Sunday and a Norwegian public holiday against a line open weekdays 11–18; the
real schedules of Alarmtelefonen, Kors på halsen and Uteseksjonen (which runs
past midnight); and the ranking and fallbacks that depend on them."""

import datetime as dt

import pytest

from bot.services import directory, selection, wording
from bot.services.opening import OSLO, channel_status, status

WEEKDAY_LINE = directory.parse_service({
    "id": "test_line", "name": "Testlinja",
    "offers": {"nb": "råd på telefon", "nn": "råd på telefon", "en": "advice by phone"},
    "anonymous": {"level": "yes", "reason": {"nb": "Ingen navn.", "nn": "Ingen namn.", "en": "No names."}},
    "free": True, "referral": False,
    "audience": ["self"], "intents": ["fear_police"],
    "channels": {"phone": {"number": "800 00 000", "hours": {"weekly": {"mon-fri": ["11:00-18:00"]}}}},
    "region": "national",
    "sources": [{"url": "https://example.no/om", "date": "2026-10", "covers": ["phone", "hours", "anonymous", "free"]}],
})
SERVICES = {s.id: s for s in directory.load()}


def at(*args):
    return dt.datetime(*args, tzinfo=OSLO)


def hours(service, kind, when, form="nb"):
    """What the line says about one channel's hours at `when`."""
    channel = service.channel(kind)
    return wording.hours_text(channel, channel_status(channel, when), when, form)


def line(service_id, when, form="nb"):
    service = SERVICES[service_id]
    return wording.service_line(selection.Choice(service, status(service, when)), when, form)


def test_weekday_afternoon_is_open():
    assert hours(WEEKDAY_LINE, "phone", at(2026, 11, 24, 15, 0)) == "åpent nå, til kl. 18"


def test_weekday_night_opens_tomorrow():
    assert hours(WEEKDAY_LINE, "phone", at(2026, 11, 24, 23, 40)) == "stengt nå – åpner i morgen kl. 11"


def test_early_morning_opens_today():
    assert hours(WEEKDAY_LINE, "phone", at(2026, 11, 24, 7, 5)) == "stengt nå – åpner i dag kl. 11"


def test_sunday_is_closed():
    assert hours(WEEKDAY_LINE, "phone", at(2026, 11, 29, 14, 0)) == "stengt nå – åpner i morgen kl. 11"
    assert hours(WEEKDAY_LINE, "phone", at(2026, 11, 28, 23, 40)) == "stengt nå – åpner mandag kl. 11"  # Saturday night


def test_public_holiday_is_closed():
    # Ascension Day (Thursday 14 May 2026), a moving holiday: closed at noon.
    assert hours(WEEKDAY_LINE, "phone", at(2026, 5, 14, 12, 0)) == "stengt nå – åpner i morgen kl. 11"
    # Christmas Day is a Friday in 2026; 26 December is a Saturday: Monday next.
    assert hours(WEEKDAY_LINE, "phone", at(2026, 12, 25, 12, 0)) == "stengt nå – åpner mandag kl. 11"


def test_nynorsk_wording():
    assert hours(WEEKDAY_LINE, "phone", at(2026, 11, 24, 23, 40), "nn") == "stengt no – opnar i morgon kl. 11"


def test_summer_time_is_oslo_time():
    # 10:30 UTC in June is 12:30 in Oslo: open.
    assert status(WEEKDAY_LINE, dt.datetime(2026, 6, 2, 10, 30, tzinfo=dt.timezone.utc)).open_now


# --- channels with their own hours -------------------------------------------------


def test_alarmtelefonen_chat_opens_at_16_15_while_the_phone_is_always_open():
    tuesday_2pm = at(2026, 11, 24, 14, 0)
    assert "tlf. 116 111 (åpent nå, hele døgnet) · chat https://www.116111.no (stengt nå – åpner i dag kl. 16.15)" in line(
        "alarmtelefonen", tuesday_2pm)
    tuesday_8pm = at(2026, 11, 24, 20, 0)
    assert "chat https://www.116111.no (åpent nå, til kl. 22.45)" in line("alarmtelefonen", tuesday_8pm)
    assert status(SERVICES["alarmtelefonen"], tuesday_2pm).open_now  # the phone answers


def test_alarmtelefonen_chat_is_open_later_on_saturday():
    assert hours(SERVICES["alarmtelefonen"], "chat", at(2026, 11, 28, 23, 0)) == "åpent nå, til kl. 23.45"
    assert hours(SERVICES["alarmtelefonen"], "chat", at(2026, 11, 24, 23, 0)) == "stengt nå – åpner i morgen kl. 16.15"


def test_kors_pa_halsen_phone_is_closed_on_saturday_while_the_chat_is_open():
    saturday = at(2026, 11, 28, 15, 0)
    text = line("kors_pa_halsen", saturday)
    assert "tlf. 800 33 321 (stengt nå – åpner mandag kl. 14)" in text
    assert "chat https://korspåhalsen.no (åpent nå, til kl. 22)" in text
    assert status(SERVICES["kors_pa_halsen"], saturday).open_now  # open: the chat is


def test_uteseksjonen_is_open_at_2_on_saturday_night_after_friday():
    saturday_2am = at(2026, 11, 28, 2, 0)
    assert hours(SERVICES["uteseksjonen"], "phone", saturday_2am) == "åpent nå, til kl. 04"
    assert hours(SERVICES["uteseksjonen"], "phone", at(2026, 11, 28, 5, 0)) == "stengt nå – åpner i dag kl. 10"
    # Friday evening: open through midnight until 04 on Saturday.
    assert hours(SERVICES["uteseksjonen"], "phone", at(2026, 11, 27, 23, 0)) == "åpent nå, til kl. 04"
    # Monday to Thursday it closes at midnight, and Thursday night is closed.
    assert hours(SERVICES["uteseksjonen"], "phone", at(2026, 11, 26, 23, 0)) == "åpent nå, til kl. 24"
    assert hours(SERVICES["uteseksjonen"], "phone", at(2026, 11, 27, 2, 0)) == "stengt nå – åpner i dag kl. 08"


def test_a_span_after_midnight_belongs_to_the_day_it_began():
    # Christmas Day 2026 is a Friday: no Friday evening, so no Saturday 02:00 either.
    assert hours(SERVICES["uteseksjonen"], "phone", at(2026, 12, 26, 2, 0)).startswith("stengt nå")


def test_a_chat_is_never_next_to_hele_dognet_unless_the_chat_is():
    for when in (at(2026, 11, 24, 3, 0), at(2026, 11, 24, 14, 0), at(2026, 11, 28, 20, 0)):
        for service in SERVICES.values():
            chat = service.channel("chat")
            if not chat:
                continue
            contacts = line(service.id, when).splitlines()[1].strip()
            chat_part = next(p for p in contacts.split(" · ") if p.startswith("chat "))
            assert ("hele døgnet" in chat_part) == (chat.hours == "always"), (service.id, chat_part)
    assert "chat https://www.soschat.no (se åpningstider på nettsiden)" in line("kirkens_sos", at(2026, 11, 24, 3, 0))
    assert "tlf. 116 123 (åpent nå, hele døgnet) · chat https://sidetmedord.no (se åpningstider" in line(
        "mental_helse", at(2026, 11, 24, 3, 0))


def test_times_read_the_same_way_everywhere():
    assert wording.clock(dt.time(16, 15)) == "16.15"
    assert wording.clock(dt.time(9, 0)) == "09"
    assert wording.clock(dt.time.max) == "24"


def test_a_span_past_midnight_must_say_so():
    raw = {"id": "x", "name": "X", "offers": {"nb": "a", "nn": "a", "en": "a"},
           "anonymous": {"level": "yes", "reason": {"nb": "a", "nn": "a", "en": "a"}}, "free": None, "referral": False,
           "audience": ["self"], "intents": ["fear_police"], "region": "national",
           "sources": [{"url": "https://example.no/om", "date": None, "covers": ["phone", "hours", "anonymous"]}]}
    with pytest.raises(directory.DirectoryError):
        directory.parse_service({**raw, "channels": {"phone": {"number": "800 00 000",
                                                              "hours": {"weekly": {"fri": ["08:00-04:00"]}}}}})
    parsed = directory.parse_service({**raw, "channels": {"phone": {"number": "800 00 000",
                                                                   "hours": {"weekly": {"fri": ["08:00-04:00+1"]}}}}})
    assert parsed.channel("phone").weekly[5] == (directory.Span(dt.time(0, 0), dt.time(4, 0), carried=True),)


# --- choosing and the fallbacks ----------------------------------------------------


@pytest.fixture
def services():
    return list(directory.load()) + [WEEKDAY_LINE]


def test_open_lines_come_before_closed_ones(services):
    page = selection.choose(services, "fear_police", selection.asker(), at(2026, 11, 24, 15, 0))
    assert page.choices[0].service.id == "test_line"
    night = selection.choose(services, "fear_police", selection.asker(), at(2026, 11, 24, 23, 40))
    assert night.choices[-1].service.id == "test_line"


def test_when_no_person_answers_the_next_opening_and_24_7_lines_are_given(services):
    now = at(2026, 11, 29, 23, 40)
    page = selection.choose(services, "fear_police", selection.asker(), now)
    assert page.no_human_open
    assert page.next_human_opening == at(2026, 11, 30, 11, 0)
    words = wording.page_text(page, now, "nb")
    assert "det første åpner i morgen kl. 11" in words
    assert "116 123" in words and "22 40 00 40" in words


def test_a_topic_without_phone_or_chat_is_not_said_to_be_closed():
    now = at(2026, 11, 24, 15, 0)
    page = selection.choose(directory.load(), "ask_drug_checking", selection.asker(), now)
    words = wording.page_text(page, now, "nb")
    assert "Rusmiddelanalyse" in words
    assert "svarer akkurat nå" not in words
    assert "Ingen av stedene over har telefon eller chat" in words and "116 123" in words


def test_at_most_three_and_anonymous_first(services):
    page = selection.choose(services, "ask_anonymous_services", selection.asker(), at(2026, 11, 24, 15, 0))
    assert len(page.choices) == 3 and page.has_more
    levels = [c.service.anonymous for c in page.choices]
    assert levels == sorted(levels, key=directory.ANONYMITY.index)


def test_pages_do_not_repeat(services):
    now = at(2026, 11, 24, 15, 0)
    first = selection.choose(services, "ask_anonymous_services", selection.asker(), now)
    second = selection.choose(services, "ask_anonymous_services", selection.asker(), now, offset=3)
    assert not {c.service.id for c in first.choices} & {c.service.id for c in second.choices}


def test_relatives_and_youth_change_what_fits(services):
    now = at(2026, 11, 24, 15, 0)
    ids = lambda page: {c.service.id for c in page.choices}  # noqa: E731
    everything = lambda aud: {  # noqa: E731
        c.service.id for off in range(0, 30, 3)
        for c in selection.choose(services, "ask_anonymous_services", aud, now, offset=off).choices}
    adult, relative, youth = everything(selection.asker()), everything(selection.asker(relative=True)), everything(selection.asker(youth=True))
    assert "parorendetelefonen" in relative and "parorendetelefonen" not in adult
    assert "anonyme_alkoholikere" in adult and "anonyme_alkoholikere" not in relative
    assert {"ung_no", "kors_pa_halsen"} <= youth and not {"ung_no", "kors_pa_halsen"} & adult
    assert ids(selection.choose(services, "worried_about_other", selection.asker(relative=True), now))


@pytest.mark.parametrize("intent, youth, first", [
    ("emergency_overdose", False, ["medisinsk_nodtelefon", "giftinformasjonen"]),
    ("crisis_suicidal", True, ["medisinsk_nodtelefon", "mental_helse", "kirkens_sos"]),
    ("crisis_suicidal", False, ["medisinsk_nodtelefon", "mental_helse", "kirkens_sos"]),
    ("unsafe_at_home", True, ["politi", "alarmtelefonen", "kors_pa_halsen"]),
    ("unsafe_at_home", False, ["politi", "dinutvei"]),
])
def test_urgent_topics_put_113_112_and_the_24_7_lines_first(intent, youth, first):
    for when in (at(2026, 11, 24, 15, 0), at(2026, 11, 24, 3, 0)):
        page = selection.choose(directory.load(), intent, selection.asker(youth=youth), when)
        assert [c.service.id for c in page.choices] == first


def test_adults_in_danger_at_home_are_not_sent_to_a_childrens_line():
    everything = {c.service.id for off in range(0, 30, 3) for c in selection.choose(
        directory.load(), "unsafe_at_home", selection.asker(), at(2026, 11, 24, 15, 0), offset=off).choices}
    assert everything == {"politi", "dinutvei"}
    youth = {c.service.id for off in range(0, 30, 3) for c in selection.choose(
        directory.load(), "unsafe_at_home", selection.asker(youth=True), at(2026, 11, 24, 15, 0), offset=off).choices}
    assert "dinutvei" not in youth
