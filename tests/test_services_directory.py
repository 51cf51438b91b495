"""data/services.yml is well-formed, and it is the one home of every number."""

import copy
import datetime as dt
import re

import pytest
import yaml

from bot.services import directory
from bot.settings import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())
RAW = yaml.safe_load((ROOT / "data" / "services.yml").read_text())
# Phone numbers as people read them; not digits inside links ("%C2%A721") or dates.
PHONE_IN_TEXT = re.compile(r"(?<![\d%A-Za-z./-])(\d{2} \d{2} \d{2} \d{2}|\d{3} \d{3} \d{2}|\d{3} \d{2} \d{3}|\d{3} \d{3}|\d{3})(?!\d)(?!\.\d)")


def test_the_directory_parses_with_known_intents():
    services = directory.parse(RAW, known_intents=set(DOMAIN["intents"]))
    assert len(services) >= 15
    assert all(s.checked <= dt.date.today() for s in services)


def _response_texts():
    for variants in DOMAIN["responses"].values():
        for variant in variants:
            yield variant["text"]


def test_every_number_in_the_responses_lives_in_the_directory():
    numbers = {s.channels["phone"].replace(" ", "") for s in directory.load() if "phone" in s.channels}
    in_responses = {m.replace(" ", "") for text in _response_texts() for m in PHONE_IN_TEXT.findall(text)}
    assert in_responses and in_responses <= numbers, in_responses - numbers


def test_the_crisis_lines_are_around_the_clock_and_anonymous():
    by_id = {s.id: s for s in directory.load()}
    assert by_id["mental_helse"].channels["phone"] == "116 123"
    assert by_id["kirkens_sos"].channels["phone"] == "22 40 00 40"
    for sid in ("mental_helse", "kirkens_sos"):
        assert by_id[sid].hours == "always" and by_id[sid].anonymous == "yes"


def test_unconfirmed_details_are_not_in_the_directory():
    text = (ROOT / "data" / "services.yml").read_text()
    assert "08588" not in text  # RUSinfo's number: unconfirmed
    assert not [s for s in directory.load() if "rådgivende" in s.name.lower()]
    assert {s.hours for s in directory.load() if s.id in ("rusinfo", "hjelpelinjen", "kors_pa_halsen")} == {"unknown"}


def _broken(path, value):
    doc = copy.deepcopy(RAW)
    service = doc["services"][1]
    *parents, last = path
    for key in parents:
        service = service[key]
    service[last] = value
    return doc


@pytest.mark.parametrize("path, value", [
    (("channels", "phone"), "1161234"),          # not a Norwegian grouping
    (("channels", "web"), "http://example.no"),  # not https
    (("source",), "www.example.no"),
    (("hours",), {"weekly": {"mon": ["18:00-11:00"]}}),
    (("hours",), {"weekly": {"monday": ["11:00-18:00"]}}),
    (("hours",), "sometimes"),
    (("audience",), ["everyone"]),
    (("intents",), ["ask_for_pizza"]),
    (("anonymous",), {"level": "maybe", "reason": "x"}),
    (("offers",), {"nb": "bare bokmål"}),
    (("checked",), "last week"),
])
def test_malformed_entries_are_refused(path, value):
    with pytest.raises(directory.DirectoryError):
        directory.parse(_broken(path, value), known_intents=set(DOMAIN["intents"]))


def test_a_missing_field_is_refused():
    doc = copy.deepcopy(RAW)
    del doc["services"][0]["source"]
    with pytest.raises(directory.DirectoryError):
        directory.parse(doc)
