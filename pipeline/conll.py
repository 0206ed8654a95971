"""CoNLL-style files: NER sentences of (token, tag), IOB1 or IOB2, into entity spans; CoNLL-U treebanks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NamedTuple

DOCSTART = "-DOCSTART-"


@dataclass
class Sentence:
    """One sentence of a CoNLL file: its tokens, IOB2 tags, and the document it starts (if any)."""

    words: list[str]
    tags: list[str]
    doc_start: bool = False

    @property
    def spans(self) -> list[tuple[int, int, str]]:
        """Entity spans as (start token, end token, label)."""
        return iob_to_spans(self.tags)


def to_iob2(tags: list[str]) -> list[str]:
    """Normalize IOB1 (I- may open an entity) to IOB2 (every entity opens with B-)."""
    out = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-"):
            label = tag[2:]
            if previous == "O" or previous[2:] != label:
                tag = f"B-{label}"
        out.append(tag)
        previous = tag
    return out


def iob_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans (start, end, label) from IOB2 tags, the way conlleval chunks them."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*to_iob2(tags), "O"]):
        continues = tag.startswith("I-") and tag[2:] == label
        if not continues and start is not None:
            spans.append((start, i, label))
            start, label = None, None
        if tag.startswith("B-"):
            start, label = i, tag[2:]
    return spans


def read_conll(path: str | Path, *, encoding: str = "utf-8") -> Iterator[Sentence]:
    """Sentences of a CoNLL file: token first, tag last on each line, blank lines between sentences.

    ``-DOCSTART-`` lines are not tokens; the sentence after one is marked as starting a document.
    Files without sentence breaks (one long "sentence") are read as they are.
    """
    words: list[str] = []
    tags: list[str] = []
    doc_start = pending_doc_start = False
    with open(path, encoding=encoding, errors="replace") as handle:
        for line_no, line in enumerate(handle, 1):
            parts = line.split()
            if not parts or parts[0] == DOCSTART:
                if words:
                    yield Sentence(words, to_iob2(tags), doc_start)
                    words, tags, doc_start = [], [], False
                if parts:
                    pending_doc_start = True
                continue
            if len(parts) < 2:
                raise ValueError(f"{path}:{line_no}: expected 'token ... TAG', got {line.strip()!r}")
            tag = parts[-1]
            if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
                raise ValueError(f"{path}:{line_no}: {tag!r} is not an IOB tag")
            if not words:
                doc_start, pending_doc_start = pending_doc_start, False
            words.append(parts[0])
            tags.append(tag)
    if words:
        yield Sentence(words, to_iob2(tags), doc_start)


class ConlluWord(NamedTuple):
    """One word line of a CoNLL-U file: its ten columns."""

    id: str
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: str
    deprel: str
    deps: str
    misc: str


def read_conllu(path: Path) -> Iterator[list[ConlluWord]]:
    """Sentences of a CoNLL-U file as lists of words, multiword and empty nodes dropped."""
    sentence: list[ConlluWord] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    yield sentence
                sentence = []
            elif not line.startswith("#"):
                word = ConlluWord._make(line.split("\t"))
                if word.id.isdigit():
                    sentence.append(word)
    if sentence:
        yield sentence
