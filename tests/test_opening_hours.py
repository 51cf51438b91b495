"""'Open now' with a fixed clock: weekday afternoon, weekday night, Sunday and
a Norwegian public holiday, against a line open weekdays 11–18."""

import datetime as dt

import pytest

from bot.services import directory, selection, wording
from bot.services.opening import OSLO, status

WEEKDAY_LINE = directory.parse_service({
    "id": "test_line", "name": "Testlinja",
    "offers": {"nb": "råd på telefon", "nn": "råd på telefon"},
    "anonymous": {"level": "yes", "reason": "Ingen navn."}, "free": True, "referral": False,
    "audience": ["self"], "intents": ["fear_police"], "channels": {"phone": "800 00 000"},
    "hours": {"weekly": {d: ["11:00-18:00"] for d in ("mon", "tue", "wed", "thu", "fri")}},
    "region": "national", "source": "https://example.no", "checked": dt.date(2026, 11, 24),
})


def at(*args):
    return dt.datetime(*args, tzinfo=OSLO)


def text(when):
    return wording.status_text(WEEKDAY_LINE, status(WEEKDAY_LINE, when), when, "nb")


def test_weekday_afternoon_is_open():
    assert text(at(2026, 11, 24, 15, 0)) == "åpent nå, til kl. 18"


def test_weekday_night_opens_tomorrow():
    assert text(at(2026, 11, 24, 23, 40)) == "stengt nå – åpner i morgen kl. 11"


def test_early_morning_opens_today():
    assert text(at(2026, 11, 24, 7, 5)) == "stengt nå – åpner i dag kl. 11"


def test_sunday_is_closed():
    assert text(at(2026, 11, 29, 14, 0)) == "stengt nå – åpner i morgen kl. 11"
    assert text(at(2026, 11, 28, 23, 40)) == "stengt nå – åpner mandag kl. 11"  # Saturday night


def test_public_holiday_is_closed():
    # Ascension Day (Thursday 14 May 2026), a moving holiday: closed at noon.
    assert text(at(2026, 5, 14, 12, 0)) == "stengt nå – åpner i morgen kl. 11"
    # Christmas Day is a Friday in 2026; 26 December is a Saturday: Monday next.
    assert text(at(2026, 12, 25, 12, 0)) == "stengt nå – åpner mandag kl. 11"


def test_nynorsk_wording():
    when = at(2026, 11, 24, 23, 40)
    assert wording.status_text(WEEKDAY_LINE, status(WEEKDAY_LINE, when), when, "nn") == "stengt no – opnar i morgon kl. 11"


def test_summer_time_is_oslo_time():
    # 10:30 UTC in June is 12:30 in Oslo: open.
    assert status(WEEKDAY_LINE, dt.datetime(2026, 6, 2, 10, 30, tzinfo=dt.timezone.utc)).open_now


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
