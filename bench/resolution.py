"""Corpus-level entity resolution: its time on a run's entities, once and ten times over.

    python bench/resolution.py OUT_DIR [--copies 10] [--repeat 3]

OUT_DIR holds the tables of an extraction run (for the dpgmedia2019 articles: write them with
``corpus.write_raw``, then ``python -m pipeline extract RAW OUT_DIR``). The entities are resolved
as they are and with every document repeated ``--copies`` times under new ids; the medians of
``--repeat`` runs are printed with their ratio, which is ``--copies`` for a linear resolution.
The gazetteer is loaded before timing (it is loaded once per process, not per corpus).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # this checkout's pipeline, not the installed one

import pipeline  # noqa: E402
from pipeline.places import dutch_name_index, lookup_place_nl
from pipeline.resolution import resolve_entities


def copied(entities: pd.DataFrame, copies: int) -> pd.DataFrame:
    """The entity rows with every document repeated ``copies`` times under distinct ids."""
    return pd.concat(
        [entities.assign(doc_id=f"{copy:02d}_" + entities["doc_id"]) for copy in range(copies)], ignore_index=True
    )


def seconds(entities: pd.DataFrame, repeat: int) -> float:
    """Median time of ``resolve_entities`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        resolve_entities(entities)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    entities = pipeline.load(args.out_dir).entities
    lookup_place_nl("Mosul"), dutch_name_index()
    documents = entities["doc_id"].nunique()
    once = seconds(entities, args.repeat)
    many = seconds(copied(entities, args.copies), args.repeat)
    print(f"1x:  {documents:,} documents, {len(entities):,} mentions: {once:.2f} s")
    print(f"{args.copies}x: {documents * args.copies:,} documents, {len(entities) * args.copies:,} mentions: {many:.2f} s")
    print(f"ratio {many / once:.1f} (linear: {args.copies})")


if __name__ == "__main__":
    main()
