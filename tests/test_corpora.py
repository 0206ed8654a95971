"""End to end on real corpora beside the project (skipped where ../shared is absent)."""

import json
from pathlib import Path

import pipeline
from pipeline.evaluate import evaluate_file
from pipeline.model import get_nlp

from .conftest import shared_path


def test_extract_dpgmedia_articles(tmp_path: Path):
    articles = shared_path("corpora", "dpgmedia2019", "articles.jsonl")
    raw = tmp_path / "raw"
    raw.mkdir()
    texts = {}
    with open(articles, encoding="utf-8") as handle:
        for line, _ in zip(handle, range(25)):
            article = json.loads(line)
            text = f" date {article['published_at'][:10]} {article['title']}\n\n{article['text']}"
            (raw / f"{article['id']}.txt").write_text(text, encoding="utf-8")
            texts[str(article["id"])] = text
    tables = pipeline.aggregate(pipeline.run(raw, tmp_path / "out"))
    assert (tables.documents.status == "ok").all()
    for name in ("entities", "dates", "figures"):
        assert len(tables[name]) > 25, name
        for row in tables[name].itertuples():
            assert texts[row.doc_id][row.start_char : row.end_char] == row.text
    assert tables.dates.value.str.fullmatch(r"\d{4}.*|\d{2}|\d{3}X|P\w+|(PAST|PRESENT|FUTURE)_REF|XXXX.*|").all()
    assert len(tables.entity_summary) > 50 and tables.timeline.documents.sum() == 25


def test_ner_on_a_slice_of_conll_testa(tmp_path: Path):
    testa = shared_path("corpora", "conll2002-nl", "ned.testa")
    lines = testa.read_text(encoding="utf-8").splitlines()[:6000]
    sample = tmp_path / "testa-slice.conll"
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = evaluate_file(sample, get_nlp(None))
    assert result["overall"]["f"] > 0.6, result["overall"]
