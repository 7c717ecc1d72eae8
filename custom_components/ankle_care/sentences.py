"""What can be said to Ankle Care through Assist, per language, and the intents it means.

Home Assistant's built-in agent understands these sentences right after installing:
`voice.py` attaches them as conversation sentence triggers. Each `SentenceGroup` is
one trigger: its sentences, the intent they mean and the slot values the group
itself stands for (the unit of "I ran 5 miles", the question of "can I run today").
The sentences keep to the syntax hassil 2.2 through 3.x accept: words,
`(a|b)`, `[optional]` and `{wildcard}`, no punctuation but the apostrophe of
"what's", no `<rule>` references and no `{a..b}` ranges.

A wildcard hands its words over as raw text. `{severity}` and `{distance}` are read
by `domain/numbers.py`. `{runner}` stands at the start of most sentences, so it
takes in whatever comes before the ankle: "my left" in "my left ankle hurts 6",
"Alex's" in "Alex's ankle hurts 6", "the outside of my" in "the outside of my
ankle hurts 3". `runner_name` keeps only what is not a word of the language's
sentences, of the runner who speaks ("my", "I") or filler: the name of another
runner, or nothing (the runner is implied). The ankle's side and location are the
side and location words said anywhere in the sentence (`said_side`,
`said_location`).

A sentence must belong to one group only: every group that matches runs its
action. The tests run every example of the README against every group on each
hassil release.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
import re
from types import MappingProxyType
from typing import Final

from .domain.plan import ReminderKind
from .domain.records import Location, Side

# Intents (the names the Assist LLM API shows as tools, too)
INTENT_LOG_SORENESS: Final = "AnkleCareLogSoreness"
INTENT_STATUS: Final = "AnkleCareStatus"
INTENT_ICE_DONE: Final = "AnkleCareIceDone"
INTENT_NEXT_REMINDER: Final = "AnkleCareNextReminder"
INTENT_LOG_RUN: Final = "AnkleCareLogRun"
INTENT_PROFESSIONAL_VISIT: Final = "AnkleCareProfessionalVisit"

# Slots
SLOT_RUNNER: Final = "runner"
SLOT_SEVERITY: Final = "severity"
SLOT_SIDE: Final = "side"
SLOT_LOCATION: Final = "location"
SLOT_FOCUS: Final = "focus"
SLOT_REMINDER: Final = "reminder"
SLOT_DISTANCE: Final = "distance"
SLOT_UNIT: Final = "unit"
SLOT_CLEARED: Final = "cleared_to_run"

# What `AnkleCareStatus` answers: everything (no focus), or one question of it.
FOCUS_RISK: Final = "risk"
FOCUS_RUN: Final = "run"
FOCUSES: Final = (FOCUS_RISK, FOCUS_RUN)

# Answers of the ice-off question a satellite asks (`assist_satellite.ask_question`)
ANSWER_YES: Final = "yes"
ANSWER_NO: Final = "no"


@dataclass(frozen=True, slots=True)
class SentenceGroup:
    """Sentences meaning one intent with the same fixed slot values (one trigger)."""

    intent: str
    sentences: tuple[str, ...]
    slots: Mapping[str, str | bool] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class LanguageSentences:
    """Everything Ankle Care understands in one language.

    Attributes:
        groups: The sentence groups, one trigger each.
        sides: Words naming an ankle's side.
        locations: Words naming where the ankle hurts.
        self_words: Words of the runner who speaks ("I", "my").
        fillers: Words that say nothing about the runner ("the", "just", "log").
        answers: Sentences of the yes and no answers to the ice-off question.

    """

    groups: tuple[SentenceGroup, ...]
    sides: Mapping[str, Side]
    locations: Mapping[str, Location]
    self_words: frozenset[str]
    fillers: frozenset[str]
    answers: Mapping[str, tuple[str, ...]]
    not_names: frozenset[str] = field(init=False)
    """Every word of the sentences, the speaker's words and the fillers."""

    def __post_init__(self) -> None:
        """Collect the words that are never a runner's name."""
        found = set(self.self_words | self.fillers)
        found.update(self.sides, self.locations)
        for sentence in every_sentence(self):
            found.update(words(_SLOT.sub(" ", sentence)))
        object.__setattr__(self, "not_names", frozenset(found))


