"""Turn the raw measurements into bench/results.md, bench/results.png and the
summary table printed at the end of `make bench`."""

from __future__ import annotations

import os
import platform
from pathlib import Path

from bot.nlu_eval import SAFETY_INTENTS

TARGETS = {"front_p50_added_ms": 2.0, "throughput_ratio": 0.9, "p95_one_client_ms": 60.0,
           "accuracy": 0.95, "macro_f1": 0.95, "safety_recall": 1.0}
MODELS = {"ours": "Spør trygt (our pipeline)", "ours_without_safety_net": "… without the safety net",
          "stock": "Rasa's stock pipeline (`rasa init`)", "tfidf_lr": "TF-IDF + logistic regression"}


def _ok(met: bool) -> str:
    return "yes" if met else "**no**"


def _ms(value: float) -> str:
    return f"{value:.1f}"


def derived(raw: dict) -> dict:
    """The figures the targets are read against."""
    out: dict = {}
    speed = raw.get("speed")
    if speed:
        one = lambda who, path: speed[who][path]["1"]  # noqa: E731
        # Paired round trips cancel the machine's drift; older runs only had the two separate p50s.
        out["front_p50_added_ms"] = (speed["front_added"]["median_difference_ms"] if "front_added" in speed
                                     else one("ours", "front")["p50_ms"] - one("ours", "direct")["p50_ms"])
        out["p95_one_client_ms"] = one("ours", "front")["p95_ms"]
        out["throughput_ratio"] = {n: speed["ours"]["direct"][n]["throughput_rps"]
                                   / speed["stock"]["direct"][n]["throughput_rps"] for n in speed["ours"]["direct"]}
    return out


def reused_training_seconds(raw: dict) -> float:
    """How long the models this run took from the cache took to train, back then."""
    runs = []
    u, s = raw.get("understanding"), raw.get("speed")
    if u:
        runs += [(u["models"][k]["train_seconds"], u["models"][k].get("trained") != "this run")
                 for k in ("ours", "stock")]
        cv = u.get("crossval")
        if cv:
            runs += zip(cv["train_seconds"], cv.get("reused", [False] * len(cv["train_seconds"])))
    if s:
        runs.append((s["stock_bot_train_seconds"], s.get("stock_bot_reused", False)))
    return sum(seconds for seconds, reused in runs if reused)


def summary_rows(raw: dict) -> list[tuple[str, str, str, str, str]]:
    """(measure, ours, stock, target, met) — the table printed and quoted in the README."""
    rows = []
    u = raw.get("understanding")
    if u:
        ours, stock, lr = (u["models"][k] for k in ("ours", "stock", "tfidf_lr"))
        for key, label in (("accuracy", "held-out accuracy"), ("macro_f1", "held-out macro-F1")):
            rows.append((label, f"{ours[key]:.3f}", f"{stock[key]:.3f} (TF-IDF+LR {lr[key]:.3f})",
                         f"≥ {TARGETS[key]}", _ok(ours[key] >= TARGETS[key])))
        for intent in SAFETY_INTENTS:
            key = f"recall_{intent}"
            rows.append((f"recall {intent}", f"{ours[key]:.2f}", f"{stock[key]:.2f} (TF-IDF+LR {lr[key]:.2f})",
                         f"{TARGETS['safety_recall']:.2f}", _ok(ours[key] >= TARGETS["safety_recall"])))
        cv = (u.get("crossval") or {}).get("metrics")
        if cv:
            rows.append(("5-fold CV accuracy (mean ± sd)",
                         f"{cv['ours']['accuracy']['mean']:.3f} ± {cv['ours']['accuracy']['sd']:.3f}",
                         f"(TF-IDF+LR {cv['tfidf_lr']['accuracy']['mean']:.3f} ± {cv['tfidf_lr']['accuracy']['sd']:.3f})",
                         "", ""))
    s, d = raw.get("speed"), derived(raw)
    if s:
        rows.append(("front adds at p50, 1 client", f"{d['front_p50_added_ms']:.2f} ms", "",
                     f"≤ {TARGETS['front_p50_added_ms']:g} ms",
                     _ok(d["front_p50_added_ms"] <= TARGETS["front_p50_added_ms"])))
        rows.append(("p95, 1 client, through the front", f"{d['p95_one_client_ms']:.1f} ms",
                     f"{s['stock']['direct']['1']['p95_ms']:.1f} ms (direct)", f"≤ {TARGETS['p95_one_client_ms']:g} ms",
                     _ok(d["p95_one_client_ms"] <= TARGETS["p95_one_client_ms"])))
        least = TARGETS["throughput_ratio"]
        for n, ratio in d["throughput_ratio"].items():
            rows.append((f"throughput, {n} client{'s' if n != '1' else ''}, direct (answers/s)",
                         f"{s['ours']['direct'][n]['throughput_rps']:.1f}",
                         f"{s['stock']['direct'][n]['throughput_rps']:.1f}",
                         f"≥ {least:g}× stock", f"{_ok(ratio >= least)} ({ratio:.2f}×)"))
    return rows


