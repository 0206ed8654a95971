"""Stages: the share of a one-process extraction's time each stage takes, by sampling, not by tracing.

    python bench/stages.py [--articles PATH] [--limit N] [--model NAME] [--rate 100]

Runs ``python -m pipeline extract`` over the first N dpgmedia2019 articles under py-spy (``pip install
py-spy``), which samples the stacks of every thread ``--rate`` times a second, and sorts the samples taken
while the documents were processed into stages: the model's components (spaCy and thinc, with the NER's
gazetteer features), each of our rule components, building rows, reading files, and the table writer's
thread. Unlike cProfile (``bench/profile_extract.py``), sampling does not slow down code that makes many
small calls, so the shares are the run's own. The shares are of processor time: the model's thread and the
rules' thread of ``DocumentProcessor`` partly overlap in time, and a thread waiting for the other is not
sampled, nor is the writer's thread while it waits for rows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # this checkout's pipeline, not the installed one
from corpus import DEFAULT_ARTICLES, read_articles, write_raw  # noqa: E402

MODEL = "model (spaCy, thinc)"
WRITER = "table writer (its thread)"


def stage_of(frames: list[str]) -> str | None:
    """The stage a sampled stack (outermost frame first) belongs to; None outside document processing."""
    if any(frame.startswith("BackgroundWriter._run ") for frame in frames):
        return None if frames[-1].startswith("Condition.wait ") else WRITER  # waiting for rows is no work
    if not any(frame.startswith("DocumentProcessor.") for frame in frames) and \
            not any(frame.startswith("iter_documents ") for frame in frames):
        return None
    for frame in frames:
        name, _, where = frame.partition(" (")
        if name.startswith("iter_documents"):
            return "reading files"
        if name.startswith("doc_to_rows"):
            return "rows"
        if "pipeline/" in where and name.endswith("__call__") and "gazetteer" not in where:
            return name.removesuffix(".__call__")
    return MODEL


def sample(raw_dir: Path, model: str | None, rate: int, out: Path) -> Path:
    """Run one extraction under py-spy; return its raw (collapsed stacks) output."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        sys.exit("py-spy is not installed (pip install py-spy)")
    stacks = out / "stacks.txt"
    extract = [sys.executable, "-m", "pipeline", "extract", str(raw_dir), str(out / "tables"), "--quiet"]
    extract += ["--model", model] if model else []
    env = {**os.environ, "PYTHONPATH": str(BENCH.parent), "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run([spy, "record", "--threads", "--rate", str(rate), "--format", "raw", "--output", str(stacks),
                    "--", *extract], check=True, capture_output=True, env=env)
    return stacks


def shares(stacks: Path) -> Counter[str]:
    """Samples per stage."""
    counts: Counter[str] = Counter()
    for line in stacks.read_text(encoding="utf-8").splitlines():
        stack, _, n = line.rpartition(" ")
        stage = stage_of(stack.split(";")[1:])  # the first entry names the thread
        if stage is not None:
            counts[stage] += int(n)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--model", default=None)
    parser.add_argument("--rate", type=int, default=100, help="Samples per second.")
    args = parser.parse_args()
    if not args.articles.exists():
        sys.exit(f"articles not found: {args.articles} (pass --articles)")
    with tempfile.TemporaryDirectory() as tmp:
        raw_dir = Path(tmp) / "raw"
        write_raw(read_articles(args.articles, args.limit), raw_dir)
        counts = shares(sample(raw_dir, args.model, args.rate, Path(tmp)))
    total = sum(counts.values())
    print(f"{total:,} samples of document processing ({args.limit} articles, {args.rate} per second)")
    for stage, n in counts.most_common():
        print(f"  {100 * n / total:5.1f} %  {stage}")
    print(f"the model's share, the ceiling of full/bare in bench/throughput.py: {counts[MODEL] / total:.3f}")


if __name__ == "__main__":
    main()
