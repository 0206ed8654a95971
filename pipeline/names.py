"""Entity names, as pure functions: one mention's canonical form, the key spellings meet under,
initials, and the stable id of an entity (label and name)."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

# zero-width and direction marks, soft hyphens, BOMs and control characters: one name, one id
INVISIBLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\xad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
SPACE_RE = re.compile(r"\s+")
ARTICLES = ("de ", "het ", "een ", "'t ", "De ", "Het ")
INITIAL_SKIP = frozenset("van de der den het voor en of in op aan tot la le les du des of the and für".split())
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")
MIXED_ACRONYM_RE = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,3}$")  # PvdA, FvD, SGP; not McCain
INITIAL_RE = re.compile(r"^[A-Z][a-z]?\.$")  # "S.", "Th.": a first name, or in crime news a surname ("Tim S.")
COMPOUND_RE = re.compile(r"^(?P<name>[A-Z][\w.&]*)-(?P<rest>[a-zà-ÿ][\w-]*)$")


@functools.lru_cache(maxsize=1 << 16)
def canonical_name(text: str) -> str:
    """One mention on its own: NFC, no invisible characters, single spaces, no outer quotes, no
    leading lower-case article."""
    text = unicodedata.normalize("NFC", SPACE_RE.sub(" ", INVISIBLE_RE.sub("", text))).strip().strip("\"'“”‘’«»")
    for article in ARTICLES[:4]:
        if text.startswith(article) and len(text) > len(article):
            text = text[len(article) :]
    return text


@functools.lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """Key under which spellings of one name meet: case and diacritics folded."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def strip_genitive(name: str, known: set[str]) -> str:
    """``Syriës`` → ``Syrië``, ``Frankrijks`` → ``Frankrijk`` (only when the bare form is known), ``Jans`` stays."""
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    if name.endswith("ës"):
        return name[:-1]
    if name.endswith("s") and match_key(name[:-1]) in known:
        return name[:-1]
    return name


@functools.lru_cache(maxsize=1 << 16)
def initials(name: str) -> str:
    """Initials of the capitalised words of a name: "Islamitische Staat" → "IS"."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w and w.lower() not in INITIAL_SKIP and w[0].isupper())


def entity_id(label: str, canonical: str) -> str:
    """A stable id derived from label and canonical name (independent of order and runs)."""
    key = f"{label}\x1f{match_key(canonical)}".encode("utf-8")
    return f"{label}-{hashlib.sha1(key).hexdigest()[:12]}"
