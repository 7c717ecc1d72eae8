"""Dutch numbers: "zes", "eenentwintig", "achtenhalf", "acht komma vijf".

Numbers below a million are one word in Dutch ("tweeëntwintig", "honderdvijf");
the parser splits such a word into its pieces and reads the ones before the tens.
"""

from __future__ import annotations

from types import MappingProxyType

from .vocabulary import NumberWords, counted, tens

DUTCH = NumberWords(
    ones=MappingProxyType(
        {
            **counted(
                (
                    "nul",
                    "een",
                    "twee",
                    "drie",
                    "vier",
                    "vijf",
                    "zes",
                    "zeven",
                    "acht",
                    "negen",
                    "tien",
                    "elf",
                    "twaalf",
                    "dertien",
                    "veertien",
                    "vijftien",
                    "zestien",
                    "zeventien",
                    "achttien",
                    "negentien",
                )
            ),
            "één": 1,
            "eén": 1,
        }
    ),
    tens=tens(
        (
            "twintig",
            "dertig",
            "veertig",
            "vijftig",
            "zestig",
            "zeventig",
            "tachtig",
            "negentig",
        )
    ),
    hundred=frozenset({"honderd"}),
    thousand=frozenset({"duizend"}),
    point=frozenset({"komma", "punt"}),
    halves=(
        ("en", "half"),
        ("en", "halve"),
        ("en", "een", "half"),
        ("en", "een", "halve"),
        ("ën", "half"),
    ),
    half=(("half",), ("halve",), ("een", "half"), ("een", "halve")),
    exact=MappingProxyType({"anderhalf": 1.5, "anderhalve": 1.5}),
    one=frozenset({"een", "één", "eén"}),
    joiners=frozenset({"en", "ën"}),
    fillers=frozenset(
        {
            "een",
            "ongeveer",
            "rond",
            "de",
            "zo'n",
            "zon",
            "circa",
            "ca",
            "misschien",
            "bijna",
            "net",
            "maar",
            "wel",
            "zeker",
            "op",
            "met",
            "is",
            "het",
            "niveau",
        }
    ),
    scale=(("van", "de"), ("van",), ("op",), ("uit",)),
    units_first=True,
    compounds=True,
    decimal_number=True,
    thousands_separator=".",
)
