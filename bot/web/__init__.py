"""The public web front: the chat page and widget, a forwarding REST endpoint
to Rasa on loopback, and the operator page. `python -m bot.web` runs it;
`make run` starts it with the rest."""
