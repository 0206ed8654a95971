"""Evaluation of the extraction pipeline's entities on CoNLL-style files, scored like conlleval."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .conll import Sentence, read_conll
from .scoring import score_spans

NER_FACTORIES = ("ner", "beam_ner", "entity_ruler")


def predict_spans(
    nlp: Language, documents: list[list[Sentence]], batch_size: int = 32
) -> tuple[list[list[tuple[int, int, str]]], dict[str, float]]:
    """Entity spans the full pipeline predicts for each sentence, and the seconds each component took.

    Documents go through the pipeline whole, as in ``extract``; the components run one after the other
    over all documents so that each one's time can be measured.
    """
    docs = [
        Doc(nlp.vocab, words=[w for s in sentences for w in s.words],
            sent_starts=[i == 0 for s in sentences for i in range(len(s.words))])
        for sentences in documents
    ]
    seconds: dict[str, float] = {}
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=batch_size))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.perf_counter() - started
    predicted: list[list[tuple[int, int, str]]] = []
    for sentences, doc in zip(documents, docs):
        offset = 0
        for sentence in sentences:
            end = offset + len(sentence.words)
            predicted.append([(e.start - offset, e.end - offset, e.label_) for e in doc.ents if offset <= e.start and e.end <= end])
            offset = end
    return predicted, seconds


def group_documents(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Sentences grouped into the file's documents (``-DOCSTART-``), or one group per sentence without them."""
    if not any(s.doc_start for s in sentences):
        return [[s] for s in sentences]
    documents: list[list[Sentence]] = []
    for sentence in sentences:
        if sentence.doc_start or not documents:
            documents.append([])
        documents[-1].append(sentence)
    return documents


def evaluate_file(path: str | Path, nlp: Language) -> dict[str, Any]:
    """Exact-span precision, recall and F1 (overall and per label) and words/second on ``path``."""
    sentences = list(read_conll(path))
    predicted, seconds = predict_spans(nlp, group_documents(sentences))
    overall, per_label = score_spans([s.spans for s in sentences], predicted)
    n_words = sum(len(s.words) for s in sentences)
    recognizers = ner_components(nlp)
    ner_seconds = sum(t for name, t in seconds.items() if name in recognizers)

    def rate(t: float) -> float | None:
        return round(n_words / t, 1) if t > 0 else None

    return {
        "overall": overall.as_dict(),
        "per_label": {label: prf.as_dict() for label, prf in per_label.items()},
        "sentences": len(sentences),
        "words": n_words,
        "words_per_second": rate(sum(seconds.values())),
        "ner_words_per_second": rate(ner_seconds),
        "component_words_per_second": {name: rate(t) for name, t in seconds.items()},
    }


def ner_components(nlp: Language) -> set[str]:
    """The entity recognizers (statistical or rule-based) and the tok2vec they listen to, if any."""
    names = {name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory in NER_FACTORIES}
    for name, component in nlp.pipeline:
        listeners = getattr(component, "listening_components", [])
        if name not in names and names & set(listeners):
            names.add(name)
    return names


def format_report(result: dict[str, Any]) -> str:
    """A conlleval-like text table of an evaluation result."""
    lines = [f"{'label':<8}{'precision':>10}{'recall':>10}{'F1':>10}{'gold':>8}{'pred':>8}"]
    rows = [*result["per_label"].items(), ("overall", result["overall"])]
    for label, s in rows:
        lines.append(
            f"{label:<8}{s['p'] * 100:>10.2f}{s['r'] * 100:>10.2f}{s['f'] * 100:>10.2f}"
            f"{s['tp'] + s['fn']:>8}{s['tp'] + s['fp']:>8}"
        )
    lines.append(
        f"{result['sentences']} sentences, {result['words']} words; words/second: "
        f"{result['words_per_second'] or 0:,.0f} whole pipeline, {result['ner_words_per_second'] or 0:,.0f} NER"
    )
    return "\n".join(lines)
