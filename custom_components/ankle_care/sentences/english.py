"""English sentences: "my left ankle hurts six out of ten", "can I run today"."""

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
    SLOT_CLEARED,
    SLOT_FOCUS,
    SLOT_REMINDER,
    SLOT_UNIT,
    LanguageSentences,
    SentenceGroup,
)

_BODY = "(ankle|ankles|heel|heels|achilles|achilles tendon)"
_OWNER = "(my|his|her|their|the)"
_SIDE = "[left|right]"
_WHERE = f"{_OWNER} {_SIDE} {_BODY}"
_HURTS = (
    "(hurts|hurt|is sore|are sore|feels sore|is hurting|is aching|aches|ache|"
    "is painful)"
)
_PAIN = "(pain|soreness)"
_WHAT_IS = "(what is|what's|whats)"
_PRO = (
    "(doctor|physio|physiotherapist|physical therapist|podiatrist|sports doctor|"
    "medical professional|professional|gp)"
)
_ARTICLE = "(a|the|my|his|her|their)"
_CLEARED = "(was|got|am|is|are|were|have been|has been|been)"
_KM = "(kilometers|kilometres|kilometer|kilometre|km|k)"
_KM_ONE = "(kilometer|kilometre|km|k)"
_MI = "(miles|mile)"


def _run_sentences(unit: str, unit_one: str) -> tuple[str, ...]:
    return (
        f"{{runner}} ran {{distance}} {unit} [today]",
        f"{{runner}} (did|had|finished) a {{distance}} {unit_one} run [today]",
        f"log [a] run of {{distance}} {unit}",
        f"log [a] {{distance}} {unit_one} run",
    )


