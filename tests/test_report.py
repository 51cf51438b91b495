"""The operator report: small counts hidden in every format, and nothing
shown from which a hidden count could be worked out. The attacker here gets
every report (text, CSV, JSON, HTML) over every window of weeks, and tries to
tell a hidden cell's value: if any output differed between a hidden 0, 1 or
4, it could. It can't."""

import csv
import io
import json
import re

import pytest

from bot.report.__main__ import main
from bot.report.labels import TOPICS
from bot.stats import weeks
from bot.stats.store import StatsStore

ENDED = weeks.complete_weeks(weeks.now(), 4)  # oldest first
RUNNING = weeks.week_of(weeks.now())
FORMATS = ([], ["--csv"], ["--json"], ["--html"])


def fill(path, hidden_value):
    """Visible counts plus two hidden cells holding `hidden_value`."""
    cells = {}
    for i, week in enumerate(ENDED):
        cells[(week, "conversations", "")] = 40 + i
        cells[(week, "intent", "fear_police")] = 12 + i
        cells[(week, "service_shown", "rusinfo")] = 7
    cells[(ENDED[-1], "intent", "gambling_problem")] = hidden_value  # one hidden cell in a row of visible ones
    cells[(ENDED[-2], "crisis_answer", "")] = hidden_value
    cells[(RUNNING, "conversations", "")] = 9  # the running week: never shown
    StatsStore(path).add({k: v for k, v in cells.items() if v})


def outputs(tmp_path, capsys, monkeypatch, hidden_value):
    db = tmp_path / f"stats-{hidden_value}.sqlite3"
    fill(db, hidden_value)
    seen = {}
    for n in range(1, len(ENDED) + 1):
        for until in ENDED[n - 1:]:
            for form in FORMATS:
                args = ["--db", str(db), "--weeks", str(n), "--until", until, *form]
                if form == ["--html"]:
                    args += ["-o", str(tmp_path / "r.html")]
                    assert main(args) == 0
                    capsys.readouterr()
                    seen[tuple(args[2:])] = (tmp_path / "r.html").read_text()
                else:
                    assert main(args) == 0
                    seen[tuple(args[2:])] = capsys.readouterr().out
    return seen


def test_a_hidden_cell_cannot_be_recovered_from_any_report(tmp_path, capsys, monkeypatch):
    reports = {v: outputs(tmp_path, capsys, monkeypatch, v) for v in (0, 1, 4)}
    assert len(reports[0]) > 20
    assert reports[0] == reports[1] == reports[4]


def test_the_attacker_would_see_a_change_at_the_threshold(tmp_path, capsys, monkeypatch):
    # The same comparison tells 4 from 5: the test above is not blind.
    assert outputs(tmp_path, capsys, monkeypatch, 4) != outputs(tmp_path, capsys, monkeypatch, 5)


@pytest.fixture(autouse=True)
def default_threshold(monkeypatch):
    monkeypatch.setenv("REPORT_THRESHOLD", "5")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "stats.sqlite3"
    fill(path, 3)
    return path


def test_text_shows_visible_counts_and_hides_small_ones(db, capsys):
    assert main(["--db", str(db), "--weeks", "4"]) == 0
    out = capsys.readouterr().out
    police = next(line for line in out.splitlines() if line.startswith("Politi og straff"))
    assert police.split()[3:] == ["12", "13", "14", "15"]
    gambling = next(line for line in out.splitlines() if line.startswith("Pengespill"))
    assert gambling.split()[1:] == ["<5"] * 4
    assert "Samtaler startet" in out and " 9" not in out.split("Tema:")[0]  # not the running week
    assert RUNNING.split("-")[1] not in out
    assert "total" not in out.lower() and "sum" not in out.lower()


def test_csv_and_json_carry_the_same_suppressed_figures(db, capsys):
    main(["--db", str(db), "--weeks", "4", "--csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    main(["--db", str(db), "--weeks", "4", "--json"])
    data = json.loads(capsys.readouterr().out)
    from_json = {
        (m["metric"], r["key"], w): str(v)
        for m in data["metrics"] for r in m["rows"] for w, v in r["values"].items()
    }
    from_csv = {(r["metric"], r["key"], r["week"]): r["value"] for r in rows}
    assert from_csv == from_json
    assert from_csv[("intent", "fear_police", ENDED[0])] == "12"
    assert from_csv[("intent", "gambling_problem", ENDED[-1])] == "<5"
    assert from_csv[("crisis_answer", "", ENDED[-2])] == "<5"
    assert {week for _, _, week in from_csv} == set(ENDED)


def test_html_is_one_self_contained_page_with_a_chart_per_metric(db, tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["--db", str(db), "--weeks", "4", "--html", "-o", str(out)]) == 0
    page = out.read_text()
    assert page.count("<section>") == 7  # every metric in full, after the overview
    assert page.count('class="chart"') == 7
    for overview in ('class="summary"', 'class="attention"', 'class="over-time"'):
        assert overview in page
    assert not re.search(r"(src|href)\s*=|@import|url\(|https?://", page)
    assert f"<title>{ENDED[-1]}: &lt;5</title>" in page  # the hidden bar says only "<5"


def test_the_threshold_comes_from_the_settings(db, capsys, monkeypatch):
    monkeypatch.setenv("REPORT_THRESHOLD", "3")
    main(["--db", str(db), "--weeks", "4"])
    out = capsys.readouterr().out
    gambling = next(line for line in out.splitlines() if line.startswith("Pengespill"))
    assert gambling.split()[-1] == "3"  # 3 is not below 3


def test_the_running_week_cannot_be_asked_for(db):
    with pytest.raises(SystemExit):
        main(["--db", str(db), "--until", RUNNING])


def test_no_statistics_file_yet_reads_as_zero(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "none.sqlite3"), "--weeks", "2"]) == 0
    captured = capsys.readouterr()
    assert "<5" in captured.out and "No statistics file" in captured.err


