"""Two things a message can say besides its intent, read from the words:

- `followup`: a short message that leans on the last answer ("og hvis jeg går
  på LAR?", "jeg er gravid også") names a follow-up answer
  (domain/follow_ups.yml), the same one the buttons reach;
- `also_mentioned` (yes / no on every typed message) and `worry` (one entity
  per other worry named): the worries a message names besides the one that
  is answered, offered as buttons after the answer.

Both are entities that do not influence the conversation themselves (the
slots they fill do), so the rules stay exact whatever else a message holds.
"""

from __future__ import annotations

import re
from typing import List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.normalize import fold
from bot.nlu.words import WordsExtractor

# A follow-up is short and leans on what came before.
FOLLOW_UP_MAX_WORDS = 14
# fold() turns "does" into "dos" (Norwegian "oe" = "ø"): both spellings below.
LEANS = re.compile(r"^(?:og|men|enn|hva om|kva om|hva med|kva med|hvis|viss|om|dersom|gjelder|gjeld|samme|same"
                   r"|and|but|what if|what about|how about|(?:does|dos) (?:that|it|this) (?:apply|count|go)|is it the same)\b")
# "jeg er gravid også", "jeg er 14": a few words about oneself, nothing more.
ABOUT_ME = re.compile(r"^(?:jeg|eg|e|ae|hun|han|ho)\s+(?:er|e|gar|kjorer|koyrer|jobber|jobbar)\b"
                      r"|^(?:i|i m|im|she|he|she s|he s)\s+(?:am|m|is|s|drive|drives|work|works|m also|am also)\b")
