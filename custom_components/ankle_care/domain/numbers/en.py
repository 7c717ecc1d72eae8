"""English numbers: "six", "twenty-one", "eight and a half", "five point five"."""

from __future__ import annotations

from types import MappingProxyType

from .vocabulary import NumberWords, counted, tens

ENGLISH = NumberWords(
    ones=MappingProxyType(
        {
            **counted(
                (
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
                )
            ),
            "oh": 0,
            "nought": 0,
            "naught": 0,
            "none": 0,
            "nothing": 0,
        }
    ),
    tens=tens(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    ),
    hundred=frozenset({"hundred"}),
    thousand=frozenset({"thousand"}),
    point=frozenset({"point", "dot"}),
    halves=(("and", "a", "half"), ("and", "an", "half"), ("a", "half")),
    half=(("half",), ("half", "a"), ("a", "half"), ("half", "an")),
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
