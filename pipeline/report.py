"""Report: a self-contained HTML overview of an output folder, and one page per document.

Charts are drawn by matplotlib as inline SVG; documents are rendered by displaCy with entities,
dates and figures highlighted and their normalized values in each mark's tooltip. Nothing is
fetched at view time.
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from spacy import displacy

from .aggregate import aggregate
from .ingest import read_document
from .store import Tables, load

COLORS = {
    "PER": "#aa9cfc", "LOC": "#ff9561", "ORG": "#7aecec", "MISC": "#e4e7d2",
    "DATE": "#bfe1d9", "FIGURE": "#fddb7e",
}
STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
h1, h2 { font-weight: 600; } table { border-collapse: collapse; margin: 1em 0; }
td, th { border-bottom: 1px solid #ddd; padding: 0.3em 0.8em; text-align: left; }
td.n { text-align: right; } .charts { display: flex; flex-wrap: wrap; gap: 1em; }
.charts figure { margin: 0; } nav a { margin-right: 1em; } .meta { color: #666; }
mark.entity[title] { cursor: help; }
"""
MARK_RE = re.compile(r'<mark class="entity" style="')


@dataclass(frozen=True, order=True)
class Highlight:
    """One highlighted stretch of a document: its labels and what they normalize to."""

    start: int
    end: int
    label: str
    title: str
    refs: str


def page(title: str, body: str) -> str:
    """A complete HTML page with the report's style inlined."""
    return (
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{STYLE}</style></head><body>{body}</body></html>\n"
    )


