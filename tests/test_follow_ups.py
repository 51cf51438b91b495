"""Follow-ups as a person meets them: the offer after a fear topic, its
buttons, and answers in the person's own målform. Through the trained model
and the running action server (see conftest)."""

import pytest

from bot.nlu.malform import detect

from helpers import topic_part


def buttons(messages):
    return {b["title"]: b["payload"] for m in messages for b in m.get("buttons", [])}


def texts(messages):
    return "\n".join(m.get("text", "") for m in messages)


def test_a_fear_answer_offers_anonymous_places_with_buttons(conversation):
    reply = conversation.raw("kan sykehuset melde meg til politiet hvis jeg har tatt kokain?")
    assert "taushetsplikt" in texts(reply)
    offered = buttons(reply)
    assert {"Ja, vis meg", "Jeg er pårørende", "Jeg er under 18", "Nei takk"} <= set(offered)
    places = conversation.raw(offered["Ja, vis meg"])
    assert "RUSinfo" in texts(places)
    assert "opplysning fra" in texts(places)


def test_no_thanks_is_respected(conversation):
    offered = buttons(conversation.raw("får sjefen vite det hvis jeg er sykmeldt for rus?"))
    assert "helt greit" in texts(conversation.raw(offered["Nei takk"]))


def test_relatives_get_relatives_services(conversation):
    conversation("hvor kan jeg få hjelp anonymt?")
    reply = texts(conversation.raw('/affirm{"audience":"relatives"}'))
    assert "Pårørendetelefonen" in reply or "Al-Anon" in reply
    assert "Anonyme Alkoholikere" not in reply


def test_under_18_gets_youth_services_and_the_16_year_rule(conversation):
    conversation("kan jeg snakke med et menneske?")
    reply = texts(conversation.raw('/affirm{"audience":"youth"}'))
    assert "Kors på halsen" in reply
    assert "16" in reply and "foreldre" in reply


def test_show_more_shows_other_places(conversation):
    first = conversation.raw("hvor kan jeg få hjelp anonymt?")
    more = conversation.raw(buttons(first)["Vis flere"])
    assert texts(more).startswith("Flere steder")
    listed = lambda t: {line.split(":")[0] for line in t.splitlines() if line.startswith("• ")}  # noqa: E731
    assert not listed(topic_part(texts(first))) & listed(topic_part(texts(more)))


def test_talk_to_human_lists_people_reachable_now(conversation):
    reply = texts(conversation.raw("kan jeg få snakke med et ekte menneske?"))
    assert "116 123" in reply and "åpent nå" in reply


@pytest.mark.parametrize("text, form", [
    ("kva skjer om legen får vite at eg drikk", "nn"),
    ("eg vil ikkje leva meir", "nn"),
    ("kan ho miste ungane sine", "nn"),
    ("hva skjer hvis legen får vite at jeg drikker", "nb"),
    ("jeg vil ikke leve mer", "nb"),
    ("lappen", None),
])
def test_malform_is_detected_from_the_persons_words(text, form):
    assert detect(text) == form


def test_nynorsk_question_gets_a_nynorsk_answer(conversation):
    reply = texts(conversation.raw("kan eg miste førarkortet om legen får vite at eg drikk mykje?"))
    assert "Berre legar" in reply and "seks månader" in reply


def test_bokmal_question_gets_a_bokmal_answer(conversation):
    reply = texts(conversation.raw("kan jeg miste førerkortet hvis legen får vite at jeg drikker mye?"))
    assert "Bare leger" in reply and "seks måneder" in reply


def test_nynorsk_crisis_with_the_action_server_down(conversation, actions_down):
    reply = texts(conversation.raw("eg orkar ikkje meir, eg vil ikkje leva lenger"))
    assert "heile døgeret" in reply
    for number in ("113", "116 123", "22 40 00 40"):
        assert number in reply


def test_nynorsk_services_list(conversation):
    reply = texts(conversation.raw("kvar kan eg spørje anonymt utan å seie kven eg er?"))
    assert "heile døgeret" in reply or "sjå opningstider" in reply
