"""Numbers said aloud, as Assist's wildcards hand them over."""

from __future__ import annotations

import pytest

from custom_components.ankle_care.domain.numbers import (
    ENGLISH,
    number_words,
    parse_number,
)


@pytest.mark.parametrize(
    ("said", "number"),
    [
        # digits
        ("4", 4),
        ("8.5", 8.5),
        ("8,5", 8.5),
        ("1,000", 1000),
        ("4.", 4),
        # words
        ("zero", 0),
        ("six", 6),
        ("Six", 6),
        ("eleven", 11),
        ("twenty one", 21),
        ("twenty-one", 21),
        ("ninety nine", 99),
        ("a hundred", 100),
        ("one hundred and five", 105),
        ("2 hundred", 200),
        ("one thousand two hundred", 1200),
        # decimals and halves
        ("five point five", 5.5),
        ("eight point two five", 8.25),
        ("five point 5", 5.5),
        ("point five", 0.5),
        ("eight and a half", 8.5),
        ("5 and a half", 5.5),
        ("half", 0.5),
        ("half a", 0.5),
        ("a half", 0.5),
        ("about a half", 0.5),
        # "a" alone is one: "I ran a mile"
        ("a", 1),
        ("an", 1),
        # fillers before, a scale after
        ("about a 3", 3),
        ("a 3", 3),
        ("it's a 4", 4),
        ("maybe 2", 2),
        ("six out of ten", 6),
        ("4 out of 10", 4),
        ("7 of 10", 7),
        ("6/10", 6),
    ],
)
def test_numbers_said_in_digits_and_words(said: str, number: float) -> None:
    assert parse_number(said, "en") == number


@pytest.mark.parametrize(
    "said",
    [
        None,
        "",
        "  ",
        "a lot",
        "banana",
        "out of milk",
        "six four",
        "ten five",
        "twenty thirty",
        "seven point",
        "point",
        "and",
        "five point twelve",
    ],
)
def test_what_is_not_a_number(said: str | None) -> None:
    assert parse_number(said, "en") is None


def test_a_language_reads_its_own_words_or_english() -> None:
    assert number_words("en") is ENGLISH
    assert number_words("en-GB") is ENGLISH
    assert number_words("en_US") is ENGLISH
    assert number_words(None) is ENGLISH
    # no words of its own yet: digits and English words
    assert number_words("de") is ENGLISH
    assert parse_number("6", "de") == 6
    assert parse_number("six", None) == 6
