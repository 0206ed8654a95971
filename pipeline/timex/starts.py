"""Where a date pattern can start: the first word of its matches, read once from the pattern itself.

A bounded pattern (``(?<![\\w'’])(?:body)(?![\\w]|[.,]\\d)``) matches only where a word (or a non-word
character) starts. Most bodies can start with a few words only ("vorige", "sinds", a digit, a month):
:func:`starts_of` reads them from the parsed pattern, and :class:`StartIndex` tries each pattern only at
the words of the text that can start it instead of at every character. A first word is known whole
("vorige"), by its beginning and end ("[a-zë]*tig": any word on -tig), or, for a number, by its first
digit. A pattern whose first word cannot be read, or that does not open with the start bound (its
matches may start inside a word), is searched everywhere. A whole first word after which every match
goes on past a space ("de", "het", "op" open many patterns) is tried only where the word after it can be
the second word of a match.
"""

from __future__ import annotations

import functools
import re
from re import _constants as sre
from re import _parser
from typing import NamedTuple

BEFORE = r"(?<![\w'’])"  # the bounds of a date pattern (patterns.BOUNDED)
AFTER = r"(?![\w]|[.,]\d)"
DIGIT = "0"  # the first word of a number, whatever its digits
MAX_STARTS = 5000  # past this many a first word is read by its beginning only
WORD = re.compile(r"\w")
Known = dict[tuple[int, ...], "frozenset[Start] | None"]  # second words by the pattern items after the space
NEXT_WORD = re.compile(r"\w+|.", re.DOTALL)  # the word (or other character) after the space after a first word


class Unreadable(Exception):
    """The start of a pattern cannot be told from its first word."""


class Start(NamedTuple):
    """A first word, where a word of the text starts: ``prefix`` whole (``ending`` None), or any word from
    ``prefix`` to ``ending``; ``following``: of a whole word that a match goes on after by a space, the words
    that can come after the space (None: not known, or the match may end with the word)."""

    prefix: str
    ending: str | None
    following: frozenset[Start] | None = None

    def fits(self, word: str) -> bool:
        """Whether ``word`` (lower case, a number as DIGIT) can be this first word."""
        if self.ending is None:
            return word == self.prefix
        return word.startswith(self.prefix) and word.endswith(self.ending)


def shape(item: object) -> object:
    """A parsed pattern item as nested tuples, to compare two of them."""
    if isinstance(item, (_parser.SubPattern, list, tuple)):
        return tuple(shape(part) for part in item)
    return item


START_BOUND = shape(_parser.parse(BEFORE, re.IGNORECASE).data[0])
END_BOUND = shape(_parser.parse(AFTER, re.IGNORECASE).data[0])


def whole(prefix: str, following: frozenset[Start] | None = None) -> Start:
    """A first word read to its end."""
    return open_start(prefix, "") if prefix[0].isdigit() else Start(prefix, None, following)


def second_words(rest: list, known: Known) -> frozenset[Start] | None:
    """The words that can start ``rest``, the pattern after a first word and a space; None when unknown.
    ``known``: the answers so far for this parsed pattern, by the items of ``rest`` (many first words share it)."""
    key = tuple(map(id, rest))
    if key not in known:
        try:
            known[key] = frozenset(starts(rest))
        except Unreadable:
            known[key] = None
    return known[key]


def open_start(prefix: str, ending: str) -> Start:
    """A first word of which only the beginning and the end are known."""
    if not prefix and not ending:
        raise Unreadable  # a word anywhere
    return Start(DIGIT, "") if prefix[:1].isdigit() else Start(prefix, ending)


def class_chars(items: list) -> list[str]:
    """The characters a character class matches (lower case), when it is a short list of them."""
    chars: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < 64:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.extend("0123456789")  # and digits beyond ASCII, which only a non-ASCII word holds
        else:
            raise Unreadable
    return [c.lower() for c in chars]


def item_chars(op: object, av: object) -> list[str]:
    """The characters a LITERAL or IN item matches."""
    return [chr(av).lower()] if op is sre.LITERAL else class_chars(av)


