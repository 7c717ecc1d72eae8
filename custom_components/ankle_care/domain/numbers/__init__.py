"""Numbers said aloud: "six", "4", "about a 3", "eight and a half", "6 out of 10".

Assist hands a sentence's wildcards over as raw text, so the number in "my ankle
hurts six out of ten" arrives as the words `six out of ten`. `parse_number` turns
such a phrase into a number with the words of one language (`NumberWords`, one
module per language: `en.py`, `de.py`, `fr.py`, `es.py`, `nl.py`); a phrase with
any word it does not know gives None, so "out of milk" is never a number. A
language without words of its own reads digits and English words.

What a phrase may hold, in English (the other languages alike, with their words):

* digits, with a decimal point or comma ("4", "8.5", "8,5"; "1,000" is a thousand
  in English, "1.000" in German, French, Spanish and Dutch),
* number words up to the thousands ("six", "twenty-one", "one hundred and five";
  "einundzwanzig", "vingt et un", "quatre-vingt-dix", "treinta y uno",
  "eenentwintig"),
* a decimal part ("five point five", "eight point two five"; "acht Komma fünf",
  "huit virgule cinq", "ocho coma cinco") or a half ("eight and a half", "a half",
  "half a"; "achteinhalb", "huit et demi", "ocho y medio", "achtenhalf"),
* "a" or "an" alone for one ("I ran a mile"; "einen", "un", "una", "een"),
* filler words before it ("about", "around", "maybe", "like", "a"),
* a scale after it ("out of ten", "of 10", "/10"; "von zehn", "sur dix", "de
  diez", "van de tien"), which is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
import re
from types import MappingProxyType
import unicodedata

from .de import GERMAN
from .en import ENGLISH
from .es import SPANISH
from .fr import FRENCH
from .nl import DUTCH
from .vocabulary import NumberWords

LANGUAGES: Mapping[str, NumberWords] = MappingProxyType(
    {"en": ENGLISH, "de": GERMAN, "fr": FRENCH, "es": SPANISH, "nl": DUTCH}
)
"""Number words by language (the part before a region: `en-GB` reads `en`)."""

_DECIMAL = re.compile(r"^\d+(?:[.,]\d+)?$")
_SLASH = re.compile(r"^(.*?)\s*/\s*\S+$")
_SEPARATORS = re.compile(r"[\s\-–—]+")  # noqa: RUF001
_TRIM = '.,!?;:"“”()¿¡«»'
_LONGEST_JOIN = 3
"""Hyphenated number words have at most this many parts ("quatre-vingt-dix")."""


def number_words(language: str | None) -> NumberWords:
    """Return the number words of a language, English when it has none of its own."""
    base = (language or "en").replace("_", "-").split("-")[0].casefold()
    return LANGUAGES.get(base, ENGLISH)


def parse_number(text: str | None, language: str | None = "en") -> float | None:
    """Return the number a spoken phrase says, or None when it says something else."""
    if text is None:
        return None
    words = number_words(language)
    phrase = unicodedata.normalize("NFC", text).strip().casefold()
    phrase = phrase.replace("’", "'")  # noqa: RUF001
    if match := _SLASH.match(phrase):  # "6/10"
        phrase = match.group(1)
    tokens = [
        token.strip(_TRIM) for token in _SEPARATORS.split(phrase) if token.strip(_TRIM)
    ]
    tokens = _drop_scale(_joined(tokens, words), words)
    said_one = any(token in words.one for token in tokens)
    while (
        tokens
        and tokens[0] in words.fillers
        and not (len(tokens) > 1 and tokens[1] in words.joiners)  # "une et demie"
    ):
        tokens.pop(0)
    if not tokens:
        return 1.0 if said_one else None
    if words.compounds:
        tokens = [piece for token in tokens for piece in _split(token, words)]
    return _parse_tokens(tokens, words)


def _joined(tokens: list[str], words: NumberWords) -> list[str]:
    """Join neighbouring words into a known hyphenated one ("dix sept": "dix-sept")."""
    joined: list[str] = []
    index = 0
    while index < len(tokens):
        for size in range(_LONGEST_JOIN, 1, -1):
            word = "-".join(tokens[index : index + size])
            if index + size <= len(tokens) and word in words.known:
                joined.append(word)
                index += size
                break
        else:
            joined.append(tokens[index])
            index += 1
    return joined


def _split(token: str, words: NumberWords) -> list[str]:
    """Return a word split into the fewest number words it is made of.

    "einundzwanzig" is "ein", "und", "zwanzig"; a word that is not made of number
    words alone stays as it is (and is then not a number).
    """
    if token in words.known or not token.isalpha():
        return [token]
    best: list[list[str] | None] = [[], *([None] * len(token))]
    for end in range(1, len(token) + 1):
        for start in range(end):
            before = best[start]
            piece = token[start:end]
            if before is not None and piece in words.pieces:
                candidate = [*before, piece]
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    return best[-1] or [token]


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
    if len(tokens) == 1 and (exact := words.exact.get(tokens[0])) is not None:
        return exact
    half = 0.0
    # "... and a half", "... einhalb", "... et demi"
    for tail in words.halves:
        if len(tokens) > len(tail) and tuple(tokens[-len(tail) :]) == tail:
            tokens, half = tokens[: -len(tail)], 0.5
            break
    else:
        if tuple(tokens) in words.half:
            return 0.5
    if len(tokens) == 1 and (digits := _digits(tokens[0], words)) is not None:
        return digits + half
    value = _words(tokens, words)
    return None if value is None else value + half


def _digits(token: str, words: NumberWords) -> float | None:
    """Return the number written in digits ("8", "8.5", "8,5", "1,000")."""
    separator = re.escape(words.thousands_separator)
    if re.fullmatch(rf"\d{{1,3}}(?:{separator}\d{{3}})+", token):
        return float(token.replace(words.thousands_separator, ""))
    if _DECIMAL.match(token):
        return float(token.replace(",", "."))
    return None


def _decimals(tokens: list[str], words: NumberWords) -> str | None:
    """Return the digits of a decimal part: said digit by digit, or as one number."""
    digits = ""
    for token in tokens:
        value = words.ones.get(token)
        if value is None and token.isdigit():
            value = int(token)
        if value is None or value > 9:
            break
        digits += str(value)
    else:
        return digits
    if words.decimal_number and (number := _whole(tokens, words)) is not None:
        return str(number)
    return None


def _words(tokens: list[str], words: NumberWords) -> float | None:
    """Return the number said in words, with an optional decimal part."""
    whole_tokens, decimals = tokens, ""
    for index, token in enumerate(tokens):
        if token in words.point:
            whole_tokens = tokens[:index]
            decimal_tokens = tokens[index + 1 :]
            said = _decimals(decimal_tokens, words) if decimal_tokens else None
            if said is None:
                return None
            decimals = said
            break
    whole = _whole(whole_tokens, words) if whole_tokens else 0
    if whole is None:
        return None
    return float(f"{whole}.{decimals}") if decimals else float(whole)


def _whole(tokens: list[str], words: NumberWords) -> int | None:
    """Return the whole number said in words ("twenty one", "a hundred and five").

    Below a hundred a tens word may be followed by one word of one to nine (ten to
    nineteen after the tens of `teens_after`), or, in a language that says the ones
    first, a word of one to nine by a tens word ("ein und zwanzig"); a word below
    twenty is followed by nothing but a hundred or a thousand: "six four" and "ten
    five" are not one number.
    """
    total = current = 0
    last: str | None = None  # "ones", "tens" or "both" since the last hundred
    last_value = 0
    for index, token in enumerate(tokens):
        if token in words.joiners and 0 < index < len(tokens) - 1:
            continue
        if (value := words.tens.get(token)) is not None:
            if last == "ones" and words.units_first and 0 < last_value < 10:
                current, last = current + value, "both"
                continue
            if last is not None:
                return None
            current, last, last_value = current + value, "tens", value
        elif (value := words.ones.get(token)) is not None or token.isdigit():
            value = int(token) if value is None else value
            if last == "tens" and (
                0 < value < 10 or (last_value in words.teens_after and 10 <= value < 20)
            ):
                current, last = current + value, "both"
                continue
            if last is not None:
                return None
            current, last, last_value = current + value, "ones", value
        elif (value := words.hundreds.get(token)) is not None:
            if current:
                return None
            current, last = value, None
        elif token in words.hundred:
            current, last = max(current, 1) * 100, None
        elif token in words.thousand:
            total, current, last = total + max(current, 1) * 1000, 0, None
        else:
            return None
    return total + current if tokens else None


__all__ = [
    "DUTCH",
    "ENGLISH",
    "FRENCH",
    "GERMAN",
    "LANGUAGES",
    "SPANISH",
    "NumberWords",
    "number_words",
    "parse_number",
]
