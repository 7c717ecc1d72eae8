"""The shape of one language's sentences: groups, intents, slots and the words around.

Every language module (`english.py`, `german.py`, `french.py`, `spanish.py`,
`dutch.py`) builds one `LanguageSentences` from these parts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
import re
from typing import Final

from ..domain.records import Location, Side

# Intents (the names the Assist LLM API shows as tools, too)
INTENT_LOG_SORENESS: Final = "AnkleCareLogSoreness"
INTENT_STATUS: Final = "AnkleCareStatus"
INTENT_ICE_DONE: Final = "AnkleCareIceDone"
INTENT_NEXT_REMINDER: Final = "AnkleCareNextReminder"
INTENT_LOG_RUN: Final = "AnkleCareLogRun"
INTENT_PROFESSIONAL_VISIT: Final = "AnkleCareProfessionalVisit"
WRITING_INTENTS: Final = frozenset(
    {INTENT_LOG_SORENESS, INTENT_ICE_DONE, INTENT_LOG_RUN, INTENT_PROFESSIONAL_VISIT}
)
"""The intents that log something (the others only answer)."""

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
        sides: Words naming an ankle's side ("left", "linken", "gauche").
        locations: Words naming where the ankle hurts.
        self_words: Words of the runner who speaks ("I", "my").
        fillers: Words that say nothing about the runner ("the", "just", "log").
        answers: Sentences of the yes and no answers to the ice-off question.
        elisions: Beginnings that are not part of a name ("d'" of "d'Alex").
        genitive_s: A runner's name takes a plain "s" ("Sams Knöchel").
        question_words: Words that make a sentence a question ("est-ce").
        negations: Words that deny what a sentence says ("not", "nicht", "pas").
        halves_after: Words after a distance's unit that add a half ("ocho
            kilómetros y medio", "huit kilomètres et demi").

    Every word of `sides`, `locations`, `self_words` and `fillers` is written as
    `str.casefold` gives it ("aussen" for "außen").

    """

    groups: tuple[SentenceGroup, ...]
    sides: Mapping[str, Side]
    locations: Mapping[str, Location]
    self_words: frozenset[str]
    fillers: frozenset[str]
    answers: Mapping[str, tuple[str, ...]]
    elisions: tuple[str, ...] = ()
    genitive_s: bool = False
    question_words: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    halves_after: tuple[tuple[str, ...], ...] = ()
    not_names: frozenset[str] = field(init=False)
    """Every word of the sentences, the speaker's words and the fillers."""

    def __post_init__(self) -> None:
        """Collect the words that are never a runner's name."""
        found = set(self.self_words | self.fillers)
        found.update(self.sides, self.locations)
        for sentence in every_sentence(self):
            plain = _SLOT.sub(" ", sentence)
            found.update(words(plain))
            found.update(_JOINED.findall(_straight(plain).casefold()))
        object.__setattr__(self, "not_names", frozenset(found))


_SLOT = re.compile(r"\{[^{}]*\}")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_JOINED = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)+")
"""Words joined by hyphens or apostrophes ("est-ce", "qu'est-ce", "peut-être")."""


def _straight(text: str) -> str:
    return text.replace("’", "'")  # noqa: RUF001


def words(text: str) -> list[str]:
    """Return the words of a text, lower case, with straight apostrophes."""
    return _WORD.findall(_straight(text.casefold()))


def joined_words(text: str) -> list[str]:
    """Return the hyphenated and elided words of a text ("est-ce"), lower case."""
    return _JOINED.findall(_straight(text.casefold()))


def every_sentence(sentences: LanguageSentences) -> Iterable[str]:
    """Yield every sentence of a language's groups."""
    for group in sentences.groups:
        yield from group.sentences


def curly(sentence: str) -> str:
    """Return a sentence whose elided words also match with a curly apostrophe.

    Phones type "j’ai"; hassil 3 reads it as "j'ai", hassil 2.2 does not, so every
    word with an apostrophe becomes `(j'ai|j’ai)`.
    """  # noqa: RUF002
    return _ELIDED.sub(lambda m: f"({m.group(0)}|{_curly(m.group(0))})", sentence)


_ELIDED = re.compile(r"[^\W\d_]+'[^\W\d_]+")


def _curly(word: str) -> str:
    return word.replace("'", "’")  # noqa: RUF001


def group(intent: str, *sentences: str, **slots: str | bool) -> SentenceGroup:
    """Return a group of sentences, elided words with either apostrophe (`curly`)."""
    return SentenceGroup(intent, tuple(curly(s) for s in sentences), slots)
