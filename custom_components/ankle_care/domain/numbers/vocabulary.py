"""The words one language says numbers with (`NumberWords`), one module per language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberWords:
    """The words one language says numbers with.

    Every word is written as `str.casefold` gives it ("dreissig" for "dreißig").

    Attributes:
        ones: Words of the numbers below twenty (below thirty in Spanish,
            "veintiuno"), hyphenated words included ("dix-sept").
        tens: Words of twenty, thirty, ... ninety ("soixante-dix", "quatre-vingts").
        hundred: Words multiplying what came before by a hundred.
        thousand: Words multiplying what came before by a thousand.
        point: Words starting a decimal part ("point", "Komma", "virgule").
        halves: Endings that add a half ("and a half", "einhalb", "et demi").
        half: Phrases that are a half on their own ("half", "a half", "medio").
        one: Articles that stand for one when nothing else is said ("a mile").
        joiners: Words allowed between number words ("one hundred and five",
            "einundzwanzig", "vingt et un", "treinta y uno").
        fillers: Words said before a number that mean nothing for it.
        scale: Word sequences that start a scale after the number ("out of").
        hundreds: Words of whole hundreds ("doscientos").
        exact: Words with a value of their own that is not whole ("anderthalb").
        units_first: The ones come before the tens ("ein-und-zwanzig").
        teens_after: Tens that may be followed by ten to nineteen ("soixante et
            onze", "quatre-vingt-douze").
        compounds: Numbers are written as one word ("einundzwanzig",
            "achteinhalb") and are split into their words.
        decimal_number: A decimal part may be said as one number ("acht Komma
            fünfundzwanzig" is 8.25); otherwise digit by digit only.
        thousands_separator: The separator of thousands in digits ("1,000" in
            English, "1.000" in German); the other of "." and "," is the decimal.

    """

    ones: Mapping[str, int]
    tens: Mapping[str, int]
    hundred: frozenset[str]
    thousand: frozenset[str]
    point: frozenset[str]
    halves: tuple[tuple[str, ...], ...]
    half: tuple[tuple[str, ...], ...]
    one: frozenset[str]
    joiners: frozenset[str]
    fillers: frozenset[str]
    scale: tuple[tuple[str, ...], ...]
    hundreds: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    exact: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    units_first: bool = False
    teens_after: frozenset[int] = frozenset()
    compounds: bool = False
    decimal_number: bool = False
    thousands_separator: str = ","
    known: frozenset[str] = field(init=False)
    """Every word of a number ("und", "halb" and "hundert" included)."""
    pieces: frozenset[str] = field(init=False)
    """The words a compound is split into ("ein", "und", "zwanzig")."""

    def __post_init__(self) -> None:
        """Collect the words numbers are made of."""
        pieces = {
            *self.ones,
            *self.tens,
            *self.hundred,
            *self.hundreds,
            *self.thousand,
            *self.joiners,
            *self.exact,
            *_words_of(self.halves),
            *_words_of(self.half),
        }
        known = pieces | self.point | self.one | self.fillers
        known |= set(_words_of(self.scale))
        object.__setattr__(self, "pieces", frozenset(pieces))
        object.__setattr__(self, "known", frozenset(known))


def _words_of(phrases: Iterable[tuple[str, ...]]) -> Iterable[str]:
    for phrase in phrases:
        yield from phrase


def counted(words: Iterable[str], start: int = 0) -> Mapping[str, int]:
    """Return words numbered from `start` in the order given."""
    return MappingProxyType({word: value for value, word in enumerate(words, start)})


def tens(words: Iterable[str]) -> Mapping[str, int]:
    """Return the words of twenty, thirty, ... ninety, in that order."""
    return MappingProxyType(
        {word: 10 * index for index, word in enumerate(words, start=2)}
    )
