"""The safety conversation's state machine (bot/safety_state.py) on plain
turns, and the policy's reading of a Rasa tracker (bot/safety_policy.py).
No trained model: these run in seconds. The same conversations through the
whole assistant: tests/test_safety_conversations.py."""

from typing import List, Optional, Tuple

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import safety_policy
from bot.nlu import safety_steps
from bot.safety_state import SafetyState, Turn, fold, kept_language, plan
from bot.settings import ROOT

ANSWERS = safety_policy.usual_answers()


def talk(messages: List[Tuple], language: str = "nb") -> List[Optional[List[str]]]:
    """Each (intent, text[, message language]) answered in turn; what the
    state machine chose for each (None: the ordinary rules answered)."""
    turns: List[Turn] = []
    chosen = []
    for intent, text, *lang in messages:
        entities = {"language": (lang[0],)} if lang else {}
        slot = lang[0] if lang else language
        state = fold(turns)
        slot = kept_language(state, Turn(intent, text, entities, slot)) or slot
        turn = Turn(intent, text, entities, slot)
        answer = plan(state, turn, ANSWERS)
        chosen.append(answer)
        turns.append(Turn(intent, text, entities, slot, tuple(answer or ANSWERS.get(intent, []))))
    return chosen


# --- overdose: the step that applies -------------------------------------------


def test_overdose_steps_follow_what_the_bystander_says():
    assert talk([
        ("emergency_overdose", "venninna mi er full og jeg får ikke vekket henne"),
        ("affirm", "hun puster"),
        ("ask_substance_info", "skal jeg gi henne vann?"),
        ("nlu_fallback", "nå puster hun ikke"),
        ("deny", "vi har ikke nalokson"),
        ("greet", "hallo??"),
    ]) == [
        ["utter_overdose", "utter_overdose_after", "utter_overdose_fear"],  # every number in the first answer
        ["utter_overdose_breathing"],
        ["utter_overdose"],  # "what do I do" → 113 now and the steps, never the listening line
        ["utter_overdose_not_breathing"],
        ["utter_overdose_no_naloxone"],
        ["utter_overdose_holding"],
    ]


def test_someone_who_took_it_themselves_is_told_113_even_if_they_feel_fine():
    assert talk([
        ("emergency_overdose", "jeg har tatt 30 paracet"),
        ("talk_to_human", "jeg vil ikke ringe"),
        ("feedback_positive", "jeg føler meg helt fin"),
        ("thank", "takk"),
    ]) == [
        ["utter_overdose_self", "utter_overdose", "utter_overdose_after", "utter_overdose_fear"],
        ["utter_overdose_refuse"],
        ["utter_overdose_refuse"],
        ["utter_overdose_holding"],
    ]


def test_a_fear_question_during_an_overdose_gets_the_fear_line_then_113_again():
    answers = talk([("emergency_overdose", "he is not breathing", "en"),
                    ("fear_police", "will the police come if i call?", "en")], language="en")
    assert answers[1] == ["utter_overdose_fear", "utter_fear_police", "utter_overdose_holding"]


# --- crisis: refusals, fears, age, plans -----------------------------------------


def test_refusing_to_call_after_a_wish_to_die_gets_the_written_routes():
    assert talk([
        ("crisis_suicidal", "jeg vil dø"),
        ("talk_to_human", "jeg vil ikke ringe noen"),
        ("talk_to_human", "kan du ikke bare snakke med meg?"),
        ("deny", "nei"),
        ("nlu_fallback", "vet ikke"),
    ]) == [
        ["utter_crisis", "utter_crisis_stay"],
        ["utter_crisis_refuse"],
        ["utter_crisis_refuse"],
        ["utter_crisis_holding"],
        ["utter_crisis_holding"],  # never "Mente du …?"
    ]


def test_a_fear_inside_a_crisis_is_answered_about_the_lines_just_given():
    answers = talk([("crisis_suicidal", "jeg vil ikke leve mer"),
                    ("fear_child_welfare", "kan barnevernet ta barna mine hvis jeg ringer?"),
                    ("thank", "takk for at du svarer")])
    assert answers[1] == ["utter_crisis_anonymous", "utter_fear_child_welfare", "utter_crisis_holding"]
    assert answers[2] == ["utter_crisis_thanks"]


def test_a_clear_topic_in_a_crisis_keeps_its_own_answer():
    assert talk([("crisis_suicidal", "jeg vil dø"), ("ask_privacy", "er denne chatten anonym?")])[1] is None


def test_pills_taken_beside_a_wish_to_die_get_the_overdose_answer_first():
    assert talk([("crisis_suicidal", "jeg har tatt en hel boks med sovepiller og vil ikke leve mer")]) == [
        ["utter_overdose_self", "utter_overdose", "utter_overdose_after", "utter_overdose_fear"]]
    # A plan to take them is not an overdose yet.
    assert talk([("crisis_suicidal", "jeg har samlet piller og skal ta dem i kveld")])[0][0] == "utter_crisis_plan"