_SLOT = re.compile(r"\{[^{}]*\}")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_POSSESSIVE = ("'s", "'")


def words(text: str) -> list[str]:
    """Return the words of a text, lower case, with straight apostrophes."""
    return _WORD.findall(text.casefold().replace("’", "'"))  # noqa: RUF001


def every_sentence(sentences: LanguageSentences) -> Iterable[str]:
    """Yield every sentence of a language's groups."""
    for group in sentences.groups:
        yield from group.sentences


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
)

LANGUAGES: Mapping[str, LanguageSentences] = MappingProxyType({"en": ENGLISH})
"""The sentences by language (the part before a region: `en-GB` reads `en`)."""


def language_sentences(language: str | None) -> LanguageSentences:
    """Return the sentences of a language, English when it has none of its own."""
    base = (language or "en").replace("_", "-").split("-")[0].casefold()
    return LANGUAGES.get(base, ENGLISH)


def _without_possessive(word: str, not_names: frozenset[str]) -> str:
    lowered = word.casefold()
    if lowered in not_names:
        return word
    for ending in _POSSESSIVE:
        if lowered.endswith(ending):
            return word[: -len(ending)]
    return word


def runner_name(
    text: str | None, sentences: LanguageSentences, known: Iterable[str] = ()
) -> str | None:
    """Return the runner a sentence names, None when it means the one who speaks.

    A known runner's name said in the words wins ("how is Will's ankle" names Will
    although "will" is a word of the sentences). Otherwise what is left once the
    words that are never a name (`LanguageSentences.not_names`) and possessive
    endings are gone: "Sam's left" is Sam, "my left" and "the outside of my" are
    nobody.
    """
    if not text:
        return None
    said = [
        _without_possessive(word.strip('.,!?;:"()'), sentences.not_names)
        for word in text.replace("’", "'").split()  # noqa: RUF001
    ]
    lowered = [word.casefold() for word in said]
    for name in known:
        name_words = name.casefold().split()
        size = len(name_words)
        if size and any(
            lowered[start : start + size] == name_words
            for start in range(len(lowered) - size + 1)
        ):
            return name
    kept = [
        word
        for word, low in zip(said, lowered, strict=True)
        if low and low not in sentences.not_names
    ]
    return " ".join(kept) or None


def _said[T](text: str, table: Mapping[str, T]) -> list[T]:
    found: list[T] = []
    for word in words(text):
        value = table.get(word)
        if value is not None and value not in found:
            found.append(value)
    return found


def said_side(text: str, sentences: LanguageSentences) -> Side | None:
    """Return the side a sentence names; None for none or both."""
    found = _said(text, sentences.sides)
    return found[0] if len(found) == 1 else None


def said_location(text: str, sentences: LanguageSentences) -> Location | None:
    """Return the first place of the ankle a sentence names, if any."""
    found = _said(text, sentences.locations)
    return found[0] if found else None


def answer_sentences(language: str | None) -> list[dict[str, object]]:
    """Return the answers of the ice-off question as `ask_question` takes them."""
    answers = language_sentences(language).answers
    return [{"id": key, "sentences": list(answers[key])} for key in answers]


__all__ = [
    "ANSWER_NO",
    "ANSWER_YES",
    "ENGLISH",
    "FOCUSES",
    "INTENT_ICE_DONE",
    "INTENT_LOG_RUN",
    "INTENT_LOG_SORENESS",
    "INTENT_NEXT_REMINDER",
    "INTENT_PROFESSIONAL_VISIT",
    "INTENT_STATUS",
    "LANGUAGES",
    "LanguageSentences",
    "SentenceGroup",
    "answer_sentences",
    "every_sentence",
    "language_sentences",
    "runner_name",
    "said_location",
    "said_side",
    "words",
]
