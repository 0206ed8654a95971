"""The Dutch news tokenizer rules."""

import pytest

from pipeline.tokens import token_texts

CASES = [
    ("Het groeide 12,5% dit jaar", ["Het", "groeide", "12,5", "%", "dit", "jaar"]),
    ("een gebied van 40km²", ["een", "gebied", "van", "40", "km²"]),
    ("een gebied van 3 km².", ["een", "gebied", "van", "3", "km²", "."]),
    ("Zo’n 700.000 mensen", ["Zo’n", "700.000", "mensen"]),
    ("nog zo'n 700.000", ["nog", "zo'n", "700.000"]),
    ("het was 30°C", ["het", "was", "30", "°C"]),
    ("1.234,56 euro", ["1.234,56", "euro"]),
    ("o.a. in Mosul", ["o.a.", "in", "Mosul"]),
    ("de IS-strijders", ["de", "IS-strijders"]),
    ("een zetel voor de PvdA. Deze partij", ["een", "zetel", "voor", "de", "PvdA", ".", "Deze", "partij"]),
    ("terug naar de VS. Daar", ["terug", "naar", "de", "VS", ".", "Daar"]),
    ("een lening van ING. Maar", ["een", "lening", "van", "ING", ".", "Maar"]),
    ("Dhr. Jansen, zie blz. 4", ["Dhr.", "Jansen", ",", "zie", "blz.", "4"]),
    ("Ajax vs. PSV", ["Ajax", "vs.", "PSV"]),
    ("J.P. Balkenende", ["J.P.", "Balkenende"]),
    ("Jan (8) speelt", ["Jan", "(", "8", ")", "speelt"]),  # no emoticon "8)"
    ("won met 2 :3", ["won", "met", "2", ":", "3"]),
    ("minder dan <3 procent", ["minder", "dan", "<", "3", "procent"]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_news_tokenization(nl_tokenizer, text, expected):
    assert [t.text for t in nl_tokenizer(text)] == expected


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_token_texts_read_from_the_array_are_the_token_texts(nl_tokenizer, text, expected):
    assert token_texts(nl_tokenizer(text)) == expected
