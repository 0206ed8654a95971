"""Noun lemmas from spaCy's Dutch rule lemmatizer, on top of any other lemmatizer.

Measured on the held-out Alpino test treebank with our POS: the trained lemmatizer is the better
choice overall (93.5% against 93.0%), the rule lemmatizer for nouns (90.5% against 86.0%), and the
nouns are what figures count ("100.000 burgers" → burger). So nouns get the rule lemma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import POS
from spacy.lang.nl.lemmatizer import DutchLemmatizer as Lemmatizer
from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc
from spacy.util import load_language_data, registry

from .lexicon import NOMINALISED_PLURALS, PLURAL_NOUNS

POS_FOR_RULES = IDS["NOUN"]  # the part of speech that gets the rule lemma


class LemmaTables:
    """spaCy's Dutch lemma tables (spacy-lookups-data) as plain dicts, read like spaCy's ``Lookups``.

    spaCy's ``Table`` hashes every key into a Bloom filter as it loads: a second per process for the 213,000
    forms of the lookup table, where a dict of the same strings takes a tenth of it and answers the same.
    """

    def __init__(self, tables: dict[str, dict]) -> None:
        self.tables = tables

    def get_table(self, name: str, default: dict | None = None) -> dict:
        """The table ``name``; ``default`` if there is none (a KeyError without a default, as in spaCy)."""
        if name in self.tables:
            return self.tables[name]
        if default is None:
            raise KeyError(name)
        return default


def lemma_tables(lemmatizer: Lemmatizer) -> LemmaTables:
    """The tables the rule lemmatizer needs, its word index as sets (the tables ship lists: slow lookups)."""
    sources = registry.lookups.get("nl")
    required, _ = lemmatizer.get_lookups_config("rule")
    tables = {name: load_language_data(sources[name]) for name in required}
    tables["lemma_index"] = {pos: set(words) for pos, words in tables["lemma_index"].items()}
    return LemmaTables(tables)


def rule_lemmatizer(vocab, name: str) -> Lemmatizer:
    """spaCy's Dutch rule lemmatizer on :class:`LemmaTables`."""
    lemmatizer = Lemmatizer(vocab, model=None, name=name, mode="rule", overwrite=True)
    lemmatizer.lookups = lemma_tables(lemmatizer)
    return lemmatizer


class NounLemmatizer:
    """Re-lemmatize nouns with the rule lemmatizer (lookup tables from spacy-lookups-data)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.rules = noun_rules(nlp.vocab)
        self.cache: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        for i in numpy.flatnonzero(doc.to_array(POS) == POS_FOR_RULES).tolist():  # no Token for the other words
            token = doc[i]
            lemma = self.cache.get(token.text)
            if lemma is None:
                lemmas = self.rules.rule_lemmatize(token)
                lemma = lemmas[0] if lemmas else token.lemma_
                if len(self.cache) < 200_000:
                    self.cache[token.text] = lemma
            token.lemma_ = lemma
        return doc


@Language.factory("nl_noun_lemmas", assigns=["token.lemma"], requires=["token.pos"])
def make_noun_lemmatizer(nlp: Language, name: str) -> NounLemmatizer:
    """Factory for :class:`NounLemmatizer`."""
    return NounLemmatizer(nlp, name)


_NOUN_RULES: Lemmatizer | None = None


def noun_rules(vocab) -> Lemmatizer:
    """The process's one rule lemmatizer (its tables take half a second and tens of MB to load)."""
    global _NOUN_RULES
    if _NOUN_RULES is None:
        _NOUN_RULES = rule_lemmatizer(vocab, "noun_rules")
    return _NOUN_RULES


_COMMON_WORDS: frozenset[str] | None = None


def common_words(vocab) -> frozenset[str]:
    """The Dutch nouns, verbs, adjectives and adverbs of the rule lemmatizer's word index, lower case
    (built once per process: three entity rules share it)."""
    global _COMMON_WORDS
    if _COMMON_WORDS is None:
        _COMMON_WORDS = frozenset().union(*noun_rules(vocab).lookups.get_table("lemma_index").values())
    return _COMMON_WORDS


