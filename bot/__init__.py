"""Spør trygt: our own Python code beside Rasa (settings, custom NLU parts)."""
