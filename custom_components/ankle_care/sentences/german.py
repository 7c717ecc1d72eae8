"""German sentences: "mein linker Knöchel tut sechs von zehn weh", "kann ich heute laufen".

Names take a plain "s" ("wie geht es Sams Knöchel") or an apostrophe ("Alex'
Knöchel"). Words with "ß" are listed with "ss" too, as Swiss German writes them.
A clearance needs a professional or "freigegeben": "ich darf wieder laufen" alone
is no clearance.
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

_BODY = (
    "(knöchel|fussknöchel|fußknöchel|sprunggelenk|sprunggelenke|ferse|fersen|"
    "achillessehne|achillessehnen|achillesferse)"
)
_BODY_OF = "(knöchels|sprunggelenks|fusses|fußes|knöchel|ferse|achillessehne)"
_SORE = (
    "(knöchel|knöchels|fussknöchel|fußknöchel|sprunggelenk|sprunggelenks|"
    "sprunggelenke|ferse|fersen|achillessehne|achillessehnen|achillesferse)"
)
"""The ankle that hurts, its genitive too ("die Außenseite meines Knöchels")."""
_OWNER = "(meinen|seinen|ihren|den|meine|seine|ihre|die|mein|sein|ihr|das)"
_OWNER_OF = "(meines|seines|ihres|des|meiner|seiner|ihrer|der)"
_SIDE = "[linken|rechten|linke|rechte]"
_WHERE = f"{_OWNER} {_SIDE} {_BODY}"
_HURTS = "(tut|tun) [mir|ihm|ihr]"
_ACHES = "(schmerzt|schmerzen)"
_AT = "[außen|aussen|innen|vorne|vorn|hinten]"
_PAIN = (
    "(knöchelschmerzen|fersenschmerzen|achillessehnenschmerzen|"
    "schmerzen im knöchel|schmerzen am knöchel|schmerzen im sprunggelenk)"
)
_LOG = "(trag|trage|notiere|erfasse)"
_PRO_AT = (
    "(beim|bei der|bei dem|bei einem|bei einer|bei meinem|bei meiner|bei seinem|"
    "bei seiner|bei ihrem|bei ihrer)"
)
_PRO_TO = "(zum|zur|zu meinem|zu meiner|zu einem|zu einer)"
_PRO = (
    "(arzt|ärztin|doktor|physio|physiotherapeuten|physiotherapeutin|orthopäden|"
    "orthopädin|sportarzt|sportärztin|hausarzt|hausärztin|facharzt|fachärztin|"
    "podologen|podologin|spezialisten|spezialistin)"
)
_PRO_WHO = (
    "(der|die|mein|meine) (arzt|ärztin|doktor|physio|physiotherapeut|"
    "physiotherapeutin|orthopäde|orthopädin|sportarzt|sportärztin|hausarzt|"
    "hausärztin|facharzt|fachärztin|podologe|podologin)"
)
_TO_RUN = "(zum laufen|fürs laufen|für das laufen)"
_KM = "(kilometer|kilometern|km)"
_MI = "(meilen|meile)"


def _run_sentences(unit: str) -> tuple[str, ...]:
    return (
        f"{{runner}} (bin|ist|sind) [heute] {{distance}} {unit} "
        "(gelaufen|gejoggt|gerannt)",
        f"{{runner}} (war|waren) [heute] {{distance}} {unit} (laufen|joggen)",
        f"{{runner}} (habe|hab|hat) [heute] einen lauf (von|über) {{distance}} {unit} "
        "gemacht",
        f"{_LOG} einen lauf (von|über) {{distance}} {unit} ein",
        f"lauf (von|über) {{distance}} {unit} (eintragen|notieren|erfassen)",
    )


GERMAN = LanguageSentences(
    groups=(
        group(
            INTENT_LOG_SORENESS,
            # no number first: Ankle Care asks for one
            f"{{runner}} {_SORE} {_HURTS} {_AT} weh",
            f"{{runner}} {_SORE} {_ACHES} [mir]",
            f"mir (tut|tun) {{runner}} {_SORE} {_AT} weh",
            f"{{runner}} (habe|hab|hat) {_PAIN} [links|rechts]",
            f"{{runner}} {_SORE} {_HURTS} {_AT} [mit|bei] {{severity}} weh",
            f"{{runner}} {_SORE} {_HURTS} {_AT} weh {{severity}}",
            f"{{runner}} {_SORE} {_ACHES} [mir] {_AT} [mit|bei] {{severity}}",
            f"mir (tut|tun) {{runner}} {_SORE} {_AT} [mit|bei] {{severity}} weh",
            f"{{runner}} (habe|hab|hat) {_PAIN} [links|rechts] [bei|von] {{severity}}",
            f"{_PAIN} [links|rechts] [bei|von] {{severity}}",
            f"{_LOG} (knöchelschmerzen|schmerzen) [von|mit] {{severity}} ein",
        ),
        group(
            INTENT_STATUS,
            f"wie (geht es|geht's|gehts) {{runner}} {_BODY} [heute]",
            f"wie (geht es|geht's|gehts) (dem|der) {_SIDE} {_BODY} von {{runner}}",
            f"wie steht es um {{runner}} {_BODY} [heute]",
            f"was macht {{runner}} {_BODY} [heute]",
            "wie (läuft|geht) {runner} (genesung|erholung|heilung) [voran]",
            "wie ist {runner} (knöchelstatus|genesungsstatus)",
            "(knöchelstatus|knöchel status|genesungsstatus)",
        ),
        group(
            INTENT_STATUS,
            "(wie hoch ist|wie groß ist|wie gross ist|was ist|wie ist) {runner} "
            "[knöchel] verletzungsrisiko [heute]",
            "(habe|hab|hat) {runner} ein [hohes] verletzungsrisiko [heute]",
            "(bin|ist) {runner} [heute] verletzungsgefährdet",
            "verletzungsrisiko [heute]",
            focus=FOCUS_RISK,
        ),
        group(
            INTENT_STATUS,
            "(kann|darf|soll|sollte) {runner} heute (laufen|joggen|rennen|"
            "laufen gehen|joggen gehen|rennen gehen)",
            "wie (weit|viel|viele kilometer|viele km|viele meilen) "
            "(kann|darf|soll|sollte) {runner} heute (laufen|joggen|rennen)",
            "(was ist|wie lang ist|wie weit ist) {runner} sichere (distanz|strecke) "
            "[heute]",
            "sichere (distanz|strecke) [heute]",
            "ist (laufen|joggen) heute (ok|okay|erlaubt|in ordnung)",
            focus=FOCUS_RUN,
        ),
        group(
            INTENT_ICE_DONE,
            f"{{runner}} (habe|hab|hat|haben) [{_WHERE}] [eben|gerade|jetzt|schon] "
            "(gekühlt|geeist|vereist)",
            "{runner} (bin|ist|sind) fertig mit [dem] (kühlen|eis)",
            "fertig mit [dem] (kühlen|eis)",
            "(kühlen|eis) [ist] (fertig|beendet|erledigt|vorbei)",
            "{runner} (habe|hab|hat) das eis (abgenommen|runtergenommen|weggenommen|"
            "entfernt)",
            "[das] eis ist (ab|runter|weg)",
            "eis (ab|runter|weg)",
        ),
        group(
            INTENT_NEXT_REMINDER,
            "(was|wann) ist {runner} nächste [knöchel] erinnerung",
            "nächste (erinnerung|knöchelerinnerung)",
        ),
        group(
            INTENT_NEXT_REMINDER,
            f"wann (muss|soll|sollte|kann|darf) {{runner}} [{_WHERE}] "
            "(wieder|als nächstes|das nächste mal|erneut) kühlen",
            "wann (ist|kommt) {runner} nächste (kühlung|kühleinheit|eisrunde)",
            reminder=ReminderKind.ICE_START.value,
        ),
        group(
            INTENT_NEXT_REMINDER,
            "wann (mache|mach|macht|muss|soll|sollte) {runner} [meine|seine|ihre|die] "
            "(knöchelübungen|übungen|fussübungen|fußübungen) [machen]",
            reminder=ReminderKind.EXERCISE.value,
        ),
        group(INTENT_LOG_RUN, *_run_sentences(_KM), unit="km"),
        group(INTENT_LOG_RUN, *_run_sentences(_MI), unit="mi"),
        group(
            INTENT_PROFESSIONAL_VISIT,
            f"{{runner}} (war|waren) [heute] {_PRO_AT} {_PRO} "
            f"[wegen {_OWNER_OF} {_SIDE} {_BODY_OF}] [heute]",
            f"{{runner}} (bin|ist) [heute] {_PRO_TO} {_PRO} gegangen",
            f"{_LOG} [einen] (arztbesuch|physiobesuch|arzttermin|physiotermin) ein",
            "(arztbesuch|physiobesuch) (eintragen|notieren|erfassen)",
            cleared_to_run=False,
        ),
        group(
            INTENT_PROFESSIONAL_VISIT,
            f"{{runner}} (bin|ist|wurde|wurden) [heute] [wieder] {_TO_RUN} "
            "freigegeben [worden]",
            f"{{runner}} (habe|hab|hat) [heute] die freigabe {_TO_RUN} "
            "(bekommen|erhalten)",
            f"{_PRO_WHO} hat {{runner}} [wieder] {_TO_RUN} freigegeben",
            f"{{runner}} (war|waren) [heute] {_PRO_AT} {_PRO} und (darf|dürfen) "
            "wieder laufen",
            f"{_PRO_WHO} (sagt|meint|hat gesagt) {{runner}} (darf|dürfen) wieder laufen",
            cleared_to_run=True,
        ),
    ),
    sides=MappingProxyType(
        {
            **dict.fromkeys(
                ("links", "linke", "linken", "linker", "linkes", "linkem"), Side.LEFT
            ),
            **dict.fromkeys(
                ("rechts", "rechte", "rechten", "rechter", "rechtes", "rechtem"),
                Side.RIGHT,
            ),
        }
    ),
    locations=MappingProxyType(
        {
            **dict.fromkeys(
                (
                    "aussen",
                    "aussenseite",
                    "äussere",
                    "äusseren",
                    "äusserer",
                    "aussenknöchel",
                ),
                Location.OUTER_ANKLE,
            ),
            **dict.fromkeys(
                ("innen", "innenseite", "innere", "inneren", "innerer", "innenknöchel"),
                Location.INNER_ANKLE,
            ),
            **dict.fromkeys(
                ("vorne", "vorn", "vorderseite", "vordere", "vorderen"),
                Location.FRONT_OF_ANKLE,
            ),
            **dict.fromkeys(
                (
                    "hinten",
                    "rückseite",
                    "hintere",
                    "hinteren",
                    "achillessehne",
                    "achillessehnen",
                    "achillesferse",
                    "achillessehnenschmerzen",
                ),
                Location.BACK_OF_ANKLE,
            ),
            **dict.fromkeys(("ferse", "fersen", "fersenschmerzen"), Location.HEEL),
            "knochen": Location.BONE_SPOT,
        }
    ),
    self_words=frozenset(
        {"ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "meines"}
    ),
    fillers=frozenset(
        {
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "und",
            "von",
            "vom",
            "heute",
            "gerade",
            "eben",
            "jetzt",
            "schon",
            "auch",
            "so",
            "also",
            "bitte",
            "hey",
            "ok",
            "okay",
            "mal",
            "nur",
            "noch",
            "es",
            "ist",
            "s",
        }
    ),
    answers=MappingProxyType(
        {
            ANSWER_YES: (
                "ja [habe ich|hab ich|bin ich]",
                "(jep|jo|jawohl|klar|genau|erledigt)",
                "[ja] [ich bin|bin] fertig [mit dem kühlen|mit kühlen]",
                "[ja] ich habe (gekühlt|das eis abgenommen)",
            ),
            ANSWER_NO: (
                "nein [noch nicht]",
                "(nö|ne|noch nicht|nicht fertig|nicht ganz)",
                "[nein] ich (kühle|bin) noch [am kühlen]",
            ),
        }
    ),
    genitive_s=True,
    negations=frozenset({"nicht", "kein", "keine", "keinen", "nie", "niemals"}),
)
