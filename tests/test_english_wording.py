"""English conversations (the `language` slot is en, or a language we answer
only in English): the services list, the hours, the date labels, "Did you
mean …?" and "You also mentioned …" read in English, with the same facts and
warnings as in Norwegian. Service names stay Norwegian, and the list says
that the services answer in Norwegian. No trained model needed."""

import datetime as dt
import json
import re

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import also_mentioned, ask_back, offer_services
from actions.also_mentioned import ActionAlsoMentioned
from actions.ask_back import ActionAskBack
from actions.offer_services import ActionOfferServices
from bot import topics
from bot.languages import answer_form
from bot.services import directory, selection, wording
from bot.services.opening import OSLO, channel_status, status

from helpers import FIXTURES, topic_part

SERVICES = {s.id: s for s in directory.load()}
TUESDAY_2PM = dt.datetime(2026, 11, 24, 14, 0, tzinfo=OSLO)
SUNDAY_NIGHT = dt.datetime(2026, 11, 29, 23, 40, tzinfo=OSLO)
# Words that only Norwegian has: none of them may reach an English reader,
# except inside a service's (Norwegian) name or address.
NORWEGIAN_WORDS = {"ikke", "ikkje", "åpent", "ope", "stengt", "åpner", "opnar", "døgnet", "døgeret", "opplysning",
                   "udatert", "kilde", "kjelde", "gratis", "anonymt", "nettsiden", "nettsida", "hverdager", "og",
                   "eller", "tlf", "kl", "mandag", "henvendelser", "barn", "unge", "morgen", "dag"}
from test_opening_hours import WEEKDAY_LINE  # noqa: E402  (the same made-up weekday line)


def line(service, when=TUESDAY_2PM, form="en"):
    return wording.service_line(selection.Choice(service, status(service, when)), when, form)


def _without_names(text):
    """The text with every service's name, operator and address taken out, and
    RUSinfo's «Spør anonymt» (the name of its written questions)."""
    for service in directory.load():
        for part in [service.display_name("en"), service.name, service.operator or ""] + [
                c.address for c in service.contacts]:
            if part:
                text = text.replace(part, "")
    return text.replace("«Spør anonymt»", "")


def _norwegian(text):
    return set(re.findall(r"[a-zæøå]+", text.lower())) & NORWEGIAN_WORDS


def _asked(intent, text, audience=(), language="en"):
    """A tracker whose person asked `text` (classified as `intent`) and then said yes."""
    state = json.loads((FIXTURES / "trackers" / "fear_police_then_yes.json").read_text())
    state["slots"].update({"audience": list(audience), "language": language, "services_offset": 0.0})
    state["latest_message"] = {"text": "yes", "intent": {"name": "affirm", "confidence": 1.0}, "entities": []}
    state["events"] = [
        {"event": "user", "text": text, "parse_data": {"intent": {"name": intent, "confidence": 0.95}, "entities": []}},
        {"event": "user", "text": "yes", "parse_data": {"intent": {"name": "affirm", "confidence": 0.95}, "entities": []}},
    ]
    return state


def offer(state, when=TUESDAY_2PM):
    dispatcher = CollectingDispatcher()
    action = ActionOfferServices()
    action.clock = lambda: when
    events = action.run(dispatcher, Tracker.from_dict(state), {})
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


# --- the services list ----------------------------------------------------------------


def test_a_young_person_unsafe_at_home_reads_the_list_in_english_with_alarmtelefonens_warning():
    messages, slots = offer(_asked("unsafe_at_home", "my dad hits me", audience=["youth"]))
    text = messages[0]["text"]
    assert text.startswith("Here is where you can get in touch. These are Norwegian services, and they answer in Norwegian:")
    assert slots["services_shown"][:3] == ["politi", "alarmtelefonen", "kors_pa_halsen"]
    assert "phone 112 (open now, day and night)" in text
    assert ("phone 116 111 (open now, day and night) · chat https://www.116111.no "
            "(closed now – opens today at 16:15)") in text
    assert "not anonymous · free · information from Mar 2024" in text
    assert ("You can call without giving your name, but it is part of barnevernet (child welfare services): every "
            "contact is registered and can lead to a report to barnevernet or the police. "
            "They do this to be able to protect you.") in text
    assert "phone 800 33 321 (open now, until 22:00) · chat https://korspåhalsen.no (open now, until 22:00)" in text
    assert "anonymous · free · information from Jan 2024" in text
    assert not _norwegian(_without_names(text)), _norwegian(_without_names(text))
    assert [b["title"] for b in messages[0]["buttons"]] == ["I'm a relative or friend"]


