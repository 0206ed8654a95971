"""Ingest: headers, encodings, bad files and document ids."""

from pathlib import Path

import pytest

from pipeline.ingest import decode, discover, document_from_text, parse_header, read_document


@pytest.mark.parametrize(
    "text,expected_date,body",
    [
        (" date 2017-06 Het Iraakse leger", "2017-06", "Het Iraakse leger"),
        ("date 2019-03-14\nTekst", "2019-03-14", "Tekst"),
        ("  date 2017 Tekst", "2017", "Tekst"),
        ("Het Iraakse leger", None, "Het Iraakse leger"),
        ("dateline: Mosul", None, "dateline: Mosul"),
        ("Het leger date 2017-06", None, "Het leger date 2017-06"),
        (" date 2017-06", "2017-06", ""),
    ],
)
def test_parse_header(text, expected_date, body):
    doc_date, start, problem = parse_header(text)
    assert doc_date == expected_date
    assert text[start:] == body
    assert problem is None


@pytest.mark.parametrize("value", ["2017-13", "2017-02-30", "2017-6", "20170", "2017-06-1"])
def test_malformed_header_is_skipped_and_reported(value):
    text = f" date {value} Het leger rukt op."
    doc_date, start, problem = parse_header(text)
    assert doc_date is None
    assert text[start:] == "Het leger rukt op."
    assert value in problem


def test_malformed_header_becomes_a_warning():
    doc = document_from_text("a", " date 2017-13 Tekst")
    assert doc.doc_date is None
    assert doc.body == "Tekst"
    assert "malformed date header" in doc.warnings[0]


def test_explicit_date_overrides_header():
    doc = document_from_text("a", " date 2017-06 Tekst", doc_date="2019-03-14")
    assert doc.doc_date == "2019-03-14"
    assert doc.body == "Tekst"


def test_latin1_is_read_with_a_warning():
    text, warning = decode("Caféhouder in Curaçao".encode("latin-1"))
    assert text == "Caféhouder in Curaçao"
    assert "read as cp1252" in warning


def test_utf8_bom_is_dropped():
    text, warning = decode("\ufeffHallo".encode("utf-8"))
    assert (text, warning) == ("Hallo", None)


@pytest.mark.parametrize(
    "data,message",
    [(b"", "empty"), (b"  \n ", "empty"), (b"\x00\x01\x02binary", "binary"), (bytes(range(1, 32)) * 20, "binary")],
)
def test_bad_files_become_errors(tmp_path: Path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    doc = read_document(path, tmp_path)
    assert doc.doc_id == "bad"
    assert message in doc.error


def test_discover_ids_subfolders_and_skips(tmp_path: Path):
    (tmp_path / "sub dir").mkdir()
    (tmp_path / "sub dir" / "één.txt").write_text("Tekst", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tekst", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(outside)
    files, notes = discover(tmp_path)
    ids = [read_document(p, tmp_path).doc_id for p in files]
    assert ids == ["a", "sub dir/één"]
    assert any("notes.md" in n and "not a .txt" in n for n in notes)
    assert any("link.txt" in n and "symlink" in n for n in notes)
