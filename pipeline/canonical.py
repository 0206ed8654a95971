"""Canonical entities: one name and one label per entity within a document, stable ids across documents.

Within a document, mentions are grouped when they are the same name up to case, diacritics, a
leading article or a genitive ending ("Syriës" → "Syrië"), when an acronym matches the initials of
another mention ("IS" ↔ "Islamitische Staat"), when a surname ends a full name mentioned before
("al-Saadi" → "Abdel Wahab al-Saadi"; a one-word mention that ends a full person name is that
person whatever label it got alone), or when a hyphenated compound starts with a known name
("IS-strijders" → "IS"). A group's canonical name is its longest full form; its label is the one
most of its mentions got (one sense per discourse), a known place name tipping a tie to LOC.
Places get a country code and coordinates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from .aliases import surname_form
from .entities import set_ents  # also registers span._.source, which the canonicalizer reads
from .names import (
    ACRONYM_RE,
    COMPOUND_RE,
    INITIAL_SKIP,
    MIXED_ACRONYM_RE,
    canonical_name,
    entity_id,
    initials,
    match_key,
    strip_genitive,
)
from .places import lookup_place
from .tokens import token_texts

for _name in ("canonical", "entity_id", "country_code", "latitude", "longitude"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

PROPAGATED = frozenset({"LOC", "PER", "ORG"})
# A label the words around a mention state ("scheepsbouwer Heesen") outweighs any number of the model's guesses
# on the bare mentions of the name; a rule that guesses from the odds ("in" before a name) votes as the model does.
# (Across documents, resolution.CONTEXT_SOURCES decides which documents keep their label against the corpus vote.)
CONTEXT_WEIGHT = 100
GUESSING_SOURCES = ("model", "nl_place_prepositions")


def resolve_mentions(mentions: list[tuple[str, str]], from_context: set[int] = frozenset()) -> list[tuple[str, str]]:
    """(canonical name, label) for each (text, label) mention of one document, in order.

    The mentions of ``from_context`` (indices) got their label from the words around them ("ziekenhuis
    Rijnstate"): that is better evidence than the model's guess on a bare mention, and weighs more.
    """
    names = [canonical_name(text) for text, _ in mentions]
    known = {match_key(n) for n in names}
    names = [strip_genitive(n, known) for n in names]
    known = {match_key(n) for n in names}
    # group id per mention: start with the folded name itself
    group = [match_key(n) for n in names]
    by_key = {}
    for name, key in zip(names, group):
        by_key.setdefault(key, name)
    multiword = [n for n in dict.fromkeys(names) if " " in n]
    # last word → the first multi-word name (of anything / of a person) that ends in it
    full_name_of: dict[str, str] = {}
    for name in multiword:
        full_name_of.setdefault(name.split()[-1], name)
    person_by_surname: dict[str, str] = {}
    person_by_particle_surname: dict[str, str] = {}  # "de bie" → "Eric de Bie"
    for name, (_, label) in zip(names, mentions):
        if label == "PER" and " " in name:
            person_by_surname.setdefault(name.split()[-1], name)
            surname = surname_form(name)
            if surname and " " in surname:
                person_by_particle_surname.setdefault(match_key(surname), name)
    # a name the context called something else than a person is nobody's surname ("Heesen" the shipyard
    # beside its founder "Frans Heesen")
    context_labelled = {match_key(names[i]) for i in from_context if mentions[i][1] != "PER"}
    surname_mentions = set()
    for i, name in enumerate(names):
        compound = COMPOUND_RE.match(name)
        if compound and match_key(compound["name"]) in known:
            group[i] = match_key(compound["name"])
            continue
        if ACRONYM_RE.match(name):
            expansions = [m for m in multiword if initials(m) == name]
            if expansions:
                group[i] = match_key(max(expansions, key=len))
            continue
        key = match_key(name)
        if " " in name and key in person_by_particle_surname and key not in context_labelled and \
                lookup_place(name) is None:
            group[i] = match_key(person_by_particle_surname[key])  # "De Bie" after "Eric de Bie", whatever its label
            surname_mentions.add(i)
        elif mentions[i][1] == "PER" and " " not in name and key not in context_labelled:
            fuller = full_name_of.get(name)
            if fuller:
                group[i] = match_key(fuller)
        elif " " not in name and not MIXED_ACRONYM_RE.match(name) and key not in context_labelled:
            # "Leleux" after "Olivier Leleux" is his surname, whatever the model made of it alone;
            # "Gent" after "Jan van Gent" stays the place, and "PvdA" the party
            person = person_by_surname.get(name)
            if person and lookup_place(name) is None:
                group[i] = match_key(person)
                surname_mentions.add(i)
    # acronyms whose expansion group was redirected follow it; compounds of acronyms too
    for i, key in enumerate(group):
        if key in known and ACRONYM_RE.match(by_key.get(key, "")):
            expansions = [m for m in multiword if initials(m) == by_key[key]]
            if expansions:
                group[i] = match_key(max(expansions, key=len))
    labels: dict[str, Counter[str]] = {}
    forms: dict[str, Counter[str]] = {}
    for i, ((text, label), name, key) in enumerate(zip(mentions, names, group)):
        # the full form's label wins ties; a compound ("IS-strijders") is weaker evidence of the name's label
        weight = 1.01 if match_key(name) == key else 0.5 if COMPOUND_RE.match(name) else 1.0
        weight *= CONTEXT_WEIGHT if i in from_context and not COMPOUND_RE.match(name) else 1
        labels.setdefault(key, Counter())["PER" if i in surname_mentions else label] += weight
        if match_key(name) == key:
            forms.setdefault(key, Counter())[name] += 1
    result = []
    for (_, own_label), name, key in zip(mentions, names, group):
        canonical = forms[key].most_common(1)[0][0] if key in forms else by_key.get(key, key)
        if COMPOUND_RE.match(name):
            result.append((canonical, own_label))  # "IS-strijders" names a group of people, not IS itself
            continue
        votes = Counter(labels[key])
        if "LOC" in votes and lookup_place(canonical) is not None:
            votes["LOC"] += 0.5  # a known place breaks a tie towards LOC
        label, weight = votes.most_common(1)[0]
        result.append((canonical, label if weight > sum(votes.values()) / 2 else own_label))
    return result


def expand_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """Spell-outs of the document's acronym entities become entities with the acronym's label.

    With "IS" tagged ORG, "terreurgroep Islamitische Staat" gets "Islamitische Staat" as ORG, even
    where the model read "Islamitische" as an adjective (MISC). A spell-out is a run of capitalised
    words (function words such as "van" allowed inside) whose initials are the acronym; it may swallow
    entities inside it, but never cuts one or relabels one of exactly its extent.
    """
    acronyms: dict[str, str] = {}
    for ent in ents:
        if len(ent) == 1 and ACRONYM_RE.match(ent.text) and ent.text.isalpha():
            acronyms.setdefault(ent.text, ent.label_)
    if not acronyms:
        return ents
    texts = token_texts(doc)
    capitalised = [text[:1].isupper() and is_capitalised_word(text) for text in texts]  # most words: one test
    ents = list(ents)
    i = 0
    while i < len(doc):
        span = spell_out(doc, i, texts, capitalised, acronyms) if capitalised[i] and texts[i] not in acronyms else None
        inside = [e for e in ents if e.start < span.end and span.start < e.end] if span is not None else []
        if span is None or any(e.start < span.start or e.end > span.end or e.start == span.start and e.end == span.end for e in inside):
            i += 1
            continue
        ents = [e for e in ents if e not in inside] + [span]
        i = span.end
    return sorted(ents, key=lambda span: span.start)


def is_capitalised_word(text: str) -> bool:
    """A word that can be part of a spelled-out name: every part capitalised, not a function word."""
    return (
        text[:1].isupper()
        and text.lower() not in STOP_WORDS
        and all(part[:1].isupper() and part.isalpha() for part in text.split("-"))
    )


def spell_out(doc: Doc, start: int, texts: list[str], capitalised: list[bool], acronyms: dict[str, str]) -> Span | None:
    """The span from ``start`` whose capitalised words' initials are one of ``acronyms``, if any."""
    letters = ""
    for j in range(start, min(len(doc), start + 12)):
        if capitalised[j]:
            letters += initials(texts[j])
            if letters in acronyms:
                return Span(doc, start, j + 1, label=acronyms[letters])
            if len(letters) >= 7:
                return None
        elif texts[j].lower() not in INITIAL_SKIP:
            return None
    return None


def propagate(doc: Doc, ents: Sequence[Span]) -> list[Span]:
    """The entities ``ents`` of ``doc`` plus every other occurrence of a recognised name in the document (same
    label).

    A name the model found once is the same name elsewhere in the article ("Mosul" at the start of
    a sentence, where the model hesitated). Only capitalised names of places, persons and organisations
    spread: on ned.testa, spreading MISC costs more precision than it gains recall (organisations cost
    0.1 point there with the 0.3 model, and gain 0.1 on ned.testa and 0.3 on news-gold dev since 0.4).
    """
    ents = list(ents)
    taken = {i for e in ents for i in range(e.start, e.end)}
    texts = token_texts(doc)
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for ent in ents:
        if ent.text[:1].isupper() and len(ent.text) >= 2:
            votes.setdefault(tuple(texts[ent.start : ent.end]), Counter())[ent.label_] += 1
    names = {words: counts.most_common(1)[0][0] for words, counts in votes.items()}
    firsts = {words[0] for words, label in names.items() if label in PROPAGATED}
    positions: dict[str, list[int]] = {}  # of the first words of the names that spread only
    for i, text in enumerate(texts):
        if text in firsts:
            positions.setdefault(text, []).append(i)
    added = []
    for words, label in sorted(names.items(), key=lambda item: -len(item[0])):
        if label not in PROPAGATED:
            continue
        n = len(words)
        for i in positions.get(words[0], []):
            if tuple(texts[i : i + n]) == words and not any(k in taken for k in range(i, i + n)):
                added.append(Span(doc, i, i + n, label=label))
                taken.update(range(i, i + n))
    return sorted(ents + added, key=lambda span: span.start)


class Canonicalizer:
    """Set canonical names, consistent labels and place data on the entities of a document."""

    def __init__(self, name: str, *, places: bool = True, propagate: bool = True) -> None:
        self.name = name
        self.places = places
        self.propagate = propagate
        if places:
            lookup_place("Mosul")  # load the gazetteer with the pipeline, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        original = doc.ents
        before = {(ent.start, ent.end, ent.label_) for ent in original}
        expanded = expand_acronyms(doc, list(original))
        set_ents(doc, original, expanded)
        ents = propagate(doc, expanded) if self.propagate else expanded
        from_context = {i for i, ent in enumerate(ents) if ent._.source not in (*GUESSING_SOURCES, self.name)}
        resolved = resolve_mentions([(ent.text, ent.label_) for ent in ents], from_context)
        relabelled = []
        for ent, (canonical, label) in zip(ents, resolved):
            span = ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label)
            relabelled.append((span, canonical))
        set_ents(doc, expanded, [span for span, _ in relabelled])
        for span, canonical in relabelled:
            extension = span._
            if (span.start, span.end, span.label_) not in before:  # found or relabelled here
                extension.source = self.name
            extension.canonical = canonical
            extension.entity_id = entity_id(span.label_, canonical)
            if self.places and span.label_ == "LOC":
                place = lookup_place(canonical)
                if place is not None:
                    extension.country_code = place.country_code
                    extension.latitude = place.latitude
                    extension.longitude = place.longitude
        return doc


def identity(ent: Span) -> tuple[str, str]:
    """The canonical name and entity id of an entity as the canonicalizer set them; an entity it did not
    name (a pipeline without it) is named from its own text."""
    extension = ent._
    canonical = extension.canonical
    if canonical:
        return canonical, extension.entity_id
    name = canonical_name(ent.text)
    return name, entity_id(ent.label_, name)


@Language.factory(
    "nl_canonical",
    assigns=["doc.ents", "span._.canonical", "span._.entity_id", "span._.country_code"],
    requires=["doc.ents"],
    default_config={"places": True, "propagate": True},
)
def make_canonicalizer(nlp: Language, name: str, places: bool, propagate: bool) -> Canonicalizer:
    """Factory for :class:`Canonicalizer`."""
    return Canonicalizer(name, places=places, propagate=propagate)
