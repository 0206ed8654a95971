"""Overhead: what the extraction adds to the model, split into its rules and its reading and writing.

    python bench/overhead.py [--articles PATH] [--limit N] [--repeat 3] [--model NAME]

The full/bare ratio of ``bench/throughput.py`` compares two processes, each under whatever load the
machine has at its moment. Here one process clocks, batch by batch, the work of the extraction's two threads
one after the other (``DocumentProcessor``): the model (the components up to the last trained one, with the
sentencizer and the noun lemmas among them, through ``nlp.pipe`` a batch at a time, a memory zone each)
and then the rules after it and the rows, on the same documents. Both parts run under the same load, so their
ratio is what full/bare would be with the rules on the model's thread, i.e. the model's share of the processor
time. A second fresh process runs the whole ``extract`` (files read, tables written), interleaved with the
first and repeated; medians are printed. The extraction runs the rules on a second thread while the model
goes on, so model/extract can read above model/(model+added).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # this checkout's pipeline, not the installed one
from corpus import DEFAULT_ARTICLES, read_articles, write_raw  # noqa: E402
from throughput import measure_extract  # noqa: E402


def measure_split(raw_dir: Path, model: str | None, batch_size: int) -> dict:
    """Seconds of the model and of everything the extraction adds to it but I/O, on the same documents: the
    work of the processor's two threads, one after the other."""
    from pipeline.backends import batches
    from pipeline.ingest import iter_documents
    from pipeline.model import get_nlp
    from pipeline.processing import DocumentProcessor

    nlp = get_nlp(model)
    processor = DocumentProcessor(nlp)
    raws = [raw for raw in iter_documents(raw_dir) if raw.error is None]
    model_seconds = added_seconds = 0.0
    for batch in batches(raws, batch_size):
        with processor.zone():
            started = time.perf_counter()
            docs = list(nlp.pipe((processor.make_doc(raw, raw.body) for raw in batch), batch_size=batch_size,
                                 disable=processor.rule_names))
            modelled = time.perf_counter()
            for raw, doc in zip(batch, docs):
                processor.finish(raw, doc)
            model_seconds += modelled - started
            added_seconds += time.perf_counter() - modelled
    return {"model": model_seconds, "added": added_seconds, "components": processor.rule_names}


def run_one(kind: str, raw_dir: Path, model: str | None, batch_size: int) -> dict:
    """One measurement in a fresh process."""
    cmd = [sys.executable, __file__, "--measure", kind, "--raw", str(raw_dir), "--batch-size", str(batch_size)]
    result = subprocess.run(cmd + (["--model", model] if model else []), capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=200, help="Use the first N articles.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--measure", choices=["split", "extract"], help=argparse.SUPPRESS)
    parser.add_argument("--raw", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure == "split":
        print(json.dumps(measure_split(args.raw, args.model, args.batch_size)))
        return
    if args.measure == "extract":
        print(json.dumps(measure_extract(args.raw, args.model, 1, args.batch_size)))
        return
    if not args.articles.exists():
        sys.exit(f"articles not found: {args.articles} (pass --articles)")
    with tempfile.TemporaryDirectory() as tmp:
        raw_dir = Path(tmp) / "raw"
        n_docs = write_raw(read_articles(args.articles, args.limit), raw_dir)
        splits, extracts = [], []
        for _ in range(args.repeat):
            splits.append(run_one("split", raw_dir, args.model, args.batch_size))
            extracts.append(run_one("extract", raw_dir, args.model, args.batch_size))
    print(f"{n_docs} articles, {args.repeat} repeats, model {args.model or 'default'}; "
          f"added to the model: {', '.join(splits[0]['components'])}")
    print(f"{'repeat':<8}{'model s':>9}{'added s':>9}{'extract s':>11}{'model/(model+added)':>21}{'model/extract':>15}")
    for i, (split, extract) in enumerate(zip(splits, extracts), 1):
        ceiling = split["model"] / (split["model"] + split["added"])
        print(f"{i:<8}{split['model']:>9.2f}{split['added']:>9.2f}{extract['seconds']:>11.2f}{ceiling:>21.3f}"
              f"{split['model'] / extract['seconds']:>15.3f}")
    model = statistics.median(split["model"] for split in splits)
    added = statistics.median(split["added"] for split in splits)
    ceiling = statistics.median(split["model"] / (split["model"] + split["added"]) for split in splits)
    extract = statistics.median(extract["seconds"] for extract in extracts)
    print(f"{'median':<8}{model:>9.2f}{added:>9.2f}{extract:>11.2f}{ceiling:>21.3f}{model / extract:>15.3f}")
    print("model/(model+added): full/bare with the rules on the model's thread (same process); model/extract: the "
          "extraction as it runs, rules on a second thread, with reading and writing, across processes")


if __name__ == "__main__":
    main()
