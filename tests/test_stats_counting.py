"""What one conversation adds to the weekly counts: each metric counted as
documented, once-per-conversation metrics once, nothing a person typed as a
key, and memory of live conversations bounded."""

import json
from collections import Counter

import pytest

from bot.domain import load as load_domain
from bot.services import directory
from bot.stats.counting import ConversationCounts
from bot.stats.keys import domain_intents
from helpers import FIXTURES, FakeClock

EVENTS = json.loads((FIXTURES / "events" / "conversation.json").read_text(encoding="utf-8"))




@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def counts(clock):
    return ConversationCounts(domain_intents(), [s.id for s in directory.load()], idle_seconds=1800, clock=clock)


def run(counts, sender, events):
    total = Counter()
    for event in events:
        total.update(counts.count({"sender_id": sender, **event}))
    return total


def test_a_conversation_counts_each_metric_as_documented(counts):
    assert run(counts, "kari", EVENTS) == Counter({
        ("conversations", ""): 1,
        # once per conversation, though affirm and crisis came twice
        ("intent", "greet"): 1, ("intent", "fear_driving_licence"): 1, ("intent", "affirm"): 1,
        ("intent", "crisis_suicidal"): 1, ("intent", "feedback_positive"): 1, ("intent", "feedback_negative"): 1,
        # once per conversation; an unknown id is not counted
        ("service_shown", "rusinfo"): 1, ("service_shown", "mental_helse"): 1, ("service_shown", "kirkens_sos"): 1,
        # every time
        ("crisis_answer", ""): 2, ("overdose_answer", ""): 1,
        ("fallback", "nlu"): 2, ("fallback", "dialogue"): 1,
        ("feedback", "positive"): 2, ("feedback", "negative"): 1,
    })


def test_no_key_ever_holds_what_the_person_wrote(counts):
    keys = {key for _, key in run(counts, "kari", EVENTS)}
    typed = " ".join(e.get("text", "") for e in EVENTS)
    assert not [k for k in keys if k and k in typed and k not in domain_intents()]
    assert "Kari_Nordmann_12345678901" not in keys


def test_two_conversations_are_counted_apart(counts):
    first = run(counts, "a", EVENTS)
    second = run(counts, "b", EVENTS)
    assert first == second


def test_a_new_session_is_a_new_conversation(counts, clock):
    run(counts, "a", EVENTS)
    clock.now += 60
    again = run(counts, "a", EVENTS[:5])
    assert again[("conversations", "")] == 1 and again[("intent", "greet")] == 1


def test_the_same_conversation_continuing_does_not_count_again(counts, clock):
    run(counts, "a", EVENTS)
    clock.now += 600
    more = run(counts, "a", [{"event": "user", "parse_data": {"intent": {"name": "greet"}}}])
    assert more == Counter()


def test_memory_of_conversations_is_bounded_when_they_go_idle(counts, clock):
    for i in range(10_000):
        run(counts, f"sender-{i}", EVENTS[:5])
        clock.now += 1  # 10,000 conversations over ~3 hours, each idle after its start
    assert len(counts) <= 1801  # only those active in the last 30 minutes
    clock.now += 1801
    run(counts, "last", EVENTS[:5])
    assert len(counts) == 1


def test_a_hard_cap_holds_even_if_all_are_active(clock):
    counts = ConversationCounts(["greet"], [], idle_seconds=1800, clock=clock, max_conversations=100)
    for i in range(1000):
        counts.count({"sender_id": str(i), "event": "session_started"})
    assert len(counts) <= 101


# How the privacy answer names each metric, in bokmål and nynorsk.
STATED = {
    "conversations": ("samtaler", "samtalar"),
    "intent": ("temaer", "tema"),
    "service_shown": ("tjenester", "tenester"),
    "crisis_answer": ("krisesvar", "krisesvar"),
    "overdose_answer": ("krisesvar", "krisesvar"),
    "fallback": ("ikke forsto", "ikkje forstod"),
    "feedback": ("tilbakemeldinger", "tilbakemeldingar"),
}


def test_the_privacy_answer_names_everything_that_is_counted():
    from bot.stats.counting import METRICS

    variants = load_domain()["responses"]["utter_privacy"]
    by_form = {next((c["value"] for c in v.get("condition", [])), "nb"): v["text"].lower() for v in variants}
    nn, nb = by_form["nn"], by_form["nb"]
    assert set(STATED) == set(METRICS)
    for metric, (in_nb, in_nn) in STATED.items():
        assert in_nb in nb and in_nn in nn, metric