def test_an_imminent_plan_opens_with_113():
    assert talk([("crisis_suicidal", "jeg skal ta livet mitt i kveld. jeg har skrevet brev til familien")]) == [
        ["utter_crisis_plan", "utter_crisis", "utter_crisis_stay"]]
    assert talk([("crisis_suicidal", "i want to die"), ("nlu_fallback", "i have the pills ready for tonight")],
                language="en")[1] == ["utter_crisis_plan"]


def test_a_young_person_who_fears_their_parents_finding_out_gets_kors_paa_halsen():
    assert talk([
        ("crisis_suicidal", "jeg er 13 og kutter meg, ingen må få vite det"),
        ("nlu_fallback", "ikke si det til mamma"),
        ("affirm", "ok"),
    ]) == [
        ["utter_crisis", "utter_crisis_stay", "utter_crisis_youth"],
        ["utter_crisis_youth"],
        ["utter_crisis_holding"],
    ]


# --- someone else at risk ------------------------------------------------------


def test_a_friend_at_risk_gets_the_helpers_answer_and_113_when_alone():
    assert talk([
        ("crisis_suicidal", "venninna mi sier at hun vil ta livet sitt, hva skal jeg gjøre?"),
        ("nlu_fallback", "hun er hjemme alene nå"),
    ]) == [["utter_crisis_other"], ["utter_crisis_other_now"]]


def test_a_friend_at_risk_who_does_not_answer_the_phone_gets_113_not_first_aid():
    assert talk([
        ("crisis_suicidal", "min beste venn sendte melding om at han skal ta livet sitt"),
        ("emergency_overdose", "han svarer ikke på telefonen"),
    ]) == [["utter_crisis_other"], ["utter_crisis_other_now"]]


def test_the_writers_own_wish_to_die_is_not_taken_for_someone_elses():
    assert talk([("crisis_suicidal", "kjæresten min slo opp og jeg vil ta livet mitt")]) == [
        ["utter_crisis", "utter_crisis_stay"]]
    assert talk([("crisis_suicidal", "my boyfriend left and i want to kill myself")], language="en") == [
        ["utter_crisis", "utter_crisis_stay"]]


# --- violence first ------------------------------------------------------------


def test_a_child_in_a_violent_home_who_gives_their_age_gets_the_anonymous_route():
    assert talk([
        ("unsafe_at_home", "pappa slår mamma når han drikker og jeg er så redd"),
        ("nlu_fallback", "jeg er 14"),
        ("deny", "ikke si det til noen"),
        ("nlu_fallback", "jeg er redd"),
    ]) == [
        None,  # the rule's utter_unsafe_at_home
        ["utter_unsafe_youth"],
        ["utter_unsafe_youth"],
        ["utter_unsafe_youth"],  # a young person: never the confidentiality-age answer
    ]


def test_violence_named_inside_another_question_comes_first():
    answers = talk([
        ("fear_child_welfare", "samboeren min truer meg når han er full og jeg har begynt å ta piller for å "
                               "takle det. jeg er redd barnevernet tar barna"),
        ("nlu_fallback", "jeg er redd for han"),
    ])
    assert answers[0][0] == "utter_unsafe_at_home" and "utter_fear_child_welfare" in answers[0]
    assert answers[1] == ["utter_unsafe_holding"]


def test_no_safety_conversation_no_say():
    assert talk([("greet", "hei"), ("fear_police", "kan politiet se at jeg har kjøpt dop?"),
                 ("nlu_fallback", "hmm")]) == [None, None, None]


# --- the language kept ------------------------------------------------------------


def test_a_short_message_in_a_neighbouring_language_keeps_the_conversations_language():
    state = fold([Turn("emergency_overdose", "мій друг не дихає після наркотиків", {"language": ("uk",)}, "uk",
                       ("utter_overdose", "utter_overdose_after", "utter_overdose_fear"))])
    assert state.language == "uk" and state.overdose
    assert kept_language(state, Turn("out_of_scope", "добре", {"language": ("ru",)}, "ru")) == "uk"
    assert kept_language(state, Turn("out_of_scope", "ممنون", {"language": ("ur",)}, "ur")) == "uk"
    long = "Я хочу спросить по-русски, потому что мне так легче писать об этом"
    assert kept_language(state, Turn("out_of_scope", long, {"language": ("ru",)}, "ru")) is None
    assert kept_language(SafetyState(), Turn("out_of_scope", "добре", {"language": ("ru",)}, "ru")) is None


