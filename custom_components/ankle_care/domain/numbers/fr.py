"""French numbers: "six", "vingt et un", "soixante-dix", "quatre-vingts", "huit et demi".

The hyphenated numbers are said as their words ("dix sept", "quatre vingt"); the
parser joins neighbouring words into one when the hyphenated word is known. Sixty
and eighty take ten to nineteen after them ("soixante-douze", "quatre-vingt-onze");
Belgian and Swiss tens ("septante", "huitante", "nonante") are read too.
"""

from __future__ import annotations

from types import MappingProxyType

from .vocabulary import NumberWords, counted

FRENCH = NumberWords(
    ones=MappingProxyType(
        {
            **counted(
                (
                    "zéro",
                    "un",
                    "deux",
                    "trois",
                    "quatre",
                    "cinq",
                    "six",
                    "sept",
                    "huit",
                    "neuf",
                    "dix",
                    "onze",
                    "douze",
                    "treize",
                    "quatorze",
                    "quinze",
                    "seize",
                    "dix-sept",
                    "dix-huit",
                    "dix-neuf",
                )
            ),
            "zero": 0,
            "une": 1,
        }
    ),
    tens=MappingProxyType(
        {
            "vingt": 20,
            "vingts": 20,
            "trente": 30,
            "quarante": 40,
            "cinquante": 50,
            "soixante": 60,
            "soixante-dix": 70,
            "septante": 70,
            "quatre-vingt": 80,
            "quatre-vingts": 80,
            "huitante": 80,
            "octante": 80,
            "quatre-vingt-dix": 90,
            "nonante": 90,
        }
    ),
    hundred=frozenset({"cent", "cents"}),
    thousand=frozenset({"mille", "mil"}),
    point=frozenset({"virgule", "point"}),
    halves=(("et", "demi"), ("et", "demie")),
    half=(("demi",), ("demie",), ("un", "demi"), ("une", "demie")),
    one=frozenset({"un", "une"}),
    joiners=frozenset({"et"}),
    fillers=frozenset(
        {
            "un",
            "une",
            "à",
            "a",
            "au",
            "environ",
            "approximativement",
            "peut-être",
            "peut",
            "être",
            "presque",
            "quasiment",
            "genre",
            "disons",
            "vers",
            "juste",
            "seulement",
            "bien",
            "niveau",
            "c'est",
            "est",
            "de",
            "d'environ",
        }
    ),
    scale=(("sur",),),
    teens_after=frozenset({60, 80}),
    decimal_number=True,
    thousands_separator=".",
)