def test_an_english_list_at_night_gives_the_next_opening_and_the_24_7_lines_in_english():
    now = SUNDAY_NIGHT
    page = selection.choose(list(directory.load()) + [WEEKDAY_LINE], "fear_police", selection.asker(), now)
    text = wording.page_text(page, now, "en")
    assert ("None of the places for this topic answer right now – the first one opens tomorrow at 11:00. "
            "These answer day and night, anonymously, in Norwegian:") in text
    assert "phone 800 00 000 (closed now – opens tomorrow at 11:00)" in text
    assert "phone 116 123 (open now, day and night)" in text and "information from Nov 2021" in text
    assert "phone 22 40 00 40 (open now, day and night)" in text and "undated source" in text
    assert topic_part(text).count("• ") <= 3 and "116 123" not in topic_part(text)


def test_the_buttons_and_the_next_page_are_english():
    state = json.loads((FIXTURES / "trackers" / "fear_police_then_yes.json").read_text())
    state["slots"]["language"] = "en"
    messages, _ = offer(state, SUNDAY_NIGHT)
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert "I'm a relative or friend" in titles and "I'm under 18" in titles
    assert "The lawyers need to know who you are to help with your case." in messages[0]["text"]
    assert "Juristene" not in messages[0]["text"]
    state = json.loads((FIXTURES / "trackers" / "show_more.json").read_text())
    state["slots"]["language"] = "en"
    messages, slots = offer(state, SUNDAY_NIGHT)
    assert slots["services_offset"] == 3.0
    assert messages[0]["text"].startswith("More places (they answer in Norwegian):")


@pytest.mark.parametrize("language", ["pl", "uk", "ar"])
def test_a_language_we_answer_only_in_english_gets_the_english_list(language):
    assert answer_form(language) == "en"
    messages, _ = offer(_asked("emergency_overdose", "...", language=language), SUNDAY_NIGHT)
    text = messages[0]["text"]
    assert text.index("phone 113 (open now, day and night)") < text.index("Giftinformasjonen")
    assert "The emergency service needs to know where you are to send help." in text
    assert "partly anonymous" in text and "call 113 first" in text
    assert "Calls are recorded and kept as a medical record, but they do not need your name." in text


def test_norwegian_conversations_are_unchanged():
    messages, _ = offer(_asked("unsafe_at_home", "pappa slår meg", audience=["youth"], language="nb"))
    assert "alle henvendelser registreres" in messages[0]["text"] and "barnevernet (child" not in messages[0]["text"]


# --- every service, in English ------------------------------------------------------------


def test_every_service_reads_in_english_and_says_why_it_is_not_fully_anonymous():
    for service in directory.load():
        text = line(service)
        assert service.offers["en"] != service.offers["nb"] and service.offers["en"] in text, service.id
        assert service.anonymous_reason["en"] != service.anonymous_reason["nb"], service.id
        label = {"yes": "anonymous", "partly": "partly anonymous", "no": "not anonymous"}[service.anonymous]
        assert f"  {label}" in text, service.id
        if service.anonymous in ("partly", "no"):
            assert service.anonymous_reason["en"] in text, service.id
        else:
            assert service.anonymous_reason["en"] not in text, service.id
        assert not _norwegian(_without_names(text)), (service.id, _norwegian(_without_names(text)))


def test_service_names_stay_norwegian():
    for service in directory.load():
        assert service.display_name("en") == service.display_name("nb"), service.id
    assert line(SERVICES["alarmtelefonen"]).startswith("• Alarmtelefonen for barn og unge (barnevernet): ")
    assert "Kommunens rustjeneste / ruskonsulent: the municipality's substance-use service" in line(
        SERVICES["kommunal_rustjeneste"])


def test_no_english_text_claims_a_service_answers_in_english():
    texts = [t for s in directory.load() for t in (s.offers["en"], s.anonymous_reason["en"])]
    texts += [w for w in wording.WORDS["en"].values() if isinstance(w, str)]
    assert not [t for t in texts if "english" in t.lower()]
    assert SERVICES["rusinfo"].offers["en"].endswith("in Norwegian")  # helsenorge.no/en: Norwegian only
    shown = "\n".join(line(s) for s in directory.load())
    assert "08588" not in shown and "800 800 40" not in shown  # unconfirmed, in English too


