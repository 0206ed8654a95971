"""Memory: peak RSS of extracting the dpgmedia2019 articles once against ten times over.

    python bench/memory.py [--articles PATH] [--limit N] [--copies 10] [--model NAME]

Each run is a fresh process; its peak resident memory (ru_maxrss) is compared. Streaming
(rows flushed per batch, ``nlp.memory_zone`` per batch) should keep the ratio near 1.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--model", default=None)
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


if __name__ == "__main__":
    main()
