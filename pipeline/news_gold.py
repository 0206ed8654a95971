"""The news-gold standard: stand-off annotations of dpgmedia2019 articles, joined with their text and checked.

The annotations live in ``data/news-gold/`` without any article text (the corpus may not be
redistributed): one JSON record per article with its id, split, date, the SHA-256 of the laid-out
text, and entities, figures and dates as character offsets into that text (see
``docs/annotation.md``). Loading joins them with ``articles.jsonl`` and checks every offset.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .articles import DEFAULT_ARTICLES, article_text, read_articles

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "news-gold"
GOLD_FILE = GOLD_DIR / "gold.jsonl"
SAMPLE_FILE = GOLD_DIR / "sample.json"
SPLITS = ("dev", "test")
ENTITY_LABELS = ("PER", "LOC", "ORG", "MISC")
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most")
DATE_TYPES = ("DATE", "DURATION", "SET")
DATE_MODS = (
    "", "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
    "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS",
)


class GoldFormatError(ValueError):
    """An annotation record that does not fit its article or the format."""


@dataclass(frozen=True)
class EntityAnnotation:
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class FigureAnnotation:
    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None
    unit: str = ""
    quantity: str = "count"
    qualifier: str = "exact"
    subject: str = ""


@dataclass(frozen=True)
class DateAnnotation:
    start: int
    end: int
    text: str
    value: str
    type: str = "DATE"
    mod: str = ""
    value_end: str = ""


@dataclass
class AnnotatedArticle:
    """One annotated article: its laid-out text and its three annotation layers."""

    id: int
    split: str
    date: str
    text: str
    entities: list[EntityAnnotation] = field(default_factory=list)
    figures: list[FigureAnnotation] = field(default_factory=list)
    dates: list[DateAnnotation] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return str(self.id)

    def record(self) -> dict[str, Any]:
        """The stand-off record of this article (no text but the annotated surfaces)."""
        return {
            "id": self.id, "split": self.split, "date": self.date,
            "sha256": hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            "entities": [asdict(e) for e in self.entities],
            "figures": [asdict(f) for f in self.figures],
            "dates": [asdict(d) for d in self.dates],
        }


def _number(value: Any, where: str, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise GoldFormatError(f"{where}: {value!r} is not a number")
    return float(value)


def _choice(value: Any, choices: Iterable[str], where: str) -> str:
    value = "" if value is None else value
    if value not in choices:
        raise GoldFormatError(f"{where}: {value!r} is not one of {', '.join(c or '(empty)' for c in choices)}")
    return value


def _span(item: dict, text: str, where: str) -> tuple[int, int, str]:
    try:
        start, end, surface = int(item["start"]), int(item["end"]), str(item["text"])
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldFormatError(f"{where}: needs integer start and end and a text ({exc})") from None
    if not 0 <= start < end <= len(text):
        raise GoldFormatError(f"{where}: offsets {start}:{end} outside the article ({len(text)} characters)")
    if text[start:end] != surface:
        raise GoldFormatError(f"{where}: text at {start}:{end} is {text[start:end]!r}, the record says {surface!r}")
    return start, end, surface


def parse_record(record: dict, text: str, source: str = "") -> AnnotatedArticle:
    """Check a stand-off record against its article's laid-out text and return it as a AnnotatedArticle."""
    name = f"{source}: article {record.get('id')!r}" if source else f"article {record.get('id')!r}"
    digest = record.get("sha256")
    if digest and digest != hashlib.sha256(text.encode("utf-8")).hexdigest():
        raise GoldFormatError(f"{name}: the article text differs from the annotated one (sha256 mismatch)")
    article = AnnotatedArticle(int(record["id"]), record.get("split", ""), record.get("date", ""), text)
    for i, item in enumerate(record.get("entities", [])):
        where = f"{name}, entity {i}"
        start, end, surface = _span(item, text, where)
        article.entities.append(EntityAnnotation(start, end, surface, _choice(item.get("label"), ENTITY_LABELS, where)))
    for i, item in enumerate(record.get("figures", [])):
        where = f"{name}, figure {i}"
        start, end, surface = _span(item, text, where)
        article.figures.append(FigureAnnotation(
            start, end, surface, _number(item.get("value"), where), _number(item.get("value_max"), where, True),
            item.get("unit") or "", item.get("quantity") or "count",
            _choice(item.get("qualifier") or "exact", QUALIFIERS, where), item.get("subject") or "",
        ))
    for i, item in enumerate(record.get("dates", [])):
        where = f"{name}, date {i}"
        start, end, surface = _span(item, text, where)
        value = item.get("value")
        if not isinstance(value, str) or not value:
            raise GoldFormatError(f"{where}: value {value!r} is not a TIMEX3 value")
        article.dates.append(DateAnnotation(
            start, end, surface, value, _choice(item.get("type") or "DATE", DATE_TYPES, where),
            _choice(item.get("mod"), DATE_MODS, where), item.get("value_end") or "",
        ))
    overlapping = sorted((e.start, e.end) for e in article.entities)
    for (s1, e1), (s2, e2) in zip(overlapping, overlapping[1:]):
        if s2 < e1:
            raise GoldFormatError(f"{name}: entities {s1}:{e1} and {s2}:{e2} overlap")
    return article


def sample_ids() -> set[int]:
    """The ids of every news-gold article (dev and test): training must never see them."""
    sample = json.loads(SAMPLE_FILE.read_text(encoding="utf-8"))
    return {int(i) for split in SPLITS for i in sample[split]}


def read_records(path: str | Path) -> list[dict]:
    """The JSON records of a stand-off file, one a line."""
    records = []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise GoldFormatError(f"{path}, line {n}: not JSON ({exc})") from None
    return records


def article_texts(articles_path: str | Path = DEFAULT_ARTICLES) -> dict[int, str]:
    """The laid-out text of every article of the corpus, by id."""
    return {int(a["id"]): article_text(a) for a in read_articles(articles_path)}


def load_gold(
    split: str | None = "dev",
    gold_path: str | Path = GOLD_FILE,
    articles_path: str | Path = DEFAULT_ARTICLES,
) -> list[AnnotatedArticle]:
    """The gold articles of ``split`` (``None`` for all), joined with their text and checked."""
    if split is not None and split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SPLITS)}")
    if not Path(articles_path).is_file():
        raise FileNotFoundError(f"the dpgmedia2019 articles are not at {articles_path}")
    texts = article_texts(articles_path)
    gold = []
    for record in read_records(gold_path):
        if split is not None and record.get("split") != split:
            continue
        if int(record["id"]) not in texts:
            raise GoldFormatError(f"{gold_path}: article {record['id']!r} is not in {articles_path}")
        gold.append(parse_record(record, texts[int(record["id"])], str(gold_path)))
    return gold
