"""data/services.yml is well-formed, follows ../shared/knowledge/services.md,
is the one home of every number, and reads honestly: reasons for anything
not fully anonymous, and the date each detail's source gives."""

import copy
import datetime as dt
import re

import pytest
import yaml

from bot.domain import load as load_domain
from bot.services import directory, selection, wording
from bot.services.opening import OSLO, status
from bot.settings import ROOT

DOMAIN = load_domain()
RAW = yaml.safe_load((ROOT / "data" / "services.yml").read_text())
SERVICES = {s.id: s for s in directory.load()}
NOW = dt.datetime(2026, 11, 24, 14, 0, tzinfo=OSLO)
# Phone numbers as people read them; not digits inside links ("%C2%A721") or dates.
PHONE_IN_TEXT = re.compile(r"(?<![\d%A-Za-z./-])(\d{2} \d{2} \d{2} \d{2}|\d{3} \d{3} \d{2}|\d{3} \d{2} \d{3}|\d{3} \d{3}|\d{3})(?!\d)(?!\.\d)")


def line(service, form="nb", when=NOW):
    return wording.service_line(selection.Choice(service, status(service, when)), when, form)


def test_the_directory_parses_with_known_intents():
    services = directory.parse(RAW, known_intents=set(DOMAIN["intents"]))
    assert len(services) >= 20


def _response_texts():
    for variants in DOMAIN["responses"].values():
        for variant in variants:
            yield variant["text"]


def test_every_number_in_the_responses_lives_in_the_directory():
    numbers = {s.channels["phone"].replace(" ", "") for s in directory.load() if "phone" in s.channels}
    unconfirmed = {u.value.replace(" ", "") for s in directory.load() for u in s.unconfirmed if u.detail == "phone"}
    in_responses = {m.replace(" ", "") for text in _response_texts() for m in PHONE_IN_TEXT.findall(text)}
    assert in_responses
    assert not in_responses & unconfirmed, f"unconfirmed numbers in domain/ responses: {in_responses & unconfirmed}"
    assert in_responses <= numbers, in_responses - numbers


def test_the_crisis_lines_are_around_the_clock_by_phone_and_anonymous():
    assert SERVICES["mental_helse"].channels["phone"] == "116 123"
    assert SERVICES["kirkens_sos"].channels["phone"] == "22 40 00 40"
    for sid in ("mental_helse", "kirkens_sos"):
        assert SERVICES[sid].phone_always and SERVICES[sid].anonymous == "yes"
        assert SERVICES[sid].channel("chat").hours == "unknown"  # the chats have shorter or unknown hours


def test_unconfirmed_details_are_never_shown():
    assert not [s for s in directory.load() if "rådgivende" in s.name.lower()]
    shown = "\n".join(line(s, form) for s in directory.load() for form in ("nb", "nn"))
    for service in directory.load():
        for left_out in service.unconfirmed:
            if left_out.detail == "phone":
                assert left_out.value not in shown, (service.id, left_out.value)
    assert "08588" not in shown and "800 800 40" not in shown
    assert "phone" not in SERVICES["rusinfo"].channels and "phone" not in SERVICES["hjelpelinjen"].channels
    assert "phone" not in SERVICES["akan"].channels
    assert SERVICES["parorendetelefonen"].channel("phone").hours == "unknown"
    assert SERVICES["hjelpelinjen"].channel("chat").hours == "unknown"
    left_out = {u.service for u in directory.load_directory().not_listed}
    assert {"Pårørendesenteret (Stavanger)", "Blå Kors Kompasset"} <= left_out
    assert not {"Pårørendesenteret", "Blå Kors Kompasset", "Eikaklinikken"} & {s.name for s in directory.load()}


# --- what a person reads -----------------------------------------------------------


@pytest.mark.parametrize("form", ["nb", "nn"])
def test_every_service_not_fully_anonymous_says_why_wherever_it_is_listed(form):
    for service in directory.load():
        text = line(service, form)
        if service.anonymous in ("partly", "no"):
            assert service.anonymous_reason[form] in text, service.id
        else:
            assert service.anonymous_reason[form] not in text


def test_alarmtelefonen_says_contacts_are_registered_and_can_be_reported():
    alarm = SERVICES["alarmtelefonen"]
    assert alarm.anonymous == "no" and alarm.audience == ("youth",)
    nb, nn = line(alarm, "nb"), line(alarm, "nn")
    assert "ikke anonymt" in nb and "ikkje anonymt" in nn
    assert ("Du kan ringe uten å si navn, men alle henvendelser registreres, og de kan melde til barnevernet "
            "eller politiet.") in nb
    assert "alle førespurnader blir registrerte" in nn
    assert "barnevernet" in alarm.display_name("nb")


def test_giftinformasjonen_says_calls_are_recorded_and_113_comes_first():
    text = line(SERVICES["giftinformasjonen"])
    assert "delvis anonymt" in text and "Samtalene tas opp og journalføres, men de trenger ikke navnet ditt." in text
    assert "ring 113 først" in text and "hverdager kl. 09–15" in text


