"""Command line: ``python -m pipeline extract [RAW_DIR] [OUT_DIR]`` and friends."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .extract import DocumentFailedError, run
from .store import OutputLockedError, TableError, Tables

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Dutch news entity extraction.")
console = Console(stderr=True)


@app.callback()
def commands() -> None:
    """Dutch news entity extraction: raw articles in, normalized tables out."""

ModelOption = typer.Option(None, "--model", help="Installed spaCy pipeline name or path (default: shipped nl_news).")


def print_summary(tables: Tables) -> None:
    """A one-screen summary of a run."""
    run_record = tables.run
    counts = run_record.get("counts", {})
    table = Table(title=f"Extraction with {run_record.get('model', {}).get('name', '?')}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents ok", str(counts.get("documents_ok", 0)))
    table.add_row("documents failed", str(counts.get("documents_failed", 0)))
    table.add_row("documents unchanged (reused)", str(counts.get("documents_reused", 0)))
    for name in ("sentences", "tokens", "entities", "figures", "dates"):
        table.add_row(f"{name} rows", str(counts.get(name, len(tables[name]))))
    timings = run_record.get("timings", {})
    table.add_row("seconds", f"{timings.get('seconds', 0):.1f}")
    table.add_row("words/second", f"{timings.get('words_per_second') or 0:,.0f}")
    console.print(table)
    for failure in run_record.get("failures", []):
        console.print(f"[red]failed[/red] {failure}")


@app.command()
def extract(
    raw_dir: Path = typer.Argument(Path("data/raw"), help="Folder of article .txt files."),
    out_dir: Path = typer.Argument(Path("data/processed"), help="Folder the tables are written to."),
    model: Optional[str] = ModelOption,
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes (Dask: workers of a local cluster)."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Documents per batch."),
    fmt: str = typer.Option("csv", "--format", help="Table format: csv or parquet."),
    backend: str = typer.Option("local", "--backend", help="local or dask."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="Dask scheduler: 'local' (start a LocalCluster) or tcp://host:port."
    ),
    force: bool = typer.Option(False, "--force", help="Redo every document, even unchanged ones."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first failed document; write nothing."),
    allow_empty: bool = typer.Option(
        False, "--allow-empty", help="Write empty tables when RAW_DIR holds no articles (refused otherwise)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Extract entities, figures and dates from RAW_DIR into tables in OUT_DIR.

    Exit code 0 when every document succeeded, 2 when some failed, 1 when the run could not start.
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    if not raw_dir.is_dir():
        console.print(f"[red]error[/red]: raw folder {raw_dir} does not exist")
        raise typer.Exit(1)
    with Progress(
        TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, disable=quiet, transient=True,
    ) as bar:
        task = bar.add_task("extract", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        try:
            tables = run(
                raw_dir, out_dir, model=model, n_process=n_process, batch_size=batch_size, format=fmt,
                backend=backend, scheduler=scheduler, force=force, strict=strict, allow_empty=allow_empty,
                progress=advance,
            )
        except OutputLockedError as exc:
            console.print(f"[red]error[/red]: {exc}")
            raise typer.Exit(1) from None
        except DocumentFailedError as exc:
            console.print(f"[red]failed[/red] (strict mode, nothing written): {exc}")
            raise typer.Exit(2) from None
        except (ValueError, OSError) as exc:
            console.print(f"[red]error[/red]: {exc}")
            raise typer.Exit(1) from None
    if not quiet:
        print_summary(tables)
        console.print(f"tables written to {out_dir}")
    if tables.run.get("counts", {}).get("documents_failed", 0):
        raise typer.Exit(2)


@app.command()
def evaluate(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="CoNLL-style file: token ... TAG per line."),
    model: Optional[str] = ModelOption,
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score the pipeline's entities on FILE (exact spans, per label and overall, as conlleval)."""
    import json

    from .evaluate import evaluate_file, format_report
    from .model import get_nlp

    result = evaluate_file(file, get_nlp(model))
    typer.echo(json.dumps(result, indent=2) if as_json else format_report(result))


@app.command("evaluate-news")
def evaluate_news(
    split: str = typer.Option("dev", "--split", help="dev, test or all."),
    model: Optional[str] = ModelOption,
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    show_errors: bool = typer.Option(False, "--errors", help="List every disagreement with the gold standard."),
    gold: Path = typer.Option(None, "--gold", help="Stand-off gold file (default: data/news-gold/gold.jsonl)."),
    predictions: Path = typer.Option(
        None, "--predictions", help="Score this stand-off file instead of running the pipeline (agreement of two passes)."
    ),
    articles: Path = typer.Option(None, "--articles", help="dpgmedia2019 articles.jsonl (default: ../shared/corpora)."),
) -> None:
    """Score entities, figures and dates on the news-gold standard of modern Dutch news."""
    import json

    from . import evaluate_news as scorer
    from .news_gold import DEFAULT_ARTICLES, GOLD_FILE, GoldFormatError, load_gold

    if split not in ("dev", "test", "all"):
        console.print(f"[red]error[/red]: unknown split {split!r}; choose dev, test or all")
        raise typer.Exit(1)
    wanted = None if split == "all" else split
    try:
        gold_articles = load_gold(wanted, gold or GOLD_FILE, articles or DEFAULT_ARTICLES)
        if predictions:
            by_id = {a.id: a for a in load_gold(None, predictions, articles or DEFAULT_ARTICLES)}
            gold_articles = [a for a in gold_articles if a.id in by_id]
            predicted = [by_id[a.id] for a in gold_articles]
        else:
            predicted = scorer.predict(gold_articles, model)
    except (OSError, GoldFormatError) as exc:
        console.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(1) from None
    result = {"split": split, **scorer.compare(gold_articles, predicted)}
    typer.echo(json.dumps(result, indent=2) if as_json else scorer.format_report(result))
    if show_errors:
        typer.echo("\n".join(scorer.errors(gold_articles, predicted)), err=as_json)