ENGLISH = LanguageSentences(
    groups=(
        SentenceGroup(
            INTENT_LOG_SORENESS,
            (
                f"{{runner}} {_BODY} {_HURTS} [at] {{severity}}",
                f"{{runner}} {_BODY} {_PAIN} [is] [at] {{severity}}",
                f"{_SIDE} {_BODY} {_PAIN} [is] [at] {{severity}}",
                # no number: Ankle Care asks for one
                f"{{runner}} {_BODY} {_HURTS}",
            ),
        ),
        SentenceGroup(
            INTENT_STATUS,
            (
                f"how (is|are) {{runner}} {_BODY} [doing|feeling] [today]",
                "how is {runner} recovery [going] [today]",
                f"{_WHAT_IS} {{runner}} (ankle|recovery) status",
                "(ankle|recovery) status",
            ),
        ),
        SentenceGroup(
            INTENT_STATUS,
            (
                f"({_WHAT_IS}|how high is|how big is) {{runner}} [ankle] injury risk "
                "[today]",
                "(am|is) {runner} at risk of [an] injury [today]",
                "injury risk [today]",
            ),
            {SLOT_FOCUS: FOCUS_RISK},
        ),
        SentenceGroup(
            INTENT_STATUS,
            (
                "(can|may|should) {runner} (run|go running|go for a run) today",
                "how (far|much|many kilometers|many kilometres|many km|many miles) "
                "(can|may|should) {runner} run today",
                "(is|am) {runner} (allowed|ok|okay) to run today",
                f"{_WHAT_IS} {{runner}} safe distance [today]",
                "safe distance [today]",
            ),
            {SLOT_FOCUS: FOCUS_RUN},
        ),
        SentenceGroup(
            INTENT_ICE_DONE,
            (
                f"{{runner}} (finished|done|stopped) icing [{_WHERE}]",
                f"(finished|done|stopped) icing [{_WHERE}]",
                "icing [is] (done|finished|complete|over)",
                f"{{runner}} iced {_WHERE} [today|just now]",
                f"{{runner}} took the ice off [{_WHERE}]",
                "[the] ice is off",
                "ice off",
            ),
        ),
        SentenceGroup(
            INTENT_NEXT_REMINDER,
            (
                f"{_WHAT_IS} {{runner}} next [ankle] reminder",
                "when is {runner} next [ankle] reminder",
                "next ankle [care] reminder",
            ),
        ),
        SentenceGroup(
            INTENT_NEXT_REMINDER,
            (
                f"when (do|does|should|can|will) {{runner}} ice [{_WHERE}] "
                "(next|again)",
                "when is {runner} next ice [session|reminder]",
            ),
            {SLOT_REMINDER: ReminderKind.ICE_START.value},
        ),
        SentenceGroup(
            INTENT_NEXT_REMINDER,
            (
                f"when (do|does|should) {{runner}} do [{_OWNER}] [ankle] exercises "
                "[next|again]",
            ),
            {SLOT_REMINDER: ReminderKind.EXERCISE.value},
        ),
        SentenceGroup(INTENT_LOG_RUN, _run_sentences(_KM, _KM_ONE), {SLOT_UNIT: "km"}),
        SentenceGroup(INTENT_LOG_RUN, _run_sentences(_MI, "mile"), {SLOT_UNIT: "mi"}),
        SentenceGroup(
            INTENT_PROFESSIONAL_VISIT,
            (
                f"{{runner}} (saw|visited|went to|seen) {_ARTICLE} {_PRO} "
                f"[about {_WHERE}] [today]",
                f"log [a] (visit|appointment) (to|with) {_ARTICLE} {_PRO}",
            ),
            {SLOT_CLEARED: False},
        ),
        SentenceGroup(
            INTENT_PROFESSIONAL_VISIT,
            (
                f"{{runner}} {_CLEARED} cleared to run [by {_ARTICLE} {_PRO}] [today]",
                f"{{runner}} (saw|visited|went to|seen) {_ARTICLE} {_PRO} and "
                f"{_CLEARED} cleared to run [today]",
                f"{_ARTICLE} {_PRO} cleared {{runner}} to run [today]",
            ),
            {SLOT_CLEARED: True},
        ),
    ),
    sides=MappingProxyType({"left": Side.LEFT, "right": Side.RIGHT}),
    locations=MappingProxyType(
        {
            "outer": Location.OUTER_ANKLE,
            "outside": Location.OUTER_ANKLE,
            "inner": Location.INNER_ANKLE,
            "inside": Location.INNER_ANKLE,
            "front": Location.FRONT_OF_ANKLE,
            "back": Location.BACK_OF_ANKLE,
            "achilles": Location.BACK_OF_ANKLE,
            "heel": Location.HEEL,
            "heels": Location.HEEL,
            "bone": Location.BONE_SPOT,
        }
    ),
    self_words=frozenset(
        {"i", "me", "my", "mine", "myself", "i'm", "im", "i've", "ive", "i'd"}
    ),
    fillers=frozenset(
        {
            "a",
            "an",
            "the",
            "of",
            "on",
            "in",
            "and",
            "just",
            "also",
            "already",
            "now",
            "today",
            "so",
            "well",
            "ok",
            "okay",
            "hey",
            "please",
            "log",
            "record",
            "note",
            "s",
        }
    ),
    answers=MappingProxyType(
        {
            ANSWER_YES: (
                "yes [I (did|have)]",
                "(yeah|yep|yup|sure|I did|I have)",
                "[yes] [I'm|I am|all] (done|finished)",
                "[yes] I finished [icing]",
            ),
            ANSWER_NO: (
                "no [I (did not|didn't|have not|haven't)]",
                "(nope|not yet|not done|I did not|I didn't)",
                "[no] [I'm|I am] still icing",
            ),
        }
    ),
    negations=frozenset(
        {
            "not",
            "no",
            "never",
            "didn't",
            "don't",
            "doesn't",
            "haven't",
            "hasn't",
            "isn't",
            "wasn't",
            "weren't",
            "aren't",
            "wouldn't",
            "won't",
        }
    ),
)