def test_rusinfo_promise_holds_only_while_you_do_not_say_who_you_are():
    assert SERVICES["rusinfo"].anonymous_reason["nb"].endswith("vet ikke hvem du er, så lenge du ikke sier det.")


BOKMAL_ONLY = {"ikke", "hvem", "hvor", "hvordan", "noen", "være", "henvendelser", "tjenesten", "tjeneste",
               "trenger", "vises", "kommunens", "hjelpen", "svarer", "seg selv", "dere", "mye", "bare"}


def test_nynorsk_is_nynorsk():
    for service in directory.load():
        for text in (service.names["nn"], service.offers["nn"], service.anonymous_reason["nn"]):
            words = set(re.findall(r"[a-zæøå]+", text.lower()))
            assert not words & BOKMAL_ONLY, (service.id, text, words & BOKMAL_ONLY)
    assert SERVICES["kommunal_rustjeneste"].display_name("nn") == "Rustenesta i kommunen / ruskonsulent"
    assert "Rustenesta i kommunen" in line(SERVICES["kommunal_rustjeneste"], "nn")


def test_operators_are_shown():
    assert "Hjelpelinjen for spilleavhengige (Blå Kors)" in line(SERVICES["hjelpelinjen"])
    assert "Pårørendetelefonen (Ivareta)" in line(SERVICES["parorendetelefonen"])


def test_no_unexplained_acronyms_and_no_promises_of_free_visits():
    shown = "\n".join(line(s, form) for s in directory.load() for form in ("nb", "nn"))
    assert "TSB" not in shown
    assert "legemiddelassistert rehabilitering (LAR)" in line(SERVICES["fastlege"])
    assert "gratis" not in line(SERVICES["legevakt"])


def test_no_line_points_to_a_website_it_does_not_show():
    for service in directory.load():
        for form, phrase in (("nb", "på nettsiden"), ("nn", "på nettsida")):
            text = line(service, form)
            if phrase in text.split("\n", 1)[1]:  # beyond the name and offer
                assert "https://" in text, service.id
    assert "åpningstider ukjent" in line(SERVICES["parorendetelefonen"])


def test_the_unsafe_at_home_services():
    assert SERVICES["politi"].channels["phone"] == "112" and SERVICES["politi"].emergency
    assert SERVICES["dinutvei"].channels["web"] == "https://dinutvei.no"
    for sid in ("alarmtelefonen", "politi", "kors_pa_halsen", "dinutvei"):
        assert "unsafe_at_home" in SERVICES[sid].intents


def test_new_services_follow_the_knowledge_file():
    ute = SERVICES["uteseksjonen"]
    assert ute.channels["phone"] == "913 03 913" and ute.region == "Oslo" and ute.audience == ("youth",)
    assert ute.anonymous == "no" and "meldeplikt til barnevernet" in ute.anonymous_reason["nb"]
    assert "Maridalsveien 3" in ute.channels["drop_in"]
    assert "opplysning fra feb. 2022" in line(SERVICES["barsnakk"])
    assert SERVICES["helsestasjon_ungdom"].free is True and "drop_in" in SERVICES["helsestasjon_ungdom"].channels
    assert SERVICES["kors_pa_halsen"].channels["phone"] == "800 33 321"


# --- honest dates ------------------------------------------------------------------


def test_lines_carry_the_source_date_not_a_checked_date():
    shown = "\n".join(line(s, form) for s in directory.load() for form in ("nb", "nn"))
    assert "sist kontrollert" not in shown
    assert "opplysning fra nov. 2021" in line(SERVICES["mental_helse"], "nb")
    assert "opplysning frå nov. 2021" in line(SERVICES["mental_helse"], "nn")
    assert "opplysning fra jan. 2024" in line(SERVICES["kors_pa_halsen"])
    assert "opplysning fra mars 2024" in line(SERVICES["alarmtelefonen"])
    assert "udatert kilde" in line(SERVICES["kirkens_sos"], "nb")
    assert "udatert kjelde" in line(SERVICES["kirkens_sos"], "nn")
    assert "opplysning fra 2023" in line(SERVICES["ung_no"])


def test_the_emergency_numbers_carry_no_date():
    for number in ("113", "112"):
        service = directory.by_phone(number)
        assert wording.date_label(service, "nb") is None and wording.number_label(number, "nn") is None
        assert "opplysning" not in line(service) and "udatert" not in line(service)


def test_date_labels_for_numbers_quoted_in_fixed_responses():
    assert directory.by_phone("116123").id == "mental_helse"
    assert directory.by_phone("22 40 00 40").id == "kirkens_sos"
    assert wording.date_label(directory.by_phone("116 123"), "nb", "phone") == "opplysning fra nov. 2021"
    assert wording.number_label("116 123", "nb") == "opplysning fra nov. 2021"
    assert wording.number_label("116 123", "nn") == "opplysning frå nov. 2021"
    assert wording.number_label("800 33 321", "nb") == "opplysning fra jan. 2024"
    assert wording.number_label("116 111", "nb") == "opplysning fra mars 2024"
    assert wording.number_label("22 40 00 40", "nb") == "udatert kilde"
    assert wording.number_label("22 59 13 00", "nn") == "udatert kjelde"
    with pytest.raises(KeyError):
        directory.by_phone("800 800 40")  # unconfirmed: not in the directory


