"""The HTML report: overview numbers match the tables, every mention is highlighted once, no network."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app

from .conftest import SEED


class Collector(HTMLParser):
    """Collects stats, marks, links and any external resource of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.stats: dict[str, int] = {}
        self.refs: list[str] = []
        self.titles: list[str] = []
        self.links: list[str] = []
        self.external: list[str] = []
        self._stat: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-stat" in attrs:
            self._stat = attrs["data-stat"]
        if tag == "mark":
            self.refs += attrs.get("data-refs", "").split()
            self.titles.append(attrs.get("title", ""))
        if tag == "a":
            self.links.append(attrs.get("href", ""))
        for key in ("src", "href"):
            if attrs.get(key, "").startswith(("http://", "https://", "//")):
                self.external.append(attrs[key])

    def handle_data(self, data):
        if self._stat:
            self.stats[self._stat] = int(data)
            self._stat = None


def parse(path: Path) -> Collector:
    collector = Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "a-seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (raw / "b-kort.txt").write_text(" date 2019-03-14 Minister Hoekstra sprak gisteren in Den Haag over 3,2 miljard euro.",
                                    encoding="utf-8")
    (raw / "c-leeg.txt").write_bytes(b"")
    out = tmp_path_factory.mktemp("out")
    pipeline.run(raw, out)
    result = CliRunner().invoke(app, ["report", str(out)])
    assert result.exit_code == 0, result.output
    return out, pipeline.aggregate(pipeline.load(out))


def test_overview_numbers_match_the_tables(report):
    out, tables = report
    index = parse(out / "report" / "index.html")
    assert index.stats["documents"] == len(tables.documents) == 3
    assert index.stats["documents_failed"] == 1
    assert index.stats["sentences"] == len(tables.sentences)
    assert index.stats["tokens"] == len(tables.tokens)
    assert index.stats["figures"] == len(tables.figures)
    assert index.stats["dates"] == len(tables.dates)
    for label in ("PER", "LOC", "ORG", "MISC"):
        assert index.stats[f"mentions_{label}"] == int((tables.entities.label == label).sum())
    assert index.links.count("docs/00000.html") == 1 and "docs/00001.html" in index.links
    assert "<svg" in (out / "report" / "index.html").read_text(encoding="utf-8")


def test_every_mention_is_highlighted_once(report):
    out, tables = report
    for i, doc_id in enumerate(["a-seed", "b-kort"]):
        page = parse(out / "report" / "docs" / f"{i:05d}.html")
        expected = (
            [f"entity:{m}" for m in tables.entities[tables.entities.doc_id == doc_id].mention_id]
            + [f"date:{d}" for d in tables.dates[tables.dates.doc_id == doc_id].date_id]
            + [f"figure:{f}" for f in tables.figures[tables.figures.doc_id == doc_id].figure_id]
        )
        assert sorted(page.refs) == sorted(expected)
        assert all(page.titles)


def test_values_show_on_hover_and_pages_link_up(report):
    out, _ = report
    seed = parse(out / "report" / "docs" / "00000.html")
    assert any("2017-05-26" in t for t in seed.titles)
    assert any(t.startswith("3 km2 (approx") for t in seed.titles)
    assert "../index.html" in seed.links and "00001.html" in seed.links
    second = parse(out / "report" / "docs" / "00001.html")
    assert "00000.html" in second.links


def test_report_is_self_contained(report):
    out, _ = report
    for path in (out / "report").rglob("*.html"):
        assert parse(path).external == [], path
        assert "<script src" not in path.read_text(encoding="utf-8")
