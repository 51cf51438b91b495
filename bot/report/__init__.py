"""The operator report: weekly counts as suppressed tables (table), printed
or exported as text, CSV, JSON or one self-contained HTML page (render).
`python -m bot.report --help`."""
