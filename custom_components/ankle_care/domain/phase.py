"""The recovery phases, why a professional is needed, and the status of one moment.

This module holds the vocabulary shared by the per-ankle state machine
(`ankle.py`), the replay across ankles (`recovery.py`), the reminder plan and the
prevention program. The rules themselves live in `ankle.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType

from .records import Side, Soreness
from .triage import Assessment, LikelyCause

NO_ASSESSMENT = Assessment(cause=LikelyCause.NONE)
"""The assessment when nothing current is logged."""


class RecoveryPhase(StrEnum):
    """Where one ankle is on the way from soreness back to running."""

    READY = "ready"
    MONITORING = "monitoring"
    ACUTE_CARE = "acute_care"
    RECOVERING = "recovering"
    RETURN_TO_RUNNING = "return_to_running"
    SEE_PROFESSIONAL = "see_professional"
    URGENT_CARE = "urgent_care"
    PROFESSIONAL_CARE = "professional_care"


class Referral(StrEnum):
    """Why an ankle should see a medical professional."""

    RED_FLAG = "red_flag"
    STRESS_REACTION = "stress_reaction"
    NOT_IMPROVING = "not_improving"
    NUMBNESS = "numbness_or_tingling"


URGENCY: tuple[RecoveryPhase, ...] = (
    RecoveryPhase.URGENT_CARE,
    RecoveryPhase.SEE_PROFESSIONAL,
    RecoveryPhase.PROFESSIONAL_CARE,
    RecoveryPhase.ACUTE_CARE,
    RecoveryPhase.RECOVERING,
    RecoveryPhase.MONITORING,
    RecoveryPhase.RETURN_TO_RUNNING,
    RecoveryPhase.READY,
)
"""Phases from the most to the least urgent; the runner's phase is the most urgent
ankle's."""

EPISODE_PHASES = frozenset(
    {
        RecoveryPhase.ACUTE_CARE,
        RecoveryPhase.RECOVERING,
        RecoveryPhase.SEE_PROFESSIONAL,
        RecoveryPhase.URGENT_CARE,
        RecoveryPhase.PROFESSIONAL_CARE,
    }
)
"""Phases in which an ankle has an open care episode (an entry without a side
applies to the only ankle in one of them)."""

PROFESSIONAL_PHASES = frozenset(
    {RecoveryPhase.SEE_PROFESSIONAL, RecoveryPhase.URGENT_CARE}
)
"""Phases in which the runner should see a professional (sensor, repairs, reminders)."""

ICE_PHASES = frozenset(
    {
        RecoveryPhase.ACUTE_CARE,
        RecoveryPhase.SEE_PROFESSIONAL,
        RecoveryPhase.URGENT_CARE,
    }
)
"""Phases in which the RICE reminders run while the acute window is open: first aid
still applies while waiting to be seen."""

RUNNING_PHASES = frozenset(
    {
        RecoveryPhase.READY,
        RecoveryPhase.MONITORING,
        RecoveryPhase.RETURN_TO_RUNNING,
    }
)
"""The only phases in which running may be allowed (see `ankle.may_run`)."""

NEXT_STEPS: Mapping[RecoveryPhase, str] = MappingProxyType(
    {
        RecoveryPhase.READY: "prevention",
        RecoveryPhase.MONITORING: "monitor",
        RecoveryPhase.ACUTE_CARE: "rice",
        # "pain_free_activity" once the latest entry shows improvement
        RecoveryPhase.RECOVERING: "rest_until_better",
        RecoveryPhase.RETURN_TO_RUNNING: "gradual_return",
        RecoveryPhase.SEE_PROFESSIONAL: "see_professional",
        RecoveryPhase.URGENT_CARE: "see_professional_now",
        RecoveryPhase.PROFESSIONAL_CARE: "professional_plan",
    }
)
"""The next-step key of each phase."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PhaseStatus:
    """The recovery phase of one ankle, or of the runner, at one moment.

    The runner's status is the most urgent ankle's status (see `URGENCY`) with
    `ankles` listing every ankle and `may_run` true only when every ankle allows it.

    Attributes:
        phase: The current phase.
        since: When the phase began; None for `ready` when the log never showed
            another phase.
        episode_start: The latest flare-up of the open care episode (a new flare-up
            inside the episode restarts it): the acute window, the ice plan and the
            professional deadline count from it. None without an open episode.
        day_of_care: 1-based day since the episode's first flare-up; None outside
            an episode.
        next_step: Key of what to do next (translated by the glue).
        reasons: Stable keys explaining the phase.
        may_run: Whether running is allowed (see `ankle.may_run`).
        acute_window_ends: End of the acute window (RICE and icing), past or
            future; None without an open episode.
        professional_due: When the episode turns into `see_professional` without
            improvement; None without an open episode.
        current: The ankle's current entry: the latest one that still counts (not
            lapsed, not before a clearance).
        assessment: Likely cause and red flags of `current`.
        side: Which ankle; None for an ankle whose side was never given.
        referral: Why a professional should be seen, in `see_professional` and
            `urgent_care`.
        ankles: Every ankle's own status, in side order; empty in an ankle's status.

    """

    phase: RecoveryPhase
    since: datetime | None
    episode_start: datetime | None = None
    day_of_care: int | None = None
    next_step: str
    reasons: tuple[str, ...] = ()
    may_run: bool
    acute_window_ends: datetime | None = None
    professional_due: datetime | None = None
    current: Soreness | None = None
    assessment: Assessment = NO_ASSESSMENT
    side: Side | None = None
    referral: Referral | None = None
    ankles: tuple[PhaseStatus, ...] = ()

    @property
    def per_ankle(self) -> tuple[PhaseStatus, ...]:
        """Return the status of every ankle (this status alone when it is one ankle's)."""
        return self.ankles or (self,)

    @property
    def has_red_flag(self) -> bool:
        """Return whether any ankle is held in `urgent_care` by a red flag."""
        return any(ankle.phase is RecoveryPhase.URGENT_CARE for ankle in self.per_ankle)

    @property
    def needs_professional(self) -> bool:
        """Return whether any ankle should see a professional (`PROFESSIONAL_PHASES`)."""
        return any(ankle.phase in PROFESSIONAL_PHASES for ankle in self.per_ankle)


__all__ = [
    "EPISODE_PHASES",
    "ICE_PHASES",
    "NEXT_STEPS",
    "NO_ASSESSMENT",
    "PROFESSIONAL_PHASES",
    "RUNNING_PHASES",
    "URGENCY",
    "PhaseStatus",
    "RecoveryPhase",
    "Referral",
]
