"""Numbers said aloud: "six", "4", "about a 3", "eight and a half", "6 out of 10".

Assist hands a sentence's wildcards over as raw text, so the number in "my ankle
hurts six out of ten" arrives as the words `six out of ten`. `parse_number` turns
such a phrase into a number with the words of one language (`NumberWords`); a
phrase with any word it does not know gives None, so "out of milk" is never a
number. English is the only language so far; a language without its own words
reads digits and English words.

What a phrase may hold, in English:

* digits, with a decimal point or comma ("4", "8.5", "8,5"; "1,000" is a thousand),
* number words up to the thousands ("six", "twenty-one", "one hundred and five"),
* a decimal part ("five point five", "eight point two five") or a half ("eight and a
  half", "a half", "half a"),
* "a" or "an" alone for one ("I ran a mile"),
* filler words before it ("about", "around", "maybe", "like", "a"),
* a scale after it ("out of ten", "of 10", "/10"), which is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import re
from types import MappingProxyType


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberWords:
    """The words one language says numbers with.

    Attributes:
        ones: Words of the numbers below twenty.
        tens: Words of twenty, thirty, ... ninety.
        hundred: Words multiplying what came before by a hundred.
        thousand: Words multiplying what came before by a thousand.
        point: Words starting a decimal part read digit by digit.
        half: Words of a half ("and a half", "half a").
        one: Articles that stand for one when nothing else is said ("a mile").
        joiners: Words allowed between number words ("one hundred and five").
        fillers: Words said around a number that mean nothing for it.
        scale: Word sequences that start a scale after the number ("out of").

    """

    ones: Mapping[str, int]
    tens: Mapping[str, int]
    hundred: frozenset[str]
    thousand: frozenset[str]
    point: frozenset[str]
    half: frozenset[str]
    one: frozenset[str]
    joiners: frozenset[str]
    fillers: frozenset[str]
    scale: tuple[tuple[str, ...], ...]


ENGLISH = NumberWords(
    ones=MappingProxyType(
        {
            word: value
            for value, word in enumerate(
                [
                    "zero",
                    "one",
                    "two",
                    "three",
                    "four",
                    "five",
                    "six",
                    "seven",
                    "eight",
                    "nine",
                    "ten",
                    "eleven",
                    "twelve",
                    "thirteen",
                    "fourteen",
                    "fifteen",
                    "sixteen",
                    "seventeen",
                    "eighteen",
                    "nineteen",
                ]
            )
        }
        | {"oh": 0, "nought": 0, "naught": 0, "none": 0, "nothing": 0}
    ),
    tens=MappingProxyType(
        {
            word: 10 * index
            for index, word in enumerate(
                [
                    "twenty",
                    "thirty",
                    "forty",
                    "fifty",
                    "sixty",
                    "seventy",
                    "eighty",
                    "ninety",
                ],
                start=2,
            )
        }
    ),
    hundred=frozenset({"hundred"}),
    thousand=frozenset({"thousand"}),
    point=frozenset({"point", "dot"}),
    half=frozenset({"half"}),
    one=frozenset({"a", "an"}),
    joiners=frozenset({"and"}),
    fillers=frozenset(
        {
            "a",
            "an",
            "about",
            "around",
            "roughly",
            "approximately",
            "maybe",
            "like",
            "probably",
            "perhaps",
            "nearly",
            "almost",
            "just",
            "only",
            "at",
            "is",
            "it's",
            "its",
            "level",
            "solid",
        }
    ),
    scale=(("out", "of"), ("of",), ("on",)),
)

LANGUAGES: Mapping[str, NumberWords] = MappingProxyType({"en": ENGLISH})
"""Number words by language (the part before a region: `en-GB` reads `en`)."""

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_SLASH = re.compile(r"^(.*?)\s*/\s*\S+$")
_SEPARATORS = re.compile(r"[\s\-–—]+")  # noqa: RUF001
_TRIM = '.,!?;:"“”()'


def number_words(language: str | None) -> NumberWords:
    """Return the number words of a language, English when it has none of its own."""
    base = (language or "en").replace("_", "-").split("-")[0].casefold()
    return LANGUAGES.get(base, ENGLISH)


def parse_number(text: str | None, language: str | None = "en") -> float | None:
    """Return the number a spoken phrase says, or None when it says something else."""
    if text is None:
        return None
    words = number_words(language)
    phrase = text.strip().casefold().replace("’", "'")  # noqa: RUF001
    if match := _SLASH.match(phrase):  # "6/10"
        phrase = match.group(1)
    tokens = [
        token.strip(_TRIM) for token in _SEPARATORS.split(phrase) if token.strip(_TRIM)
    ]
    tokens = _drop_scale(tokens, words)
    said_one = any(token in words.one for token in tokens)
    while tokens and tokens[0] in words.fillers:
        tokens.pop(0)
    if not tokens:
        return 1.0 if said_one else None
    return _parse_tokens(tokens, words)


def _drop_scale(tokens: list[str], words: NumberWords) -> list[str]:
    """Return the tokens before a scale such as "out of ten" (at least one word)."""
    for start in range(1, len(tokens)):
        for scale in words.scale:
            end = start + len(scale)
            if tuple(tokens[start:end]) == scale and end < len(tokens):
                return tokens[:start]
    return tokens


def _parse_tokens(tokens: list[str], words: NumberWords) -> float | None:
    """Return the number of filler-free tokens, or None."""
    half = 0.0
    # "... and a half", "a half", "half a (mile)", "half"
    for tail in (["and", "a", "half"], ["and", "an", "half"], ["a", "half"]):
        if len(tokens) > len(tail) and tokens[-len(tail) :] == tail:
            tokens, half = tokens[: -len(tail)], 0.5
            break
    else:
        if tokens in (["half"], ["half", "a"], ["a", "half"], ["half", "an"]):
            return 0.5
    if len(tokens) == 1 and (digits := _digits(tokens[0])) is not None:
        return digits + half
    value = _words(tokens, words)
    return None if value is None else value + half


def _digits(token: str) -> float | None:
    """Return the number written in digits ("8", "8.5", "8,5", "1,000")."""
    if _THOUSANDS.match(token):
        return float(token.replace(",", ""))
    if _DIGITS.match(token):
        return float(token.replace(",", "."))
    return None


def _words(tokens: list[str], words: NumberWords) -> float | None:
    """Return the number said in words, with an optional decimal part."""
    whole_tokens, decimals = tokens, ""
    for index, token in enumerate(tokens):
        if token in words.point:
            whole_tokens = tokens[:index]
            decimal_tokens = tokens[index + 1 :]
            if not decimal_tokens:
                return None
            for digit in decimal_tokens:
                value = words.ones.get(digit)
                if value is None and digit.isdigit():
                    value = int(digit)
                if value is None or value > 9:
                    return None
                decimals += str(value)
            break
    whole = _whole(whole_tokens, words) if whole_tokens else 0
    if whole is None:
        return None
    return float(f"{whole}.{decimals}") if decimals else float(whole)


def _whole(tokens: list[str], words: NumberWords) -> int | None:
    """Return the whole number said in words ("twenty one", "a hundred and five").

    Below a hundred a tens word may be followed by one word of one to nine, and a
    word below twenty by nothing but a hundred or a thousand: "six four" and "ten
    five" are not one number.
    """
    total = current = 0
    last: str | None = None  # "ones" or "tens" since the last hundred/thousand
    for index, token in enumerate(tokens):
        if token in words.joiners and index:
            continue
        if (value := words.tens.get(token)) is not None:
            if last is not None:
                return None
            current, last = current + value, "tens"
        elif (value := words.ones.get(token)) is not None or token.isdigit():
            value = int(token) if value is None else value
            if last == "ones" or (last == "tens" and not 0 < value < 10):
                return None
            current, last = current + value, "ones"
        elif token in words.hundred:
            current, last = max(current, 1) * 100, None
        elif token in words.thousand:
            total, current, last = total + max(current, 1) * 1000, 0, None
        else:
            return None
    return total + current if tokens else None


__all__ = ["ENGLISH", "LANGUAGES", "NumberWords", "number_words", "parse_number"]
