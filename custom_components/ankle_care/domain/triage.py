"""Likely cause of ankle soreness and red flags, following the article's rules.

Ankle Care does not diagnose. It matches the runner's answers against the patterns
the article describes and says which pattern they resemble, and which of the
article's sentences lie behind it (`ArticleQuote` keys; the sentences themselves are
translations, shown in the language Home Assistant is set to).

Cause rules (the locations come from `Location`, the signs from `SYMPTOM_FLAGS`):

* No entry, or severity 0: `LikelyCause.NONE`.
* Suspected stress reaction, checked first because missing it costs the most (the
  article: it "requires immediate activity modification"). Bone signs point to it
  even when the pain `eases_when_warmed_up`: the answer may be wrong, and a bony spot
  with a persistent ache or pain under load is the pattern the article warns about,
  so the safer reading wins. Either of:

  - location `bone_spot` ("specific to a small area") plus at least one of
    `persistent_ache`, `worse_after_running` or `pain_when_weight_bearing`;
  - anywhere else, or with no location: `persistent_ache` together with
    `pain_when_weight_bearing`. The area may not have been pinned down, but a
    persistent ache under load that does not ease is the pattern the article warns
    about, so it is raised rather than filed under a tendon.

  A stress reaction outranks the tendon patterns below when both match.
* Achilles tendinopathy: location `back_of_ankle` or `heel` (where the tendon meets
  the heel bone) plus at least one of `morning_stiffness` or `pain_on_push_off`.
* Peroneal tendinopathy: location `outer_ankle` plus `worse_on_uneven_ground` (the
  foot rolling inward or uneven terrain).
* Anything else with pain: `LikelyCause.UNCLEAR`. A location on its own is not enough.

Red flags are independent of the cause and each one alone calls for immediate
consultation: severity at or above `Settings.severe_pain_threshold`, the answer
`visible_deformity`, or the answer `cannot_bear_weight`. They are reported even at
severity 0, because a deformed ankle needs a professional whether or not it hurts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from .records import Location, Soreness, Treatment, TreatmentKind
from .settings import Settings

LOOSEN_WRAP = "loosen_wrap"
"""Advice key: the compression wrap caused numbness or tingling and must be loosened."""

DOES_NOT_EASE = "does_not_ease_when_warmed_up"
"""Reason key: the runner did not say the pain eases once warmed up."""


class LikelyCause(StrEnum):
    """Which of the article's patterns the answers resemble."""

    NONE = "none"
    ACHILLES_TENDINOPATHY = "achilles_tendinopathy"
    PERONEAL_TENDINOPATHY = "peroneal_tendinopathy"
    STRESS_REACTION = "stress_reaction"
    UNCLEAR = "unclear"


class RedFlag(StrEnum):
    """Signs for which the article says immediate consultation is necessary."""

    SEVERE_PAIN = "severe_pain"
    VISIBLE_DEFORMITY = "visible_deformity"
    CANNOT_BEAR_WEIGHT = "cannot_bear_weight"


class ArticleQuote(StrEnum):
    """The article's sentences Ankle Care quotes, by key.

    The sentences themselves are translations: `common.article_<key>` in
    `translations/en.json` (and, for the likely cause's, the `article` attribute
    states of the likely-cause sensor). The README quotes them too.
    """

    ACHILLES = "achilles"
    ACHILLES_SIGNS = "achilles_signs"
    PERONEAL = "peroneal"
    PERONEAL_SIGNS = "peroneal_signs"
    STRESS_REACTION = "stress_reaction"
    STRESS_REACTION_SIGNS = "stress_reaction_signs"
    UNCLEAR = "unclear"
    RED_FLAGS = "red_flags"
    COMPRESSION = "compression"
    # behind the recovery phase's next steps (`recovery.NEXT_STEP_QUOTES`)
    PREVENTION = "prevention"
    REST = "rest"
    RICE = "rice"
    GRADUAL_PROGRESSION = "gradual_progression"
    SEE_PROFESSIONAL = "see_professional"


ARTICLE_QUOTES: Mapping[str, ArticleQuote] = MappingProxyType(
    {
        # causes (LikelyCause.NONE has no sentence: there is nothing to explain)
        LikelyCause.ACHILLES_TENDINOPATHY: ArticleQuote.ACHILLES,
        LikelyCause.PERONEAL_TENDINOPATHY: ArticleQuote.PERONEAL,
        LikelyCause.STRESS_REACTION: ArticleQuote.STRESS_REACTION,
        LikelyCause.UNCLEAR: ArticleQuote.UNCLEAR,
        # reasons
        Location.BACK_OF_ANKLE: ArticleQuote.ACHILLES,
        Location.HEEL: ArticleQuote.ACHILLES,
        "morning_stiffness": ArticleQuote.ACHILLES_SIGNS,
        "pain_on_push_off": ArticleQuote.ACHILLES_SIGNS,
        Location.OUTER_ANKLE: ArticleQuote.PERONEAL,
        "worse_on_uneven_ground": ArticleQuote.PERONEAL_SIGNS,
        Location.BONE_SPOT: ArticleQuote.STRESS_REACTION_SIGNS,
        "persistent_ache": ArticleQuote.STRESS_REACTION_SIGNS,
        "worse_after_running": ArticleQuote.STRESS_REACTION_SIGNS,
        "pain_when_weight_bearing": ArticleQuote.STRESS_REACTION_SIGNS,
        DOES_NOT_EASE: ArticleQuote.STRESS_REACTION_SIGNS,
        # red flags
        RedFlag.SEVERE_PAIN: ArticleQuote.RED_FLAGS,
        RedFlag.VISIBLE_DEFORMITY: ArticleQuote.RED_FLAGS,
        RedFlag.CANNOT_BEAR_WEIGHT: ArticleQuote.RED_FLAGS,
        # compression advice
        LOOSEN_WRAP: ArticleQuote.COMPRESSION,
    }
)
"""The article's sentence behind each cause, reason, red flag and advice key."""

