"""Dutch sentences: "mijn linkerenkel doet zes van de tien pijn", "mag ik vandaag hardlopen".

The side is often part of the word ("linkerenkel"), so "linkerenkel" and
"rechterenkel" are ankles and sides at once. Names take a plain "s" ("hoe gaat het
met Sams enkel") or come after "van" ("de enkel van Sam"). A clearance needs a
professional or "vrijgegeven": "ik mag weer lopen" alone is no clearance.
"""

from __future__ import annotations

from types import MappingProxyType

from ..domain.plan import ReminderKind
from ..domain.records import Location, Side
from .grammar import (
    ANSWER_NO,
    ANSWER_YES,
    FOCUS_RISK,
    FOCUS_RUN,
    INTENT_ICE_DONE,
    INTENT_LOG_RUN,
    INTENT_LOG_SORENESS,
    INTENT_NEXT_REMINDER,
    INTENT_PROFESSIONAL_VISIT,
    INTENT_STATUS,
    LanguageSentences,
    group,
)

_BODY = "(enkel|enkels|linkerenkel|rechterenkel|hiel|hielen|achillespees|achillespezen)"
_SIDE = "[linker|rechter|linkse|rechtse]"
_OWNER = "(mijn|m'n|zijn|z'n|haar|de|hun)"
_WHERE = f"{_OWNER} {_SIDE} {_BODY}"
_HURTS = "(doet|doen) [mij|me|hem|haar]"
_SORE = "(is|zijn|voelt|voelen) (pijnlijk|zeer|gevoelig|beurs)"
_RUN = (
    "(hardlopen|lopen|rennen|joggen|gaan hardlopen|gaan lopen|gaan rennen|gaan joggen)"
)
_COOL = "(gekoeld|geijsd|ingekoeld)"
_PRO = (
    "(dokter|arts|huisarts|fysio|fysiotherapeut|podotherapeut|podoloog|sportarts|"
    "orthopeed|specialist|professional)"
)
_ARTICLE = "(de|een|mijn|m'n|zijn|z'n|haar)"
_ABOUT = f"[(voor|vanwege|met|over) {_WHERE}]"
_TO_RUN = (
    "(om te lopen|om te hardlopen|om weer te lopen|om weer te hardlopen|voor hardlopen)"
)
_LOG = "(noteer|registreer|log)"
_KM = "(kilometer|kilometers|km)"
_MI = "(mijl|mijlen)"


def _run_sentences(unit: str) -> tuple[str, ...]:
    return (
        f"{{runner}} (heb|heeft|hebben) [vandaag] {{distance}} {unit} "
        "(gelopen|hardgelopen|gerend|gejogd)",
        f"{{runner}} (ben|is) [vandaag] {{distance}} {unit} (gaan hardlopen|"
        "gaan lopen|gaan joggen|wezen lopen|wezen hardlopen)",
        f"{{runner}} (heb|heeft) [vandaag] een (loop|loopje|rondje|run) van "
        f"{{distance}} {unit} (gedaan|gelopen)",
        f"{_LOG} een (loop|loopje|rondje|run) van {{distance}} {unit}",
    )


