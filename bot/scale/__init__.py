"""Running on several Rasa processes with conversations in Redis (docs/scaling.md)."""
