"""What each intent is called where a person or an operator reads it, in
bokmål and nynorsk, and the button that asks for it: the "Mente du …?" and
"Du nevnte også …" buttons use these."""

from __future__ import annotations

from typing import Dict

LABELS: Dict[str, Dict[str, str]] = {
    "ask_privacy": {"nb": "Er denne chatten anonym?", "nn": "Er denne chatten anonym?"},
    "ask_confidentiality": {"nb": "Taushetsplikt", "nn": "Teieplikt"},
    "ask_anonymous_services": {"nb": "Hjelp uten å oppgi navn", "nn": "Hjelp utan å seie namn"},
    "talk_to_human": {"nb": "Snakke med et menneske", "nn": "Snakke med eit menneske"},
    "seek_help_self": {"nb": "Hjelp for meg selv", "nn": "Hjelp for meg sjølv"},
    "worried_about_other": {"nb": "Bekymret for noen", "nn": "Uroa for nokon"},
    "gambling_problem": {"nb": "Pengespill", "nn": "Pengespel"},
    "fear_driving_licence": {"nb": "Førerkort", "nn": "Førarkort"},
    "fear_child_welfare": {"nb": "Barnevern", "nn": "Barnevern"},
    "fear_police": {"nb": "Politi og straff", "nn": "Politi og straff"},
    "fear_employer": {"nb": "Jobben", "nn": "Jobben"},
    "ask_treatment": {"nb": "Behandling", "nn": "Behandling"},
    "ask_substance_info": {"nb": "Om rusmidler", "nn": "Om rusmiddel"},
    "ask_drug_checking": {"nb": "Teste rusmidler", "nn": "Teste rusmiddel"},
    "unsafe_at_home": {"nb": "Vold eller trusler hjemme", "nn": "Vald eller truslar heime"},
    "crisis_suicidal": {"nb": "Krise (selvmordstanker)", "nn": "Krise (sjølvmordstankar)"},
    "emergency_overdose": {"nb": "Overdose", "nn": "Overdose"},
}


def payload(intent: str) -> str:
    """A button that asks for a topic. It bypasses the NLU, so it says
    itself that it carries no safety line and no other worries; otherwise the
    slots would keep the values of the message before."""
    return f'/{intent}{{"safety_line":"no","also_mentioned":"no"}}'
