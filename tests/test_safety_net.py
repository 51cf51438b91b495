"""The safety net recognises suicidal crisis and overdose in the ways people
write them, and leaves everyday hyperbole alone."""

import json

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import safety_net
from bot.nlu.normalize import fold
from bot.nlu_eval import load_examples
from bot.settings import ROOT

from conftest import HOLDOUT

CRISIS = [
    "det er best for alle om jeg ikke er her lenger",
    "har lagt igjen brev til familien",
    "jeg vil ikke leve lenger",
    "Jeg vil dø",
    "jeg vil do",
    "eg vil ikkje leva meir",
    "eg vil berre døy",
    "æ orke ikkje å leve",
    "har tenkt på selvmord i hele dag",
    "tenker paa selvmord",
    "sjølvmordstankar heile tida",
    "jeg vil ta livet mitt",
    "skal ta livet av meg i kveld",
    "jeg har skrevet et avskjedsbrev",
    "alle har det bedre uten meg",
    "familien hadde hatt det betre utan meg",
    "jeg kutter meg igjen",
    "har begynt å skade meg selv",
    "vil bare sove og aldri våkne",
    "vil forsvinne for godt",
    "har samlet piller for å avslutte det hele",
    "skulle ønske jeg var død",
    "ingen vits å leve",
    "jeg vil gjøre slutt på livet",
    "JEG ORKER IKKE Å LEVE MER",
    "tenkjer på å hoppe frå brua",
    "i want to die",
    "SELVMORD",
]
OVERDOSE = [
    "han puster ikke",
    "ho pustar ikkje",
    "kompisen min har tatt for mye",
    "hun er bevisstløs etter fest",
    "han er bevistlos",
    "tror hun har tatt en overdose",
    "han har kramper etter at han tok speed",
    "leppene hans er blå",
    "blå lepper og svarer ikke",
    "hun vakner ikke",
    "ho vaknar ikkje",
    "får ikke kontakt med han",
    "datt ut på ghb",
    "ungen har svelget tabletter",
    "alkoholforgiftning hva gjør jeg",
    "puster rart og lager snorkelyder",
    "OVERDOSE",
    "tok alle pillene og vil dø",  # both: the acute poisoning comes first
    "jeg har tatt alle pillene mine, jeg vil dø",
    "har tatt en overdose med vilje",  # taken already: first aid, then the crisis lines
    "vennen min er helt ute av det etter GHB",
    "kompisen tok G og er helt ute av det",
]
EVERYDAY = [
    "det er lettere for alle om jeg ikke er med på festen i kveld",
    "jeg døde av latter",
    "dette dreper meg, så kjedelig",
    "hei",
    "mister jeg lappen hvis legen får vite at jeg drikker?",
    "barnevernet",
    "hvor lenge er hasj i urinen",
    "hvor mye alkohol er for mye",
    "kan jeg snakke med et menneske",
    "er chatten anonym",
    "takk for hjelpen",
    "jeg drikker for mye og vil slutte",
    "mora mi drikker hver dag",
    "han spiller bort alle pengene",
    "hva er været i morgen",
    "hvordan funker avrusning",
    "kan jeg få testet pillene",
    "jeg er død lei av jobben",
    "drep meg, for en dag",
    "jeg er helt ute av det i dag, sov dårlig",
]


def test_fold_makes_spellings_meet():
    assert fold("Jeg vil DØØØ!!") == fold("jeg vil doe") == fold("jeg vil do") == "jeg vil do"
    assert fold("blå") == fold("blaa") == "bla"
    assert fold("Hjelp,   han   PUSTER ikke?") == "hjelp han puster ikke"


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_phrasings_trigger(text):
    assert safety_net.detect(text) == safety_net.CRISIS_INTENT


@pytest.mark.parametrize("text", OVERDOSE)
def test_overdose_phrasings_trigger(text):
    assert safety_net.detect(text) == safety_net.OVERDOSE_INTENT


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_phrases_do_not_trigger(text):
    assert safety_net.detect(text) is None


def _parsed(text, intent, confidence):
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence})
    message.set("intent_ranking", [{"name": intent, "confidence": confidence}])
    return message


def test_forces_the_safety_intent_when_the_classifier_missed_it():
    message = _parsed("orker ikke å leve mer", "seek_help_self", 0.8)
    assert safety_net.apply(message) == "crisis_suicidal"
    assert message.get("intent") == {"name": "crisis_suicidal", "confidence": 1.0}
    assert message.get("intent_ranking")[0]["name"] == "crisis_suicidal"
    assert message.get("intent_ranking")[1]["name"] == "seek_help_self"


def test_keeps_the_classifiers_safety_intent_and_makes_it_certain():
    """An unsure safety prediction must not be turned into a fallback later."""
    message = _parsed("jeg orker ikke mer av dette", "crisis_suicidal", 0.25)
    assert safety_net.apply(message) == "crisis_suicidal"
    assert message.get("intent") == {"name": "crisis_suicidal", "confidence": 1.0}


@pytest.mark.parametrize("confidence", [0.25, 0.99, 1.0])
def test_pills_taken_and_a_wish_to_die_get_the_overdose_answer_first(confidence):
    """facts.md, Clarifications: the overdose answer first, then the crisis lines."""
    message = _parsed("jeg har tatt alle pillene mine, jeg vil dø", "crisis_suicidal", confidence)
    assert safety_net.apply(message) == "emergency_overdose"
    assert message.get("intent") == {"name": "emergency_overdose", "confidence": 1.0}


