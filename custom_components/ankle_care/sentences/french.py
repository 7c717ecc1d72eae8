"""French sentences: "ma cheville droite me fait mal à six sur dix", "puis-je courir aujourd'hui".

The side comes after the ankle ("ma cheville gauche") and another runner's name
after it too ("comment va la cheville de Sam", "… d'Alex"): `{runner}` then stands
at the end and its "de" or "d'" is dropped. Every elided word also matches with a
curly apostrophe (`grammar.curly`); "à" is listed with "a" where typed text leaves
the accent out. A clearance needs "été autorisé" or a professional: "est-ce que je
suis autorisé à courir aujourd'hui" is a question about today (status).
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

_BODY = "(cheville|chevilles|talon|talons|tendon d'achille|tendons d'achille|achille)"
_SIDE = "[droite|gauche|droit|droites|gauches|droits]"
_OWNER = "(ma|mon|mes|sa|son|ses|la|le|les|leur|leurs)"
_WHERE = f"{_OWNER} {_BODY} {_SIDE}"
_THE = "(la|le|les)"
"""Before an ankle whose runner is named after it ("la cheville de Sam")."""
_HURTS = (
    "(me fait mal|lui fait mal|fait mal|me font mal|font mal|est douloureuse|"
    "est douloureux|sont douloureuses|sont douloureux)"
)
_AT = "(à la|a la|au|aux)"
_TODAY = "[aujourd'hui]"
_CAN = "(peux|peut|pourrais|pourrait|dois|doit)"
_RUN = "(courir|aller courir|faire un footing|faire un jogging|faire une course)"
_CAN_I = "(puis-je|puis je|est-ce que je peux|est ce que je peux|je peux)"
_MUST_I = (
    "(dois-je|dois je|est-ce que je dois|est ce que je dois|faut-il|faut il|"
    "est-ce qu'il faut)"
)
_ICE = "(glacer|reglacer|remettre de la glace|mettre de la glace)"
_AGAIN = "[à nouveau|de nouveau|la prochaine fois]"
_PRO = (
    "(médecin|médecin du sport|docteur|généraliste|kiné|kinésithérapeute|"
    "kinesitherapeute|physio|physiothérapeute|podologue|podo|orthopédiste|"
    "spécialiste|professionnel|professionnel de santé)"
)
_ARTICLE = "(un|une|le|la|mon|ma|son|sa)"
_FOR = f"[(pour|à cause de) {_WHERE}]"
_CLEARED = "(autorisé|autorisée|autorisés|autorisées)"
_RESUME = "(courir|recourir|reprendre la course|reprendre la course à pied)"
_LOG = "(note|noter|enregistre|enregistrer)"
_KM = "(kilomètres|kilomètre|kilometres|kilometre|km|bornes)"
_MI = "(miles|mile|milles)"
_HALF = "[et demi|et demie]"
"""After the unit: "huit kilomètres et demi" (`LanguageSentences.halves_after`)."""


def _run_sentences(unit: str) -> tuple[str, ...]:
    return (
        f"{{runner}} couru {{distance}} {unit} {_HALF} {_TODAY}",
        f"{{runner}} fait (une course|un footing|un jogging|une sortie) de "
        f"{{distance}} {unit} {_HALF} {_TODAY}",
        f"{_LOG} (une course|un footing|une sortie) de {{distance}} {unit}",
    )


FRENCH = LanguageSentences(
    groups=(
        group(
            INTENT_LOG_SORENESS,
            # no number first: Ankle Care asks for one
            f"{{runner}} {_BODY} {_SIDE} {_HURTS}",
            f"{{runner}} mal {_AT} {_BODY} {_SIDE}",
            f"{_THE} {_BODY} {_SIDE} {{runner}} {_HURTS}",
            f"{{runner}} {_BODY} {_SIDE} {_HURTS} [à|a] {{severity}}",
            f"{{runner}} mal {_AT} {_BODY} {_SIDE} [à|a] {{severity}}",
            f"{_THE} {_BODY} {_SIDE} {{runner}} {_HURTS} [à|a] {{severity}}",
            f"[{_LOG}] [une] douleur [à la|a la|au|aux|de la|du|de|à|a] {_BODY} "
            f"{_SIDE} [à|a|de] {{severity}}",
        ),
        group(
            INTENT_STATUS,
            f"comment (va|vont|se porte|se portent) {{runner}} {_BODY} {_SIDE} {_TODAY}",
            f"comment (va|vont|se porte|se portent) {_THE} {_BODY} {_SIDE} {{runner}}",
            "comment (va|se passe) {runner} (récupération|rétablissement)",
            "où en est {runner} (récupération|rétablissement|cheville)",
            f"(état|statut) [de] {{runner}} {_BODY}",
        ),
        group(
            INTENT_STATUS,
            f"quel est {{runner}} risque de blessure {_TODAY}",
            "(est-ce que|est ce que) {runner} (risque|risques) (de me blesser|"
            "de se blesser|une blessure)",
            "(suis-je|suis je) à risque de blessure",
            f"risque de blessure {_TODAY}",
            focus=FOCUS_RISK,
        ),
        group(
            INTENT_STATUS,
            f"{{runner}} {_CAN} {_RUN} aujourd'hui",
            f"(puis-je|puis je) {_RUN} aujourd'hui",
            f"{{runner}} (peut-il|peut-elle|peut il|peut elle) {_RUN} aujourd'hui",
            "(combien|combien de kilomètres|combien de km|combien de miles|jusqu'où|"
            f"jusqu'à quelle distance) {_CAN_I} courir aujourd'hui",
            "quelle est {runner} distance (sûre|sure|de sécurité|sans risque) "
            f"{_TODAY}",
            f"distance (sûre|sure|de sécurité|sans risque) {_TODAY}",
            "(suis-je|suis je|est-ce que je suis|est ce que je suis) "
            "(autorisé|autorisée) à courir aujourd'hui",
            "(ai-je|ai je|est-ce que j'ai|est ce que j'ai) le droit de courir "
            "aujourd'hui",
            focus=FOCUS_RUN,
        ),
        group(
            INTENT_ICE_DONE,
            "{runner} (glacé|mis de la glace sur|mis de la glace à|"
            f"appliqué de la glace sur) {_WHERE} {_TODAY}",
            f"{{runner}} (fini|terminé|arrêté) (de glacer|le glaçage|la glace) "
            f"[{_WHERE}]",
            "(fini|terminé) (de glacer|le glaçage|la glace)",
            "(glaçage|glace) (fini|finie|terminé|terminée)",
            "{runner} (enlevé|retiré) la glace",
            "[la] glace [est] (enlevée|retirée)",
        ),
        group(
            INTENT_NEXT_REMINDER,
            "quel est {runner} prochain rappel",
            "(c'est quand|quand est|quand arrive) {runner} prochain rappel",
            "prochain rappel [cheville|pour la cheville]",
        ),
        group(
            INTENT_NEXT_REMINDER,
            f"quand {_MUST_I} {_ICE} [{_WHERE}] {_AGAIN}",
            f"quand {{runner}} (doit-il|doit-elle|doit il|doit elle) {_ICE} "
            f"[{_WHERE}] {_AGAIN}",
            "(c'est quand|quand est|quand arrive) {runner} prochaine (séance de glace|"
            "séance de glaçage)",
            reminder=ReminderKind.ICE_START.value,
        ),
        group(
            INTENT_NEXT_REMINDER,
            f"quand {_MUST_I} faire (mes|les) exercices [de cheville|pour la cheville]",
            "quand {runner} (doit-il|doit-elle|doit il|doit elle) faire (ses|les) "
            "exercices [de cheville|pour la cheville]",
            "(quand est-ce que je fais|quand est ce que je fais|c'est quand) "
            "(mes|les) exercices [de cheville|pour la cheville]",
            reminder=ReminderKind.EXERCISE.value,
        ),
        group(INTENT_LOG_RUN, *_run_sentences(_KM), unit="km"),
        group(INTENT_LOG_RUN, *_run_sentences(_MI), unit="mi"),
        group(
            INTENT_PROFESSIONAL_VISIT,
            f"{{runner}} (vu|consulté) {_ARTICLE} {_PRO} {_FOR} {_TODAY}",
            f"{{runner}} (allé|allée|allés|allées) (chez|voir) {_ARTICLE} {_PRO} "
            f"{_FOR} {_TODAY}",
            f"{_LOG} une (visite|consultation) (chez|avec) {_ARTICLE} {_PRO}",
            cleared_to_run=False,
        ),
        group(
            INTENT_PROFESSIONAL_VISIT,
            f"{{runner}} été {_CLEARED} à {_RESUME} [par {_ARTICLE} {_PRO}] {_TODAY}",
            f"(le|la|mon|ma) {_PRO} {{runner}} {_CLEARED} à {_RESUME} {_TODAY}",
            f"(le|la|mon|ma) {_PRO} {{runner}} (donné|donne) le feu vert pour "
            f"{_RESUME} {_TODAY}",
            cleared_to_run=True,
        ),
    ),
    sides=MappingProxyType(
        {
            **dict.fromkeys(("gauche", "gauches"), Side.LEFT),
            **dict.fromkeys(("droite", "droit", "droites", "droits"), Side.RIGHT),
        }
    ),
    locations=MappingProxyType(
        {
            **dict.fromkeys(
                ("extérieur", "exterieur", "externe", "extérieure", "externes"),
                Location.OUTER_ANKLE,
            ),
            **dict.fromkeys(
                ("intérieur", "interieur", "interne", "intérieure", "internes"),
                Location.INNER_ANKLE,
            ),
            **dict.fromkeys(("avant", "devant"), Location.FRONT_OF_ANKLE),
            **dict.fromkeys(
                ("arrière", "arriere", "derrière", "derriere", "achille"),
                Location.BACK_OF_ANKLE,
            ),
            **dict.fromkeys(("talon", "talons"), Location.HEEL),
            "os": Location.BONE_SPOT,
        }
    ),
    self_words=frozenset(
        {
            "je",
            "j'ai",
            "j",
            "moi",
            "me",
            "m'a",
            "m'ont",
            "mon",
            "ma",
            "mes",
            "suis",
            "j'étais",
        }
    ),
    fillers=frozenset(
        {
            "le",
            "la",
            "les",
            "l",
            "un",
            "une",
            "de",
            "d",
            "du",
            "des",
            "et",
            "a",
            "à",
            "est",
            "que",
            "qu",
            "ce",
            "c'est",
            "aujourd'hui",
            "déjà",
            "juste",
            "aussi",
            "bon",
            "alors",
            "ok",
            "s'il",
            "te",
            "plaît",
            "vous",
            "il",
            "elle",
            "on",
        }
    ),
    answers=MappingProxyType(
        {
            ANSWER_YES: tuple(
                group(
                    ANSWER_YES,
                    "oui [c'est fait|j'ai fini|j'ai terminé]",
                    "(ouais|ok|d'accord|c'est fait|c'est bon|fini|terminé)",
                    "[oui] j'ai (fini|terminé) [de glacer]",
                ).sentences
            ),
            ANSWER_NO: tuple(
                group(
                    ANSWER_NO,
                    "non [pas encore]",
                    "(pas encore|pas fini|pas terminé)",
                    "[non] je (glace|suis) encore [en train de glacer]",
                ).sentences
            ),
        }
    ),
    elisions=("d'", "l'", "qu'"),
    halves_after=(("et", "demi"), ("et", "demie")),
    question_words=frozenset({"est-ce", "qu'est-ce"}),
    negations=frozenset({"pas", "ne", "n'", "jamais", "aucun", "aucune", "rien"}),
)
