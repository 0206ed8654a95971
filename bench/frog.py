"""Whole-corpus throughput against Frog, the Dutch tagger most users would otherwise reach for.

    python bench/frog.py [--articles PATH] [--limit N] [--repeat 1] [--n-process 2] [--threads 2]

Runs, interleaved and repeated, on the same dpgmedia2019 articles: ``python -m pipeline extract``
(all stages, tables written, ``--n-process``) and ``frog --skip=mpcla --threads=N`` (tokenizer, tagger
and names; parser, multi-word units, morphology, chunker and lemmatizer skipped), each as its own
process with its model loading included. Both are credited with the same words (whitespace words of
the article texts), so the ratio is the ratio of wall times. Frog installs with
``apt-get install frog frogdata``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # this checkout's pipeline, not the installed one
from corpus import DEFAULT_ARTICLES, article_text, read_articles, write_raw  # noqa: E402


def timed(cmd: list[str], cwd: Path) -> float:
    """Wall seconds of one run of ``cmd``; its output is discarded, a failure stops the benchmark."""
    started = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=None, help="Use the first N articles (default: all).")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2, help="Frog's --threads.")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    frog = shutil.which("frog")
    if frog is None:
        sys.exit("frog not found: apt-get install frog frogdata")
    if not args.articles.exists():
        sys.exit(f"articles not found: {args.articles} (pass --articles)")
    articles = read_articles(args.articles, args.limit)
    words = sum(len(article_text(a).split()) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        raw_dir = tmp_dir / "raw"  # plain text files, read by both tools
        write_raw(articles, raw_dir)
        ours = [sys.executable, "-m", "pipeline", "extract", str(raw_dir), str(tmp_dir / "out"), "-q", "--force",
                "--n-process", str(args.n_process)] + (["--model", args.model] if args.model else [])
        theirs = [frog, "--skip=mpcla", f"--threads={args.threads}", f"--testdir={raw_dir}",
                  f"--outputdir={tmp_dir / 'frog'}"]
        print(f"{len(articles)} articles, {words:,} whitespace words, {args.repeat} repeats")
        seconds: dict[str, list[float]] = {"extract": [], "frog": []}
        for _ in range(args.repeat):
            seconds["extract"].append(timed(ours, BENCH.parent))
            shutil.rmtree(tmp_dir / "frog", ignore_errors=True)
            seconds["frog"].append(timed(theirs, tmp_dir))
    wps = {name: words / statistics.median(runs) for name, runs in seconds.items()}
    print(f"extract --n-process {args.n_process}:  {wps['extract']:>9,.0f} words/s (median)")
    print(f"frog --threads={args.threads}:       {wps['frog']:>9,.0f} words/s (median)")
    print(f"ratio extract/frog:       {wps['extract'] / wps['frog']:.2f}  (target >= 8)")


if __name__ == "__main__":
    main()