_ACHILLES_LOCATIONS = frozenset({Location.BACK_OF_ANKLE, Location.HEEL})
_ACHILLES_SIGNS = ("morning_stiffness", "pain_on_push_off")
_PERONEAL_SIGNS = ("worse_on_uneven_ground",)
_STRESS_SIGNS = ("persistent_ache", "worse_after_running", "pain_when_weight_bearing")
_STRESS_CORE_SIGNS = ("persistent_ache", "pain_when_weight_bearing")


@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment:
    """What one soreness entry resembles and whether it carries red flags.

    Attributes:
        cause: The article's pattern the answers match best.
        reasons: Stable keys of the answers that led to `cause`, in rule order.
        red_flags: Red flags present, in `RedFlag` order; empty when there are none.

    """

    cause: LikelyCause
    reasons: tuple[str, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()

    @property
    def urgent(self) -> bool:
        """Return whether any red flag calls for immediate consultation."""
        return bool(self.red_flags)

    @property
    def stop_running(self) -> bool:
        """Return whether running must stop and a professional be seen.

        True for any red flag and for a suspected stress reaction, which the article
        says "requires immediate activity modification".
        """
        return self.urgent or self.cause is LikelyCause.STRESS_REACTION


def red_flags(entry: Soreness | None, settings: Settings) -> tuple[RedFlag, ...]:
    """Return the red flags an entry carries, each of which alone is enough.

    Args:
        entry: The soreness entry, or None when nothing is logged.
        settings: Supplies `severe_pain_threshold`.

    Returns:
        The flags present, in `RedFlag` order.

    """
    if entry is None:
        return ()
    flags: list[RedFlag] = []
    if entry.severity >= settings.severe_pain_threshold:
        flags.append(RedFlag.SEVERE_PAIN)
    if entry.has("visible_deformity"):
        flags.append(RedFlag.VISIBLE_DEFORMITY)
    if entry.has("cannot_bear_weight"):
        flags.append(RedFlag.CANNOT_BEAR_WEIGHT)
    return tuple(flags)


def _present(entry: Soreness, signs: Iterable[str]) -> tuple[str, ...]:
    return tuple(sign for sign in signs if entry.has(sign))


def _stress_reasons(entry: Soreness) -> tuple[str, ...] | None:
    eases = () if entry.has("eases_when_warmed_up") else (DOES_NOT_EASE,)
    if entry.location is Location.BONE_SPOT:
        signs = _present(entry, _STRESS_SIGNS)
        if signs:
            return (Location.BONE_SPOT.value, *signs, *eases)
        return None
    if all(entry.has(sign) for sign in _STRESS_CORE_SIGNS):
        return (*_present(entry, _STRESS_SIGNS), *eases)
    return None


def _cause(entry: Soreness) -> tuple[LikelyCause, tuple[str, ...]]:
    stress = _stress_reasons(entry)
    if stress is not None:
        return LikelyCause.STRESS_REACTION, stress
    location = entry.location
    if location in _ACHILLES_LOCATIONS:
        signs = _present(entry, _ACHILLES_SIGNS)
        if signs:
            return LikelyCause.ACHILLES_TENDINOPATHY, (str(location), *signs)
    if location is Location.OUTER_ANKLE:
        signs = _present(entry, _PERONEAL_SIGNS)
        if signs:
            return LikelyCause.PERONEAL_TENDINOPATHY, (str(location), *signs)
    return LikelyCause.UNCLEAR, ()


def assess(entry: Soreness | None, settings: Settings) -> Assessment:
    """Match a soreness entry against the article's patterns and red flags.

    Args:
        entry: The entry to assess, usually the current one; None when nothing is
            logged.
        settings: Supplies `severe_pain_threshold` for the severe-pain red flag.

    Returns:
        The likely cause with the keys that led to it, and the red flags present.

    """
    flags = red_flags(entry, settings)
    if entry is None or entry.severity == 0:
        return Assessment(cause=LikelyCause.NONE, red_flags=flags)
    cause, reasons = _cause(entry)
    return Assessment(cause=cause, reasons=reasons, red_flags=flags)


def compression_advice(treatment: Treatment) -> str | None:
    """Return the advice key for a logged treatment, if it calls for one.

    A compression wrap that caused numbness or tingling is too tight: the article
    says "the wrap must be snug without causing numbness or tingling".

    Args:
        treatment: A logged RICE treatment.

    Returns:
        `LOOSEN_WRAP` for a compression that caused numbness or tingling, else None.

    """
    if (
        treatment.treatment is TreatmentKind.COMPRESSION
        and treatment.numbness_or_tingling is True
    ):
        return LOOSEN_WRAP
    return None


def article_quotes(keys: Iterable[str]) -> tuple[ArticleQuote, ...]:
    """Return the article's sentences behind the given keys, each sentence once.

    Keys without a sentence (such as `LikelyCause.NONE`) are skipped.

    Args:
        keys: Cause, reason, red-flag or advice keys, in the order to explain them.

    Returns:
        The keys of the distinct sentences in first-seen order.

    """
    quotes: dict[ArticleQuote, None] = {}
    for key in keys:
        quote = ARTICLE_QUOTES.get(key)
        if quote is not None:
            quotes.setdefault(quote)
    return tuple(quotes)


__all__ = [
    "ARTICLE_QUOTES",
    "DOES_NOT_EASE",
    "LOOSEN_WRAP",
    "ArticleQuote",
    "Assessment",
    "LikelyCause",
    "RedFlag",
    "article_quotes",
    "assess",
    "compression_advice",
    "red_flags",
]