DOUBLED_PLURAL_RE = re.compile(r"^(.*([bdfgklmnprst]))\2en$")
OPEN_SYLLABLE_PLURAL_RE = re.compile(r"^(.*(?:[^aeiou]|[ei]))([aeou])([^aeiouyj])en$")


@dataclass(frozen=True)
class NounTables:
    """The noun tables of spaCy's Dutch lemmatizer: word index, irregular forms, lookup and suffix rules."""

    index: set[str]
    adjectives: set[str]
    exceptions: dict[str, list[str]]
    lookup: dict[str, str]
    rules: list[list[str]]


_NOUN_TABLES: NounTables | None = None


def noun_tables(vocab) -> NounTables:
    """The noun tables of the process's rule lemmatizer."""
    global _NOUN_TABLES
    if _NOUN_TABLES is None:
        lookups = noun_rules(vocab).lookups
        _NOUN_TABLES = NounTables(
            index=lookups.get_table("lemma_index")["noun"],
            adjectives=lookups.get_table("lemma_index")["adj"],
            exceptions=dict(lookups.get_table("lemma_exc").get("noun", {})),
            lookup=lookups.get_table("lemma_lookup"),
            rules=lookups.get_table("lemma_rules")["noun"],
        )
    return _NOUN_TABLES


def known_lemma(word: str, tables: NounTables) -> str | None:
    """The lemma of a lower-case noun the lexicon knows as a form (plural, diminutive), or None."""
    if word.endswith("jes"):
        return word[:-1]  # "rondjes" -> rondje, not the lookup's "ronde"
    if word.endswith("ies") and len(word) > 5 and word not in tables.index:
        return word[:-1]  # a plural of "-ie": "koppies" -> koppie (spoken "kopjes"), not the lookup's "kop"; not "verlies"
    listed = listed_lemma(word, tables)
    if listed is not None:
        return listed
    if word.endswith("sten") and word[:-4] in tables.adjectives:
        return word[:-1]  # a superlative as a noun: "de jongsten" -> jongste, not the young animal "jong"
    looked_up = tables.lookup.get(word)
    if looked_up and looked_up != word and looked_up in tables.index:
        return looked_up
    if word.endswith("en") and word[:-1] in tables.index:
        return word[:-1]  # nouns from adjectives, listed in their plural too: "jongeren" -> jongere
    if word in tables.index:
        return word
    for old, new in tables.rules:
        form = word[: len(word) - len(old)] + new if word.endswith(old) else ""
        if form and form in tables.index:
            return form
    return None


def listed_lemma(word: str, tables: NounTables) -> str | None:
    """The lemma the lexicon lists for an irregular form, or None: "kinderen" -> kind; a noun whose
    dictionary form is its plural stays ("kosten", not "kost", a living); "uitgaven" -> uitgave, not the
    older "uitgaaf"."""
    if word in PLURAL_NOUNS:
        return word
    if word in NOMINALISED_PLURALS:
        return NOMINALISED_PLURALS[word]  # "werkende armen" -> arme, not the limb
    exception = tables.exceptions.get(word)
    if not exception or len(exception[0]) > len(word):
        return None  # "jongere" -> "jongeren" is listed the wrong way round
    if exception[0].endswith("f") and word.endswith("ven") and word[:-1] in tables.index:
        return word[:-1]
    return exception[0]


@lru_cache(maxsize=50_000)
def _lemma_of_word(word: str, demonym: bool) -> str:
    tables = _NOUN_TABLES
    assert tables is not None
    listed = listed_lemma(word, tables)
    if listed is not None:
        return listed
    if demonym:
        for split in range(2, len(word) - 3):
            head = listed_lemma(word[split:], tables)
            if head:
                return word[:split] + head  # "Statenleden" -> statenlid, not a demonym
    syllable = OPEN_SYLLABLE_PLURAL_RE.match(word)
    if demonym and syllable:  # "Roemenen" -> roemeen, "Marokkanen" -> marokkaan
        return syllable[1] + syllable[2] * 2 + syllable[3]
    doubled = DOUBLED_PLURAL_RE.match(word)
    if demonym and doubled:  # "Britten" -> brit
        return doubled[1]
    known = known_lemma(word, tables)
    if known is not None:
        return known
    if word.endswith(("ers", "ërs", "'s")):
        return word[: -2 if word.endswith("'s") else -1]  # "ict'ers", "Gelderlanders", "Australiërs", "f-35's"
    for split in range(2, len(word) - 4):  # a compound inflects its last part: "collegabedrijven"
        head = known_lemma(word[split:], tables)
        if head is not None:
            return word[:split] + head
    if doubled:  # "britten" -> brit
        return doubled[1]
    return word


