"""Spanish sentences: "me duele el tobillo izquierdo un seis", "¿puedo correr hoy?".

Hassil drops "¿" and "?" around the words. Typed Spanish often leaves accents
out, so the question words and the verbs people type are listed both ways
("cómo", "como"; "corrí", "corri"). Another runner's name comes after the ankle
("el tobillo de Sam") or before the verb ("a Sam le duele el tobillo"). A
clearance needs someone who gave it ("me dieron el alta para correr").
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
    "(tobillo|tobillos|talón|talon|talones|tendón de aquiles|tendon de aquiles|aquiles)"
)
_SIDE = "[izquierdo|derecho|izquierda|derecha|izquierdos|derechos]"
_OWNER = "(el|los|la|mi|mis|su|sus)"
_WHERE = f"{_OWNER} {_BODY} {_SIDE}"
_HURTS = "(duele|duelen)"
_HOW = "(cómo|como)"
_IS = "(está|están|esta|estan|va|van|sigue|siguen)"
_WHICH = "(cuál es|cual es)"
_WHEN = "(cuándo|cuando)"
_NEXT = "(próximo|proximo|siguiente)"
_NEXT_F = "(próxima|proxima|siguiente)"
_RUN = "(correr|salir a correr|ir a correr)"
_INJURY = "(lesión|lesion)"
_PUT_ICE = "(poner|ponerme|volver a poner|volver a ponerme|aplicar)"
_EXERCISES = "[del tobillo|de tobillo|para el tobillo]"
_LOG = "(registra|registrar|anota|anotar|apunta|apuntar)"
_TO = "(al|a la|a un|a una|a mi|a su)"
_PRO = (
    "(médico|medico|médica|medica|doctor|doctora|fisio|fisioterapeuta|podólogo|"
    "podologo|podóloga|podologa|traumatólogo|traumatologo|traumatóloga|"
    "traumatologa|médico deportivo|medico deportivo|especialista|profesional)"
)
_FOR = f"[(por|para) {_WHERE}]"
_RESUME = "(correr|volver a correr)"
_KM = "(kilómetros|kilometros|kilómetro|kilometro|km)"
_MI = "(millas|milla)"
_HALF = "[y medio|y media]"
"""After the unit: "ocho kilómetros y medio" (`LanguageSentences.halves_after`)."""


def _run_sentences(unit: str) -> tuple[str, ...]:
    return (
        f"(corrí|corri) {{distance}} {unit} {_HALF} [hoy]",
        f"{{runner}} (corrí|corri|corrió|corrio|corrido) {{distance}} {unit} {_HALF} "
        "[hoy]",
        f"{{runner}} (hice|hizo|hecho) una (carrera|salida|tirada) de {{distance}} "
        f"{unit} {_HALF} [hoy]",
        f"(hice) una (carrera|salida|tirada) de {{distance}} {unit} {_HALF} [hoy]",
        f"{_LOG} una (carrera|salida|tirada) de {{distance}} {unit}",
    )


SPANISH = LanguageSentences(
    groups=(
        group(
            INTENT_LOG_SORENESS,
            # no number first: Ankle Care asks for one
            f"{{runner}} {_HURTS} {_WHERE}",
            f"{{runner}} {_BODY} {_SIDE} [me|le] {_HURTS}",
            f"{{runner}} (dolor|molestias) (en|de) [{_OWNER}] {_BODY} {_SIDE}",
            f"{{runner}} {_HURTS} {_WHERE} [con|en|a] {{severity}}",
            f"{{runner}} {_BODY} {_SIDE} [me|le] {_HURTS} [con|en|a] {{severity}}",
            f"{{runner}} (dolor|molestias) (en|de) [{_OWNER}] {_BODY} {_SIDE} [de] "
            "{severity}",
            f"[{_LOG}] [un] dolor (de|en|del) [{_OWNER}] {_BODY} {_SIDE} [de] "
            "{severity}",
        ),
        group(
            INTENT_STATUS,
            f"{_HOW} {_IS} {{runner}} {_BODY} {_SIDE} [hoy]",
            f"{_HOW} {_IS} (el|los) {_BODY} {_SIDE} {{runner}}",
            f"{_HOW} (va|sigue) {{runner}} (recuperación|recuperacion)",
            f"(qué tal|que tal) {{runner}} {_BODY} {_SIDE} [hoy]",
            f"estado (del|de mi|de su) {_BODY}",
        ),
        group(
            INTENT_STATUS,
            f"({_WHICH}|qué tan alto es|que tan alto es) {{runner}} riesgo de "
            f"{_INJURY} [hoy]",
            "{runner} (tengo|tiene|corro|corre) riesgo de "
            f"({_INJURY}|lesionarme|lesionarse) [hoy]",
            f"(tengo|corro) riesgo de ({_INJURY}|lesionarme) [hoy]",
            f"riesgo de {_INJURY} [hoy]",
            focus=FOCUS_RISK,
        ),
        group(
            INTENT_STATUS,
            f"(puedo|debo|podría|podria) {_RUN} hoy",
            f"{{runner}} (puedo|puede|debo|debe|podría|podria) {_RUN} hoy",
            f"(puede|debe|podría|podria) {{runner}} {_RUN} hoy",
            "(cuánto|cuanto|cuántos kilómetros|cuantos kilometros|cuántos km|"
            "cuantos km|cuántas millas|cuantas millas|qué distancia|que distancia) "
            "(puedo|debo|podría|podria) correr hoy",
            f"{_WHICH} {{runner}} distancia segura [hoy|de hoy]",
            "distancia segura [hoy|de hoy]",
            focus=FOCUS_RUN,
        ),
        group(
            INTENT_ICE_DONE,
            "{runner} (puesto|aplicado|puse|puso|apliqué|aplique|aplicó|aplico) "
            f"hielo [en|a] [{_WHERE}] [hoy|ahora]",
            f"(puse|apliqué|aplique) hielo [en|a] [{_WHERE}]",
            "{runner} (terminé|termine|terminó|termino|acabé|acabe|acabó|acabo|"
            "terminado|acabado) (con el hielo|de ponerme hielo|de poner hielo|"
            "el hielo)",
            "(terminé|termine|acabé|acabe) (con el hielo|de ponerme hielo|"
            "de poner hielo|el hielo)",
            "{runner} (quité|quite|quitó|quito|quitado) el hielo",
            "(quité|quite) el hielo",
            "[el] hielo (terminado|listo|quitado|fuera)",
        ),
        group(
            INTENT_NEXT_REMINDER,
            f"({_WHICH}|cuándo es|cuando es) {{runner}} {_NEXT} recordatorio",
            f"{_NEXT} recordatorio [del tobillo]",
        ),
        group(
            INTENT_NEXT_REMINDER,
            f"{_WHEN} (tengo que|debo|me toca|toca) {_PUT_ICE} hielo "
            f"[otra vez|de nuevo] [en {_WHERE}]",
            f"{_WHEN} (tiene que|debe) {{runner}} (poner|ponerse) hielo "
            "[otra vez|de nuevo]",
            f"{_WHEN} (es|será|sera|toca) {{runner}} {_NEXT_F} (sesión|sesion) de "
            "hielo",
            reminder=ReminderKind.ICE_START.value,
        ),
        group(
            INTENT_NEXT_REMINDER,
            f"{_WHEN} (hago|tengo que hacer|debo hacer|me toca hacer|toca hacer) "
            f"(mis|los) ejercicios {_EXERCISES}",
            f"{_WHEN} (tiene que hacer|debe hacer|hace) {{runner}} (sus|los) "
            f"ejercicios {_EXERCISES}",
            reminder=ReminderKind.EXERCISE.value,
        ),
        group(INTENT_LOG_RUN, *_run_sentences(_KM), unit="km"),
        group(INTENT_LOG_RUN, *_run_sentences(_MI), unit="mi"),
        group(
            INTENT_PROFESSIONAL_VISIT,
            f"(fui|estuve) {_TO} {_PRO} {_FOR} [hoy]",
            f"{{runner}} (fui|fue|ido|estuve|estuvo) {_TO} {_PRO} {_FOR} [hoy]",
            f"(vi|visité|visite) {_TO} {_PRO} {_FOR} [hoy]",
            f"{{runner}} (vi|vio|visto|visité|visite|visitó|visito|visitado) {_TO} "
            f"{_PRO} {_FOR} [hoy]",
            "(me vio|me ha visto|me revisó|me reviso|me ha revisado) "
            f"(el|la|un|una|mi) {_PRO} {_FOR} [hoy]",
            f"{_LOG} una (visita|consulta|cita) (al|a la|con el|con la|con un|con una|"
            f"con mi) {_PRO}",
            cleared_to_run=False,
        ),
        group(
            INTENT_PROFESSIONAL_VISIT,
            f"{{runner}} (dio|dieron|dado) (el alta|permiso|luz verde) para {_RESUME} "
            "[hoy]",
            f"{{runner}} (autorizó|autorizo|autorizaron|autorizado) a {_RESUME} [hoy]",
            cleared_to_run=True,
        ),
    ),
    sides=MappingProxyType(
        {
            **dict.fromkeys(("izquierdo", "izquierda", "izquierdos"), Side.LEFT),
            **dict.fromkeys(("derecho", "derecha", "derechos"), Side.RIGHT),
        }
    ),
    locations=MappingProxyType(
        {
            **dict.fromkeys(
                ("exterior", "fuera", "afuera", "externo", "externa"),
                Location.OUTER_ANKLE,
            ),
            **dict.fromkeys(
                ("interior", "dentro", "adentro", "interno", "interna"),
                Location.INNER_ANKLE,
            ),
            **dict.fromkeys(
                ("delante", "frente", "delantera", "delantero"),
                Location.FRONT_OF_ANKLE,
            ),
            **dict.fromkeys(
                ("detrás", "detras", "trasera", "trasero", "aquiles"),
                Location.BACK_OF_ANKLE,
            ),
            **dict.fromkeys(("talón", "talon", "talones"), Location.HEEL),
            "hueso": Location.BONE_SPOT,
        }
    ),
    self_words=frozenset(
        {"yo", "me", "mi", "mis", "mí", "tengo", "he", "estoy", "soy", "ya"}
    ),
    fillers=frozenset(
        {
            "el",
            "la",
            "los",
            "las",
            "lo",
            "le",
            "les",
            "se",
            "de",
            "del",
            "a",
            "al",
            "y",
            "e",
            "un",
            "una",
            "hoy",
            "ahora",
            "también",
            "tambien",
            "solo",
            "pues",
            "bueno",
            "oye",
            "vale",
            "por",
            "favor",
            "ha",
            "han",
            "que",
            "parte",
            "lado",
        }
    ),
    answers=MappingProxyType(
        {
            ANSWER_YES: (
                "(sí|si) [ya terminé|ya termine|ya acabé|ya acabe|ya está|ya esta]",
                "(vale|claro|listo|ya|ya está|ya esta|hecho)",
                "[sí|si] [ya] (terminé|termine|acabé|acabe|he terminado)",
            ),
            ANSWER_NO: (
                "no [todavía|todavia|aún no|aun no|he terminado]",
                "(todavía no|todavia no|aún no|aun no)",
                "[no] [todavía|todavia|aún|aun] (estoy|sigo) con [el] hielo",
            ),
        }
    ),
    halves_after=(("y", "medio"), ("y", "media")),
    negations=frozenset({"no", "nunca", "tampoco", "jamás", "jamas"}),
)