def test_english_keeps_the_warnings_of_the_norwegian_reasons():
    assert "duty to report" in SERVICES["fastlege"].anonymous_reason["en"] or \
        "duties to report" in SERVICES["fastlege"].anonymous_reason["en"]
    assert "driving licences" in SERVICES["fastlege"].anonymous_reason["en"]
    assert "must report to barnevernet" in SERVICES["uteseksjonen"].anonymous_reason["en"]
    assert SERVICES["rusinfo"].anonymous_reason["en"].endswith("as long as you don't tell them.")
    assert "deleted after 72 hours" in SERVICES["hjelpelinjen"].anonymous_reason["en"]
    assert "legemiddelassistert" not in line(SERVICES["fastlege"]) and "(LAR)" in line(SERVICES["fastlege"])
    assert "free" not in line(SERVICES["legevakt"]).split("\n", 1)[1]  # a visit usually costs a fee


def test_the_directory_needs_english_for_offers_and_reasons_but_not_for_names():
    raw = {"id": "x", "name": {"nb": "Hjelpa", "nn": "Hjelpa"},
           "offers": {"nb": "råd", "nn": "råd", "en": "advice"},
           "anonymous": {"level": "partly", "reason": {"nb": "Noe.", "nn": "Noko.", "en": "Something."}},
           "free": None, "referral": False, "audience": ["self"], "intents": ["fear_police"], "region": "national",
           "channels": {"web": "https://example.no"},
           "sources": [{"url": "https://example.no/om", "date": None, "covers": ["web", "anonymous"]}]}
    assert directory.parse_service(raw).names["en"] == "Hjelpa"
    for field, value in (("offers", {"nb": "råd", "nn": "råd"}),
                         ("anonymous", {"level": "partly", "reason": {"nb": "Noe.", "nn": "Noko."}})):
        with pytest.raises(directory.DirectoryError, match="needs nb, nn, en"):
            directory.parse_service({**raw, field: value})


# --- hours and dates ---------------------------------------------------------------------


def hours(service, kind, when):
    channel = service.channel(kind)
    return wording.hours_text(channel, channel_status(channel, when), when, "en")


def test_hours_in_english_24_hour_clock():
    at = lambda *a: dt.datetime(*a, tzinfo=OSLO)  # noqa: E731
    assert hours(WEEKDAY_LINE, "phone", at(2026, 11, 24, 15, 0)) == "open now, until 18:00"
    assert hours(WEEKDAY_LINE, "phone", at(2026, 11, 24, 7, 5)) == "closed now – opens today at 11:00"
    assert hours(WEEKDAY_LINE, "phone", at(2026, 11, 24, 23, 40)) == "closed now – opens tomorrow at 11:00"
    assert hours(WEEKDAY_LINE, "phone", at(2026, 11, 28, 23, 40)) == "closed now – opens Monday at 11:00"
    assert hours(WEEKDAY_LINE, "phone", at(2026, 12, 25, 12, 0)) == "closed now – opens Monday at 11:00"  # Christmas
    assert hours(SERVICES["alarmtelefonen"], "chat", at(2026, 11, 28, 23, 0)) == "open now, until 23:45"
    assert hours(SERVICES["uteseksjonen"], "phone", at(2026, 11, 26, 23, 0)) == "open now, until midnight"
    assert hours(SERVICES["uteseksjonen"], "phone", at(2026, 11, 28, 2, 0)) == "open now, until 04:00"
    assert hours(SERVICES["uteseksjonen"], "phone", at(2026, 11, 27, 2, 0)) == "closed now – opens today at 08:00"
    assert wording.clock(dt.time(16, 15), "en") == "16:15" and wording.clock(dt.time(9, 0), "en") == "09:00"
    assert wording.clock(dt.time(16, 15)) == "16.15"  # Norwegian unchanged
    assert "see the opening hours on the website" in line(SERVICES["kirkens_sos"], SUNDAY_NIGHT)
    assert "opening hours unknown" in line(SERVICES["parorendetelefonen"])
    assert "group meetings: see the times on the website" in line(SERVICES["anonyme_alkoholikere"])
    assert "https://www.ung.no (in writing, answered later)" in line(SERVICES["ung_no"])


def test_an_english_chat_is_never_next_to_day_and_night_unless_the_chat_is():
    for when in (dt.datetime(2026, 11, 24, 3, 0, tzinfo=OSLO), TUESDAY_2PM, SUNDAY_NIGHT):
        for service in directory.load():
            chat = service.channel("chat")
            if chat:
                contacts = line(service, when).splitlines()[1].strip()
                chat_part = next(p for p in contacts.split(" · ") if p.startswith("chat "))
                assert ("day and night" in chat_part) == (chat.hours == "always"), (service.id, chat_part)


