"""Weekly aggregate counts: what is counted (counting), where it is kept
(store), and the event broker that connects the two to Rasa (broker)."""