# --- the overview an operator reads first -------------------------------------------


def _html(db, tmp_path):
    out = tmp_path / "report.html"
    assert main(["--db", str(db), "--weeks", "4", "--html", "-o", str(out)]) == 0
    return out.read_text()


def test_labels_are_norwegian_and_keys_stay_stable(db, capsys):
    main(["--db", str(db), "--weeks", "4", "--csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    police = next(r for r in rows if r["key"] == "fear_police")
    assert police["label"] == "Politi og straff" and police["metric"] == "intent"
    assert {r["label"] for r in rows if r["key"] == "emergency_overdose"} == {"Overdose"}
    assert {r["label"] for r in rows if r["key"] == "crisis_suicidal"} == {"Krise (selvmordstanker)"}
    assert {r["label"] for r in rows if r["key"] == "rusinfo"} == {"RUSinfo"}
    assert not [r for r in rows if r["metric"] == "intent" and "_" in r["label"]]


def test_the_summary_ranks_last_weeks_topics_with_share_and_median(db, tmp_path):
    page = _html(db, tmp_path)
    summary = page.split('class="summary"')[1].split("</section>")[0]
    assert f"Siste hele uke: {ENDED[-1]}" in summary
    assert "Samtaler startet: <strong>43</strong>" in summary and "median for de 3 ukene før: 41" in summary
    first = re.search(r"<tbody><tr><th scope=\"row\">([^<]+)</th><td>(\d+)</td><td>([^<]+)</td><td>([^<]+)</td>",
                      summary)
    # Politi og straff: 15 of 43 conversations; the lower median of 12, 13, 14 is 13.
    assert first.groups() == ("Politi og straff", "15", "35%", "13")
    gambling = re.search(r"Pengespill</th><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td>", summary).groups()
    assert gambling == ("&lt;5", "–", "&lt;5")  # hidden: no share, and its median is hidden too
    assert "Krisesvar gitt" in summary and "spurte tilbake" in summary


def test_attention_names_the_topics_that_grew_against_their_median(tmp_path):
    path = tmp_path / "grow.sqlite3"
    cells = {}
    for i, week in enumerate(ENDED):
        cells[(week, "conversations", "")] = 60
        cells[(week, "intent", "fear_child_welfare")] = 6 if i < 3 else 18
        cells[(week, "intent", "fear_police")] = 10
    StatsStore(path).add(cells)
    page = _html(path, tmp_path)
    attention = page.split('class="attention"')[1].split("</section>")[0]
    assert "Barnevern: 18 samtaler, mot median 6 før (3.0 ganger)" in attention
    assert "Politi og straff" not in attention


def test_topics_share_one_scale_biggest_large_rest_small(db, tmp_path):
    page = _html(db, tmp_path)
    over_time = page.split('class="over-time"')[1].split("</section>")[0]
    assert "samme skala (0 til 15 samtaler" in over_time
    assert over_time.count('<figure class="small">') == len(TOPICS) - 5
    assert over_time.count("<polyline") == 5
    assert "Politi og straff" in over_time.split('class="multiples"')[0]  # among the big ones


def test_the_page_prints_to_a4():
    from bot.report.render import STYLE

    assert "@page{size:A4" in STYLE and "@media print" in STYLE


def test_several_machines_files_are_added_up_before_small_counts_are_hidden(tmp_path, capsys):
    """Each machine writes its own file; `--db a --db b` reports their sum. Two
    machines' 3 + 3 of a topic is shown as 6, not as two hidden cells."""
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    StatsStore(a).add({(ENDED[-1], "intent", "fear_police"): 3, (ENDED[-1], "conversations", ""): 20})
    StatsStore(b).add({(ENDED[-1], "intent", "fear_police"): 3, (ENDED[-1], "conversations", ""): 22})
    main(["--db", str(a), "--db", str(b), "--weeks", "1", "--json"])
    values = {(m["metric"], r["key"]): r["values"][ENDED[-1]]
              for m in json.loads(capsys.readouterr().out)["metrics"] for r in m["rows"]}
    assert values[("intent", "fear_police")] == 6 and values[("conversations", "")] == 42
