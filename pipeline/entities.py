"""Entity components: map any model's labels onto ours and clean entity spans."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Callable

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from thinc.api import Model

from .aliases import demonym_country, place_stems
from .gazetteer import (
    ENTITY_FLAGS,
    FIRST_NAME,
    LISTED_PLACE,
    ORGANISATION,
    PERSON,
    PLACE,
    SURNAME,
    gazetteer_layer,
    is_listed_name,
    known_only_as_place,
)
from .lemmas import common_words, is_known_noun
from .lexicon import (
    COMMON_NOUN_ACRONYMS,
    DEITIES,
    KIND_LIST_OPENERS,
    LEADING_WORDS,
    NAME_PARTICLES,
    PERSON_PLACE_PREPOSITIONS,
    PLACE_NOUNS,
    TITLE_PREFIXES,
    is_parliament_compound,
    is_street_name,
    is_title_word,
    names_a_vessel,
    names_a_work,
    names_an_organisation,
    names_an_organisation_kind,
)
from .names import INITIAL_RE
from .places import dutch_name_index, lookup_place, lookup_place_nl, organisation_territories, subdivisions
from .timex import MONTH_FULL
from .tokens import doc_text, token_lowers, token_texts

DEFAULT_LABEL_MAP: dict[str, str] = {
    "PER": "PER",
    "PERSON": "PER",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

MAX_TITLE_WORDS = 12
CLOSING_QUOTES = {"'": "'’", "‘": "’'", '"': '"”', "“": '”"', "„": '”"'}  # by opening quote
# an opening quote and a capitalised title up to its closing quote (an apostrophe inside a word, "Something's",
# is no closing quote); the word before it must be a noun for a work
QUOTED_TITLE_RE = re.compile(
    r"(?<=\s)(?P<open>['‘\"“„])(?P<title>[A-Z0-9À-Ý](?:[^'‘’\"“”„\n]|['’](?=[^\W_]))*?)(?P<close>['’\"”])(?![^\W_])"
)
WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\s+$")
PLACE_WORD_BLOCKERS = FIRST_NAME | SURNAME | PERSON | PLACE | LISTED_PLACE | ORGANISATION  # "Groninger" the surname
OPENERS = frozenset("'\"‘“(:-–—")  # after these a word is capitalised as at the start of a sentence
STRIP_CHARS = ".,;:!?\"'“”‘’«»()[]{}-–—/…*•"
# A month, with or without a year, is a date however it is capitalised ("Juli 2000" heading a sentence).
DATE_LIKE_RE = re.compile(rf"^(?:{MONTH_FULL})(?: \d{{4}})?$", re.IGNORECASE)

if not Span.has_extension("source"):
    Span.set_extension("source", default="model")


def map_label(label: str, mapping: dict[str, str]) -> str | None:
    """Our label for a model's label, or None when we do not keep it (DATE, MONEY, ...)."""
    return mapping.get(label)


NAME_COMPOUND_RE = re.compile(r"^([A-Z][\w&]*)-[a-zà-ÿ]{3,}$")
# a member or follower named after an organisation: "PVV'ers", "HvA'er", "GroenLinkser" (not "Zzp'er": a common noun)
MEMBER_WORD_RE = re.compile(r"^(?:([A-Z][\w&]*)['’](?:er|ers|ster|sters)|([A-Z][a-z]+[A-Z][a-zA-Z]+)(?:er|ers))$")
MAX_DATELINE_WORDS = 4
MAX_ACRONYM_LETTERS = 4  # "IMF" after a title is no dateline
MAX_NAME_PHRASE = 5  # words of a name before the one a compound ends in
NAME_PARTICLE_RE = re.compile(r"^(?:al|el|ul|bin|ibn|abu|ben)-[A-Z]")


