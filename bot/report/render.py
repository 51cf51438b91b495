"""The report as text, CSV, JSON and one self-contained HTML page.
Every format shows the same cells, hidden ones as "<5"; none adds a total."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from typing import List, Optional, Sequence

from bot.report import overview
from bot.report.table import MetricTable, Report
from bot.services import check


def _cell(value: Optional[int], report: Report) -> str:
    return report.hidden_mark if value is None else str(value)


def _short(week: str) -> str:
    return week.split("-")[1]  # "2026-W48" -> "W48"


def text(report: Report) -> str:
    if not report.weeks:
        return "Ingen uker valgt.\n"
    out: List[str] = [
        f"Spør trygt – anonyme ukestall, uke {report.weeks[0]} til {report.weeks[-1]}",
        f'"{report.hidden_mark}" betyr færre enn {report.threshold} (0 medregnet); slike tall vises aldri.',
        "",
    ]
    for table in report.tables:
        width = max(len(r.label) for r in table.rows)
        out.append(f"{table.title}: {table.explanation}")
        out.append(" " * width + "".join(f"{_short(w):>6}" for w in table.weeks))
        for row in table.rows:
            out.append(row.label.ljust(width) + "".join(f"{_cell(v, report):>6}" for v in row.values))
        out.append("")
    return "\n".join(out)


def csv_text(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["metric", "key", "label", "week", "value"])
    for table in report.tables:
        for row in table.rows:
            for week, value in zip(table.weeks, row.values):
                writer.writerow([table.metric, row.key, row.label, week, _cell(value, report)])
    return buffer.getvalue()


def json_text(report: Report) -> str:
    data = {
        "weeks": list(report.weeks),
        "threshold": report.threshold,
        "hidden": report.hidden_mark,
        "metrics": [
            {
                "metric": t.metric,
                "title": t.title,
                "explanation": t.explanation,
                "rows": [
                    {"key": r.key, "label": r.label,
                     "values": {w: (report.hidden_mark if v is None else v) for w, v in zip(t.weeks, r.values)}}
                    for r in t.rows
                ],
            }
            for t in report.tables
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- HTML ---------------------------------------------------------------

BAR_W, GAP, ROW_H, LABEL_W, TOP = 22, 6, 46, 230, 24


def _chart(table: MetricTable, report: Report) -> str:
    """One SVG per metric: a row of bars per key, weeks left to right. A hidden
    cell is a dashed outline as tall as the threshold, whatever its value."""
    visible = [v for r in table.rows for v in r.values if v is not None]
    scale = max(visible + [report.threshold])
    bar_max = ROW_H - 14
    width = LABEL_W + len(table.weeks) * (BAR_W + GAP) + 10
    height = TOP + len(table.rows) * ROW_H
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{html.escape(table.title)}: søyler per uke, tallene står i tabellen under">'
    ]
    for i, week in enumerate(table.weeks):
        x = LABEL_W + i * (BAR_W + GAP) + BAR_W / 2
        parts.append(f'<text x="{x:.0f}" y="14" class="wk">{_short(week)}</text>')
    for j, row in enumerate(table.rows):
        base = TOP + (j + 1) * ROW_H - 6
        parts.append(f'<text x="{LABEL_W - 8}" y="{base - 4}" class="lbl">{html.escape(row.label)}</text>')
        parts.append(f'<line x1="{LABEL_W}" x2="{width - 10}" y1="{base}" y2="{base}" class="axis"/>')
        for i, value in enumerate(row.values):
            x = LABEL_W + i * (BAR_W + GAP)
            shown = report.threshold if value is None else value
            h = max(1.0, bar_max * shown / scale)
            cls = "hidden" if value is None else "bar"
            parts.append(
                f'<rect x="{x}" y="{base - h:.1f}" width="{BAR_W}" height="{h:.1f}" class="{cls}">'
                f"<title>{table.weeks[i]}: {html.escape(_cell(value, report))}</title></rect>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _table(table: MetricTable, report: Report) -> str:
    head = "".join(f'<th scope="col">{_short(w)}</th>' for w in table.weeks)
    body = "".join(
        f'<tr><th scope="row">{html.escape(r.label)}</th>'
        + "".join(f"<td>{html.escape(_cell(v, report))}</td>" for v in r.values)
        + "</tr>"
        for r in table.rows
    )
    return f'<table><thead><tr><th scope="col">Uke</th>{head}</tr></thead><tbody>{body}</tbody></table>'


STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1a1a1a;max-width:72rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
.chart{overflow-x:auto}svg text{font-size:12px;fill:#1a1a1a}
svg .wk{text-anchor:middle}svg .lbl{text-anchor:end}
svg .axis{stroke:#767676}svg .bar{fill:#1f5f8b}
svg .hidden{fill:none;stroke:#595959;stroke-dasharray:3 2}
table{border-collapse:collapse;margin-top:.5rem;font-variant-numeric:tabular-nums}
th,td{border:1px solid #ccc;padding:.2rem .45rem;text-align:right}
th[scope=row]{text-align:left;font-weight:normal}
details{margin-top:.3rem}
.recheck td,.recheck th{text-align:left;vertical-align:top}.recheck td{overflow-wrap:anywhere}
.scroll{overflow-x:auto}.chart svg{max-width:none}
svg{max-width:100%;height:auto}
caption{text-align:left;font-weight:600;padding:.3rem 0}
.big{font-size:1.15rem}.muted{color:#4a4a4a}
.two{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
.ranked td{min-width:4.5rem}
.attention{border-left:4px solid #b35c00;padding-left:.8rem}
svg .grid{stroke:#d0d0d0}svg .line{fill:none;stroke-width:2.5}
svg .pt.hidden{fill:#fff;stroke:#595959;stroke-dasharray:2 2}
.c0{stroke:#0b5394;fill:#0b5394}.c1{stroke:#b34700;fill:#b34700;stroke-dasharray:8 3}
.c2{stroke:#1b7a3a;fill:#1b7a3a;stroke-dasharray:2 3}.c3{stroke:#8e2d6e;fill:#8e2d6e;stroke-dasharray:10 3 2 3}
.c4{stroke:#4d4d4d;fill:#4d4d4d;stroke-dasharray:4 4}
svg .line.c0,svg .line.c1,svg .line.c2,svg .line.c3,svg .line.c4{fill:none}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}
.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.6rem}
.small{margin:0}.small figcaption{font-size:.9rem}
@page{size:A4;margin:14mm}
@media print{
body{margin:0;max-width:none;font-size:10pt}
.links,details>summary{display:none}
section{break-inside:avoid}h2{break-after:avoid}
.chart,.scroll{overflow:visible}
a{color:inherit;text-decoration:none}
}
"""


