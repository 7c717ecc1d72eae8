"""German numbers: "sechs", "einundzwanzig", "achteinhalb", "acht Komma fünf".

Numbers below a million are one word in German ("zweihundertfünfundzwanzig"); the
parser splits such a word into its pieces ("zwei", "hundert", "fünf", "und",
"zwanzig") and reads the ones before the tens. Words are written as `casefold`
gives them ("dreissig" for "dreißig", "fünf" stays "fünf").
"""

from __future__ import annotations

from types import MappingProxyType

from .vocabulary import NumberWords, counted, tens

GERMAN = NumberWords(
    ones=MappingProxyType(
        {
            **counted(
                (
                    "null",
                    "eins",
                    "zwei",
                    "drei",
                    "vier",
                    "fünf",
                    "sechs",
                    "sieben",
                    "acht",
                    "neun",
                    "zehn",
                    "elf",
                    "zwölf",
                    "dreizehn",
                    "vierzehn",
                    "fünfzehn",
                    "sechzehn",
                    "siebzehn",
                    "achtzehn",
                    "neunzehn",
                )
            ),
            "ein": 1,
            "eine": 1,
            "einen": 1,
            "einer": 1,
            "zwo": 2,
            "funf": 5,
            "zwolf": 12,
        }
    ),
    tens=tens(
        (
            "zwanzig",
            "dreissig",
            "vierzig",
            "fünfzig",
            "sechzig",
            "siebzig",
            "achtzig",
            "neunzig",
        )
    ),
    hundred=frozenset({"hundert"}),
    thousand=frozenset({"tausend"}),
    point=frozenset({"komma", "punkt"}),
    halves=(
        ("einhalb",),
        ("und", "einhalb"),
        ("und", "ein", "halb"),
        ("und", "eine", "halbe"),
    ),
    half=(("halb",), ("halbe",), ("halben",), ("einhalb",), ("ein", "halb")),
    exact=MappingProxyType({"anderthalb": 1.5}),
    one=frozenset({"ein", "eine", "einen", "einer"}),
    joiners=frozenset({"und"}),
    fillers=frozenset(
        {
            "ein",
            "eine",
            "einen",
            "einer",
            "etwa",
            "ungefähr",
            "ungefahr",
            "circa",
            "ca",
            "zirka",
            "so",
            "rund",
            "vielleicht",
            "fast",
            "knapp",
            "gut",
            "eher",
            "nur",
            "bloss",
            "bei",
            "auf",
            "mit",
            "ist",
            "es",
            "wie",
            "stufe",
        }
    ),
    scale=(("von",), ("auf",), ("aus",)),
    units_first=True,
    compounds=True,
    decimal_number=True,
    thousands_separator=".",
)
