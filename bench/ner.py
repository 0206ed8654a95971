"""NER throughput on one core: the entity recognizer alone against the tokenizer, on dpgmedia2019 articles.

    OPENBLAS_NUM_THREADS=1 python bench/ner.py [--articles PATH] [--limit N] [--repeat 5] [--model NAME]

Each repeat times the tokenizer over all article texts (the baseline: what any pipeline pays) and then
the NER components on the tokenized docs (the NER with its own tok2vec, or the tok2vec it listens to),
in the same process. Printed: medians of words/second and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # this checkout's pipeline, not the installed one
from corpus import DEFAULT_ARTICLES, read_articles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=300, help="Use the first N articles.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    if not args.articles.exists():
        sys.exit(f"articles not found: {args.articles} (pass --articles)")

    from pipeline.evaluate import ner_components
    from pipeline.model import load_base
    from pipeline.tokenizer import apply_news_rules

    nlp = load_base(args.model)
    apply_news_rules(nlp)
    components = [(name, pipe) for name, pipe in nlp.pipeline if name in ner_components(nlp)]
    if not components:
        sys.exit(f"the pipeline has no entity recognizer: {nlp.pipe_names}")
    texts = [f"{a['title']}\n\n{a['text']}" for a in read_articles(args.articles, args.limit)]
    tokenizer_wps, ner_wps = [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        docs = list(nlp.tokenizer.pipe(texts, batch_size=args.batch_size))
        words = sum(len(doc) for doc in docs)
        tokenizer_wps.append(words / (time.perf_counter() - started))
        started = time.perf_counter()
        for _, pipe in components:
            docs = list(pipe.pipe(docs, batch_size=args.batch_size))
        ner_wps.append(words / (time.perf_counter() - started))
    tokenizer, ner = statistics.median(tokenizer_wps), statistics.median(ner_wps)
    print(f"{len(texts)} articles, {words:,} tokens, {args.repeat} repeats, model {args.model or 'default'}, "
          f"NER components {[name for name, _ in components]}")
    print(f"tokenizer        {tokenizer:>10,.0f} words/s (median)")
    print(f"NER              {ner:>10,.0f} words/s (median; target >= 10,000 on one core)")
    print(f"ratio NER/tokenizer: {ner / tokenizer:.3f}")


if __name__ == "__main__":
    main()
