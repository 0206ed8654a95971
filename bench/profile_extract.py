"""Profile: where a one-process extraction spends its time, with our own code listed apart from spaCy's.

    python bench/profile_extract.py [--articles PATH] [--limit N] [--model NAME] [--top 20] [--save FILE.prof]

Times the tokenizer and each pipeline component over the first N dpgmedia2019 articles, one after
the other (not profiled); then runs ``pipeline.run`` over them under cProfile (the pipeline is loaded
before) and prints the time of the whole run and of ``nlp.pipe``, the functions of this package that
cost most by their own and by cumulative time, and the costliest functions overall. ``--save`` keeps
the raw profile for snakeviz or ``python -m pstats``.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # this checkout's pipeline, not the installed one
from corpus import DEFAULT_ARTICLES, read_articles, write_raw  # noqa: E402

import pipeline  # noqa: E402
from pipeline.model import get_nlp  # noqa: E402

PACKAGE = str(Path(pipeline.__file__).resolve().parent)


def stat_rows(stats: pstats.Stats) -> list[tuple[str, int, str, int, float, float]]:
    """(file, line, function, calls, own seconds, cumulative seconds) of every profiled function."""
    return [(file, line, name, calls, own, cumulative)
            for (file, line, name), (_, calls, own, cumulative, _) in stats.stats.items()]


def where(file: str, line: int, name: str) -> str:
    """A short name for a function: its file relative to the package, or the library it lives in."""
    if file.startswith(PACKAGE):
        return f"pipeline/{Path(file).relative_to(PACKAGE)}:{line}({name})"
    parts = Path(file).parts
    library = next((parts[i + 1] for i, part in enumerate(parts) if part == "site-packages" and i + 1 < len(parts)),
                   Path(file).name)
    return f"{library}:{line}({name})"


def component_times(nlp, raw_dir: Path) -> tuple[list[tuple[str, float]], int]:
    """Seconds of the tokenizer and of each component, run one after the other over all documents; and the words."""
    from pipeline.ingest import iter_documents

    raws = list(iter_documents(raw_dir))
    times = []
    with nlp.memory_zone():
        started = time.perf_counter()
        docs = [nlp.make_doc(raw.body) for raw in raws]
        times.append(("tokenizer", time.perf_counter() - started))
        words = sum(len(doc) for doc in docs)
        for doc, raw in zip(docs, raws):
            doc._.doc_date = raw.doc_date
        for name, component in nlp.pipeline:
            started = time.perf_counter()
            docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(doc) for doc in docs]
            times.append((name, time.perf_counter() - started))
    return times, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--save", type=Path, default=None, help="Write the raw profile to this file.")
    args = parser.parse_args()
    if not args.articles.exists():
        sys.exit(f"articles not found: {args.articles} (pass --articles)")

    nlp = get_nlp(args.model)
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp:
        raw_dir = Path(tmp) / "raw"
        write_raw(read_articles(args.articles, args.limit), raw_dir)
        times, words = component_times(nlp, raw_dir)
        profiler.enable()
        pipeline.run(raw_dir, Path(tmp) / "out", model=args.model, batch_size=args.batch_size, force=True)
        profiler.disable()
    if args.save:
        profiler.dump_stats(args.save)
    stats = pstats.Stats(profiler)
    rows = stat_rows(stats)
    total = stats.total_tt
    pipe = max((cum for file, _, fn, _, _, cum in rows if fn == "pipe" and file.endswith("spacy/language.py")),
               default=0.0)
    ours = sum(own for file, *_, own, _ in rows if file.startswith(PACKAGE))
    print(f"whole run {total:.2f} s; inside nlp.pipe {pipe:.2f} s; outside it {total - pipe:.2f} s; "
          f"own time of pipeline/ code {ours:.2f} s")
    print(f"\ntokenizer and components, each over all documents ({words:,} words; not profiled)")
    print(f"  {'':<24}{'seconds':>8}{'words/s':>12}")
    for name, seconds in times:
        print(f"  {name:<24}{seconds:>8.2f}{words / max(seconds, 1e-9):>12,.0f}")
    mine = [row for row in rows if row[0].startswith(PACKAGE)]
    for title, key in (("own time", 4), ("cumulative time", 5)):
        print(f"\npipeline/ functions by {title}")
        print(f"  {'seconds':>8}  {'calls':>9}  function")
        for file, line, name, calls, own, cumulative in sorted(mine, key=lambda r: -r[key])[: args.top]:
            print(f"  {(own, cumulative)[key - 4]:>8.2f}  {calls:>9,}  {where(file, line, name)}")
    print("\nall functions by own time")
    for file, line, name, calls, own, _ in sorted(rows, key=lambda r: -r[4])[: args.top]:
        print(f"  {own:>8.2f}  {calls:>9,}  {where(file, line, name)}")


if __name__ == "__main__":
    main()