DUTCH = LanguageSentences(
    groups=(
        group(
            INTENT_LOG_SORENESS,
            # no number first: Ankle Care asks for one
            f"{{runner}} {_BODY} {_HURTS} pijn",
            f"{{runner}} {_BODY} {_SORE}",
            f"{{runner}} (heb|heeft) pijn aan {_WHERE}",
            f"{{runner}} {_BODY} {_HURTS} {{severity}} pijn",
            f"{{runner}} {_BODY} {_HURTS} pijn [met|op] {{severity}}",
            f"{{runner}} {_BODY} {_SORE} [met|op] {{severity}}",
            f"{{runner}} (heb|heeft) pijn aan {_WHERE} [van|met] {{severity}}",
            f"[{_LOG}] [linker|rechter] (enkelpijn|hielpijn) [van|is] {{severity}}",
        ),
        group(
            INTENT_STATUS,
            f"hoe (gaat|is) het met {{runner}} {_BODY} [vandaag]",
            f"hoe (gaat|is) het met (de|het) {_SIDE} {_BODY} van {{runner}}",
            f"hoe staat {{runner}} {_BODY} (ervoor|er voor)",
            "hoe (gaat|verloopt) {runner} herstel",
            "wat is {runner} (enkelstatus|herstelstatus)",
            "(enkelstatus|enkel status|herstelstatus)",
        ),
        group(
            INTENT_STATUS,
            "(wat is|hoe hoog is|hoe groot is) {runner} blessurerisico [vandaag]",
            "(loop|loopt) {runner} [een] [groot|hoog] risico op [een] blessure "
            "[vandaag]",
            "blessurerisico [vandaag]",
            focus=FOCUS_RISK,
        ),
        group(
            INTENT_STATUS,
            f"(mag|kan|moet|zal) {{runner}} vandaag {_RUN}",
            "hoe ver (mag|kan) {runner} vandaag (hardlopen|lopen|rennen)",
            "hoeveel (kilometer|km|mijl) (mag|kan) {runner} vandaag "
            "(hardlopen|lopen|rennen)",
            "wat is {runner} veilige afstand [vandaag|voor vandaag]",
            "veilige afstand [vandaag|voor vandaag]",
            focus=FOCUS_RUN,
        ),
        group(
            INTENT_ICE_DONE,
            f"{{runner}} (heb|heeft|hebben) [{_WHERE}] [net|zojuist|even] {_COOL}",
            "{runner} (ben|is) klaar met (koelen|ijzen|het koelen|het ijs)",
            "klaar met (koelen|ijzen|het koelen|het ijs)",
            "[het] koelen is (klaar|gedaan|voorbij)",
            "{runner} (heb|heeft) het ijs (eraf gehaald|weggehaald|eraf gedaan)",
            "[het] ijs is eraf",
            "ijs eraf",
        ),
        group(
            INTENT_NEXT_REMINDER,
            "(wat|wanneer) is {runner} volgende [enkel] herinnering",
            "volgende (herinnering|enkelherinnering)",
        ),
        group(
            INTENT_NEXT_REMINDER,
            f"wanneer (moet|mag|kan|zal) {{runner}} [{_WHERE}] (weer|opnieuw) koelen",
            "wanneer is {runner} volgende (koelsessie|ijssessie|koelbeurt)",
            reminder=ReminderKind.ICE_START.value,
        ),
        group(
            INTENT_NEXT_REMINDER,
            "wanneer (doe|moet|ga) {runner} [mijn|m'n|zijn|haar|de] "
            "(enkeloefeningen|oefeningen) [doen]",
            reminder=ReminderKind.EXERCISE.value,
        ),
        group(INTENT_LOG_RUN, *_run_sentences(_KM), unit="km"),
        group(INTENT_LOG_RUN, *_run_sentences(_MI), unit="mi"),
        group(
            INTENT_PROFESSIONAL_VISIT,
            f"{{runner}} (ben|is) [vandaag] (bij|naar) {_ARTICLE} {_PRO} geweest "
            f"{_ABOUT}",
            f"{{runner}} (heb|heeft) [vandaag] {_ARTICLE} {_PRO} (gezien|bezocht|"
            f"gesproken) {_ABOUT}",
            f"{_LOG} een (bezoek|afspraak) (bij|aan) (de|een) {_PRO}",
            cleared_to_run=False,
        ),
        group(
            INTENT_PROFESSIONAL_VISIT,
            f"{{runner}} (mag|mogen) van {_ARTICLE} {_PRO} weer (hardlopen|lopen|"
            "rennen)",
            f"{{runner}} (ben|is) (vrijgegeven|goedgekeurd) {_TO_RUN}",
            f"{_ARTICLE} {_PRO} heeft {{runner}} (vrijgegeven|toestemming gegeven|"
            f"groen licht gegeven) {_TO_RUN}",
            f"{{runner}} (ben|is) (bij|naar) {_ARTICLE} {_PRO} geweest en "
            "(mag|mogen) weer (hardlopen|lopen)",
            f"{{runner}} (heb|heeft) [van {_ARTICLE} {_PRO}] (toestemming|groen licht) "
            "gekregen om [weer] te (lopen|hardlopen)",
            cleared_to_run=True,
        ),
    ),
    sides=MappingProxyType(
        {
            **dict.fromkeys(
                ("linker", "linkerenkel", "links", "linkse", "linkerhiel"), Side.LEFT
            ),
            **dict.fromkeys(
                ("rechter", "rechterenkel", "rechts", "rechtse", "rechterhiel"),
                Side.RIGHT,
            ),
        }
    ),
    locations=MappingProxyType(
        {
            **dict.fromkeys(
                ("buitenkant", "buitenenkel", "buitenzijde"), Location.OUTER_ANKLE
            ),
            **dict.fromkeys(
                ("binnenkant", "binnenenkel", "binnenzijde"), Location.INNER_ANKLE
            ),
            **dict.fromkeys(("voorkant", "voorzijde"), Location.FRONT_OF_ANKLE),
            **dict.fromkeys(
                ("achterkant", "achterzijde", "achillespees", "achillespezen"),
                Location.BACK_OF_ANKLE,
            ),
            **dict.fromkeys(("hiel", "hielen", "hielpijn"), Location.HEEL),
            "bot": Location.BONE_SPOT,
        }
    ),
    self_words=frozenset({"ik", "mij", "me", "mijn", "m'n", "mn"}),
    fillers=frozenset(
        {
            "de",
            "het",
            "een",
            "van",
            "en",
            "aan",
            "op",
            "vandaag",
            "net",
            "zojuist",
            "nu",
            "ook",
            "al",
            "even",
            "nou",
            "hoi",
            "hey",
            "oké",
            "ok",
            "alsjeblieft",
            "graag",
            "s",
        }
    ),
    answers=MappingProxyType(
        {
            ANSWER_YES: tuple(
                group(
                    ANSWER_YES,
                    "ja [ik ben klaar|klaar|hoor|gedaan]",
                    "(jep|jawel|klaar|gedaan|zeker|oké|ok)",
                    "[ja] ik ben klaar [met koelen]",
                    "[ja] ik heb gekoeld",
                ).sentences
            ),
            ANSWER_NO: (
                "nee [nog niet]",
                "(nog niet|niet klaar|nope)",
                "[nee] ik (ben|koel) nog [aan het koelen]",
            ),
        }
    ),
    genitive_s=True,
    negations=frozenset({"niet", "geen", "nooit"}),
)
