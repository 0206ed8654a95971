"""Dutch news tokenization rules on top of spaCy's Dutch tokenizer.

spaCy's Dutch defaults keep ``12,5%`` as one token and split ``zo’n`` (curly
apostrophe) in two; figures and dates need the number and the unit apart and
``zo'n`` whole, so these rules are applied to every pipeline we load.
"""

from __future__ import annotations

import re
from typing import Callable

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

APOSTROPHES = ("'", "’", "‘", "`", "´")
# spaCy's Dutch exceptions include an upper-case copy of every abbreviation ("VS." of "vs.", "ING." of
# "ing."); in news those are acronyms ending a sentence ("naar de VS. Daar").
UPPER_CASE_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z]*\.$")


def number_suffixes() -> list[str]:
    """Units glued to a number that become tokens of their own (``12,5%``, ``40km²``)."""
    return [
        r"(?<=[0-9])(?:%|‰|°C|°)",
        r"(?<=[0-9])(?:k?m|[cdm]m)[²³]",
    ]


def name_suffixes() -> list[str]:
    """A period after a mixed-case acronym ends the sentence (``de PvdA.``)."""
    return [r"(?<=[a-z][A-Z])\."]


def is_acronym_copy(text: str) -> bool:
    """Whether a special case is the upper-case copy of an abbreviation ("VS.", "ING.", not "Dhr.")."""
    return bool(UPPER_CASE_ABBREVIATION.match(text)) and sum(c.isupper() for c in text) >= 2


def is_number_emoticon(text: str) -> bool:
    """Whether a special case is an emoticon made of a digit and brackets or a colon ("8)", ":3", "<3"): in news
    those are numbers ("Jan (8)", "won met 2:3")."""
    return any(c.isdigit() for c in text) and not any(c.isalpha() for c in text) and any(c in "()-:=<" for c in text)


def special_cases() -> dict[str, list[dict]]:
    """Words with an apostrophe that must stay one token (``zo'n``, ``Zo’n``)."""
    cases: dict[str, list[dict]] = {}
    for word in ("zo", "Zo", "ZO"):
        for apostrophe in APOSTROPHES:
            text = f"{word}{apostrophe}n"
            cases[text] = [{ORTH: text}]
    return cases


def news_suffixes(defaults_suffixes: list[str]) -> re.Pattern:
    """The suffix pattern: our suffixes first, then the language's own."""
    ours = number_suffixes() + name_suffixes()
    return compile_suffix_regex(ours + [s for s in defaults_suffixes if s not in ours])


def news_rules(rules: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The special cases of ``rules`` without acronym copies and number emoticons, with ours added."""
    kept = {text: case for text, case in rules.items() if not is_acronym_copy(text) and not is_number_emoticon(text)}
    return {**kept, **special_cases()}


def customize_tokenizer(tokenizer: Tokenizer, defaults_suffixes: list[str]) -> None:
    """Add the Dutch news rules to ``tokenizer`` in place."""
    pattern = news_suffixes(defaults_suffixes)
    rules = tokenizer.rules or {}
    ours = news_rules(rules)
    # setting either re-tokenizes every special case (about half a second a load): the suffixes are set while
    # there are none, so that the rules are loaded once; a pipeline saved with them has both already
    if getattr(tokenizer.suffix_search, "__self__", None) != pattern:
        tokenizer.rules = {}
        tokenizer.suffix_search = pattern.search
        tokenizer.rules = ours
    elif ours != rules:
        tokenizer.rules = ours


def apply_news_rules(nlp: Language) -> None:
    """Apply the Dutch news rules to the tokenizer of any loaded pipeline."""
    customize_tokenizer(nlp.tokenizer, list(nlp.Defaults.suffixes or []))


@registry.tokenizers("pipeline.dutch_news_tokenizer.v1")
def create_dutch_news_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's Dutch tokenizer with the news rules, for use in training configs."""

    def make_tokenizer(nlp: Language) -> Tokenizer:
        # spaCy's own factory ("spacy.Tokenizer.v1") with our suffixes and special cases given at once: changing
        # them afterwards would re-tokenize every special case again (a loaded pipeline builds this one too)
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=news_rules(dict(defaults.tokenizer_exceptions)),
            prefix_search=compile_prefix_regex(defaults.prefixes).search,
            suffix_search=news_suffixes(list(defaults.suffixes)).search,
            infix_finditer=compile_infix_regex(defaults.infixes).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make_tokenizer