def svg_chart(draw, width: float = 6.0, height: float = 3.2) -> str:
    """An inline SVG drawn by ``draw(ax)`` with matplotlib."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"text.parse_math": False}):  # "$$Geld$$" in a name is text, not TeX
        fig, ax = plt.subplots(figsize=(width, height))
        draw(ax)
        fig.tight_layout()
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg")
        plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def bar_chart(names: list[str], values: list[int], color: str, title: str) -> str:
    """Horizontal bars, largest on top."""
    def draw(ax) -> None:
        ax.barh(names[::-1], values[::-1], color=color)
        ax.set_title(title)
        ax.set_xlabel("mentions")

    return svg_chart(draw, height=0.3 * max(len(names), 3) + 1.2)


def timeline_chart(timeline: pd.DataFrame) -> str:
    """Documents per month and date mentions per month referred to."""
    def draw(ax) -> None:
        x = range(len(timeline))
        ax.bar([i - 0.2 for i in x], timeline["documents"], width=0.4, label="documents (document date)")
        ax.bar([i + 0.2 for i in x], timeline["date_mentions"], width=0.4, label="date mentions (month referred to)")
        step = max(1, len(timeline) // 12)
        ax.set_xticks(list(x)[::step], list(timeline["period"])[::step], rotation=45, ha="right")
        ax.legend()
        ax.set_title("Timeline")

    return svg_chart(draw, width=10, height=3.6)


def table_html(frame: pd.DataFrame, numeric: set[str] = frozenset()) -> str:
    """A plain HTML table of ``frame``."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for row in frame.itertuples(index=False):
        cells = "".join(
            f'<td class="{"n" if col in numeric else ""}">{html.escape("" if pd.isna(v) else str(v))}</td>'
            for col, v in zip(frame.columns, row)
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def format_figure(row) -> str:
    """"3 km2 (approx)" for a figure row."""
    value = f"{row.value:g}" if not pd.isna(row.value) else "?"
    if not pd.isna(row.value_max):
        value += f"–{row.value_max:g}"
    text = " ".join(part for part in (value, row.unit) if part)
    extras = [row.qualifier] if row.qualifier != "exact" else []
    if row.subject:
        extras.append(row.subject)
    return f"{text} ({', '.join(extras)})" if extras else text


def highlights(doc_id: str, tables: Tables) -> list[Highlight]:
    """Entities, dates and figures of a document as non-overlapping highlights (overlaps are merged)."""
    items: list[Highlight] = []
    for row in tables.entities[tables.entities.doc_id == doc_id].itertuples():
        place = f", {row.country_code}" if row.country_code else ""
        items.append(Highlight(row.start_char, row.end_char, row.label, f"{row.canonical} [{row.entity_id}{place}]",
                               f"entity:{row.mention_id}"))
    for row in tables.dates[tables.dates.doc_id == doc_id].itertuples():
        value = row.value + (f"/{row.value_end}" if row.value_end else "") + (f" {row.mod}" if row.mod else "")
        items.append(Highlight(row.start_char, row.end_char, "DATE", value, f"date:{row.date_id}"))
    for row in tables.figures[tables.figures.doc_id == doc_id].itertuples():
        items.append(Highlight(row.start_char, row.end_char, "FIGURE", format_figure(row), f"figure:{row.figure_id}"))
    merged: list[Highlight] = []
    for item in sorted(items):
        if merged and item.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Highlight(last.start, max(last.end, item.end), f"{last.label}+{item.label}",
                                   f"{last.title} | {item.title}", f"{last.refs} {item.refs}")
        else:
            merged.append(item)
    return merged


def document_text(row, tables: Tables) -> str:
    """The decoded text of a document as extraction read it.

    Read from its file when the file is unchanged (same SHA-256); rebuilt from its sentences when the
    file is gone or was edited since, so highlights always land on the words they were found in.
    """
    path = Path(row.path)
    if path.is_file():
        doc = read_document(path, path.parent)
        if doc.error is None and doc.sha256 == row.sha256:
            return doc.text
    sentences = tables.sentences[tables.sentences.doc_id == row.doc_id]
    chars = [" "] * int(row.n_chars)
    for sentence in sentences.itertuples():
        chars[sentence.start_char : sentence.end_char] = sentence.text
    return "".join(chars)


def render_document(text: str, marks: list[Highlight]) -> str:
    """displaCy markup of ``text`` with a tooltip and references on every mark."""
    colors = {m.label: COLORS.get(m.label.split("+")[0], "#ddd") for m in marks}
    markup = displacy.render(
        {"text": text, "ents": [{"start": m.start, "end": m.end, "label": m.label} for m in marks], "title": None},
        style="ent", manual=True, options={"colors": colors},
    )
    pieces = MARK_RE.split(markup)
    out = [pieces[0]]
    for mark, piece in zip(marks, pieces[1:]):
        out.append(
            f'<mark class="entity" data-refs="{html.escape(mark.refs)}" title="{html.escape(mark.title)}" style="{piece}'
        )
    return "".join(out)


def overview(tables: Tables, pages: list[tuple[str, str]]) -> str:
    """The body of index.html."""
    run = tables.run
    entities = tables.entities
    stats = {
        "documents": len(tables.documents),
        "documents_failed": int((tables.documents.status == "error").sum()),
        "sentences": len(tables.sentences),
        "tokens": len(tables.tokens),
        "figures": len(tables.figures),
        "dates": len(tables.dates),
        **{f"mentions_{label}": int((entities.label == label).sum()) for label in ("PER", "LOC", "ORG", "MISC")},
    }
    rows = "".join(f'<tr><td>{name.replace("_", " ")}</td><td class="n" data-stat="{name}">{value}</td></tr>' for name, value in stats.items())
    model = run.get("model", {})
    meta = (
        f'<p class="meta">Run of {html.escape(str(run.get("created", "?")))} with pipeline '
        f'{html.escape(str(run.get("version", "?")))}, model {html.escape(str(model.get("name", "?")))} '
        f'{html.escape(str(model.get("version", "")))}.</p>'
    )
    summary = tables.entity_summary
    charts = []
    for label in ("PER", "LOC", "ORG", "MISC"):
        top = summary[summary.label == label].head(10)
        if len(top):
            charts.append(f"<figure>{bar_chart(list(top.canonical), list(top.mentions), COLORS[label], f'Top {label}')}</figure>")
    names = summary.set_index("corpus_id")["canonical"]
    pairs = tables.cooccurrence.head(15).assign(
        a=lambda f: f.corpus_id_a.map(names), b=lambda f: f.corpus_id_b.map(names)
    )[["a", "b", "documents", "sentences"]] if len(tables.cooccurrence) else tables.cooccurrence
    largest = tables.figure_summary.sort_values("max", ascending=False).head(15)
    links = "".join(f'<li><a href="{file}">{html.escape(doc_id)}</a></li>' for doc_id, file in pages)
    return (
        f"<h1>Dutch news extraction report</h1>{meta}<h2>Overview</h2><table>{rows}</table>"
        f'<h2>Top entities</h2><div class="charts">{"".join(charts)}</div>'
        f"<h2>Timeline</h2>{timeline_chart(tables.timeline) if len(tables.timeline) else '<p>No dated documents.</p>'}"
        f"<h2>Figures: largest per subject and unit</h2>{table_html(largest, {'mentions', 'documents', 'min', 'median', 'max'})}"
        f"<h2>Strongest co-occurrences</h2>{table_html(pairs, {'documents', 'sentences'})}"
        f"<h2>Documents</h2><ul>{links}</ul>"
    )


def build_report(out_dir: str | Path = "data/processed") -> Path:
    """Write ``OUT_DIR/report/index.html`` and one page per document; return the index path.

    The report is built in a temporary folder and put in place whole: a failure (a full disk) leaves
    the previous report as it was and no partial files.
    """
    folder = Path(out_dir)
    tables = aggregate(load(folder))
    report = folder / "report"
    building = Path(tempfile.mkdtemp(prefix=".report-", dir=folder))
    try:
        write_pages(tables, building)
        old = folder / f".report-old-{os.getpid()}"
        if report.exists():
            report.rename(old)
        building.rename(report)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return report / "index.html"


def write_pages(tables: Tables, report: Path) -> None:
    """The index and the document pages of a report, written into ``report``."""
    (report / "docs").mkdir(parents=True, exist_ok=True)
    documents = list(tables.documents[tables.documents.status == "ok"].itertuples())
    pages = [(row.doc_id, f"docs/{i:05d}.html") for i, row in enumerate(documents)]
    for i, (row, (_, file)) in enumerate(zip(documents, pages)):
        nav = ['<a href="../index.html">overview</a>']
        if i:
            nav.append(f'<a href="{i - 1:05d}.html" rel="prev">previous</a>')
        if i + 1 < len(documents):
            nav.append(f'<a href="{i + 1:05d}.html" rel="next">next</a>')
        date = f" — document date {html.escape(row.doc_date)}" if row.doc_date else ""
        body = (
            f"<nav>{''.join(nav)}</nav><h1>{html.escape(row.doc_id)}</h1><p class=\"meta\">{row.n_tokens} tokens{date}</p>"
            f"{render_document(document_text(row, tables), highlights(row.doc_id, tables))}"
        )
        (report / file).write_text(page(row.doc_id, body), encoding="utf-8")
    (report / "index.html").write_text(page("Dutch news extraction report", overview(tables, pages)), encoding="utf-8")
