"""Memory: peak RSS of extracting the dpgmedia2019 articles once against ten times over, and of one
long document of 1 MB against 10 MB.

    python bench/memory.py [--articles PATH] [--limit N] [--copies 10] [--model NAME] [--long-mb 1 10]

Each run is a fresh process; its peak resident memory (ru_maxrss) is compared. Streaming
(rows flushed per document, ``nlp.memory_zone`` per group of batches but a pipeline's first batch, long
documents in bounded pieces) should keep both ratios near 1 (goal: under 1.5 GB for a 10 MB document).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # this checkout's pipeline, not the installed one
from corpus import DEFAULT_ARTICLES, read_articles, write_raw  # noqa: E402


def measure(raw_dir: Path, model: str | None) -> dict:
    """Run the extraction over ``raw_dir`` in this process; report words, seconds and peak RSS."""
    import pipeline

    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        record = pipeline.run(raw_dir, out, model=model, force=True).run
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"words": record["timings"]["words"], "seconds": time.perf_counter() - started, "peak_mb": peak}


def run_copies(articles: list[dict], copies: int, model: str | None) -> dict:
    """Extract ``copies`` copies of the articles in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        raw_dir = Path(tmp) / "raw"
        write_raw(articles, raw_dir, copies)
        cmd = [sys.executable, __file__, "--measure", str(raw_dir)] + (["--model", model] if model else [])
        result = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_long(articles: list[dict], megabytes: float, model: str | None) -> dict:
    """Extract one document of ``megabytes`` MB (the articles joined by blank lines) in a fresh process."""
    chunks, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        article = articles[i % len(articles)]
        chunk = f"{article['title']}\n\n{article['text']}"
        chunks.append(chunk)
        size += len(chunk.encode("utf-8")) + 2
        i += 1
    with tempfile.TemporaryDirectory() as tmp:
        raw_dir = Path(tmp) / "raw"
        raw_dir.mkdir()
        (raw_dir / "long.txt").write_text(" date 2019-03-14 " + "\n\n".join(chunks), encoding="utf-8")
        cmd = [sys.executable, __file__, "--measure", str(raw_dir)] + (["--model", model] if model else [])
        result = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--model", default=None)
    parser.add_argument("--long-mb", type=float, nargs="*", default=[1, 10], help="Sizes of the one-document runs.")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.model)))
        return
    if not args.articles.exists():
        sys.exit(f"articles not found: {args.articles} (pass --articles)")
    articles = read_articles(args.articles, args.limit)
    once = run_copies(articles, 1, args.model)
    many = run_copies(articles, args.copies, args.model)
    print(f"{'run':<14}{'words':>12}{'seconds':>10}{'peak MB':>10}")
    print(f"{'1x':<14}{once['words']:>12,}{once['seconds']:>10.1f}{once['peak_mb']:>10,.0f}")
    print(f"{f'{args.copies}x':<14}{many['words']:>12,}{many['seconds']:>10.1f}{many['peak_mb']:>10,.0f}")
    print(f"peak memory ratio {args.copies}x / 1x: {many['peak_mb'] / once['peak_mb']:.2f}  (target <= 1.30)")
    if args.long_mb:
        longs = [(mb, run_long(articles, mb, args.model)) for mb in args.long_mb]
        for mb, result in longs:
            print(f"{f'one {mb:g} MB doc':<14}{result['words']:>12,}{result['seconds']:>10.1f}{result['peak_mb']:>10,.0f}")
        first, last = longs[0][1]["peak_mb"], longs[-1][1]["peak_mb"]
        print(f"peak memory {longs[-1][0]:g} MB / {longs[0][0]:g} MB document: {last / first:.2f}  "
              f"(goal: flat, and under 1,500 MB)")


if __name__ == "__main__":
    main()