ABOUT_ME_MAX_WORDS = 6
# Norwegian and English words (folded) that name each follow-up answer.
FOLLOW_UPS = {
    "cannabis": re.compile(r"\bhasj|\bcannabis|\bweed\b|\bmarihuana|\bmarijuana|\bjoint|\bgress\b|\bhash\b|\bthc\b"),
    "lar_drivers": re.compile(r"\blar\b|\blastebil|\bbuss|\bdrosje|\btaxi|\byrkessjaf|\bsjafor|\bmetadon|\bsubutex|\bbuprenorfin"
                             r"|\btruck|\blorry|\bbus driver|\bdriver\b|\bmethadone"),
    "pregnant": re.compile(r"\bgravid|\bpregnant"),
    "drug_contract": re.compile(r"\bruskontrakt|\bdrug contract"),
    "under_18": re.compile(r"\bunder 18\b|\bunder atten\b|\b(?:er|e)\s+1[0-7]\b|\b1[0-7]\s+ar\b"
                           r"|\b(?:am|m|im|is|s)\s+1[0-7]\b|\b1[0-7]\s+(?:years|yo|y o)\b|\bunder eighteen\b"),
    "health_worker": re.compile(r"\bsykepleier|\bsjukepleiar|\bhelsearbeider|\bhelsepersonell|\bautorisasjon|\bhelsevesenet"
                                r"|\bnurse\b|\bhealth worker|\bhealthcare worker|\bauthoris|\bauthoriz"),
    "treatment_duty": re.compile(r"\bpsykolog|\brusbehandling|\bi behandling\b|\bbehandlingen\b"
                                 r"|\bpsychologist|\btherapist|\bin treatment\b|\brehab\b"),
}
# The worries a message can name, by the intent that answers each.
WORRIES = {
    "fear_driving_licence": re.compile(r"\blappen\b|\bforerkort|\bforarkort|\bsertifikat|\bforerrett|\bkjore\b|\bkjoring\b|\bkoyre\b"
                                      r"|\bdriving licen[cs]e|\bmy licen[cs]e|\bthe licen[cs]e"),
    "fear_child_welfare": re.compile(r"\bbarnevern|\bbekymringsmelding|\bomsorgen\b|\bomsorga\b|\bmiste (?:barna|ungene|ungane|omsorgen)"
                                    r"|\bchild welfare|\bcustody\b|\btake my (?:kids|children|baby)"),
    "fear_police": re.compile(r"\bpoliti(?:et)?\b|\banmeld|\bbot\b|\bforelegg|\bstraff|\brulleblad|\bpolitiattest|\bruskontrakt"
                             r"|\bpolice\b|\barrest|\bcriminal record|\bfined?\b"),
    "fear_employer": re.compile(r"\bjobben\b|\bsjefen\b|\barbeidsgiver|\barbeidsgjevar|\bsykmeld|\bsjukmeld|\bnav\b|\bmiste jobben"
                               r"|\bemployer|\bmy boss\b|\bmy job\b|\bsick note|\bat work\b"),
    "ask_confidentiality": re.compile(r"\btaushetsplikt|\bteieplikt|\bjournal(?:en)?\b|\bsi det videre\b|\bseie det vidare\b"
                                     r"|\bconfidential|\bmedical records?\b"),
    "ask_treatment": re.compile(r"\bbehandling|\bavrusning|\bavrusing|\binnleggelse|\bhenvisning|\btilvising|\bventetid"
                               r"|\btreatment\b|\brehab\b|\bdetox\b|\breferral\b"),
    # Violence or threats at home ("han truer med å slå meg"); "det slo meg at …" is a thought, not a blow.
    "unsafe_at_home": re.compile(r"(?<!ikke )(?<!ikkje )(?<!aldri )\b(?:slar|slo|slatt|slaar|banker|banka|dytter|dyttet|dytta|kveler|kvelte|sparker|sparket|sparka)"
                                r"\s+(?:meg|mae|oss|mamma|mora|lillebror\w*|lillesost\w*|veslebror\w*|barna|ungene)\b(?!\s+(?:at|hvor|kor|som)\b)"
                                r"|\b(?:truer|trugar|truet|trua|truga)\s+(?:meg|mae|oss)\b|\b(?:truer|trugar|truet|trua|truga)\b.{0,30}?\bmed a (?:sla|drepe|skade|kaste|banke)\b"
                                r"|(?<!ingen )(?<!ikke )(?<!ikkje )(?<!aldri )\b(?:vold|vald)\b"
                                r"|\bredd for a (?:ga|dra|komme|kome) hjem|\b(?:tor|tar) (?:ikke|ikkje) (?:a )?(?:vaere|vere|ga|dra) hjem|\bikke trygg hjemme"
                                # "pappa drikker og slår når han er full": a parent or partner who hits ("slo opp" is a break-up)
                                r"|\b(?:pappa|mamma|faren|far|moren|mor|stefaren|stefar|stemora|samboeren|sambuaren|kjaeresten|mannen|kona)\b(?:\s+\w+){0,3}?\s+(?:slar|slo|banker|banka|sparker|sparka|kveler)\b(?!\s+(?:opp|seg|av|til|pa|inn|fast|ut)\b)"
                                r"|\b(?:hits?|hitting|beats?|beating) (?:me|us|my mum|my mom)\b|(?<!not )(?<!never )(?<!no )\bviolen(?:t|ce)\b|\bafraid to go home\b"),
    "gambling_problem": re.compile(r"\bspill(?:e|ing|er|ing)?\b|\bspel(?:ar|ing)?\b|\bbetting|\bodds\b|\bcasino|\bkasino|\bspillegjeld|\bspelegjeld"
                                  r"|\bgambling\b|\bgambl"),
}


def follow_up(text: str) -> Optional[str]:
    """The follow-up answer a short, leaning message asks for, or None."""
    folded = fold(text)
    words = len(folded.split())
    leans = (LEANS.search(folded) and words <= FOLLOW_UP_MAX_WORDS) or (ABOUT_ME.search(folded) and words <= ABOUT_ME_MAX_WORDS)
    if not leans:
        return None
    key = next((key for key, pattern in FOLLOW_UPS.items() if pattern.search(folded)), None)
    # "og kan sjefen få vite at jeg røyker hasj?" asks about the job, not about hasj.
    if key == "cannabis" and any(pattern.search(folded) for pattern in WORRIES.values()):
        return None
    return key


def other_worries(text: str, answered: Optional[str]) -> List[str]:
    """The worries named besides the one answered, in a fixed order."""
    folded = fold(text)
    return [intent for intent, pattern in WORRIES.items() if intent != answered and pattern.search(folded)]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class CueDetector(WordsExtractor):
    """Sits after the safety net: the intent it reads is the one answered."""

    def read(self, text: Text, message: Message) -> List[tuple]:
        key = follow_up(text)
        if key:
            return [("followup", key), ("also_mentioned", "no")]
        worries = other_worries(text, (message.get(INTENT) or {}).get("name"))
        return [("worry", w) for w in worries] + [("also_mentioned", "yes" if worries else "no")]