@app.command("train-ner")
def train_ner(
    corpora: Path = typer.Option(Path("../shared/corpora"), help="Folder with conll2002-nl/, ud-dutch/, dpgmedia2019/, ..."),
    work: Path = typer.Option(Path("training"), help="Folder for converted corpora, vectors and checkpoints."),
    output: Path = typer.Option(None, help="Where the assembled pipeline goes (default: the shipped model folder)."),
    seed: int = typer.Option(42, help="Random seed of every training step."),
    base: Optional[Path] = typer.Option(
        None, help="Reuse the vectors, tagger and lemmatizer of this pipeline folder; train the NER only."
    ),
    annotations: Optional[list[Path]] = typer.Option(
        None, help="Annotated news articles, repeatable (default: the files of data/news-train)."
    ),
    vectors: bool = typer.Option(True, help="Train fastText vectors on the raw text and use them in the NER."),
    wikineural: bool = typer.Option(True, help="Add WikiNEuRal (silver, CC BY-NC-SA) to the NER training data."),
    europeana: bool = typer.Option(False, help="Add the Europeana newspapers (CC0) to the NER training data."),
    self_training: bool = typer.Option(False, help="Also self-train the NER on news text labelled by three teacher NERs."),
    news_copies: int = typer.Option(2, help="How many times the annotated news articles count in the NER's training data."),
    ner_max_steps: Optional[int] = typer.Option(None, help="Override training.max_steps of configs/ner.cfg."),
    tagger_max_steps: Optional[int] = typer.Option(None, help="Override training.max_steps of configs/tagger.cfg."),
    ner_width: Optional[int] = typer.Option(None, help="Width of the NER's own encoder (configs/ner.cfg: 128)."),
    ner_depth: Optional[int] = typer.Option(None, help="Layers of the NER's own encoder (configs/ner.cfg: 4)."),
) -> None:
    """Train the shipped pipeline: vectors, tagger + lemmatizer (UD), NER (CoNLL-2002, WikiNEuRal, news)."""
    import json

    from .model import shipped_model_path
    from .training import NEWS_TRAIN_FILES, build_model, encoder_overrides

    ner_overrides = encoder_overrides(ner_width, ner_depth)
    if ner_max_steps:
        ner_overrides["training.max_steps"] = ner_max_steps
    result = build_model(
        corpora, work, output or shipped_model_path(), seed=seed, vectors=vectors, europeana=europeana,
        wikineural=wikineural, annotations=annotations or NEWS_TRAIN_FILES, self_training=self_training, base=base,
        news_copies=news_copies, ner_overrides=ner_overrides,
        tagger_overrides={"training.max_steps": tagger_max_steps} if tagger_max_steps else None,
    )
    typer.echo(json.dumps(result, indent=2))


@app.command("aggregate")
def aggregate_command(
    out_dir: Path = typer.Argument(Path("data/processed"), help="Folder with the extraction tables."),
) -> None:
    """Compute entity_summary, cooccurrence, timeline and figure_summary from the tables in OUT_DIR."""
    import time

    from .aggregate import aggregate_folder

    started = time.perf_counter()
    try:
        counts = aggregate_folder(out_dir)
    except (OSError, OutputLockedError, TableError) as exc:
        console.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(1) from None
    summary = ", ".join(f"{name} {n} rows" for name, n in counts.items())
    console.print(f"aggregates written to {out_dir}: {summary} ({time.perf_counter() - started:.2f} s)")


@app.command("export")
def export_command(
    out_dir: Path = typer.Argument(Path("data/processed"), help="Folder with the extraction tables."),
    xlsx: Path = typer.Option(None, "--xlsx", help="Workbook to write (default: OUT_DIR/tables.xlsx)."),
) -> None:
    """Write the tables as one Excel workbook whose text cells are strings, never formulas."""
    from .export import export_xlsx

    try:
        path = export_xlsx(out_dir, xlsx)
    except (OSError, TableError) as exc:
        console.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(1) from None
    console.print(f"workbook written to {path}")


@app.command("report")
def report_command(
    out_dir: Path = typer.Argument(Path("data/processed"), help="Folder with the extraction tables."),
) -> None:
    """Write OUT_DIR/report/index.html (overview and charts) and a highlighted page per document."""
    from .report import build_report

    try:
        index = build_report(out_dir)
    except (OSError, TableError) as exc:
        console.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(1) from None
    console.print(f"report written to {index}")


def main() -> None:
    """Entry point: exit 0 when all went well, 2 when some documents failed, 1 when nothing could start.

    Click's own code for a bad option or argument is 2, which here means "some documents failed", so
    usage errors exit with 1 like every other run that could not start.
    """
    try:
        code = app(prog_name="pipeline", standalone_mode=False)
    except typer.Abort:
        console.print("aborted")
        sys.exit(1)
    except typer.TyperException as exc:  # a bad option, argument or value
        exc.show()
        sys.exit(1)
    finally:
        # the interpreter's last act is a full collection pass over every object still alive, a loaded
        # pipeline's millions among them (about a second and a half): frozen objects are left out of it
        gc.freeze()
    sys.exit(code if isinstance(code, int) else 0)
