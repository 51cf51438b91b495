"""The state of a safety conversation, and the answer each later message gets.

Once a crisis, overdose or unsafe-at-home answer has been given, the
conversation is in that mode for the rest of the session. What the person
writes next is read for the step it asks about ("she is breathing", "I won't
call", "I'm 14", "don't tell anyone"; bot/nlu/safety_steps.py) and answered
with the reply for that step, in the language the safety answer was given in.

Pure: `fold` builds the state from the turns so far, `plan` says which
actions answer the current turn (None: the ordinary rules answer it).
bot/safety_policy.py reads the turns from Rasa's tracker; tests/test_safety_state.py
runs both on plain turns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import List, Mapping, Optional, Sequence, Tuple

from bot.languages import ANSWERED, NORWEGIAN
from bot.nlu import audience, cues
from bot.nlu.normalize import fold as fold_text
from bot.nlu.safety_steps import facts, step

CRISIS = "crisis_suicidal"
OVERDOSE = "emergency_overdose"
UNSAFE = "unsafe_at_home"
FEARS = ("fear_child_welfare", "fear_police", "fear_employer", "fear_driving_licence")
# Intents with a clear topic of their own: answered as usual even in a safety mode.
OWN_TOPIC = ("ask_privacy", "ask_confidentiality", "ask_anonymous_services", "ask_treatment",
             "ask_substance_info", "ask_drug_checking", "gambling_problem", "bot_challenge")
# The answers that open a mode, by name: every answer of a mode starts so.
OPENS = {"overdose": "utter_overdose", "crisis": "utter_crisis", "unsafe": "utter_unsafe"}
# A message is in a new language only when it says enough to tell ("добре" is not enough).
LONG_MESSAGE_WORDS = 6

# English ages ("i'm 14", "14 years old"); Norwegian ones come from the audience detector.
_AGE_EN = re.compile(r"\b(?:i'?m|im|i\s+am)\s+(?:only\s+|just\s+)?(1[0-7]|[89])\b|\b(1[0-7]|[89])\s*(?:yo|y/o|years?\s+old)\b")
_BARE_AGE = re.compile(r"^\D*\b(1[0-7]|[89])\b\D*$")
# Whose wish to die: "hun sier hun vil ta livet sitt" is someone else's, "jeg vil dø" the writer's.
_OTHER_CRISIS = re.compile(
    r"\blivet sitt\b|\bseg selv\b|\bseg sjolv\b|\b(?:him|her|them)sel(?:f|ves)\b|\btheir life\b|\b(?:his|her) (?:own )?life\b"
    r"|\b(?:hun|han|hen|ho|she|he|they)\s+(?:sier|seier|sa|says|said|vil|wants|snakker|talks|har sagt|skrev|wrote|texted|truer|threatens|is going)\b")
_SELF_CRISIS = re.compile(
    r"\blivet mitt\b|\bmeg selv\b|\bmeg sjolv\b|\bmyself\b|\bmy (?:own )?life\b"
    r"|\b(?:jeg|eg|je|i|im|i'm)\s+(?:vil|ville|har lyst til a|want|wanna|am going)\s+(?:to\s+)?(?:do|doy|die|kill)\b")

# Something swallowed, beside a wish to die ("tatt en hel boks med sovepiller").
_PILLS = re.compile(r"\b(?:\w*piller\w*|\w*pillene|\w*tablett\w*|paracet\w*|paralgin\w*|ibux|boks(?:en)?|brett(?:et)?|"
                    r"pills?|tablets?|meds|paracetamol|bottle|pack(?:et)?)\b")
# Someone at risk who cannot be reached ("svarer ikke på telefonen", "not answering my texts").
_NO_CONTACT = re.compile(r"\b(?:telefon\w*|mobil\w*|melding\w*|sms|snap\w*|phone|texts?|messages?|calls?)\b")


@dataclass(frozen=True)
class Turn:
    """One message and what the assistant did after it."""
    intent: Optional[str]
    text: str = ""
    entities: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    language: Optional[str] = None  # the `language` slot when the message was answered
    actions: Tuple[str, ...] = ()

    def entity(self, name: str) -> Tuple[str, ...]:
        return tuple(self.entities.get(name, ()))

    @property
    def message_language(self) -> Optional[str]:
        found = self.entity("language")
        return found[0] if found else None

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class SafetyState:
    overdose: bool = False
    crisis: bool = False
    violence: bool = False
    about_other: bool = False  # the crisis or overdose is someone else's
    youth: bool = False  # the writer said they are under 18
    language: Optional[str] = None  # kept from the first safety answer on

    @property
    def open(self) -> bool:
        return self.overdose or self.crisis or self.violence


def _codes(state: SafetyState, turn: Turn) -> List[Optional[str]]:
    first = state.language or turn.language
    codes = [first, turn.message_language]
    # A Norwegian conversation reads bokmål and nynorsk steps, and English ("ok thanks", "what now").
    if any(c in ANSWERED or c is None for c in codes):
        codes += list(NORWEGIAN) + ["en"]
    return codes


def _youth(turn: Turn, bare_number: bool) -> bool:
    text = turn.text.lower()
    if "youth" in turn.entity("audience") or "youth" in audience.detect(turn.text) or _AGE_EN.search(text.replace("’", "'")):
        return True
    return bare_number and bool(_BARE_AGE.match(text)) and turn.words <= 4


def _someone_else(state: SafetyState, turn: Turn) -> bool:
    found = facts(turn.text, _codes(state, turn))
    if "self_taken" in found and "someone_else" not in found:
        return False
    return "someone_else" in found or "relatives" in turn.entity("audience") or "relatives" in audience.detect(turn.text)


def _says(pattern: re.Pattern, text: str) -> bool:
    return bool(pattern.search(fold_text(text)) or pattern.search(text.lower()))


def _crisis_about_other(state: SafetyState, turn: Turn) -> bool:
    if _says(_SELF_CRISIS, turn.text):
        return False
    if (state.language or turn.language) in ANSWERED + (None,):
        return _says(_OTHER_CRISIS, turn.text)
    # Other languages' "someone else" patterns also fire on "a letter to my mother": the
    # writer's own crisis answer (every line in it) is the safe reading there.
    return False


def _violence_named(turn: Turn) -> bool:
    return UNSAFE in turn.entity("worry") or UNSAFE in cues.other_worries(turn.text, None)


def update(state: SafetyState, turn: Turn) -> SafetyState:
    """The state after this turn was answered (its actions say which mode opened)."""
    acts = set(turn.actions)
    opened_overdose = any(a.startswith(OPENS["overdose"]) for a in acts)
    # The holding reply alone (a vague message before any crisis answer) opens nothing.
    opened_crisis = any(a.startswith(OPENS["crisis"]) and a != "utter_crisis_holding" for a in acts)
    opened_unsafe = any(a.startswith(OPENS["unsafe"]) for a in acts)
    new = state
    if (opened_overdose or opened_crisis or opened_unsafe) and not state.open:
        about = _someone_else(state, turn) if opened_overdose else (_crisis_about_other(state, turn) if opened_crisis else False)
        new = replace(new, language=turn.language, about_other=about)
    if opened_overdose and not state.overdose:
        new = replace(new, overdose=True)
    if opened_crisis and not state.crisis:
        new = replace(new, crisis=True)
    if opened_unsafe:
        new = replace(new, violence=True)
    if _youth(turn, bare_number=state.open):
        new = replace(new, youth=True)
    return new


def fold(turns: Sequence[Turn]) -> SafetyState:
    state = SafetyState()
    for turn in turns:
        state = update(state, turn)
    return state


def kept_language(state: SafetyState, turn: Turn) -> Optional[str]:
    """The language to answer in, when it is not the one the slot now holds:
    a short message after a safety answer stays in the conversation's language."""
    if not state.open or not state.language or turn.language == state.language:
        return None
    if turn.words >= LONG_MESSAGE_WORDS and turn.message_language not in (None, state.language):
        return None
    return state.language