def test_date_labels_in_english():
    assert wording.number_label("116 123", "en") == "information from Nov 2021"
    assert wording.number_label("116 111", "en") == "information from Mar 2024"
    assert wording.number_label("800 33 321", "en") == "information from Jan 2024"
    assert wording.number_label("22 40 00 40", "en") == "undated source"
    assert wording.number_label("113", "en") is None and wording.number_label("112", "en") is None
    assert "information from Feb 2022" in line(SERVICES["barsnakk"])
    assert "information from 2023" in line(SERVICES["ung_no"])
    assert wording.date_label(SERVICES["hjelpelinjen"], "en", "operator") == "information from Jan 2024"
    assert wording.number_label("116 123", "nb") == "opplysning fra nov. 2021"  # Norwegian unchanged


# --- "Did you mean …?" and "You also mentioned …" -----------------------------------------


def _tracker(language, ranking=None, worries=()):
    return Tracker.from_dict({
        "sender_id": "fixture", "slots": {"language": language}, "events": [], "paused": False,
        "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen",
        "latest_message": {"text": "...", "intent": {"name": "nlu_fallback", "confidence": 0.3},
                           "intent_ranking": ranking or [],
                           "entities": [{"entity": "worry", "value": w} for w in worries]},
    })


def test_ask_back_in_english():
    dispatcher = CollectingDispatcher()
    ActionAskBack().run(dispatcher, _tracker("en", [
        {"name": "crisis_suicidal", "confidence": 0.3}, {"name": "fear_police", "confidence": 0.18},
        {"name": "fear_driving_licence", "confidence": 0.12}, {"name": "fear_child_welfare", "confidence": 0.1},
        {"name": "fear_employer", "confidence": 0.09}]), {})
    message = dispatcher.messages[0]
    assert message["text"] == ("I'm not sure I understood you. Did you mean one of these? "
                               "You can also put it another way. If it is urgent, call 113.")
    assert [b["title"] for b in message["buttons"]] == ["Police and punishment", "Driving licence",
                                                        "Child welfare (barnevernet)"]
    assert [b["payload"].split("{")[0] for b in message["buttons"]] == [
        "/fear_police", "/fear_driving_licence", "/fear_child_welfare"]


def test_also_mentioned_in_english():
    dispatcher = CollectingDispatcher()
    ActionAlsoMentioned().run(dispatcher, _tracker("en", worries=[
        "fear_driving_licence", "fear_child_welfare", "fear_employer"]), {})
    message = dispatcher.messages[0]
    assert message["text"] == ("You also mentioned your driving licence, barnevernet (child welfare) and your job "
                               "– would you like to know more about that?")
    assert [b["title"] for b in message["buttons"]] == ["Driving licence", "Child welfare (barnevernet)", "Work"]
    dispatcher = CollectingDispatcher()
    ActionAlsoMentioned().run(dispatcher, _tracker("so", worries=["fear_police"]), {})  # answered in English
    assert dispatcher.messages[0]["text"] == "You also mentioned the police – would you like to know more about that?"
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == ["Police and punishment"]


def test_every_table_has_english_for_everything_norwegian_has():
    for intent, labels in topics.LABELS.items():
        assert set(labels) == {"nb", "nn", "en"}, intent
        assert labels["en"] != labels["nb"] or intent == "emergency_overdose", intent
    assert topics.LABELS["emergency_overdose"]["en"] == "Overdose"
    assert set(also_mentioned.NAMED["en"]) == set(also_mentioned.NAMED["nb"])
    for table in (also_mentioned.SENTENCE, also_mentioned.AND, ask_back.QUESTION, offer_services.BUTTONS,
                  wording.WEEKDAYS, wording.WORDS):
        assert set(table) == {"nb", "nn", "en"}
    assert set(offer_services.BUTTONS["en"]) == set(offer_services.BUTTONS["nb"])
    assert set(wording.WORDS["en"]) == set(wording.WORDS["nb"])
    for key, value in wording.WORDS["nb"].items():
        if isinstance(value, dict):
            assert set(wording.WORDS["en"][key]) == set(value), key
        else:
            assert re.findall(r"\{\w+\}", wording.WORDS["en"][key]) == re.findall(r"\{\w+\}", value), key
    assert directory.FORMS == ("nb", "nn", "en")