def test_a_detail_rests_on_its_newest_source():
    hjelpelinjen = SERVICES["hjelpelinjen"]
    assert hjelpelinjen.detail_date("operator").text == "2024-01"  # Blå Kors since 1 Jan 2024
    assert hjelpelinjen.detail_date("chat") is None  # the privacy page is undated
    assert wording.date_label(hjelpelinjen, "nb") == "udatert kilde"
    assert wording.date_label(hjelpelinjen, "nb", "operator") == "opplysning fra jan. 2024"


def test_sources_name_pages_and_their_own_dates():
    nrk = SERVICES["mental_helse"].sources[0]
    assert "1.15736352" in nrk.url and nrk.date.text == "2021-11"
    assert SERVICES["alarmtelefonen"].sources[0].url == "https://www.116111.no/omalarmtelefonen"
    assert SERVICES["barsnakk"].sources[0].date.text == "2022-02"
    for sid in ("mental_helse", "giftinformasjonen", "alarmtelefonen", "kirkens_sos", "uteseksjonen"):
        assert not any(s.front_page for s in SERVICES[sid].sources), sid


# --- the schema refuses what it cannot show honestly --------------------------------


def _broken(path, value, index=1):
    doc = copy.deepcopy(RAW)
    target = doc["services"][index]
    *parents, last = path
    for key in parents:
        target = target[key]
    target[last] = value
    return doc


@pytest.mark.parametrize("path, value", [
    (("channels", "phone", "number"), "1161234"),        # not a Norwegian grouping
    (("channels", "chat", "url"), "http://example.no"),  # not https
    (("channels", "phone", "hours"), {"weekly": {"mon": ["18:00-11:00"]}}),  # ends before it starts
    (("channels", "phone", "hours"), {"weekly": {"monday": ["11:00-18:00"]}}),
    (("channels", "phone", "hours"), {"weekly": {"mon": ["11:00-18:00", "17:00-20:00"]}}),  # overlap
    (("channels", "phone", "hours"), {"weekly": {"mon": ["11:00-24:30"]}}),
    (("channels", "phone", "hours"), "sometimes"),
    (("channels", "phone", "hours"), "per_group"),        # a phone has no groups
    (("channels", "fax"), "22 00 00 00"),
    (("audience",), ["everyone"]),
    (("intents",), ["ask_for_pizza"]),
    (("anonymous",), {"level": "maybe", "reason": {"nb": "x", "nn": "x", "en": "x"}}),
    (("anonymous",), {"level": "no", "reason": "bare bokmål"}),
    (("anonymous",), {"level": "yes", "reason": {"nb": "Du trenger ikke si hvem du er.",
                                                 "nn": "Du treng ikkje seie kven du er."}}),  # no English
    (("anonymous",), {"level": "yes", "reason": {"nb": "a", "nn": "a", "en": " "}}),  # empty English
    (("offers",), {"nb": "bare bokmål"}),
    (("offers",), {"nb": "noen å snakke med", "nn": "nokon å snakke med"}),  # no English
    (("offers",), {"nb": "a", "nn": "a", "en": "a", "de": "a"}),  # a form nobody reads
    (("name",), {"nb": "bare bokmål"}),
    (("name",), {"nb": "Mental Helse", "en": "Mental Health"}),  # nynorsk missing
    (("checked",), dt.date(2026, 11, 24)),                # replaced by sources
    (("sources",), []),
    (("sources",), [{"url": "https://www.nrk.no/x", "date": "last week", "covers": ["phone", "hours", "chat", "anonymous", "free"]}]),
    (("sources",), [{"url": "https://www.nrk.no/x", "date": "2021-13", "covers": ["phone", "hours", "chat", "anonymous", "free"]}]),
    (("sources",), [{"url": "https://www.nrk.no/x", "covers": ["phone", "hours", "chat", "anonymous", "free"]}]),  # no date
    (("sources",), [{"url": "https://www.nrk.no/x", "date": None, "covers": ["phone", "hours", "anonymous", "free"]}]),  # chat uncovered
    (("sources",), [{"url": "https://www.nrk.no/x", "date": None, "covers": ["phone", "hours", "chat", "anonymous", "free", "sms"]}]),
])
def test_malformed_entries_are_refused(path, value):
    assert RAW["services"][2]["id"] == "mental_helse"
    with pytest.raises(directory.DirectoryError):
        directory.parse(_broken(path, value, index=2), known_intents=set(DOMAIN["intents"]))


def test_a_missing_field_is_refused():
    doc = copy.deepcopy(RAW)
    del doc["services"][0]["sources"]
    with pytest.raises(directory.DirectoryError):
        directory.parse(doc)


def test_a_number_belongs_to_one_service():
    doc = _broken(("channels", "phone", "number"), "22 40 00 40", index=2)
    with pytest.raises(directory.DirectoryError):
        directory.parse(doc)
