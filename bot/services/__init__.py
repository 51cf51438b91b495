"""The services directory (data/services.yml): loading, opening hours, choosing
and wording. Pure functions with an injectable clock; no I/O at import."""