# --- which answer ---------------------------------------------------------------


def _without_offer(answer: Sequence[str]) -> List[str]:
    return [a for a in answer if a not in ("utter_offer_services", "action_offer_services")]


def first_overdose(state: SafetyState, turn: Turn) -> List[str]:
    found = facts(turn.text, _codes(state, turn))
    # The crisis lines (utter_overdose_after) stay for a bystander too: every first
    # safety answer carries 113, 116 123 and 22 40 00 40.
    answer = ["utter_overdose", "utter_overdose_after", "utter_overdose_fear"]
    if "self_taken" in found and "someone_else" not in found:
        return ["utter_overdose_self"] + answer
    return answer


def first_crisis(state: SafetyState, turn: Turn) -> List[str]:
    kind = step(turn.text, _codes(state, turn))
    # "jeg har tatt en hel boks med sovepiller og vil ikke leve mer": taken already, so the
    # overdose answer first, then the crisis lines (facts.md, Clarifications).
    if "self_taken" in facts(turn.text, _codes(state, turn)) and _says(_PILLS, turn.text):
        return first_overdose(state, turn)
    if state.about_other or _crisis_about_other(state, turn):
        # Its "alone, or said they will: ring 113" covers a first message that says so.
        return ["utter_crisis_other"]
    answer = ["utter_crisis_plan"] if kind == "plan" else []
    answer += ["utter_crisis", "utter_crisis_stay"]
    if state.youth or _youth(turn, bare_number=False) or kind == "dont_tell":
        answer.append("utter_crisis_youth")
    return answer