def endings(items: list, suffix: str = "") -> set[str]:
    """The ends of the first word when ``items`` read on to its end after ``suffix``."""
    if not items:
        raise Unreadable  # no end bound: the word may go on
    (op, av), rest = items[0], items[1:]
    if op is sre.ASSERT_NOT and shape(items[0]) == END_BOUND:
        return {suffix}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return endings(rest, suffix)
    if op is sre.LITERAL or op is sre.IN:
        found: set[str] = set()
        for char in item_chars(op, av):
            found |= endings(rest, suffix + char) if WORD.match(char) else {suffix}
        if len(found) > MAX_STARTS:
            raise Unreadable
        return found
    if op is sre.BRANCH:
        return set().union(*(endings(list(branch.data) + rest, suffix) for branch in av[1]))
    if op is sre.SUBPATTERN and not av[1] and not av[2]:
        return endings(list(av[3].data) + rest, suffix)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] == 0 and av[1] == 1:
        return endings(rest, suffix) | endings(list(av[2].data) + rest, suffix)
    raise Unreadable


def starts(items: list, prefix: str = "", follow: Known | None = None) -> set[Start]:
    """The first words that ``items`` (a parsed pattern after its start bound, read on after ``prefix``) can
    start with; ``follow``: read what comes after the space after a whole word (see :class:`Start`), keeping
    the answers in it, or (None) not."""
    if prefix[:1].isdigit():
        return {open_start(prefix, "")}  # a number, whatever its digits
    if not items:
        return {open_start(prefix, "")}  # no end bound: the word may go on
    (op, av), rest = items[0], items[1:]
    if op is sre.ASSERT_NOT and shape(items[0]) == END_BOUND and prefix:
        return {whole(prefix)}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return starts(rest, prefix, follow)  # zero-width: without it the pattern matches at least as much
    if op is sre.LITERAL or op is sre.IN:
        try:
            chars = item_chars(op, av)
        except Unreadable:
            return {open_start(prefix, "")}
        found: set[Start] = set()
        for char in chars:
            if WORD.match(char):
                found |= starts(rest, prefix + char, follow)
            elif prefix:
                following = second_words(rest, follow) if follow is not None and char == " " else None
                found.add(whole(prefix, following))
            elif char.lower() == char.upper():
                found.add(Start(char, None))  # a match that opens with punctuation
            else:
                raise Unreadable
            if len(found) > MAX_STARTS:
                return {open_start(prefix, "")}
        return found
    if op is sre.BRANCH:
        return set().union(*(starts(list(branch.data) + rest, prefix, follow) for branch in av[1]))
    if op is sre.SUBPATTERN:
        group, add_flags, del_flags, pattern = av
        if add_flags or del_flags:
            raise Unreadable
        return starts(list(pattern.data) + rest, prefix, follow)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, pattern = av
        found = starts(rest, prefix, follow) if low == 0 else set()
        if high == 1:
            return found | starts(list(pattern.data) + rest, prefix, follow)
        return found | repeated(pattern, rest, prefix)
    return {open_start(prefix, "")}


def repeated(pattern: _parser.SubPattern, rest: list, prefix: str) -> set[Start]:
    """The first words after one or more rounds of ``pattern``: its letters, then the ends ``rest`` gives
    the word ("[a-zë]*(?:een|twee|...|tig)"), else only the beginning."""
    try:
        letters = len(pattern.data) == 1 and all(char.isalpha() for char in item_chars(*pattern.data[0]))
        if letters:
            return {open_start(prefix, ending) for ending in endings(rest)}
    except Unreadable:
        pass
    return starts([*pattern.data, (None, None)], prefix)  # after one round the word is open


def starts_of(pattern: str) -> set[Start] | None:
    """The first words a match of ``pattern`` can start with; None when they cannot be read, or when the
    pattern does not open with the start bound (a match may then start inside a word)."""
    parsed = _parser.parse(pattern, re.IGNORECASE)
    items = list(parsed.data)
    if parsed.getwidth()[0] == 0 or not items or shape(items[0]) != START_BOUND:
        return None
    try:
        return starts(items[1:], follow={})
    except Unreadable:
        return None


