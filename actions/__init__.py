"""rasa-sdk action server package (`python -m rasa_sdk --actions actions`).

Custom actions live one per module here. The safety answers never do: they are
plain responses chosen by rules, so they work with this server down.
"""