def head_noun_lemma(word: str, vocab) -> str:
    """The dictionary form of a noun, checked against the lexicon: singular, lower case, and for a
    compound the lemma of its last part ("voltijdsleraren" -> voltijdsleraar, "kabinetten-Rutte" -> kabinet)."""
    noun_tables(vocab)
    parts = word.split("-")
    if len(parts) > 1 and parts[0].islower() and parts[-1][:1].isupper() and parts[-1][1:].islower():
        word = parts[0]  # "kabinetten-Rutte": a noun and the name it belongs to
    head, dash, last = word.lower().rpartition("-")
    if not last:
        return word.lower()
    return head + dash + _lemma_of_word(last, demonym=not dash and word[:1].isupper() and word[1:].islower())


def is_known_noun(word: str, vocab) -> bool:
    """Whether the lexicon knows ``word`` as a noun or the form of one ("quaestoren", "belangstellenden")."""
    lower = word.lower()
    return not lower.endswith("jes") and known_lemma(lower, noun_tables(vocab)) is not None


def is_verb_form(word: str, vocab) -> bool:
    """Whether the lexicon knows ``word`` as a form of a verb ("kost", "daalt"), so a noun reading is doubtful."""
    lookups = noun_rules(vocab).lookups
    verbs = lookups.get_table("lemma_index").get("verb", set())
    lower = word.lower()
    return lower in verbs or lookups.get_table("lemma_lookup").get(lower, lower) in verbs or \
        lower in lookups.get_table("lemma_exc").get("verb", {})


def comparative_of(word: str, vocab) -> str | None:
    """The adjective a comparative form is made of, undoing the spelling changes of "-er" ("groener" -> groen,
    "sneller" -> snel, "groter" -> groot, "duurder" -> duur, "liever" -> lief), or None; "harder" is a fish
    and "ouder" a parent too, so the context decides which."""
    lower = word.lower()
    if not lower.endswith("er") or len(lower) < 5:
        return None
    adjectives = noun_tables(vocab).adjectives
    base = lower[:-2]
    candidates = [base, base[:-1] if base.endswith("rd") else "", base[:-1] if base[-1] == base[-2] else "",
                  base[:-1] + base[-2] + base[-1] if len(base) > 2 and base[-2] in "aeou" and base[-3] not in "aeiou" else "",
                  base[:-1] + {"v": "f", "z": "s"}.get(base[-1], base[-1])]
    return next((form for form in candidates if form and form != lower and form in adjectives), None)


def is_inflected_adjective(word: str, vocab) -> bool:
    """Whether ``word`` is an adjective with the ending "-e" of attributive use ("circulaire", "constante"), also
    where the lexicon lists the inflected form only as a noun."""
    lower = word.lower()
    return lower.endswith("e") and (is_adjective(lower, vocab) or is_adjective(lower[:-1], vocab))


def is_noun_lemma(word: str, vocab) -> bool:
    """Whether the lexicon lists ``word`` itself as a noun ("diepte"), whatever else it may be a form of."""
    return word.lower() in noun_tables(vocab).index


def is_adjective(word: str, vocab) -> bool:
    """Whether the lexicon lists ``word`` as an adjective or the form of one ("volwassen", "groener")."""
    lookups = noun_rules(vocab).lookups
    adjectives = lookups.get_table("lemma_index").get("adj", set())
    lower = word.lower()
    return lower in adjectives or lookups.get_table("lemma_lookup").get(lower, lower) in adjectives
