"""The other names a name goes by: surnames, short forms, acronyms, plurals, and nationality words.

Pure string functions, the building blocks of the corpus-level resolution (``pipeline/resolution.py``):
each gives the forms under which another name in the corpus may be the same entity.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import DEMONYMS, NAME_PARTICLES, QUALIFYING_WORDS, is_title_word
from .names import ACRONYM_RE, INITIAL_SKIP, MIXED_ACRONYM_RE, initials, match_key

VOWELS = frozenset("aeiouy")
LONG_VOWEL_END_RE = re.compile(r"(aa|ee|oo|uu)([^aeiouy])$")
SHORT_VOWEL_END_RE = re.compile(r"(?:^|[^aeiouy])[aeiou][bdfgklmnprst]$")
UNSTRESSED_END_RE = re.compile(r"[^e]e[lmnr]$")  # Nederlander, Oekraïner: plural in -s
VOWEL_GROUP_RE = re.compile(r"[aeiouyëïéèö]+")
VOICED = {"s": "z", "f": "v"}


def is_acronym(name: str) -> bool:
    """Whether ``name`` is written as an acronym: ``EU``, ``VS``, ``PvdA``, ``FvD``."""
    return bool(ACRONYM_RE.match(name) or MIXED_ACRONYM_RE.match(name))


def surname_form(name: str) -> str | None:
    """The surname a full person name is referred to by, particles included: ``Mark Rutte`` → ``Rutte``,
    ``Frenkie de Jong`` → ``de Jong``; None for a single word or a name of particles and a surname only."""
    words = name.split()
    start = len(words) - 1
    while start > 0 and words[start - 1].lower() in NAME_PARTICLES:
        start -= 1
    head = words[:start]
    if not head or is_title_word(head[0]) or not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in head):
        return None  # "Coach Max", "Toos & Henk" are no full names
    return " ".join(words[start:])


def leading_form(name: str) -> str | None:
    """The head of a name before a qualifying word: ``Forum voor Democratie`` → ``Forum``,
    ``Verenigde Staten van Amerika`` → ``Verenigde Staten``; None when there is none."""
    words = name.split()
    for i, word in enumerate(words[1:-1], start=1):
        if word in QUALIFYING_WORDS:
            head = words[:i]
            return " ".join(head) if all(w[:1].isupper() for w in head) else None
    return None


def acronym_forms(name: str) -> set[str]:
    """Acronyms a multi-word name may be written as: its capitals' initials (``Europese Unie`` → ``EU``)
    and those with its function words in lower case (``Partij van de Arbeid`` → ``PvdA``)."""
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return set()
    forms = {initials(name)}
    if all(w[:1].isupper() or w.lower() in INITIAL_SKIP for w in words):
        forms.add("".join(w[0] if w[:1].isupper() else w[0].lower() for w in words))
    return {form for form in forms if len(form) >= 2 and is_acronym(form)}


def plural_forms(noun: str) -> set[str]:
    """The Dutch plurals a noun may take: ``Nederlander`` → ``Nederlanders``, ``Amerikaan`` → ``Amerikanen``,
    ``Rus`` → ``Russen``, ``Chinees`` → ``Chinezen``, ``Fransman`` → ``Fransen``, ``Thai`` → ``Thais``."""
    low = noun.lower()
    if not low or not low[-1].isalpha():
        return set()
    if low[-1] in VOWELS:
        return {noun + "s", noun + "'s"}
    if low.endswith("man") and len(low) > 4:
        return {noun[:-3] + "en"}
    if low.endswith("ër") or UNSTRESSED_END_RE.search(low) and len(VOWEL_GROUP_RE.findall(low)) > 1:
        return {noun + "s"}
    long_vowel = LONG_VOWEL_END_RE.search(low)
    if long_vowel:
        consonant = long_vowel.group(2)
        return {noun[: long_vowel.start()] + noun[long_vowel.start()] + VOICED.get(consonant, consonant) + "en"}
    if SHORT_VOWEL_END_RE.search(low):
        return {noun + noun[-1] + "en"}
    return {noun + "en"}


def inflected(adjective: str) -> str:
    """The inflected form of an adjective: ``Nederlands`` → ``Nederlandse``, ``Chinees`` → ``Chinese``."""
    long_vowel = LONG_VOWEL_END_RE.search(adjective)
    if long_vowel:
        return adjective[: long_vowel.start()] + long_vowel.group(1)[0] + long_vowel.group(2) + "e"
    return adjective + "e"


@lru_cache(maxsize=1)
def demonym_countries() -> dict[str, str]:
    """Folded nationality word → ISO 3166 country code: adjectives in both forms, inhabitants and their plurals."""
    table: dict[str, str] = {}
    for code, (adjectives, people) in DEMONYMS.items():
        forms = [form for adjective in adjectives.split() for form in (adjective, inflected(adjective))]
        forms += [form for person in people.split() for form in (person, *plural_forms(person))]
        for form in forms:
            table.setdefault(match_key(form), code)
    return table


# endings of the words for a place's adjective and inhabitants, each with the endings a stem may have lost:
# "Amsterdamse", "Twentse" (Twente), "Groningse" (Groningen), "Goudse" (Gouda), "Drentse" (Drenthe), "Bredanaars",
# "Rijenaar", "Utrechter", "Amsterdammers". Not the bare "-s": "Eindhovens" is also the genitive "Ruslands".
PLACE_WORD_ENDINGS = (
    ("naren", ("",)), ("naars", ("",)), ("naar", ("",)),
    ("aren", ("",)), ("aars", ("",)), ("aar", ("",)),
    ("se", ("", "e", "en", "a", "he")),
    ("ers", ("", "en")), ("er", ("", "en")),
)
MIN_PLACE_STEM = 4  # "Pulse" is no word of Pula


def place_stems(word: str) -> list[str]:
    """The place names ``word`` may be the adjective or an inhabitant of, most likely first: ``Hengelose`` →
    ``Hengelo``, ``Bredanaars`` → ``Breda``, ``Amsterdammers`` → ``Amsterdam``; an inhabitant in "-er" follows a
    consonant ("Wanneer" is no word of Wanne)."""
    stems: list[str] = []
    for ending, restored in PLACE_WORD_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < MIN_PLACE_STEM:
            continue
        stem = word[: -len(ending)]
        if ending.startswith("er"):
            if stem[-1].lower() in VOWELS:
                continue
            if stem[-1] == stem[-2]:
                stem = stem[:-1]  # "Amsterdammer"
        stems += [stem + tail for tail in restored]
    return list(dict.fromkeys(stems))


def demonym_country(name: str) -> str | None:
    """The country a nationality word belongs to: ``Syrische``, ``Syriërs`` → ``SY``; None otherwise."""
    return demonym_countries().get(match_key(name))
