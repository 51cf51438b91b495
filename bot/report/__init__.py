"""The operator report: weekly counts as suppressed tables (table), read from
the stats store (collect), printed or exported as text, CSV, JSON or one
self-contained HTML page (render). `python -m bot.report --help`."""
