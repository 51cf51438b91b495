"""What each intent is called where a person or an operator reads it, in
bokmål, nynorsk and English, and the button that asks for it: the "Mente du
…?" and "Du nevnte også …" buttons use these (in English "Did you mean …?",
"You also mentioned …")."""

from __future__ import annotations

from typing import Dict

LABELS: Dict[str, Dict[str, str]] = {
    "ask_privacy": {"nb": "Er denne chatten anonym?", "nn": "Er denne chatten anonym?",
                    "en": "Is this chat anonymous?"},
    "ask_confidentiality": {"nb": "Taushetsplikt", "nn": "Teieplikt", "en": "Duty of confidentiality"},
    "ask_anonymous_services": {"nb": "Hjelp uten å oppgi navn", "nn": "Hjelp utan å seie namn",
                               "en": "Help without giving my name"},
    "talk_to_human": {"nb": "Snakke med et menneske", "nn": "Snakke med eit menneske", "en": "Talk to a person"},
    "seek_help_self": {"nb": "Hjelp for meg selv", "nn": "Hjelp for meg sjølv", "en": "Help for myself"},
    "worried_about_other": {"nb": "Bekymret for noen", "nn": "Uroa for nokon", "en": "Worried about someone"},
    "gambling_problem": {"nb": "Pengespill", "nn": "Pengespel", "en": "Gambling"},
    "fear_driving_licence": {"nb": "Førerkort", "nn": "Førarkort", "en": "Driving licence"},
    "fear_child_welfare": {"nb": "Barnevern", "nn": "Barnevern", "en": "Child welfare (barnevernet)"},
    "fear_police": {"nb": "Politi og straff", "nn": "Politi og straff", "en": "Police and punishment"},
    "fear_employer": {"nb": "Jobben", "nn": "Jobben", "en": "Work"},
    "ask_treatment": {"nb": "Behandling", "nn": "Behandling", "en": "Treatment"},
    "ask_substance_info": {"nb": "Om rusmidler", "nn": "Om rusmiddel", "en": "About alcohol and drugs"},
    "ask_drug_checking": {"nb": "Teste rusmidler", "nn": "Teste rusmiddel", "en": "Drug checking"},
    "unsafe_at_home": {"nb": "Vold eller trusler hjemme", "nn": "Vald eller truslar heime",
                       "en": "Violence or threats at home"},
    "crisis_suicidal": {"nb": "Krise (selvmordstanker)", "nn": "Krise (sjølvmordstankar)",
                        "en": "Crisis (suicidal thoughts)"},
    "emergency_overdose": {"nb": "Overdose", "nn": "Overdose", "en": "Overdose"},
}


def payload(intent: str) -> str:
    """A button that asks for a topic. It bypasses the NLU, so it says
    itself that it carries no safety line and no other worries; otherwise the
    slots would keep the values of the message before."""
    return f'/{intent}{{"safety_line":"no","also_mentioned":"no"}}'