def recheck_section(items: Sequence[check.Item], today: dt.date) -> str:
    """'Må sjekkes på nytt': the services directory's details to check again,
    the same list as `make check-services` (bot.services.check.recheck)."""
    parts = [f"<section id=\"recheck\"><h2>Må sjekkes på nytt</h2><p>Opplysninger i tjenestekatalogen (data/services.yml) "
             f"per {today:%d.%m.%Y}: {len(items)} punkter. Samme liste som <code>make check-services</code>.</p>"]
    for kind, heading in check.KINDS.items():
        rows = [i for i in items if i.kind == kind]
        parts.append(f"<h3>{html.escape(heading)}: {len(rows)}</h3>")
        if not rows:
            continue
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in (
                i.service, f"{i.detail_name} {i.value}".strip(), i.date or "udatert",
                i.url or "(ingen kildeadresse)", i.note)) + "</tr>"
            for i in rows
        )
        parts.append(overview.scroll_box(f"Må sjekkes: {heading}") + '<table class="recheck"><thead><tr><th scope="col">Tjeneste</th><th scope="col">Opplysning</th>'
                     '<th scope="col">Kildens dato</th><th scope="col">Kilde</th><th scope="col">Merknad</th></tr>'
                     f"</thead><tbody>{body}</tbody></table></div>")
    parts.append("</section>")
    return "".join(parts)


def html_page(report: Report, extra: str = "", after: str = "", recheck_count: Optional[int] = None) -> str:
    """One page, no external assets: styles and charts are inline. First the
    last ended week at a glance, what needs attention and the topics over
    time (bot.report.overview), then every metric in full. `extra` (trusted
    HTML) goes at the top of the page: the operator page's links; `after`
    (trusted HTML) at the end: the operator page's recheck list, whose length
    `recheck_count` is named under "Trenger oppmerksomhet"."""
    sections = []
    for table in report.tables:
        sections.append(
            f"<section><h2>{html.escape(table.title)}</h2><p>{html.escape(table.explanation)}</p>"
            f'{overview.scroll_box(f"{table.title}: diagram", "chart")}{_chart(table, report)}</div>'
            f'<details open><summary>Tabell</summary>{overview.scroll_box(f"{table.title}: tabell")}'
            f"{_table(table, report)}</div></details></section>"
        )
    span = f"uke {report.weeks[0]} til {report.weeks[-1]}" if report.weeks else "ingen uker"
    return f"""<!doctype html>
<html lang="nb"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Spør trygt – anonyme ukestall</title><style>{STYLE}</style></head>
<body><main>{extra}<h1>Spør trygt – anonyme ukestall, {html.escape(span)}</h1>
<p>Tallene er summer per uke; ingenting i dem sier hvem som spurte eller når i uka.
«{html.escape(report.hidden_mark)}» betyr færre enn {report.threshold} (0 medregnet), vist som en stiplet søyle
med samme høyde uansett. Det finnes ingen totaler: med dem kunne skjulte tall regnes ut.
Uka som pågår, kommer med når den er over.</p>
{overview.summary_section(report)}{overview.attention_section(report, recheck_count)}{overview.topics_over_time(report)}
<h2 class="all">Alle tall, uke for uke</h2>
{"".join(sections)}{after}
</main></body></html>
"""