def test_a_plan_to_take_an_overdose_stays_the_crisis_answer():
    message = _parsed("jeg tenker på å ta en overdose i kveld", "crisis_suicidal", 0.9)
    assert safety_net.apply(message) == "crisis_suicidal"


def test_leaves_other_messages_alone():
    message = _parsed("jeg døde av latter", "out_of_scope", 0.6)
    assert safety_net.apply(message) is None
    assert message.get("intent")["name"] == "out_of_scope"


def test_recall_and_false_alarms_on_the_held_out_set():
    """Every held-out safety example is caught by the lexicon alone, and it
    fires on few of the others (a false alarm costs little, a miss a lot)."""
    examples = load_examples(HOLDOUT)
    safety = [(t, i) for t, i in examples if i in safety_net.SAFETY_INTENTS]
    others = [t for t, i in examples if i not in safety_net.SAFETY_INTENTS]
    caught = [t for t, _ in safety if safety_net.detect(t) is not None]
    false_alarms = [t for t in others if safety_net.detect(t) is not None]
    rate = len(false_alarms) / len(others)
    summary = {"caught": len(caught), "safety_examples": len(safety), "false_alarms": false_alarms,
               "other_examples": len(others), "false_alarm_rate": round(rate, 4)}
    out = ROOT / "results" / "safety_net_holdout.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    assert len(caught) / len(safety) >= 0.8
    assert rate <= 0.03


@pytest.mark.parametrize("text, now, mention", [
    # A mention inside another question: the past, someone else, the rules.
    ("Broren min havnet på sykehus etter en overdose for et par måneder siden. Nå drikker han igjen. "
     "Hvordan kan vi hjelpe ham?", None, True),
    ("blir man anmeldt hvis man ringer 113 når en venn har tatt en overdose?", None, True),
    ("jeg hadde selvmordstanker for to år siden. kan psykologen si det til fastlegen?", None, True),
    ("Eg tok ein overdose som 17-åring. Kan barnevernet sjå det no?", None, True),
    ("mannen min har sagt at han skal ta livet av meg om jeg forlater ham", None, True),
    ("stefaren min sier han skal skade meg hvis jeg forteller det til noen", None, True),
    # An earlier overdose referred back to, the last time, a hard time that is over.
    ("Jeg er rusfri nå. Kan legen se den gamle overdosen når jeg skal fornye førerkortet?", None, True),
    ("sist jeg hadde selvmordstanker ringte de politiet. er denne chatten anonym?", None, True),
    ("Etter en vond vinter med selvmordstanker fikk jeg Sobril. Blir man avhengig av det?", None, True),
    ("Står det i journalen min at jeg var bevisstløs på fest i 2019?", None, True),
    ("Jeg har lest om folk som får kramper når de slutter å drikke. Må jeg legges inn for avrusning?",
     None, True),
    # Danger now, even beside a past one.
    ("sist jeg sjekket pustet han ikke, hva gjør jeg", "emergency_overdose", False),
    ("jeg hadde en plan før, men nå har jeg tatt alle pillene", "emergency_overdose", False),
    ("han har kramper nå etter at han tok noe på fest", "emergency_overdose", False),
    ("i fjor overlevde jeg en overdose og nå vil jeg bare dø", "crisis_suicidal", False),
    ("han tok masse piller for en time siden og nå våkner han ikke", "emergency_overdose", False),
    ("jeg har tatt alle pillene mine, jeg vil dø", "emergency_overdose", False),
    ("hjelp han puster ikke", "emergency_overdose", False),
    ("mister jeg lappen?", None, False),
])
def test_danger_now_is_told_from_a_mention(text, now, mention):
    assert safety_net.read(text) == (now, mention)


def _ranked(text, *ranking):
    message = Message(data={"text": text})
    message.set("intent", {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    return message


def _line(message):
    return [e["value"] for e in message.get("entities", []) if e["entity"] == "safety_line"]


def test_a_mention_gets_the_safety_line_and_the_answer_to_the_question():
    message = _ranked("Broren min havnet på sykehus etter en overdose i fjor. Hvordan kan vi hjelpe ham nå?",
                      ("emergency_overdose", 0.6), ("worried_about_other", 0.3))
    assert safety_net.apply(message) == "safety_line"
    assert message.get("intent")["name"] == "worried_about_other"
    assert _line(message) == ["yes"]


def test_an_unsure_safety_guess_gets_the_line_not_the_takeover():
    message = _ranked("jeg vet ikke hvor jeg skal gjøre av meg", ("crisis_suicidal", 0.55), ("seek_help_self", 0.3))
    assert safety_net.apply(message) == "safety_line"
    assert message.get("intent")["name"] == "seek_help_self"


def test_a_sure_safety_guess_takes_over():
    message = _ranked("jeg orker ikke mer av dette", ("crisis_suicidal", 0.93), ("seek_help_self", 0.05))
    assert safety_net.apply(message) == "crisis_suicidal"
    assert message.get("intent") == {"name": "crisis_suicidal", "confidence": 1.0}


def test_a_safety_intent_second_in_line_adds_the_line():
    message = _ranked("drikker for mye og er så sliten av alt", ("seek_help_self", 0.5), ("crisis_suicidal", 0.3))
    assert safety_net.apply(message) == "safety_line"
    assert message.get("intent")["name"] == "seek_help_self"


def test_every_other_typed_message_says_no_line():
    net = safety_net.SafetyNet()
    message = _ranked("hvor lenge er hasj i urinen", ("ask_substance_info", 0.9), ("fear_police", 0.05))
    net.process([message])
    assert _line(message) == ["no"]