def _around_the_lines(intent, kind, answers, fear_line: str, holding: str) -> Optional[List[str]]:
    """A fear or violence inside an open crisis or overdose: the fear answered
    about the call just urged (fear_line), its topic answer, and the lines kept."""
    if intent in FEARS:
        return [fear_line] + _without_offer(answers.get(intent, [])) + [holding]
    if kind == "afraid":
        return [fear_line, holding]
    if intent == UNSAFE:
        return ["utter_unsafe_at_home"]
    return None


def _overdose_mode(state: SafetyState, turn: Turn, kind: Optional[str], answers) -> Optional[List[str]]:
    intent = turn.intent
    if kind == "not_breathing":
        return ["utter_overdose_not_breathing"]
    if kind == "no_naloxone":
        return ["utter_overdose_no_naloxone"]
    if kind == "breathing":
        return ["utter_overdose_breathing"]
    if kind == "refuse_call" or intent == "talk_to_human":
        return ["utter_overdose_refuse"]
    if kind == "what_now":
        return ["utter_overdose"]
    if intent == CRISIS:
        return first_crisis(state, turn)
    around = _around_the_lines(intent, kind, answers, "utter_overdose_fear", "utter_overdose_holding")
    if around or intent in OWN_TOPIC:
        return around
    return ["utter_overdose_holding"]


def _crisis_mode(state: SafetyState, turn: Turn, kind: Optional[str], answers) -> Optional[List[str]]:
    intent = turn.intent
    if intent == OVERDOSE:
        # "han svarer ikke på telefonen" after a friend's wish to die: out of reach, not a body to turn over.
        if state.about_other and kind not in ("not_breathing", "breathing") and _says(_NO_CONTACT, turn.text):
            return ["utter_crisis_other_now"]
        return first_overdose(state, turn)
    if state.about_other:
        if kind in ("alone", "plan", "refuse_call"):
            return ["utter_crisis_other_now"]
        if kind == "what_now" or intent in (CRISIS, "worried_about_other", "talk_to_human"):
            return ["utter_crisis_other"]
    if kind == "refuse_call" or intent == "talk_to_human":
        return ["utter_crisis_refuse"]
    if kind == "plan":
        return ["utter_crisis_plan"]
    if kind == "dont_tell" or (_youth(turn, bare_number=True) and not state.about_other):
        return ["utter_crisis_youth"]
    around = _around_the_lines(intent, kind, answers, "utter_crisis_anonymous", "utter_crisis_holding")
    if around or intent in OWN_TOPIC:
        return around
    if intent == CRISIS:
        return first_crisis(state, turn)
    if kind == "thanks" or intent == "thank":
        return ["utter_crisis_thanks"]
    return ["utter_crisis_holding"]


def _unsafe_mode(state: SafetyState, turn: Turn, kind: Optional[str]) -> Optional[List[str]]:
    intent = turn.intent
    gives_age = _youth(turn, bare_number=True)
    # A child who gave their age (now or before) and then asks or fears being found out.
    young_asks = state.youth and intent in ("ask_confidentiality", "nlu_fallback", "out_of_scope", "deny", UNSAFE)
    if kind == "dont_tell" or gives_age or young_asks:
        return ["utter_unsafe_youth"]
    if intent in (UNSAFE, "nlu_fallback", "out_of_scope", "deny", "affirm", "greet", "goodbye", "thank",
                  "feedback_negative", "talk_to_human", "seek_help_self"):
        return ["utter_unsafe_holding"]
    return None


def plan(state: SafetyState, turn: Turn, answers: Mapping[str, Sequence[str]]) -> Optional[List[str]]:
    """The actions that answer this turn, or None when the ordinary rules
    answer it. `answers`: intent → its usual answer (data/rules/topics.yml)."""
    intent = turn.intent
    if "followup" in turn.entities and intent not in (CRISIS, OVERDOSE, UNSAFE) \
            and (turn.text.startswith("/") or not state.open):
        # A button pressed gets its answer. Typed, in a safety conversation, "jeg er 14"
        # is the writer's age, not a question about confidentiality.
        return None
    kind = step(turn.text, _codes(state, turn)) if turn.text else None
    if intent == OVERDOSE and not state.overdose and not state.crisis:
        return first_overdose(state, turn)
    if intent == CRISIS and not (state.crisis or state.overdose):
        return first_crisis(state, turn)
    if state.overdose:
        return _overdose_mode(state, turn, kind, answers)
    if state.crisis:
        return _crisis_mode(state, turn, kind, answers)
    if state.violence:
        return _unsafe_mode(state, turn, kind)
    # Violence named beside another question: the unsafe-at-home answer comes first.
    if intent not in (None, UNSAFE, "nlu_fallback") and intent in answers and _violence_named(turn):
        return ["utter_unsafe_at_home"] + list(answers[intent])
    return None