def clean_bounds(span: Span) -> tuple[int, int]:
    """Token bounds of ``span`` without leading determiners, titles of persons and punctuation at either end."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].text in LEADING_WORDS or doc[start].text.strip(STRIP_CHARS).strip() == ""):
        start += 1
    while end > start and doc[end - 1].text.strip(STRIP_CHARS).strip() == "":
        end -= 1
    while span.label_ == "PER" and end - start > 1 and is_title_word(doc[start].text):
        start += 1  # "Kamerlid Fleur Agema", "oud-premier Balkenende": the title is no part of the name
    # Arabic names: "Abdel Wahab" + "al-Saadi" is one name
    while span.label_ == "PER" and end < len(doc) and NAME_PARTICLE_RE.match(doc[end].text) and \
            not any(doc[end].i in range(e.start, e.end) for e in doc.ents if e.start != span.start):
        end += 1
    return start, end


def opens_a_line(token: Token) -> bool:
    """Whether ``token`` opens the document, a sentence or a line."""
    return token.i == 0 or token.is_sent_start or not token.nbor(-1).text.strip()


def starts_with_common_words(span: Span) -> bool:
    """Whether ``span`` opens with a lower-case word that is no name particle and has a capitalised word
    further on: a phrase around a name ("slag om Mosul"), not a name ("van Gogh", "de Volkskrant" aside)."""
    first = span[0].text
    return (
        first[:1].islower()
        and first.lower() not in NAME_PARTICLES
        and not NAME_PARTICLE_RE.match(first)
        and any(t.text[:1].isupper() for t in span[1:])
    )


class EntityLabelMapper:
    """Relabel ``doc.ents`` to PER/LOC/ORG/MISC and drop labels outside our scheme."""

    def __init__(self, name: str, *, mapping: dict[str, str]) -> None:
        self.name = name
        self.mapping = dict(mapping)

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        kept = []
        for ent in ents:
            label = map_label(ent.label_, self.mapping)
            if label is not None:
                kept.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label))
        set_ents(doc, ents, kept)
        return doc


def is_title_before_name(span: Span) -> bool:
    """Whether ``span`` is one title word right before a capitalised word ("Rechtbankvoorzitter Gielen"); a
    title compound of a name ("VVD-Kamerlid") is a name compound (MISC), not this."""
    doc = span.doc
    text = span.text
    return (
        len(span) == 1 and span.end < len(doc) and doc[span.end].text[:1].isupper() and is_title_word(text)
        and ("-" not in text or text.lower().startswith(TITLE_PREFIXES))
    )


def is_lone_title(span: Span) -> bool:
    """Whether ``span`` is a person that is only a title word ("De Eurocommissaris wordt mikpunt", "Assistant
    Professor"), no name by the guideline; after another title or as the last word of a person named in full it is
    a surname ("Koning" after "Jan Koning", "zegt activeringscoach Leider" after "Cortessa Leider")."""
    if not (len(span) == 1 and span.label_ == "PER" and "-" not in span.text and is_title_word(span.text)):
        return False
    doc = span.doc
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PER" and len(ent) > 1}
    return span.text not in surnames and not (span.start > 0 and is_title_word(doc[span.start - 1].text))


class EntityCleaner:
    """Trim determiners, titles of persons and punctuation off entity spans ("het Iraakse leger" → "Iraakse
    leger", "Kamerlid Fleur Agema" → "Fleur Agema"); drop dates, spans without a letter ("6-2", "★") and a
    title tagged alone before a name and acronyms of common nouns ("ADHD", "IQ"); split a nationality word off the person or place it describes ("de
    Deen Dennis Andersen", "het Deense Herning"); drop a common noun run into a person's name ("Complicaties
    Ross").

    The split and the noun need the gazetteer of the project's NER (a nationality word may be a first name: "Noor",
    "Frans"); with another pipeline it is not made.
    """

    def __init__(self, name: str, *, layer: Model | None = None) -> None:
        self.name = name
        self.gazetteer = layer.attrs["gazetteer"] if layer is not None else None

    def nationality_split(self, span: Span) -> list[Span] | None:
        """``span`` as a nationality word (MISC) and the name after it, or None when it is not one."""
        if not self.gazetteer or span.label_ not in ("PER", "LOC", "MISC") or len(span) < 2:
            return None
        first, rest = span[0], span[1:]
        if not (demonym_country(first.text) and first.text[:1].isupper() and rest[0].text[:1].isupper()):
            return None
        before_first_name = is_listed_name(rest[0].text, self.gazetteer, FIRST_NAME)
        if is_listed_name(first.text, self.gazetteer, FIRST_NAME) or is_listed_name(
                first.text, self.gazetteer, SURNAME | PERSON) and not before_first_name:
            return None  # "Noor de Vries", "Frans Timmermans"; "Deen" (a surname too) before "Dennis" describes him
        if span.label_ == "LOC" and (lookup_place(rest.text) is None or lookup_place(span.text) is not None
                                     or len(rest) == 1 and is_known_noun(rest.text, span.doc.vocab)):
            return None  # "Russische Federatie", "Zuid-Afrikaanse Republiek", "Noorse Zee" are names of their own
        if span.label_ == "MISC" and not before_first_name:
            return None  # "Franse Revolutie", "Duitse Bondsdag": the whole is a name
        label = "PER" if span.label_ == "MISC" else span.label_  # "de Deen Dennis Andersen" read as one MISC
        return [relabelled(span[:1], "MISC", self.name), relabelled(rest, label, self.name)]

    def noun_before_name(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a person span opens with a capitalised common noun that no name list has, before a listed
        first name: a heading or a field run into the name ("Complicaties Ross", "hoogleraar
        Gebiedsontwikkeling Friso de Zeeuw")."""
        first = doc[start].text
        return bool(self.gazetteer) and end - start > 1 and first[:1].isupper() and \
            is_known_noun(first, doc.vocab) and not is_listed_name(first, self.gazetteer) and not demonym_country(first) and \
            is_listed_name(doc[start + 1].text, self.gazetteer, FIRST_NAME)

    def __call__(self, doc: Doc) -> Doc:
        cleaned = []
        ents = doc.ents
        for ent in ents:
            start, end = clean_bounds(ent)
            if ent.label_ == "PER" and start < end and self.noun_before_name(doc, start, end):
                start += 1
            text = doc[start:end].text
            if start >= end or DATE_LIKE_RE.match(text) or not any(c.isalpha() for c in text) or \
                    text.lower() in COMMON_NOUN_ACRONYMS or text in DEITIES:
                continue  # a date, a score ("3-1"), only symbols or emoji, an acronym of a common noun ("ADHD"), God
            span = ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)
            if starts_with_common_words(span) or is_title_before_name(span) or is_lone_title(span):
                continue  # "slag om Mosul": the name inside comes back through propagation
            cleaned.extend(self.nationality_split(span) or [span])
        set_ents(doc, ents, cleaned)
        return doc


class PlaceContext:
    """A name right after a geographic noun is a place ("de rivier Tigris", "de deelstaat Assam"), and so is a
    name that ends in a street or square ("Jacob Jordaensstraat", "Olympiaplein"): the text states its kind."""

    def __init__(self, name: str, *, nouns: list[str]) -> None:
        self.name = name
        self.nouns = frozenset(nouns)

    def is_place(self, ent: Span) -> bool:
        """Whether the words of or before ``ent`` make it a place."""
        return is_street_name(token_texts(ent.doc)[ent.end - 1]) or word_before(ent) in self.nouns

    def __call__(self, doc: Doc) -> Doc:
        relabel_where(doc, "LOC", self.is_place, self.name)
        return doc


class PlacePrepositions:
    """A name the NER took for a person right after a place preposition is a place ("in Geetbets", "uit
    Zinnik"). A guess from the odds, not a statement of the text: within a document it weighs as one more vote
    ("In Barrichello zagen de Brazilianen een opvolger" stays the driver named seventeen times)."""

    def __init__(self, name: str, *, prepositions: list[str]) -> None:
        self.name = name
        self.prepositions = frozenset(prepositions)

    def is_place(self, ent: Span) -> bool:
        """Whether ``ent`` is a person name right after a place preposition."""
        return ent.label_ == "PER" and word_before(ent) in self.prepositions

    def __call__(self, doc: Doc) -> Doc:
        relabel_where(doc, "LOC", self.is_place, self.name)
        return doc


class KnownPlaces:
    """A name the NER took for a person that the name lists know only as a place is a place ("Düsseldorf");
    a name CLDR lists among territories but that names an organisation is one ("Verenigde Naties").

    The lists are the gazetteer inside the project's NER; with a pipeline without one only the second
    rule applies. Acronyms are left alone: "AB" or "BA" is a place somewhere but rarely one in the news.
    """

    def __init__(self, name: str, *, layer: Model | None) -> None:
        self.name = name
        self.layer = layer

    def __call__(self, doc: Doc) -> Doc:
        organisations = organisation_territories()
        relabel_where(doc, "ORG", lambda ent: ent.label_ == "LOC" and ent.text in organisations, self.name)
        gazetteer = self.layer.attrs["gazetteer"] if self.layer is not None else None
        if gazetteer:
            texts = token_texts(doc)
            relabel_where(doc, "LOC", lambda ent: ent.label_ == "PER" and not ent.text.isupper()
                          and known_only_as_place(texts[ent.start : ent.end], gazetteer), self.name)
        return doc


class Datelines:
    """The place a news title ends in after its last full stop, written in lower or upper case, is a place:
    the dateline of the article ("Cel in om terreurleugen. parijs", "Nieuwe brug. DEN HAAG")."""

    def __init__(self, name: str) -> None:
        self.name = name
        dutch_name_index(), subdivisions()  # load the gazetteer's Dutch names with the pipeline, not on the first document

    def dateline(self, doc: Doc) -> Span | None:
        """The words after the title's last full stop, when they are written in one case and name a place."""
        texts = token_texts(doc)
        end = next((i for i, text in enumerate(texts) if "\n" in text and text.isspace()), None)
        if end is None:
            return None
        start = next((k + 1 for k in range(end - 1, -1, -1) if texts[k] == "."), None)
        if start is None or not 0 < end - start <= MAX_DATELINE_WORDS:
            return None
        words = doc[start:end].text
        if not (words.islower() or words.isupper() and len(words) > MAX_ACRONYM_LETTERS) or \
                not all(t.is_alpha or t.text in "-'/" for t in doc[start:end]):
            return None
        return doc[start:end] if lookup_place_nl(words) is not None else None

    def __call__(self, doc: Doc) -> Doc:
        span = self.dateline(doc)
        if span is None:
            return doc
        inside = [ent for ent in doc.ents if ent.start < span.end and span.start < ent.end]
        relabel = len(inside) == 1 and (inside[0].start, inside[0].end) == (span.start, span.end) \
            and inside[0].label_ != "LOC"  # the NER read the dateline as another kind of name
        if not inside or relabel:
            others = [ent for ent in doc.ents if ent not in inside]
            doc.ents = sorted([*others, relabelled(span, "LOC", self.name)], key=lambda ent: ent.start)
        return doc


class CommonWords:
    """A one-word name opening a sentence or line that is a common Dutch word and in no name list is no
    name ("Proces tegen ex-president Iliescu", "Nederlaag.", "Details kan hij nog niet geven"); nor is one
    a list holds that opens the title and is never written with a capital inside a sentence ("Rook boven
    de haven").

    Adjectives of names ("Nederlandse", "Londense") are left alone. Needs the gazetteer of the project's
    NER: with another pipeline the component does nothing, as "Shell" or "Ajax" would go too.
    """

    def __init__(self, name: str, *, layer: Model | None, words: frozenset[str]) -> None:
        self.name = name
        self.gazetteer = layer.attrs["gazetteer"] if layer is not None else None
        self.words = words

    def is_common_word(self, ent: Span) -> bool:
        """Whether ``ent`` is one capitalised common word at the start of a sentence or line."""
        if len(ent) != 1 or not self.gazetteer:
            return False
        token = ent[0]
        text = token.text
        return (
            (opens_a_line(token) or token.nbor(-1).text in OPENERS)
            and not text.isupper()
            and not text.lower().endswith(("se", "sche"))
            and (text.lower() in self.words or token.lemma_.lower() in self.words)
            and (not is_listed_name(text, self.gazetteer) or ent.label_ != "ORG" and self.opens_the_title_only(token))
        )

    @staticmethod
    def opens_the_title_only(token: Token) -> bool:
        """Whether ``token`` opens the document (its title) and its word is written nowhere else with a capital
        inside a sentence: "Rook boven de haven" is no name, "Flink" in "volgens Flink" would make it one (an
        organisation opening a title, "Europarlement", is left to the NER)."""
        return token.i == 0 and not any(t.text == token.text and not opens_a_line(t) for t in token.doc[1:])

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        set_ents(doc, ents, [ent for ent in ents if not self.is_common_word(ent)])
        return doc


def is_member_word(word: str) -> bool:
    """Whether a word names a member or follower after an organisation or group: "PVV'ers", "D66'er",
    "GroenLinksers"; not after an acronym of a common noun ("Zzp'er", "BMX'ers")."""
    match = MEMBER_WORD_RE.match(word)
    return bool(match) and (match.group(1) or match.group(2)).lower() not in COMMON_NOUN_ACRONYMS


class NameCompounds:
    """A word made of a name, a hyphen and a common word is MISC ("PVV-leider", "EU-landen",
    "Fulani-herders"), and so is a member named after an organisation ("PVV'ers", "GroenLinkser"),
    as in CoNLL-2002: the name is one of the lists or one the document tags elsewhere
    ("CO2-heffing", "Oud-links" and "Singer-songwriter" are no such words). Words already inside an entity
    keep it, but for the compounds of Kamer and Staten ("Statenverkiezingen", "Kamerleden") and of
    organisations of several words ("Forum voor Democratie-leider"), MISC whatever the NER made of them; a
    place stays one ("Al Nuri-moskee")."""

    def __init__(self, name: str, *, layer: Model | None, words: frozenset[str]) -> None:
        self.name = name
        self.gazetteer = layer.attrs["gazetteer"] if layer is not None else None
        self.words = words

    def is_name_compound(self, word: str, first: str, names: set[str]) -> bool:
        """Whether ``word`` is a compound of the name ``first`` (the part before the hyphen)."""
        if first[1:].islower() and first.lower() in self.words:
            return False
        return first in names or (bool(self.gazetteer) and is_listed_name(first, self.gazetteer, ENTITY_FLAGS))

    def name_phrase_before(self, texts: list[str], i: int, first: str, tagged: set[tuple[str, ...]]) -> int | None:
        """Where a name of several words starts that the compound at ``i`` ends ("Forum voor Democratie-leider",
        "Raad van State-advies"): a name of the lists or one the document tags whole (``tagged``); None without one."""
        words = texts[max(0, i - MAX_NAME_PHRASE) : i] + [first]
        for k in range(len(words) - 2, -1, -1):
            phrase = words[k:]
            listed = bool(self.gazetteer) and any(
                words_ == phrase for _, words_ in self.gazetteer["phrases"].get(phrase[0], ()))
            if listed or tuple(phrase) in tagged:
                return i - (len(words) - 1 - k)
        return None

    def phrase_compounds(self, doc: Doc, texts: list[str], compounds: dict[int, re.Match]) -> None:
        """The compounds of names of several words as one MISC span, in place of the entities inside them."""
        spans: list[Span] = []
        tagged = {tuple(texts[ent.start : ent.end]) for ent in doc.ents if len(ent) > 1}
        for i, match in compounds.items():
            start = self.name_phrase_before(texts, i, match.group(1), tagged) if i else None
            # an entity reaching into the phrase from outside keeps the NER's reading
            if start is not None and not any(e.start < start < e.end or e.start < i + 1 < e.end for e in doc.ents) \
                    and not (spans and start < spans[-1].end):
                spans.append(relabelled(doc[start : i + 1], "MISC", self.name))
        if spans:
            inside = {k for span in spans for k in range(span.start, span.end)}
            kept = [ent for ent in doc.ents if ent.start not in inside]
            doc.ents = sorted([*kept, *spans], key=lambda span: span.start)

    def __call__(self, doc: Doc) -> Doc:
        texts = token_texts(doc)
        compounds = {i: match for i, text in enumerate(texts) if "-" in text and (match := NAME_COMPOUND_RE.match(text))}
        self.phrase_compounds(doc, texts, compounds)
        ents = relabel_where(doc, "MISC", lambda ent: len(ent) == 1 and is_parliament_compound(ent.text)
                             or len(ent) > 1 and ent.label_ == "ORG" and NAME_COMPOUND_RE.match(texts[ent.end - 1]),
                             self.name)
        names = {text for ent in ents for text in texts[ent.start : ent.end]}
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        added = [
            relabelled(doc[i : i + 1], "MISC", self.name) for i, text in enumerate(texts) if i not in taken and (
                i in compounds and self.is_name_compound(text, compounds[i].group(1), names)
                or is_parliament_compound(text) or is_member_word(text))
        ]
        if added:
            doc.ents = sorted([*ents, *added], key=lambda span: span.start)
        return doc


class OrganisationContext:
    """A name right after a noun for a kind of organisation is one ("ziekenhuis Rijnstate", "scheepsbouwer
    Heesen", "onderzoeksbureau Telecompaper"), also when a list opens between them ("biowinkels (Marqt",
    "partijen als PVV"), and so is every next name of the list ("de waterschappen Vechtstromen en Rijn"); a
    capitalised word there that the NER passed over is one too ("ict-detacheerder PEAK-IT")."""

    def __init__(self, name: str, *, words: frozenset[str]) -> None:
        self.name = name
        self.words = words

    def unnamed(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Capitalised words after a kind of organisation that are in no entity and no common word."""
        found = []
        texts, lowers = token_texts(doc), token_lowers(doc)
        for i in range(1, len(texts)):
            text = texts[i]
            if (text[:1].isupper() and i not in taken and names_an_organisation_kind(lowers[i - 1])
                    and not doc[i].is_sent_start and not (text[1:].islower() and text.lower() in self.words)
                    and not INITIAL_RE.match(text)):  # "vragen de rechtbank S. geen straf op te leggen"
                span = Span(doc, i, i + 1, label="ORG")
                span._.source = self.name
                found.append(span)
        return found

    def __call__(self, doc: Doc) -> Doc:
        original = doc.ents
        ents = list(original)
        for i in kind_list_members(doc, ents):
            if ents[i].label_ != "ORG":
                ents[i] = relabelled(ents[i], "ORG", self.name)
        added = self.unnamed(doc, {i for ent in ents for i in range(ent.start, ent.end)})
        set_ents(doc, original, sorted([*ents, *added], key=lambda span: span.start))
        return doc


def kind_list_members(doc: Doc, ents: Sequence[Span]) -> list[int]:
    """The indices of the entities that name one of a kind of organisation: right after the noun for the kind,
    after a list opened there ("biowinkels (Marqt"), or next in that list ("HAN en Van Hall Larenstein"); after a
    comma only when one more name follows ("het bedrijf Huawei, Meng Wanzhou, klaagt" is an apposition)."""
    members: list[int] = []
    lowers = token_lowers(doc)
    for i, ent in enumerate(ents):
        before = word_before(ent)
        follows_member = bool(members) and members[-1] == i - 1 and ents[i - 1].end == ent.start - 1
        one_more = i + 1 < len(ents) and ents[i + 1].start == ent.end + 1 and lowers[ent.end] in ("en", ",")
        listed = follows_member and (before == "en" or before == "," and one_more)
        opened = before in KIND_LIST_OPENERS and ent.start > 1 and names_an_organisation_kind(lowers[ent.start - 2])
        if names_an_organisation_kind(before) or listed or opened:
            members.append(i)
    return members


class OrganisationHeads:
    """A name whose last word makes it an organisation is one, whatever the NER said ("Ledeboer Investments"
    as a person, "Rijksmuseum" as a place)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        texts = token_texts(doc)
        relabel_where(doc, "ORG", lambda ent: names_an_organisation(texts[ent.start : ent.end]), self.name)
        return doc


class PlaceWords:
    """A word made of a place name and an adjective or inhabitant ending is MISC, as the guideline says
    ("Hengelose", "Amsterdammers", "Bredanaars", "Rijenaar"): untagged, tagged as a place or an organisation (a person
    "Geels" keeps the NER's reading; untagged before a capital it is part of a name, "Hasseler Es"), and heading a
    place the NER ran it into ("Amsterdamse Apollolaan" → "Amsterdamse" + "Apollolaan"). The place must be one of
    the NER's gazetteer and the word no name of its own lists, nor a common word."""

    def __init__(self, name: str, *, layer: Model | None, words: frozenset[str]) -> None:
        self.name = name
        self.gazetteer = layer.attrs["gazetteer"] if layer is not None else None
        self.words = words

    def is_place_word(self, word: str) -> bool:
        """Whether ``word`` is the adjective or an inhabitant noun of a place the gazetteer lists."""
        lower = word.lower()
        if not word[:1].isupper() or not word.isalpha() or lower in self.words or lower in STOP_WORDS or \
                is_listed_name(word, self.gazetteer, PLACE_WORD_BLOCKERS):
            return False
        return any(is_listed_name(stem, self.gazetteer, PLACE | LISTED_PLACE) for stem in place_stems(word))

    def split(self, ent: Span) -> list[Span] | None:
        """``ent`` as a place word and the place after it, when it is one."""
        rest = ent[1:]
        if ent.label_ != "LOC" or len(ent) < 2 or not self.is_place_word(ent[0].text) or \
                known_only_as_place([t.text for t in ent], self.gazetteer):
            return None  # "Utrechtse Heuvelrug" is a place of its own
        if not (is_street_name(rest[-1].text) or known_only_as_place([t.text for t in rest], self.gazetteer)):
            return None
        return [relabelled(ent[:1], "MISC", self.name), relabelled(rest, "LOC", self.name)]

    def __call__(self, doc: Doc) -> Doc:
        if not self.gazetteer:
            return doc
        before = doc.ents
        ents: list[Span] = []
        for ent in before:
            if len(ent) == 1 and ent.label_ in ("LOC", "ORG") and self.is_place_word(ent.text):
                ents.append(relabelled(ent, "MISC", self.name))
            else:
                ents.extend(self.split(ent) or [ent])
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        texts = token_texts(doc)
        added = [relabelled(doc[i : i + 1], "MISC", self.name) for i, text in enumerate(texts)
                 if i not in taken and text[:1].isupper() and not doc[i].is_sent_start and self.is_place_word(text)
                 and not (i + 1 < len(texts) and texts[i + 1][:1].isupper())]  # "Hasseler Es": part of a name
        if added:
            ents = sorted([*ents, *added], key=lambda span: span.start)
        set_ents(doc, before, ents)
        return doc


class VesselNames:
    """A name right after a noun for a ship, aircraft or spacecraft is the vessel's, MISC whatever the NER made of
    it ("het bergingsschip Geosund", "het jacht Celestial Hope"); the text states its kind, so the label spreads to
    the bare mentions of the name."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        relabel_where(doc, "MISC", lambda ent: names_a_vessel(word_before(ent)), self.name)
        return doc


class WorkTitles:
    """A quoted title after a noun for a work is one MISC name, whatever the NER made of its words ("de
    Hollywoodfilm 'Something's Gotta Give'", "het grote onderzoek 'Seks onder je 25ste'"); a quoted sentence
    (ending in ".", "!" or "?") is no title."""

    def __init__(self, name: str) -> None:
        self.name = name

    def titles(self, doc: Doc) -> list[Span]:
        """The spans of the quoted titles of ``doc`` (without their quotes)."""
        found = []
        text = doc_text(doc)
        for match in QUOTED_TITLE_RE.finditer(text):
            title = match.group("title")
            noun = WORD_BEFORE_RE.search(text, max(0, match.start() - 40), match.start())
            if match.group("close") in CLOSING_QUOTES[match.group("open")] and noun and \
                    names_a_work(noun.group(1).lower()) and title[-1] not in ".!?" and \
                    len(title.split()) <= MAX_TITLE_WORDS:
                span = doc.char_span(match.start("title"), match.end("title"))
                if span is not None:
                    found.append(relabelled(span, "MISC", self.name))
        return found

    def __call__(self, doc: Doc) -> Doc:
        titles = self.titles(doc)
        if titles:
            inside = {i for span in titles for i in range(span.start, span.end)}
            kept = [ent for ent in doc.ents if not any(i in inside for i in range(ent.start, ent.end))]
            doc.ents = sorted([*kept, *titles], key=lambda span: span.start)
        return doc


def word_before(ent: Span) -> str:
    """The lower-case word right before ``ent``, empty at the start of the document: the kind-noun rules read it."""
    return token_lowers(ent.doc)[ent.start - 1] if ent.start > 0 else ""


def relabelled(ent: Span, label: str, source: str) -> Span:
    """``ent`` with another label, its ``source`` naming the rule that changed it."""
    span = Span(ent.doc, ent.start, ent.end, label=label)
    span._.source = source
    return span


def set_ents(doc: Doc, before: Sequence[Span], after: list[Span]) -> None:
    """Make ``after`` the entities of ``doc``, unless it holds just the spans ``before`` (``doc.ents`` as a rule
    read them) and every token already has its entity tag, which setting them would give: setting the
    entities costs a pass over every token, and the rules change few documents."""
    if len(after) != len(before) or any(new is not old for new, old in zip(after, before)) or \
            not doc.has_annotation("ENT_IOB", require_complete=True):
        doc.ents = after


def relabel_where(doc: Doc, label: str, accepts: Callable[[Span], bool], source: str) -> list[Span]:
    """Label ``label`` every entity of ``doc`` that has another label and that ``accepts`` takes, ``source`` naming
    the rule; the entities as they are now."""
    before = doc.ents
    after = [relabelled(ent, label, source) if ent.label_ != label and accepts(ent) else ent for ent in before]
    set_ents(doc, before, after)
    return after


@Language.factory(
    "nl_entity_labels",
    assigns=["doc.ents"],
    default_config={"mapping": DEFAULT_LABEL_MAP},
)
def make_entity_label_mapper(nlp: Language, name: str, mapping: dict[str, str]) -> EntityLabelMapper:
    """Factory for :class:`EntityLabelMapper`."""
    return EntityLabelMapper(name, mapping=mapping)


@Language.factory("nl_entity_cleaner", assigns=["doc.ents"])
def make_entity_cleaner(nlp: Language, name: str) -> EntityCleaner:
    """Factory for :class:`EntityCleaner`: reads the gazetteer of the pipeline's NER (add it after the NER)."""
    return EntityCleaner(name, layer=gazetteer_layer(nlp))


@Language.factory("nl_place_context", assigns=["doc.ents"], default_config={"nouns": list(PLACE_NOUNS)})
def make_place_context(nlp: Language, name: str, nouns: list[str]) -> PlaceContext:
    """Factory for :class:`PlaceContext`."""
    return PlaceContext(name, nouns=nouns)


@Language.factory(
    "nl_place_prepositions", assigns=["doc.ents"], default_config={"prepositions": list(PERSON_PLACE_PREPOSITIONS)}
)
def make_place_prepositions(nlp: Language, name: str, prepositions: list[str]) -> PlacePrepositions:
    """Factory for :class:`PlacePrepositions`."""
    return PlacePrepositions(name, prepositions=prepositions)


@Language.factory("nl_known_places", assigns=["doc.ents"])
def make_known_places(nlp: Language, name: str) -> KnownPlaces:
    """Factory for :class:`KnownPlaces`: reads the gazetteer of the pipeline's NER (add it after the NER)."""
    return KnownPlaces(name, layer=gazetteer_layer(nlp))


@Language.factory("nl_datelines", assigns=["doc.ents"])
def make_datelines(nlp: Language, name: str) -> Datelines:
    """Factory for :class:`Datelines`."""
    return Datelines(name)


@Language.factory("nl_place_words", assigns=["doc.ents"])
def make_place_words(nlp: Language, name: str) -> PlaceWords:
    """Factory for :class:`PlaceWords`: reads the gazetteer of the pipeline's NER (add it after the NER)."""
    return PlaceWords(name, layer=gazetteer_layer(nlp), words=common_words(nlp.vocab))


@Language.factory("nl_vessel_names", assigns=["doc.ents"])
def make_vessel_names(nlp: Language, name: str) -> VesselNames:
    """Factory for :class:`VesselNames`."""
    return VesselNames(name)


@Language.factory("nl_work_titles", assigns=["doc.ents"])
def make_work_titles(nlp: Language, name: str) -> WorkTitles:
    """Factory for :class:`WorkTitles`."""
    return WorkTitles(name)


@Language.factory("nl_organisation_heads", assigns=["doc.ents"])
def make_organisation_heads(nlp: Language, name: str) -> OrganisationHeads:
    """Factory for :class:`OrganisationHeads`."""
    return OrganisationHeads(name)


@Language.factory("nl_common_words", assigns=["doc.ents"])
def make_common_words(nlp: Language, name: str) -> CommonWords:
    """Factory for :class:`CommonWords`: reads the gazetteer of the pipeline's NER (add it after the NER)."""
    return CommonWords(name, layer=gazetteer_layer(nlp), words=common_words(nlp.vocab))


@Language.factory("nl_name_compounds", assigns=["doc.ents"])
def make_name_compounds(nlp: Language, name: str) -> NameCompounds:
    """Factory for :class:`NameCompounds`: reads the gazetteer of the pipeline's NER (add it after the NER)."""
    return NameCompounds(name, layer=gazetteer_layer(nlp), words=common_words(nlp.vocab))


@Language.factory("nl_organisation_context", assigns=["doc.ents"])
def make_organisation_context(nlp: Language, name: str) -> OrganisationContext:
    """Factory for :class:`OrganisationContext`."""
    return OrganisationContext(name, words=common_words(nlp.vocab))
