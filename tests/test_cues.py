"""What a message says besides its intent: typed follow-ups, other worries,
and who is asking (bot/nlu/cues.py, bot/nlu/audience.py)."""

import pytest

from bot.nlu.audience import detect as audience
from bot.nlu.cues import follow_up, other_worries


@pytest.mark.parametrize("text, key", [
    ("og hvis jeg går på LAR?", "lar_drivers"),
    ("hva om jeg kjører lastebil?", "lar_drivers"),
    ("gjelder det psykolog også?", "treatment_duty"),
    ("jeg er gravid også", "pregnant"),
    ("og hvis jeg er under 18?", "under_18"),
    ("men om eg er 16?", "under_18"),
    ("enn ruskontrakt, hva er det?", "drug_contract"),
    ("men hva om det bare er hasj?", "cannabis"),
    ("kva om det berre er weed?", "cannabis"),
    # English follow-ups reach the same answers.
    ("what if i am on LAR?", "lar_drivers"),
    ("and if i drive a truck for work?", "lar_drivers"),
    ("does that apply to psychologists too?", "treatment_duty"),
    ("what if it's just weed?", "cannabis"),
    ("i'm pregnant too", "pregnant"),
    ("but what if i'm 16?", "under_18"),
    # Not follow-ups: a whole question, or a cue without an answer behind it.
    ("mister jeg lappen hvis jeg går på LAR og kjører buss hver dag for kommunen?", None),
    ("hva om jeg bare drikker i helgene?", None),
    ("hei", None),
    ("jeg er 15 og politiet tok meg med hasj, hva skjer nå?", None),  # a question of its own
])
def test_a_short_message_leaning_on_the_last_answer_names_its_follow_up(text, key):
    assert follow_up(text) == key


def test_other_worries_are_named_besides_the_one_answered():
    text = "jeg drikker for mye og er redd for både lappen og barnevernet"
    assert other_worries(text, "fear_child_welfare") == ["fear_driving_licence"]
    assert other_worries(text, "fear_driving_licence") == ["fear_child_welfare"]
    assert other_worries("kan legen si det til sjefen og politiet?", "ask_confidentiality") == ["fear_police", "fear_employer"]
    assert other_worries("hvor lenge er hasj i urinen?", "ask_substance_info") == []


def test_violence_at_home_is_offered_besides_the_question_answered():
    text = "Mamma mista lappen i fjor. Kjæresten hennes truer med å slå meg hvis jeg sier noe. Får hun den tilbake?"
    assert other_worries(text, "fear_driving_licence") == ["unsafe_at_home"]
    assert other_worries("nå truer kjæresten hennes med å slå meg. får hun lappen tilbake?", "fear_driving_licence") == \
        ["unsafe_at_home"]
    assert other_worries("he hits me when he's drunk, can the police take my licence?", "fear_driving_licence") == \
        ["fear_police", "unsafe_at_home"]
    assert other_worries("pappa drikker og slår når han er full. kan barnevernet ta meg?", "fear_child_welfare") == \
        ["unsafe_at_home"]
    assert other_worries("samboeren min slo opp med meg og nå drikker jeg", "seek_help_self") == []
    # A thought that struck, a blow that never came, a parent who is "not violent": nothing to offer.
    assert other_worries("det slo meg at jeg drikker hver dag", "seek_help_self") == []
    assert other_worries("pappa drikker mye, men han har aldri slått meg", "worried_about_other") == []
    assert other_worries("my dad drinks but he's never violent", "worried_about_other") == []


@pytest.mark.parametrize("text, who", [
    ("jeg er 15 og drikker", {"youth"}),
    ("hei, 16 år her. sier helsesøster det til mamma?", {"youth"}),
    ("(gutt 17) røyker hasj", {"youth"}),
    ("Jente 15", {"youth"}),
    ("sønnen min på 17 år røyker hasj", {"relatives"}),
    ("mamma drikker hver dag", {"relatives"}),
    ("kjæresten min bruker kokain", {"relatives"}),
    ("lillebroren min på 13 bruker alle pengene på lootboxer", {"relatives"}),
    ("bestevenninna mi kjøper xanax på snap", {"relatives"}),
    ("En venn av meg har begynt å selge hasj", {"relatives"}),
    ("veslebror min drikk kvar helg", {"relatives"}),
    ("jeg drakk mye for 15 år siden", set()),
    ("har drukket i 10 år", set()),
    ("jeg er 34 og drikker for mye", set()),
    ("får mamma vite det?", set()),
])
def test_who_is_asking_from_their_own_words(text, who):
    assert audience(text) == who
