"""Throughput: bare ``nlp.pipe`` against the full extraction, on the dpgmedia2019 articles.

    python bench/throughput.py [--articles PATH] [--limit N] [--repeat 3] [--model NAME]

Each measurement runs in a fresh process (so peak memory is its own); the configurations are
interleaved and repeated, and medians are reported. Printed: words/second of (a) bare
``nlp.pipe`` with the shipped pipeline, (b) the full ``extract`` (all stages, tables written),
their ratio, the same with ``--n-process 2``, peak memory, and the cores each kept busy (processor time of
all its threads and worker processes over wall-clock time: the extraction runs its model and its rules on two
threads, so one process can use more than one core).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # this checkout's pipeline, not the installed one
from corpus import DEFAULT_ARTICLES, article_text, read_articles, write_raw  # noqa: E402

CONFIGS = [("bare nlp.pipe", "bare", 1), ("full extract", "extract", 1), ("bare nlp.pipe", "bare", 2), ("full extract", "extract", 2)]


def measure_bare(raw_dir: Path, model: str | None, n_process: int, batch_size: int) -> dict:
    """Words/second of the base pipeline's ``nlp.pipe`` over the article bodies."""
    from spacy.attrs import IS_SPACE

    from pipeline.ingest import iter_documents
    from pipeline.model import load_base
    from pipeline.tokenizer import apply_news_rules

    nlp = load_base(model)
    apply_news_rules(nlp)
    texts = [doc.body for doc in iter_documents(raw_dir)]
    started, cpu = time.perf_counter(), cpu_seconds()
    # words as the documents table counts them (whitespace tokens are no words)
    docs = nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
    words = sum(len(doc) - int(doc.to_array(IS_SPACE).sum()) for doc in docs)
    return {"words": words, "seconds": time.perf_counter() - started, "cpu": cpu_seconds() - cpu}


def measure_extract(raw_dir: Path, model: str | None, n_process: int, batch_size: int) -> dict:
    """Words/second of the full extraction run, tables written."""
    import pipeline
    from pipeline.model import get_nlp

    get_nlp(model)  # load time is not throughput
    with tempfile.TemporaryDirectory() as out:
        started, cpu = time.perf_counter(), cpu_seconds()
        tables = pipeline.run(raw_dir, out, model=model, n_process=n_process, batch_size=batch_size, force=True)
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        words = int(tables.documents.n_tokens.sum())
    return {"words": words, "seconds": seconds, "cpu": cpu}


def cpu_seconds() -> float:
    """Processor time of this process (all its threads) and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def peak_rss_mb() -> float:
    """Peak resident memory of this process and its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run_one(kind: str, raw_dir: Path, model: str | None, n_process: int, batch_size: int) -> dict:
    """One measurement in a fresh process."""
    cmd = [sys.executable, __file__, "--measure", kind, "--raw", str(raw_dir), "--n-process", str(n_process),
           "--batch-size", str(batch_size)] + (["--model", model] if model else [])
    result = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=None, help="Use the first N articles.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--measure", choices=["bare", "extract"], help=argparse.SUPPRESS)
    parser.add_argument("--raw", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        measure = measure_bare if args.measure == "bare" else measure_extract
        result = measure(args.raw, args.model, args.n_process, args.batch_size)
        print(json.dumps({**result, "peak_mb": peak_rss_mb()}))
        return
    if not args.articles.exists():
        sys.exit(f"articles not found: {args.articles} (pass --articles)")
    articles = read_articles(args.articles, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        raw_dir = Path(tmp) / "raw"
        n_docs = write_raw(articles, raw_dir)
        print(f"{n_docs} articles, {sum(len(article_text(a).split()) for a in articles):,} whitespace words, "
              f"{args.repeat} repeats, model {args.model or 'default'}")
        results: dict[tuple[str, int], list[dict]] = {}
        for _ in range(args.repeat):
            for label, kind, n_process in CONFIGS:
                results.setdefault((kind, n_process), []).append(run_one(kind, raw_dir, args.model, n_process, args.batch_size))
    wps = {key: statistics.median(r["words"] / r["seconds"] for r in runs) for key, runs in results.items()}
    peak = {key: statistics.median(r["peak_mb"] for r in runs) for key, runs in results.items()}
    cores = {key: statistics.median(r["cpu"] / r["seconds"] for r in runs) for key, runs in results.items()}
    print(f"{'configuration':<28}{'words/s (median)':>18}{'peak MB':>10}{'cores busy':>12}")
    for label, kind, n_process in CONFIGS:
        key = (kind, n_process)
        print(f"{label + f' n_process={n_process}':<28}{wps[key]:>18,.0f}{peak[key]:>10,.0f}{cores[key]:>12.2f}")
    print(f"ratio full/bare, 1 process:           {wps[('extract', 1)] / wps[('bare', 1)]:.2f}  (target >= 0.85)")
    # each repeat runs bare and full back to back: their ratios show the noise, and their median is the ratio of
    # runs made under the same load (the ratio of medians may pair a quiet bare run with a loaded full one)
    paired = [(full["words"] / full["seconds"]) / (bare["words"] / bare["seconds"])
              for bare, full in zip(results[("bare", 1)], results[("extract", 1)])]
    print("  each repeat:                        " + "  ".join(f"{ratio:.2f}" for ratio in paired))
    print(f"  median of the repeats' ratios:      {statistics.median(paired):.2f}")
    print(f"ratio full/bare, 2 processes:         {wps[('extract', 2)] / wps[('bare', 2)]:.2f}")
    print(f"speed-up of extract, 2 vs 1 process:  {wps[('extract', 2)] / wps[('extract', 1)]:.2f}  (target >= 1.7)")


if __name__ == "__main__":
    main()