class WordTable:
    """Patterns by the words that can open them where a word of the text starts: a whole word, or one known by
    its beginning and end, looked up by its first letter, or by its end when only that is known (a word is looked
    up by each of its endings, not tried against every one)."""

    def __init__(self, starts: list[tuple[Start, int]]) -> None:
        self.whole: dict[str, set[int]] = {}
        self.open: dict[str, list[tuple[Start, int]]] = {}
        self.open_ends: dict[str, set[int]] = {}
        for start, i in starts:
            if start.ending is None:
                self.whole.setdefault(start.prefix, set()).add(i)
            elif start.prefix:
                self.open.setdefault(start.prefix[0], []).append((start, i))
            else:
                self.open_ends.setdefault(start.ending, set()).add(i)
        self.open_end_lengths = sorted({len(ending) for ending in self.open_ends})

    def patterns(self, word: str) -> set[int]:
        """The patterns ``word`` (lower case ASCII, a number as DIGIT) can open."""
        found = set(self.whole.get(word, ()))
        found.update(i for start, i in self.open.get(word[0], ()) if start.fits(word))
        for n in self.open_end_lengths:
            if n <= len(word) and (patterns := self.open_ends.get(word[-n:])):
                found.update(patterns)
        return found


class StartIndex:
    """For each of a list of bounded patterns, the positions in a text where a match can start."""

    def __init__(self, patterns: list[str]) -> None:
        self.starts = [starts_of(pattern) for pattern in patterns]
        self.indexed = tuple(i for i, found in enumerate(self.starts) if found is not None)
        indexed = [(start, i) for i in self.indexed for start in self.starts[i]]
        self.first = WordTable([(start, i) for start, i in indexed if start.following is None])
        # a first word, whole, that a match goes on after by a space: the words that can come next, per pattern
        # (not for a pattern that the word opens anyway: a match may end with it, or it is an open first word)
        following: dict[str, dict[int, set[Start]]] = {}
        for start, i in indexed:
            if start.following is not None:
                following.setdefault(start.prefix, {}).setdefault(i, set()).update(start.following)
        self.followed: dict[str, tuple[tuple[int, ...], WordTable]] = {}
        for word, by_pattern in following.items():
            opened = self.first.patterns(word)
            by_pattern = {i: words for i, words in by_pattern.items() if i not in opened}
            if by_pattern:
                table = WordTable([(start, i) for i, words in by_pattern.items() for start in words])
                self.followed[word] = (tuple(sorted(by_pattern)), table)
        punctuation = "".join(sorted(word for word in self.first.whole if not WORD.match(word)))
        self.words = re.compile(r"\w+|" + BEFORE + "[" + re.escape(punctuation) + "]")
        self.candidates = functools.lru_cache(maxsize=1 << 16)(self.patterns_in)
        self.candidates_followed = functools.lru_cache(maxsize=1 << 16)(self.patterns_followed_by)

    def patterns_in(self, word: str) -> tuple[int, ...]:
        """The patterns that can start with ``word`` (a word or punctuation mark)."""
        if not word.isascii():
            # the patterns ignore case, which beyond ASCII is not lower() ("K", the Kelvin sign, is a "k")
            return self.indexed
        return tuple(sorted(self.first.patterns(DIGIT if word[0].isdigit() else word.lower())))

    def patterns_followed_by(self, first: str, second: str) -> tuple[int, ...]:
        """The patterns that can start with ``first`` (a followed word, lower case) where ``second`` (a word or
        another character) comes after it and a space."""
        patterns, table = self.followed[first]
        if not second.isascii():
            return patterns
        return tuple(sorted(table.patterns(DIGIT if second[0].isdigit() else second.lower())))

    def positions(self, text: str) -> list[list[int] | None]:
        """Per pattern, the sorted positions in ``text`` where a match can start; None: anywhere."""
        at: dict[str, list[int]] = {}
        for match in self.words.finditer(text):
            at.setdefault(match.group(), []).append(match.start())
        found: list[list[int] | None] = [None if starts is None else [] for starts in self.starts]
        for word, starts in at.items():
            for i in self.candidates(word):
                found[i] += starts
            if word.isascii() and (first := word.lower()) in self.followed:
                for start in starts:
                    after = start + len(word)
                    if text.startswith(" ", after) and (second := NEXT_WORD.match(text, after + 1)):
                        for i in self.candidates_followed(first, second.group()):
                            found[i].append(start)
        for positions in found:
            if positions is not None:
                positions.sort()
        return found
