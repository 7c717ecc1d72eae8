"""Spanish numbers: "seis", "veintiuno", "treinta y uno", "ocho y medio", "ocho coma cinco".

Words are read with and without their accents ("dieciséis", "dieciseis"), as
typed text often leaves them out.
"""

from __future__ import annotations

from types import MappingProxyType

from .vocabulary import NumberWords, counted, tens

_ONES = counted(
    (
        "cero",
        "uno",
        "dos",
        "tres",
        "cuatro",
        "cinco",
        "seis",
        "siete",
        "ocho",
        "nueve",
        "diez",
        "once",
        "doce",
        "trece",
        "catorce",
        "quince",
        "dieciséis",
        "diecisiete",
        "dieciocho",
        "diecinueve",
    )
)
_TWENTIES = counted(
    (
        "veintiuno",
        "veintidós",
        "veintitrés",
        "veinticuatro",
        "veinticinco",
        "veintiséis",
        "veintisiete",
        "veintiocho",
        "veintinueve",
    ),
    start=21,
)
_HUNDREDS = {
    "cien": 100,
    "ciento": 100,
    "doscientos": 200,
    "doscientas": 200,
    "trescientos": 300,
    "trescientas": 300,
    "cuatrocientos": 400,
    "cuatrocientas": 400,
    "quinientos": 500,
    "quinientas": 500,
    "seiscientos": 600,
    "seiscientas": 600,
    "setecientos": 700,
    "setecientas": 700,
    "ochocientos": 800,
    "ochocientas": 800,
    "novecientos": 900,
    "novecientas": 900,
}
_ACCENTS = str.maketrans("áéíóú", "aeiou")


def _with_plain(words: dict[str, int]) -> MappingProxyType[str, int]:
    """Return the words with their accents and without."""
    return MappingProxyType(
        words | {word.translate(_ACCENTS): value for word, value in words.items()}
    )


SPANISH = NumberWords(
    ones=_with_plain({**_ONES, **_TWENTIES, "un": 1, "una": 1, "veintiún": 21}),
    tens=tens(
        (
            "veinte",
            "treinta",
            "cuarenta",
            "cincuenta",
            "sesenta",
            "setenta",
            "ochenta",
            "noventa",
        )
    ),
    hundred=frozenset(),
    hundreds=_with_plain(_HUNDREDS),
    thousand=frozenset({"mil"}),
    point=frozenset({"coma", "punto"}),
    halves=(("y", "medio"), ("y", "media")),
    half=(("medio",), ("media",), ("un", "medio")),
    one=frozenset({"un", "una", "uno"}),
    joiners=frozenset({"y"}),
    fillers=frozenset(
        {
            "un",
            "una",
            "unos",
            "unas",
            "como",
            "cómo",
            "más",
            "mas",
            "o",
            "menos",
            "aproximadamente",
            "alrededor",
            "de",
            "casi",
            "quizás",
            "quizas",
            "tal",
            "vez",
            "solo",
            "sólo",
            "es",
            "en",
            "a",
            "nivel",
        }
    ),
    scale=(("de",), ("sobre",)),
    decimal_number=True,
    thousands_separator=".",
)
