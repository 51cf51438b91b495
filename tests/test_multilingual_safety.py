"""Safety in any language, and English in full, through the whole assistant
(trained model, rules, responses): native-like phrasings per language from
tests/languages/safety_phrases.yml, written by an author who never saw the
patterns, everyday phrases that must not trigger among them."""

import pytest
import yaml

from bot import multilingual_domain
from bot.nlu_eval import SAFETY_INTENTS
from bot.settings import ROOT

PHRASES = yaml.safe_load((ROOT / "tests" / "languages" / "safety_phrases.yml").read_text(encoding="utf-8"))
LANGUAGES = multilingual_domain.load_languages()
EMERGENCY = ("113", "116 123", "22 40 00 40")


def _cases(kind):
    return [(code, text) for code in sorted(PHRASES) for text in PHRASES[code][kind]]


def _texts(messages):
    return "\n".join(m.get("text", "") for m in messages)


@pytest.mark.parametrize("code, text", _cases("crisis") + _cases("overdose"))
def test_danger_gets_the_emergency_numbers_at_once(conversation, code, text):
    """Recall 1.00: the first answer carries 113, 116 123 and 22 40 00 40."""
    reply = _texts(conversation.raw(text))
    for number in EMERGENCY:
        assert number in reply, (code, text, reply[:200])


@pytest.mark.parametrize("code, text", _cases("crisis") + _cases("overdose"))
def test_danger_is_recognised_as_danger(parse, code, text):
    assert parse(text)["intent"]["name"] in SAFETY_INTENTS, (code, text)


@pytest.mark.parametrize("code, text", _cases("harmless"))
def test_everyday_phrases_are_not_taken_for_danger(parse, code, text):
    assert parse(text)["intent"]["name"] not in SAFETY_INTENTS, (code, text)


@pytest.mark.parametrize("code", sorted(set(PHRASES) - {"en", "sv", "da"}))
def test_the_crisis_answer_comes_in_the_persons_language(conversation, code):
    reply = _texts(conversation.raw(PHRASES[code]["crisis"][0]))
    assert LANGUAGES[code]["answers"]["utter_crisis"] in reply, code


@pytest.mark.parametrize("code", sorted(set(PHRASES) - {"en", "sv", "da"}))
def test_the_overdose_answer_comes_in_the_persons_language_with_first_aid(conversation, code):
    messages = conversation.raw(PHRASES[code]["overdose"][0])
    texts = _texts(messages)
    overdose = LANGUAGES[code]["answers"]["utter_overdose"]
    crisis = LANGUAGES[code]["answers"]["utter_crisis"]
    assert overdose in texts or crisis in texts, code
    if overdose in texts:
        # 113 and first aid first; someone who took it themselves is told 113 even if they feel fine, first
        first = [m["text"] for m in messages[:2]]
        assert first[0] == overdose or (first[0] == LANGUAGES[code]["answers"]["utter_overdose_self"] and first[1] == overdose)


def test_polish_i_want_to_kill_myself_is_a_crisis_in_polish(conversation):
    """The issue's first example: it used to get the answer to "yes"."""
    reply = _texts(conversation.raw("Chcę się zabić"))
    assert LANGUAGES["pl"]["answers"]["utter_crisis"] in reply


@pytest.mark.parametrize("code", ["pl", "uk", "ar", "so", "de"])
def test_a_question_in_another_language_gets_the_honest_reply_not_a_guess(conversation, code):
    questions = {
        "pl": "Czy barnevernet zabierze mi dzieci, jeśli pójdę do lekarza z problemem alkoholowym?",
        "uk": "Чи може лікар повідомити роботодавця, що я вживаю наркотики?",
        "ar": "هل سيأخذ barnevernet أطفالي إذا طلبت المساعدة بسبب الكحول؟",
        "so": "Haddii aan dhakhtarka u sheego inaan cabbo khamri, ma la qaadayaa carruurtayda?",
        "de": "Verliere ich meinen Führerschein, wenn ich dem Arzt von meinem Alkoholkonsum erzähle?",
    }
    messages = conversation.raw(questions[code])
    reply = _texts(messages)
    assert LANGUAGES[code]["answers"]["utter_out_of_scope"] in reply
    assert "113" in reply
    assert "barnevern" not in reply.lower().replace("barnevernet", "") or code == "ar"
    # Never a Norwegian topic answer guessed from words it never learned.
    for norwegian in ("taushetsplikt", "førerkort", "Statsforvalteren"):
        assert norwegian not in reply


def test_a_short_message_follows_the_conversations_language(conversation):
    conversation.raw("Czy mogę tu pisać po polsku? Mam pytanie o alkohol.")
    reply = _texts(conversation.raw("ok", lang="pl"))
    assert LANGUAGES["pl"]["answers"]["utter_out_of_scope"] in reply


# --- English in full ----------------------------------------------------------------


def test_english_licence_question_gets_the_licence_answer_in_english(conversation):
    """It used to get the relatives' answer in Norwegian."""
    reply = _texts(conversation.raw("if i tell my doctor i smoke weed, will i lose my driving licence?"))
    assert "licence" in reply.lower() and "Statsforvalteren" in reply
    assert "førerkort" not in reply.lower()


def test_english_overdose_gets_113_and_first_aid_in_english(conversation):
    messages = conversation.raw("my friend took too many pills and is not breathing")
    assert messages[0]["text"] == LANGUAGES["en"]["answers"]["utter_overdose"]


def test_english_conversation_stays_english_on_yes(conversation):
    first = conversation.raw("can the police find out if i go to the doctor about my cocaine use?")
    assert "police" in _texts(first).lower()
    buttons = [b for m in first for b in m.get("buttons", [])]
    assert buttons and all(b["title"].isascii() for b in buttons), buttons
    show_me = next(b for b in buttons if b["payload"] == "/affirm")
    places = _texts(conversation.raw(show_me["payload"]))
    assert "information from" in places or "undated source" in places


def test_the_first_reply_follows_the_language_written_in(conversation):
    reply = _texts(conversation.raw("Hello, is this chat anonymous? Do you store what I write?"))
    assert LANGUAGES["en"]["answers"]["utter_intro"] in reply
    assert "anonym" in reply.lower()