@pytest.mark.parametrize("code, text, kind", [
    ("nb", "hun puster", "breathing"), ("nb", "hun puster ikke", "not_breathing"),
    ("nn", "han pustar no", "breathing"), ("nb", "vi har ikke nalokson", "no_naloxone"),
    ("en", "he is breathing now a bit", "breathing"), ("en", "she stopped breathing", "not_breathing"),
    ("en", "i won't call", "refuse_call"), ("nb", "skal jeg gi henne vann?", "what_now"),
    ("uk", "що робити", "what_now"), ("ar", "ماذا أفعل", "what_now"),
])
def test_the_review_s_follow_ups_read_as_their_step(code, text, kind):
    assert safety_steps.step(text, [code]) == kind


def test_every_language_with_an_overdose_answer_reads_the_steps():
    from bot import multilingual_domain

    for code, data in multilingual_domain.load_languages().items():
        if code == "nn":
            continue  # read with the bokmål steps
        steps = data.get("steps") or {}
        missing = {"not_breathing", "breathing", "refuse_call", "what_now"} - {k for k, v in steps.items() if v}
        assert not missing, (code, missing)


# --- the policy reads the tracker --------------------------------------------------


def _tracker(events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("fixture", events, slots=DOMAIN.slots)


DOMAIN = Domain.load(str(ROOT / "domain"))


def _user(text, intent, **entities):
    ents = [{"entity": k, "value": v} for k, v in entities.items()]
    return UserUttered(text, {"name": intent, "confidence": 1.0}, ents)


def test_the_policy_predicts_the_plan_one_action_at_a_time_then_listens():
    events = [ActionExecuted("action_listen"), _user("jeg har tatt 30 paracet", "emergency_overdose"),
              ActionExecuted("action_extract_slots")]
    plan_ = []
    for _ in range(6):
        action, _keep = safety_policy.next_action(safety_policy.turns(_tracker(events)), ANSWERS)
        plan_.append(action)
        if action == "action_listen":
            break
        events.append(ActionExecuted(action))
    assert plan_ == ["utter_overdose_self", "utter_overdose", "utter_overdose_after", "utter_overdose_fear",
                     "action_listen"]


def test_the_policy_keeps_the_language_of_the_safety_answer():
    events = [ActionExecuted("action_listen"), _user("мій друг не дихає після наркотиків", "emergency_overdose",
                                                     language="uk"),
              SlotSet("language", "uk"), ActionExecuted("utter_overdose"), ActionExecuted("utter_overdose_fear"),
              ActionExecuted("action_listen"), _user("що робити", "out_of_scope", language="ru"),
              SlotSet("language", "ru")]
    action, keep = safety_policy.next_action(safety_policy.turns(_tracker(events)), ANSWERS)
    assert (action, keep) == ("utter_overdose", "uk")


def test_the_policy_abstains_outside_a_safety_conversation():
    events = [ActionExecuted("action_listen"), _user("kan politiet se at jeg har kjøpt dop?", "fear_police")]
    assert safety_policy.next_action(safety_policy.turns(_tracker(events)), ANSWERS) == (None, None)


def test_every_action_the_state_machine_can_choose_is_a_response_in_the_domain():
    import inspect

    from bot import safety_state

    names = set(__import__("re").findall(r'"(utter_\w+)"', inspect.getsource(safety_state)))
    names -= set(safety_state.OPENS.values())  # prefixes
    assert names and names <= set(DOMAIN.responses), names - set(DOMAIN.responses)


# --- every language file reads its own follow-ups ----------------------------------

STEP_PHRASES = __import__("yaml").safe_load((ROOT / "tests" / "languages" / "step_phrases.yml").read_text(encoding="utf-8"))


def _step_cases():
    for code, kinds in STEP_PHRASES.items():
        for kind, phrases in kinds.items():
            for text in phrases:
                yield code, kind, text


@pytest.mark.parametrize("code, kind, text", list(_step_cases()))
def test_each_language_reads_its_follow_ups(code, kind, text):
    # A Norwegian or English conversation reads all three; another language its own.
    codes = [code, "nb", "nn", "en"] if code in ("nb", "nn", "en") else [code]
    if kind in safety_steps.STEPS:
        assert safety_steps.step(text, codes) == kind
    elif kind in safety_steps.FACTS:
        assert kind in safety_steps.facts(text, codes)
    else:
        assert safety_steps.step(text, codes) is None and not safety_steps.facts(text, codes)


def test_a_typed_age_after_violence_is_not_the_confidentiality_follow_up():
    turns = [Turn("unsafe_at_home", "pappa slår meg", {}, "nb", ("utter_unsafe_at_home",))]
    typed = Turn("nlu_fallback", "jeg er 14", {"followup": ("under_18",)}, "nb")
    pressed = Turn("affirm", '/affirm{"followup":"under_18"}', {"followup": ("under_18",)}, "nb")
    assert plan(fold(turns), typed, ANSWERS) == ["utter_unsafe_youth"]
    assert plan(fold(turns), pressed, ANSWERS) is None
