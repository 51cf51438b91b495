"""The top of the operator page: the last ended week at a glance, what needs
attention, and the topics over the weeks on one shared scale.

Nothing here may let a hidden cell be worked out (tests/test_report.py feeds
every view hidden values 0, 1 and 4 and demands identical output):
- a median is the lower median, which is always one of the weeks' own cells,
  hidden cells sorted below every shown one: so it is a shown count or "<5",
  never an average of a hidden and a shown one;
- a share is a shown count over shown conversations; with either hidden, no share;
- rankings and growth use shown counts only; hidden rows sort by name.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from bot.report.labels import TOPICS
from bot.report.table import MetricTable, Report, Row

BIG = 5  # topics drawn large; the rest are small multiples on the same scale


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: Optional[int]  # None: hidden
    median: Optional[int]  # None: hidden, or no earlier weeks (see has_median)
    has_median: bool
    share: Optional[float]  # of the week's conversations; None when not shown


def lower_median(values: Sequence[Optional[int]]) -> Tuple[bool, Optional[int]]:
    """(there are values, the lower median); hidden (None) sorts lowest."""
    if not values:
        return False, None
    ordered = sorted(values, key=lambda v: -1 if v is None else v)
    return True, ordered[(len(ordered) - 1) // 2]


def _table(report: Report, metric: str) -> MetricTable:
    return next(t for t in report.tables if t.metric == metric)


def _row(report: Report, metric: str, key: str) -> Row:
    return next(r for r in _table(report, metric).rows if r.key == key)


def figure(row: Row, conversations: Optional[int]) -> Figure:
    value = row.values[-1] if row.values else None
    has_median, median = lower_median(row.values[:-1])
    share = value / conversations if value is not None and conversations else None
    return Figure(row.key, row.label, value, median, has_median, share)


def topics(report: Report) -> List[Figure]:
    """The last ended week's topics, most asked first; hidden ones last, by name."""
    conversations = _row(report, "conversations", "").values[-1] if report.weeks else None
    rows = [r for r in _table(report, "intent").rows if r.key in TOPICS]
    figures = [figure(r, conversations) for r in rows]
    return sorted(figures, key=lambda f: (f.value is None, -(f.value or 0), f.label))


def grown(report: Report, top: int = 3) -> List[Tuple[Figure, float]]:
    """Topics whose shown count last week is furthest above their shown median."""
    out = [(f, f.value / f.median) for f in topics(report)
           if f.value is not None and f.median is not None and f.median > 0 and f.value > f.median]
    return sorted(out, key=lambda fr: (-fr[1], fr[0].label))[:top]


def biggest(report: Report) -> Tuple[List[Row], List[Row]]:
    """Topic rows split into the few biggest (by their shown counts) and the rest."""
    rows = [r for r in _table(report, "intent").rows if r.key in TOPICS]
    ranked = sorted(rows, key=lambda r: (-sum(v for v in r.values if v is not None), r.label))
    return ranked[:BIG], ranked[BIG:]


# --- HTML -----------------------------------------------------------------


def scroll_box(label: str, kind: str = "scroll") -> str:
    """The opening of a box that scrolls sideways on a narrow screen: focusable
    and named, so it can be scrolled from the keyboard."""
    return f'<div class="{kind}" tabindex="0" role="region" aria-label="{html.escape(label)}">'


def _n(value: Optional[int], report: Report) -> str:
    return html.escape(report.hidden_mark) if value is None else str(value)


def _median(f: Figure, report: Report) -> str:
    return _n(f.median, report) if f.has_median else "–"


def _share(f: Figure) -> str:
    return "–" if f.share is None else f"{f.share:.0%}"


def summary_section(report: Report) -> str:
    if not report.weeks:
        return ""
    week, earlier = report.weeks[-1], len(report.weeks) - 1
    conv = figure(_row(report, "conversations", ""), None)
    head = (f'<section class="summary"><h2>Siste hele uke: {html.escape(week)}</h2>'
            f'<p class="big">Samtaler startet: <strong>{_n(conv.value, report)}</strong> '
            f'<span class="muted">(median for de {earlier} ukene før: {_median(conv, report)})</span></p>')
    rows = "".join(
        f'<tr><th scope="row">{html.escape(f.label)}</th><td>{_n(f.value, report)}</td>'
        f"<td>{_share(f)}</td><td>{_median(f, report)}</td></tr>"
        for f in topics(report)
    )
    topic_table = (f'{scroll_box("Temaer, flest først")}<table class="ranked">'
                   '<caption>Temaer, flest først</caption><thead><tr>'
                   '<th scope="col">Tema</th><th scope="col">Samtaler</th><th scope="col">Andel av samtalene</th>'
                   f'<th scope="col">Median før</th></tr></thead><tbody>{rows}</tbody></table></div>')
    answers = [
        ("crisis_answer", "", "Krisesvar gitt (nødnumrene)"),
        ("overdose_answer", "", "Overdosesvar gitt (ring 113)"),
        ("fallback", "nlu", "Forsto ikke meldingen – spurte tilbake med forslag"),
        ("fallback", "dialogue", "Visste ikke neste steg"),
        ("feedback", "positive", "Tilbakemelding: det hjalp"),
        ("feedback", "negative", "Tilbakemelding: det hjalp ikke"),
    ]
    answer_rows = "".join(
        f'<tr><th scope="row">{html.escape(label)}</th><td>{_n(f.value, report)}</td><td>{_median(f, report)}</td></tr>'
        for metric, key, label in answers for f in [figure(_row(report, metric, key), None)]
    )
    answer_table = (f'{scroll_box("Svar og forståelse")}<table class="ranked">'
                    '<caption>Svar og forståelse</caption><thead><tr>'
                    '<th scope="col"></th><th scope="col">Ganger</th><th scope="col">Median før</th></tr></thead>'
                    f"<tbody>{answer_rows}</tbody></table></div>")
    return head + '<div class="two">' + topic_table + answer_table + "</div></section>"