def table(header: tuple[str, ...], rows: list[tuple]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def plain_table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return "\n".join([fmt(header), fmt(tuple("-" * w for w in widths)), *map(fmt, rows)])


SUMMARY_HEADER = ("measure", "Spør trygt", "stock Rasa", "target", "met")


def _machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    import rasa

    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, Rasa {rasa.__version__}"


def _in_parts(raw: dict) -> bool:
    return len(set((raw.get("measured_on") or {}).values())) > 1


def when_measured(raw: dict) -> str:
    """"on <day> in <n> minutes", or, after `--only` runs on different days, the day of each part."""
    days = raw.get("measured_on") or {}
    if _in_parts(raw):
        each = ", ".join(f"{part} on {day}" for part, day in sorted(days.items(), key=lambda kv: kv[1], reverse=True))
        return f"in parts ({each}; the last run took {raw['wall_seconds'] / 60:.1f} minutes)"
    return f"on {raw['date']} in {raw['wall_seconds'] / 60:.1f} minutes"


def markdown(raw: dict, chart_name: str) -> str:
    parts = [
        "# Benchmarks",
        "",
        f"Written by `make bench` {when_measured(raw)}, on {_machine()}. "
        + ("Each part below was measured in its own run" if _in_parts(raw) else "Everything below was measured in that run")
        + ", except the training times of models reused from "
        "`results/bench/cache` (kept by a hash of everything that decides their weights; their row says so)"
        + (f": with an empty cache the run would take about {reused_training_seconds(raw) / 60:.0f} minutes more"
           if reused_training_seconds(raw) else "")
        + ". Reproduce: `make bench` (`make bench ARGS=--fresh` retrains everything).",
        "",
        f"![held-out scores, latency and throughput]({chart_name})",
        "",
        "## Summary",
        "",
        table(SUMMARY_HEADER, summary_rows(raw)),
    ]
    if raw.get("scale"):
        from bench.scale import markdown as scale_markdown

        parts += scale_markdown(raw["scale"])
    u = raw.get("understanding")
    if u:
        parts += ["", "## Understanding", "",
                  f"Trained on `data/nlu/` ({u['train_examples']} examples), scored on `tests/nlu/holdout.yml` "
                  f"({u['holdout_examples']} examples written apart from the training data and never trained on). "
                  "A fallback (`nlu_fallback`) counts as wrong. The stock pipeline is the config `rasa init` writes "
                  "(Rasa fills in its default pipeline: DIET with 2 transformer layers, 100 epochs, fallback 0.3); "
                  "TF-IDF + LR is word 1–2-grams and character 2–5-grams into scikit-learn's logistic regression "
                  "(C = 10), which never falls back.", ""]
        rows = []
        for key, label in MODELS.items():
            m = u["models"][key]
            trained = ("same model" if key == "ours_without_safety_net" else
                       f"{m['train_seconds']:.0f} s" + ("" if m.get("trained") == "this run"
                                                       else f" (cached, trained {m['trained_on']})"))
            rows.append((label, f"{m['accuracy']:.3f}", f"{m['macro_f1']:.3f}",
                         *(f"{m[f'recall_{i}']:.2f}" for i in SAFETY_INTENTS), m["errors"], trained))
        parts.append(table(("model", "accuracy", "macro-F1", "recall crisis_suicidal", "recall emergency_overdose",
                             "errors", "training"), rows))
        ours, without = u["models"]["ours"], u["models"]["ours_without_safety_net"]
        cv = u.get("crossval")
        if cv:
            cv_ours, cv_without = cv["metrics"]["ours"], cv["metrics"]["ours_without_safety_net"]
            parts += ["", "### The safety net's contribution", "",
                      "Same trained models, loaded once as built and once with `SafetyNet` passing messages through. "
                      f"On the held-out set the net changed {ours['net_changed']} of {ours['examples']} predictions; "
                      f"over the {cv['folds']} cross-validation folds (harder, see below) {cv['net_changed']} of "
                      f"{cv['examples']}.", "",
                      table(("", "held-out, with", "held-out, without", "CV mean, with", "CV mean, without"), [
                          (label, f"{ours[k]:.3f}", f"{without[k]:.3f}", f"{cv_ours[k]['mean']:.3f}",
                           f"{cv_without[k]['mean']:.3f}")
                          for k, label in (("accuracy", "accuracy"), ("macro_f1", "macro-F1"),
                                           *((f"recall_{i}", f"recall {i}") for i in SAFETY_INTENTS))])]
        else:
            parts += ["", "### The safety net's contribution", "",
                      f"On the held-out set the net changed {ours['net_changed']} of {ours['examples']} predictions "
                      "(cross-validation was left out of this run: `make bench` without `--no-crossval` adds it).", "",
                      table(("", "held-out, with", "held-out, without"), [
                          (label, f"{ours[k]:.3f}", f"{without[k]:.3f}")
                          for k, label in (("accuracy", "accuracy"), ("macro_f1", "macro-F1"),
                                           *((f"recall_{i}", f"recall {i}") for i in SAFETY_INTENTS))])]
        parts += [
                  "", "### The five weakest intents (held-out F1)", ""]
        worst = []
        for key in ("ours", "stock", "tfidf_lr"):
            for intent, f1, precision, recall in u["models"][key]["worst"]:
                worst.append((MODELS[key], intent, f"{f1:.3f}", f"{precision:.3f}", f"{recall:.3f}"))
        parts.append(table(("model", "intent", "F1", "precision", "recall"), worst))
        if u.get("sets"):
            parts += ["", "### The other held-out sets", "",
                      "`tests/nlu/real_register.yml`: long stories in the register of anonymous question pages; "
                      "`tests/nlu/english.yml`: English, every intent. Both by authors who never saw the training data. "
                      "The same three models; top-3 is whether the right intent is among the three likeliest "
                      "(TF-IDF + LR has no ranking here: its top-3 is its top-1).", "",
                      table(("set", "model", "accuracy", "macro-F1", "top-3",
                             *(f"recall {i}" for i in SAFETY_INTENTS)),
                            [(f"{name} ({sets['examples']})", MODELS[key], f"{sets[key]['accuracy']:.3f}",
                              f"{sets[key]['macro_f1']:.3f}", f"{sets[key].get('top3', sets[key]['accuracy']):.3f}",
                              *(f"{sets[key][f'recall_{i}']:.2f}" for i in SAFETY_INTENTS))
                             for name, sets in u["sets"].items() for key in ("ours", "stock", "tfidf_lr")])]
        if cv:
            parts += ["", f"### {cv['folds']}-fold cross-validation of our pipeline", "",
                  f"All {cv['examples']} training examples, stratified folds (seed 42): train on four fifths, "
                  "score the fifth, five times; TF-IDF + LR on the same folds for scale. Mean ± sd (min–max):", "",
                  table(("metric", *(MODELS[name] for name in cv["metrics"])), [
                      (metric.replace("_", " "), *(
                          f"{m[metric]['mean']:.3f} ± {m[metric]['sd']:.3f} ({m[metric]['min']:.3f}–{m[metric]['max']:.3f})"
                          for m in cv["metrics"].values()))
                      for metric in cv["metrics"]["ours"]]),
                  "", "Training per fold: " + ", ".join(f"{s:.0f} s" for s in cv["train_seconds"]) + "."]
    ids = raw.get("language_id")
    if ids:
        parts += ["", "## Language identification", "",
                  "Which language a message is in (docs/languages.md): every Norwegian training and test message must "
                  "stay Norwegian (nb, nn, or undecided, which keeps the conversation's language); English and the "
                  "fifteen other languages' test messages should be named right. Each identifier in its own process.", "",
                  table(("identifier", "Norwegian kept", "English right", "English undecided", "others right",
                         "ms/message", "memory added", "load"),
                        [(r["identifier"], f"{r['norwegian_kept']:.4f} ({r['norwegian_messages']})",
                          f"{r['english_correct']:.3f} ({r['english_messages']})", f"{r['english_undecided']:.3f}",
                          f"{r['foreign_correct']:.3f} ({r['foreign_messages']})", f"{r['ms_per_message']:.2f}",
                          f"{r['memory_mb_added']} MB", f"{r['load_s']:.1f} s") for r in ids])]
    s = raw.get("speed")
    if s:
        d = derived(raw)
        parts += ["", "## Speed", "",
                  "Loopback only. Each run is a fixed number of answers (" +
                  ", ".join(f"{s['requests'][n]} with {n} client{'s' if n != '1' else ''}" for n in s["requests"]) +
                  f") after {s['warmup']} warm-up messages; each client holds a conversation of 5 messages, then "
                  "starts a new one. Our messages are the held-out set's, the stock bot's its own training examples. "
                  "Front and direct runs alternate at each level. Latency is the full HTTP round trip; an answer with no "
                  "message (the bot chose to say nothing) is a round trip too, counted under \"silent\"; errors "
                  "(not HTTP 200) are not timed.", ""]
        rows = []
        for who, path, label in (("ours", "front", "Spør trygt, through the front"),
                                 ("ours", "direct", "Spør trygt, Rasa REST directly"),
                                 ("stock", "direct", "stock `rasa init` bot, Rasa REST")):
            for n, r in s[who][path].items():
                rows.append((label, n, _ms(r["p50_ms"]), _ms(r["p95_ms"]), _ms(r["p99_ms"]),
                             f"{r['throughput_rps']:.1f}", r.get("silent", "—"), r["errors"]))
        parts.append(table(("", "clients", "p50 ms", "p95 ms", "p99 ms", "answers/s", "silent answers", "errors"),
                           rows))
        c = raw.get("costs", {})
        one_direct = s["ours"]["direct"]["1"]["p50_ms"]
        rows = []
        if c:
            p = c["pipeline"]
            for key, label in (("e5_featurizer_ms", "e5 sentence featurizer (dense)"), ("safety_net_ms", "safety net"),
                               ("language_id_ms", "language identification (lingua + the language gate)")):
                if key not in p:
                    continue
                rows.append((label, f"{p[key]:.2f} ms", f"{p[key] / p['nlu_parse_ms']:.1%}", f"{p[key] / one_direct:.1%}"))
            k = c["counting"]
            rows.append(("counting, publish() on Rasa's event loop", f"{k['publish_ms_per_message']:.3f} ms", "",
                         f"{k['publish_ms_per_message'] / one_direct:.2%}"))
            rows.append(("counting, with its writer thread's SQLite writes", f"{k['with_writes_ms_per_message']:.3f} ms",
                         "", f"{k['with_writes_ms_per_message'] / one_direct:.2%}"))
        how = (f"median of {s['front_added']['pairs']} paired round trips, front − direct" if "front_added" in s
               else "p50 through the front − direct, 1 client")
        rows.append((f"web front ({how})", f"{d['front_p50_added_ms']:.2f} ms", "",
                     f"{d['front_p50_added_ms'] / one_direct:.1%}"))
        top = str(max(s["levels"]))
        ratio = s["ours"]["front"][top]["throughput_rps"] / s["ours"]["direct"][top]["throughput_rps"]
        rows.append((f"web front, throughput at {top} clients (front ÷ direct)", f"{ratio:.2f}×", "", ""))
        parts += ["", "### What each addition costs", "",
                  f"Per message. Shares are of our NLU parse ({c['pipeline']['nlu_parse_ms']:.1f} ms, in process, "
                  f"{c['pipeline']['messages']} held-out messages) and of the direct round trip at p50 with one "
                  f"client ({one_direct:.1f} ms)." if c else "",
                  "", table(("addition", "cost", "share of NLU parse", "share of round trip"), rows)]
        cost = raw.get("cost", {})
        ours_t, stock_t = s["ours_start"], s["stock_start"]
        parts += ["", "## Cost", "", table(("", "Spør trygt", "stock `rasa init` bot"), [
            ("`make run` to the first answer (model already trained)", f"{ours_t['first answer']:.1f} s", ""),
            ("Rasa process start to answering (imports + model load)",
             f"{ours_t['rasa up'] - ours_t['action server up']:.1f} s", f"{stock_t['rasa up']:.1f} s"),
            ("model load in a warm Python process (`Agent.load`)", f"{cost.get('ours_load_seconds', 0):.1f} s",
             f"{cost.get('stock_load_seconds', 0):.1f} s"),
            ("training (`rasa train`: NLU + dialogue)", f"{u['models']['ours']['train_seconds']:.0f} s" if u else "",
             f"{s['stock_bot_train_seconds']:.0f} s"),
            ("training, NLU on our data, stock pipeline", "", f"{u['models']['stock']['train_seconds']:.0f} s" if u else ""),
        ]), "", "Resident memory after the speed runs (peak in brackets):", "",
            table(("process", "Spør trygt", "stock `rasa init` bot"), [
                (role, f"{s['ours_processes'][role]['rss_mb']:.0f} MB ({s['ours_processes'][role]['peak_mb']:.0f} MB)"
                 if role in s["ours_processes"] else "—",
                 f"{s['stock_processes'][role]['rss_mb']:.0f} MB ({s['stock_processes'][role]['peak_mb']:.0f} MB)"
                 if role in s["stock_processes"] else "—")
                for role in ("rasa", "action server", "web front")])]
    return "\n".join(parts) + "\n"


SERIES = [("ours", "front", "Spør trygt via the front", "tab:blue"),
          ("ours", "direct", "Spør trygt, Rasa directly", "tab:green"),
          ("stock", "direct", "stock `rasa init` bot", "tab:red")]


def chart(raw: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    count = bool(raw.get("understanding")) + 2 * bool(raw.get("speed"))
    fig, axes = plt.subplots(1, count, figsize=(5.2 * count, 4.8), squeeze=False)
    axes = list(axes[0])
    if raw.get("understanding"):
        ax = axes.pop(0)
        models = ["ours", "ours_without_safety_net", "stock", "tfidf_lr"]
        labels = ["Spør trygt", "without\nsafety net", "stock Rasa", "TF-IDF+LR"]
        metrics = [("accuracy", "accuracy"), ("macro_f1", "macro-F1"),
                   ("recall_crisis_suicidal", "recall crisis"), ("recall_emergency_overdose", "recall overdose")]
        width = 0.8 / len(metrics)
        for j, (key, name) in enumerate(metrics):
            ax.bar([i + j * width for i in range(len(models))],
                   [raw["understanding"]["models"][m][key] for m in models], width, label=name)
        ax.set_xticks([i + 0.4 - width / 2 for i in range(len(models))], labels)
        ax.axhline(0.95, color="grey", linestyle="--", linewidth=1)
        lowest = min(raw["understanding"]["models"][m][k] for m in models for k, _ in metrics)
        ax.set_ylim(min(0.8, lowest - 0.05), 1.0)
        ax.set_title("Held-out set (dashed: the 0.95 target)")
        ax.legend(fontsize=8, ncol=2, loc="lower center", bbox_to_anchor=(0.5, -0.32))
    if raw.get("speed"):
        s = raw["speed"]
        lat, thr = axes
        for who, route, label, colour in SERIES:
            runs = s[who][route]
            levels = list(runs)
            lat.plot(levels, [runs[n]["p50_ms"] for n in levels], marker="o", color=colour, label=f"{label}, p50")
            lat.plot(levels, [runs[n]["p95_ms"] for n in levels], marker="x", linestyle=":", color=colour,
                     label=f"{label}, p95")
            thr.plot(levels, [runs[n]["throughput_rps"] for n in levels], marker="o", color=colour, label=label)
        lat.set_yscale("log")
        lat.set_xlabel("concurrent clients")
        lat.set_ylabel("round trip, ms (log scale)")
        lat.set_title("Latency (solid p50, dotted p95)")
        lat.legend(fontsize=7)
        thr.set_xlabel("concurrent clients")
        thr.set_ylabel("answers per second")
        thr.set_ylim(bottom=0)
        thr.set_title("Throughput (one Rasa process each)")
        thr.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


README_START, README_END = "<!-- bench:summary -->", "<!-- /bench:summary -->"


def update_readme(readme: Path, raw: dict) -> bool:
    """Replace the summary between the README's bench markers; False if it has none."""
    text = readme.read_text()
    if README_START not in text or README_END not in text:
        return False
    head, rest = text.split(README_START, 1)
    tail = rest.split(README_END, 1)[1]
    body = (f"\n_Measured by `make bench` {when_measured(raw)} ({_machine()})._\n\n"
            + table(SUMMARY_HEADER, summary_rows(raw)) + "\n")
    readme.write_text(head + README_START + body + README_END + tail)
    return True
