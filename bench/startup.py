"""Start-up: what a run pays before its first document, against loading the bare shipped pipeline.

    python bench/startup.py [--repeat 5] [--model NAME]

Each measurement is a fresh interpreter, timed from outside (interpreter start and exit included), the
configurations interleaved and repeated; medians are printed. Measured: (a) ``spacy.load`` of the pipeline
with nothing of ours added (the baseline), (b) the full extraction pipeline (``get_nlp``: our tokenizer
rules, noun lemmas, gazetteers, unit registry and the sixteen extraction components), (c) ``python -m
pipeline extract`` of one article (the seed article when it is there), tables written.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT)]  # this checkout's pipeline, not the installed one
from frog import timed  # noqa: E402

SEED = ROOT.parent / "shared" / "seed" / "000_059bb13c25190bb0.txt"
ARTICLE = "Den Haag, 14 maart 2019 - Ruim 100.000 burgers demonstreerden zondag in Amsterdam tegen het kabinet-Rutte."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    model = repr(args.model)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        text = SEED.read_text(encoding="utf-8") if SEED.exists() else ARTICLE
        (raw / "article.txt").write_text(text, encoding="utf-8")
        configs = {
            "bare spacy.load": [sys.executable, "-c", f"import spacy, pipeline.model as m; m.load_base({model})"],
            "full pipeline (get_nlp)": [sys.executable, "-c", f"from pipeline.model import get_nlp; get_nlp({model})"],
            "extract one article": [sys.executable, "-m", "pipeline", "extract", str(raw), str(Path(tmp) / "out"),
                                    "-q", "--force"] + (["--model", args.model] if args.model else []),
        }
        seconds: dict[str, list[float]] = {name: [] for name in configs}
        for _ in range(args.repeat):
            for name, cmd in configs.items():
                seconds[name].append(timed(cmd, ROOT))
    median = {name: statistics.median(runs) for name, runs in seconds.items()}
    base = median["bare spacy.load"]
    print(f"{'configuration':<28}{'seconds (median)':>18}{'/ bare load':>13}")
    for name, value in median.items():
        print(f"{name:<28}{value:>18.2f}{value / base:>13.2f}")


if __name__ == "__main__":
    main()