def attention_section(report: Report, recheck_count: Optional[int]) -> str:
    items = []
    if recheck_count is not None:
        items.append(f'<li><a href="#recheck">{recheck_count} opplysninger i tjenestekatalogen</a> må sjekkes på '
                     "nytt (for gamle, udaterte eller ubekreftede), før de vises som sikre.</li>")
    growth = grown(report)
    if growth:
        items += [f"<li>{html.escape(f.label)}: {f.value} samtaler, mot median {f.median} før ({ratio:.1f} ganger)</li>"
                  for f, ratio in growth]
    else:
        items.append("<li>Ingen tema økte mot medianen for ukene før (blant tall som vises).</li>")
    return ('<section class="attention"><h2>Trenger oppmerksomhet</h2>'
            "<p>Temaene som økte mest siste uke, målt mot sin egen median for ukene før:</p>"
            f"<ul>{''.join(items)}</ul></section>")


COLORS = 5  # classes c0…c4 in render.STYLE: distinct in colour and in dash pattern


def _scale(rows: Sequence[Row], report: Report) -> int:
    return max([v for r in rows for v in r.values if v is not None] + [report.threshold])


def _x(i: int, n: int, left: int, width: int) -> float:
    return left + (i + 0.5) * (width - left) / max(n, 1)


def line_chart(rows: Sequence[Row], scale: int, report: Report) -> str:
    """The biggest topics as lines on one scale; a hidden week is a hollow
    dashed ring at the threshold's height, whatever its value."""
    width, height, left, top, bottom = 720, 260, 44, 12, 28
    plot = height - top - bottom
    y = lambda v: top + plot * (1 - v / scale)  # noqa: E731
    n = len(report.weeks)
    parts = [f'<svg viewBox="0 0 {width} {height}" class="lines" role="img" aria-label="De {len(rows)} største '
             f'temaene per uke på samme skala, fra 0 til {scale}. Tallene står i tabellen lenger ned.">']
    for tick in sorted({0, scale // 2, scale}):
        parts.append(f'<line x1="{left}" x2="{width}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" class="lbl">{tick}</text>')
    for i, week in enumerate(report.weeks):
        parts.append(f'<text x="{_x(i, n, left, width):.0f}" y="{height - 8}" class="wk">{week.split("-")[1]}</text>')
    for c, row in enumerate(rows):
        points = [(_x(i, n, left, width), y(report.threshold if v is None else v), v) for i, v in enumerate(row.values)]
        path = " ".join(f"{x:.1f},{yy:.1f}" for x, yy, _ in points)
        parts.append(f'<polyline points="{path}" class="line c{c % COLORS}"/>')
        for (x, yy, v), week in zip(points, report.weeks):
            cls = "pt hidden" if v is None else f"pt c{c % COLORS}"
            parts.append(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="4" class="{cls}"><title>{html.escape(row.label)}, '
                         f"{week}: {_n(v, report)}</title></circle>")
    parts.append("</svg>")
    legend = "".join(f'<li><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" '
                     f'class="line c{c % COLORS}"/></svg> {html.escape(r.label)}</li>' for c, r in enumerate(rows))
    return "".join(parts) + f'<ul class="legend">{legend}</ul>'


def small_chart(row: Row, scale: int, report: Report) -> str:
    width, height, top = 180, 70, 4
    bar_max = height - top - 14
    n = len(report.weeks)
    step = width / max(n, 1)
    parts = [f'<figure class="small"><figcaption>{html.escape(row.label)}</figcaption>'
             f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{html.escape(row.label)}: søyler per uke, '
             f'samme skala som over (0 til {scale})">']
    base = height - 12
    parts.append(f'<line x1="0" x2="{width}" y1="{base}" y2="{base}" class="axis"/>')
    for i, v in enumerate(row.values):
        h = max(1.0, bar_max * (report.threshold if v is None else v) / scale)
        parts.append(f'<rect x="{i * step + 1:.1f}" y="{base - h:.1f}" width="{max(step - 2, 1):.1f}" height="{h:.1f}" '
                     f'class="{"hidden" if v is None else "bar"}"><title>{report.weeks[i]}: {_n(v, report)}</title></rect>')
    parts.append("</svg></figure>")
    return "".join(parts)


def topics_over_time(report: Report) -> str:
    if not report.weeks:
        return ""
    big, rest = biggest(report)
    scale = _scale(big + rest, report)
    return ('<section class="over-time"><h2>Temaer over tid</h2>'
            f"<p>Alle temaer på samme skala (0 til {scale} samtaler i uka), så høyder kan sammenlignes. "
            f"De {len(big)} største er tegnet store, resten små. En stiplet ring eller søyle er en uke med færre "
            f"enn {report.threshold} – tegnet like høy uansett.</p>"
            f"{line_chart(big, scale, report)}"
            f'<div class="multiples">{"".join(small_chart(r, scale, report) for r in rest)}</div></section>')

