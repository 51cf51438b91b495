"""`make check-services` (python -m bot.services.check) with a fixed clock:
what the keeper of data/services.yml must check again. A report, not a gate:
it exits 0 whatever it finds."""

import datetime as dt
import subprocess
import sys

from bot.services import check, directory
from bot.settings import ROOT

DIRECTORY = directory.load_directory()


def listed(today, kind):
    return [(i.service, i.detail, i.value, i.date, i.url) for i in check.recheck(DIRECTORY, dt.date.fromisoformat(today))
            if i.kind == kind]


def test_details_older_than_12_months_by_their_source_date():
    old = listed("2026-12-01", "old")
    assert ("Mental Helse Hjelpetelefonen", "phone", "116 123", "2021-11",
            "https://www.nrk.no/osloogviken/over-100-barn-under-ni-ar-har-tatt-kontakt-_-hjelpetelefoner-slar-alarm-1.15736352") in old
    assert ("Alarmtelefonen for barn og unge", "hours", "telefon: hele døgnet, chat: ukeplan", "2024-03",
            "https://www.116111.no/omalarmtelefonen") in old
    assert any(s == "BaRsnakk" and d == "hours" and date == "2022-02" for s, d, _, date, _ in old)
    assert any(s == "Kors på halsen (Røde Kors)" and d == "phone" and date == "2024-01" for s, d, _, date, _ in old)


def test_the_age_is_measured_from_the_clock_given():
    def alarm_is_old(today):
        return any(s == "Alarmtelefonen for barn og unge" for s, *_ in listed(today, "old"))
    assert not alarm_is_old("2024-06-01")
    assert not alarm_is_old("2025-03-01")  # exactly 12 months after March 2024
    assert alarm_is_old("2025-04-01")
    assert any(s == "Mental Helse Hjelpetelefonen" for s, *_ in listed("2024-06-01", "old"))


def test_undated_details_are_listed_with_their_source():
    undated = listed("2026-12-01", "undated")
    assert ("Kirkens SOS", "phone", "22 40 00 40", "", "https://www.kirkens-sos.no/telefon") in undated
    assert any(s == "Uteseksjonen i Oslo" and d == "hours" for s, d, *_ in undated)
    assert all(date == "" for *_, date, _ in undated)


def test_unconfirmed_details_and_services_left_out_are_listed():
    unconfirmed = listed("2026-12-01", "unconfirmed")
    values = {(s, v) for s, _, v, _, _ in unconfirmed}
    assert ("RUSinfo", "08588") in values
    assert ("Hjelpelinjen for spilleavhengige", "800 800 40") in values
    assert any(s == "Pårørendetelefonen" and d == "hours" for s, d, *_ in unconfirmed)
    assert any(s.startswith("Pårørendesenteret") and "51 53 11 11" in v for s, _, v, _, _ in unconfirmed)
    assert any(s.startswith("Blå Kors Kompasset") and date == "2021-09-30" for s, _, _, date, _ in unconfirmed)


def test_front_pages_are_flagged_and_emergency_numbers_are_not_listed():
    assert any(url == "https://www.adressa.no" for *_, url in listed("2026-12-01", "front_page"))
    everything = check.recheck(DIRECTORY, dt.date(2026, 12, 1))
    assert not {"Medisinsk nødtelefon", "Politiet (nødnummer)"} & {i.service for i in everything}


def test_the_text_report_groups_by_kind(capsys):
    assert check.main(["--today", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Må sjekkes på nytt (per 01.12.2026)")
    headings = [out.index(h) for h in check.KINDS.values()]
    assert headings == sorted(headings)
    assert "RUSinfo · telefon 08588 · udatert · https://no.wikipedia.org/wiki/Rusinfo" in out
    assert "Mental Helse Hjelpetelefonen · telefon 116 123 · 2021-11 · https://www.nrk.no/" in out


def test_it_is_a_report_that_exits_0_from_the_command_line():
    done = subprocess.run([sys.executable, "-m", "bot.services.check", "--today", "2031-01-01"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Eldre enn 12 måneder" in done.stdout
    assert "check-services:" in (ROOT / "Makefile").read_text()
