"""One ankle's care episode: a state machine fed with entries, visits and the clock.

`recovery.py` routes each soreness entry and professional visit to its ankle and
replays them in time order; this module decides what one ankle's phase is. The rules
(the README's "Soreness" section states each one with the article's sentence):

* **Sticky red flags.** An entry with a red flag (severity at or above
  `severe_pain_threshold`, visible deformity, cannot bear weight) keeps the ankle in
  `urgent_care` whatever is logged later and however much time passes, until a
  professional visit is logged.
* **Sticky stress reaction.** A suspected stress reaction (`triage.assess`) keeps it
  in `see_professional` the same way.
* **Professional visits.** A visit without clearance lifts every referral and gives
  `professional_care` (follow the professional's plan) until a visit with clearance;
  a new red flag or new bone signs escalate again. A visit with clearance starts the
  ankle afresh in `return_to_running`: entries before it no longer count.
* **Flare-up** (opens an episode): severity >= `FLARE_SEVERITY` (4), swelling, a red
  flag or a suspected stress reaction, or a rise of `FLARE_RISE` (2) points over the
  mild soreness being monitored. Inside an open episode, an entry of at least 4/10
  or with swelling that is 2 or more points worse than the previous entry, or that
  brings new swelling, is a new flare-up: it restarts the acute window, the ice plan,
  the peak and the professional deadline from its time.
* **Improvement**: an entry without swelling or red flag at least
  `IMPROVEMENT_DROP` (2) points below the peak (never above 0 when the peak is below
  2); a pain-free entry (0, no swelling, no red flag) always improves.
* **No improvement.** An episode without improvement once `professional_after_days`
  have passed since its flare-up is `see_professional`, by the clock. Mild soreness
  (1-3) still there, without improving, in entries spanning more than
  `professional_after_days` is `see_professional` too. Both lift when a later entry
  shows improvement.
* **Numbness or tingling** on an entry: with a compression logged in the
  `WRAP_HOURS` (12) before it, the advice to loosen the wrap; otherwise
  `see_professional` until an entry without numbness or tingling.
* **Closing.** Pain-free for `PAIN_FREE_HOURS` (48, since the first of an unbroken
  run of pain-free entries, nothing else logged since) closes the episode:
  `return_to_running`, then `ready` after `RETURN_DAYS` (14) more without soreness.
  Mild soreness during the return is `monitoring`; the next pain-free entry restarts
  the return. An open episode never ends through silence.
* **Lapse.** Mild soreness outside an episode lapses to `ready` after
  `MILD_STALE_HOURS` (72) without an entry; it no longer counts.
* **May run** only in `ready`, `monitoring` and `return_to_running`, and only when
  the current entry is at most `RUN_MAX_SEVERITY` (2) with no swelling, no pain when
  bearing weight and no red flag.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any, Self

from .phase import (
    EPISODE_PHASES,
    NEXT_STEPS,
    NO_ASSESSMENT,
    RUNNING_PHASES,
    PhaseStatus,
    RecoveryPhase,
    Referral,
)
from .records import ProfessionalVisit, Side, Soreness
from .settings import Settings
from .triage import Assessment, LikelyCause, RedFlag, assess

FLARE_SEVERITY = 4
"""Severity from which soreness is a flare-up, the top of "mild" being 3 of 10."""

FLARE_RISE = 2
"""A rise of this many points over the previous entry is a flare-up."""

IMPROVEMENT_DROP = 2
"""Points below the peak that count as clear improvement."""

PAIN_FREE_HOURS = 48
"""Pain-free hours after which the episode closes and the return to running begins."""

RETURN_DAYS = 14
"""Days of the gradual return without soreness before the runner is ready."""

MILD_STALE_HOURS = 72
"""Hours after which mild soreness outside an episode no longer counts."""

WRAP_HOURS = 12
"""A compression logged this long before numbness or tingling explains it."""

RUN_MAX_SEVERITY = 2
"""The highest current soreness with which running may be allowed."""


# A clearance starts the ankle afresh; only which ankle it is and its phase history
# stay.
_KEPT_ON_CLEARANCE = frozenset({"side", "phase", "since"})


def _pain_free(entry: Soreness, assessment: Assessment) -> bool:
    return entry.severity == 0 and not entry.has("swelling") and not assessment.urgent


def _rise(entry: Soreness, previous: Soreness | None) -> bool:
    return previous is not None and entry.severity - previous.severity >= FLARE_RISE


def _flare_reasons(
    entry: Soreness, assessment: Assessment, monitored: Soreness | None
) -> tuple[str, ...]:
    reasons: list[str] = []
    if entry.severity >= FLARE_SEVERITY:
        reasons.append("flare_up_severity")
    if entry.has("swelling"):
        reasons.append("swelling")
    if monitored is not None and monitored.severity > 0 and _rise(entry, monitored):
        reasons.append("flare_up_rise")
    if assessment.cause is LikelyCause.STRESS_REACTION:
        reasons.append("stress_reaction")
    reasons.extend(flag.value for flag in assessment.red_flags)
    return tuple(reasons)


def _new_flare_up(entry: Soreness, previous: Soreness | None) -> bool:
    """Return whether an entry inside an open episode is a new flare-up (rule 8)."""
    swelling = entry.has("swelling")
    if entry.severity < FLARE_SEVERITY and not swelling:
        return False
    new_swelling = swelling and (previous is None or not previous.has("swelling"))
    return _rise(entry, previous) or new_swelling


def _time(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


@dataclass(slots=True, kw_only=True)
class AnkleState:
    """Everything the replay keeps of one ankle; serialisable for a checkpoint."""

    side: Side | None
    phase: RecoveryPhase = RecoveryPhase.READY
    since: datetime | None = None
    latest: Soreness | None = None
    assessment: Assessment = NO_ASSESSMENT
    # the open episode
    episode_began: datetime | None = None
    flare_start: datetime | None = None
    flare_reasons: tuple[str, ...] = ()
    peak: int = 0
    pain_free_since: datetime | None = None
    # mild soreness outside an episode
    mild_start: datetime | None = None
    mild_peak: int = 0
    # referrals and visits
    red_flags: tuple[RedFlag, ...] = ()
    stress: bool = False
    numbness: bool = False
    not_improving: bool = False
    loosen_wrap: bool = False
    visit: datetime | None = None
    # the return to running
    return_start: datetime | None = None
    returning: bool = False

    # derived moments

    def window_end(self, settings: Settings) -> datetime | None:
        """Return the end of the acute window of the open episode."""
        if self.flare_start is None:
            return None
        return self.flare_start + timedelta(hours=settings.acute_window_hours)

    def professional_due(self, settings: Settings) -> datetime | None:
        """Return when the open episode turns into `see_professional` unimproved."""
        if self.flare_start is None:
            return None
        return self.flare_start + timedelta(days=settings.professional_after_days)

    @property
    def return_due(self) -> datetime | None:
        """Return when the pain-free run closes the episode."""
        if self.flare_start is None or self.pain_free_since is None:
            return None
        return self.pain_free_since + timedelta(hours=PAIN_FREE_HOURS)

    @property
    def is_open(self) -> bool:
        """Return whether the ankle has an open care episode."""
        return self.phase in EPISODE_PHASES

    def improved(self) -> bool:
        """Return whether the latest entry shows improvement over the episode's peak."""
        latest = self.latest
        if latest is None or latest.has("swelling") or self.assessment.urgent:
            return False
        return latest.severity <= max(0, self.peak - IMPROVEMENT_DROP)

    # the phase

    def phase_at(
        self, at: datetime, settings: Settings
    ) -> tuple[RecoveryPhase, tuple[str, ...], Referral | None]:
        """Return the phase, its reasons and the referral at `at`."""
        if self.red_flags:
            return (
                RecoveryPhase.URGENT_CARE,
                tuple(flag.value for flag in self.red_flags),
                Referral.RED_FLAG,
            )
        if self.stress:
            return (
                RecoveryPhase.SEE_PROFESSIONAL,
                ("stress_reaction",),
                Referral.STRESS_REACTION,
            )
        if self.visit is not None:
            return RecoveryPhase.PROFESSIONAL_CARE, ("professional_visit",), None
        if self.numbness:
            return (
                RecoveryPhase.SEE_PROFESSIONAL,
                ("numbness_or_tingling",),
                Referral.NUMBNESS,
            )
        if self.not_improving:
            return (
                RecoveryPhase.SEE_PROFESSIONAL,
                ("not_improving",),
                Referral.NOT_IMPROVING,
            )
        if self.flare_start is not None:
            return self._episode_phase(at, settings)
        return self._quiet_phase(at)

    def _episode_phase(
        self, at: datetime, settings: Settings
    ) -> tuple[RecoveryPhase, tuple[str, ...], Referral | None]:
        return_due = self.return_due
        if return_due is not None and at >= return_due:
            return RecoveryPhase.RETURN_TO_RUNNING, ("pain_free",), None
        improved = self.improved()
        progress = "improving" if improved else "awaiting_improvement"
        due = self.professional_due(settings)
        if not improved and due is not None and at >= due:
            return (
                RecoveryPhase.SEE_PROFESSIONAL,
                ("not_improving",),
                Referral.NOT_IMPROVING,
            )
        window_end = self.window_end(settings)
        if window_end is not None and at < window_end:
            return (
                RecoveryPhase.ACUTE_CARE,
                (*self.flare_reasons, "within_acute_window", progress),
                None,
            )
        return RecoveryPhase.RECOVERING, ("acute_window_over", progress), None

    def _quiet_phase(
        self, at: datetime
    ) -> tuple[RecoveryPhase, tuple[str, ...], Referral | None]:
        latest = self.latest
        pain_free = latest is None or _pain_free(latest, self.assessment)
        if self.return_start is not None and pain_free:
            if at >= self.return_start + timedelta(days=RETURN_DAYS):
                return RecoveryPhase.READY, ("return_complete",), None
            return RecoveryPhase.RETURN_TO_RUNNING, ("pain_free",), None
        if latest is None:
            return RecoveryPhase.READY, ("no_soreness_logged",), None
        if pain_free:
            return RecoveryPhase.READY, ("pain_free",), None
        if at >= latest.time + timedelta(hours=MILD_STALE_HOURS):
            return RecoveryPhase.READY, ("no_recent_entry",), None
        if self.returning:
            return RecoveryPhase.MONITORING, ("mild_soreness", "during_return"), None
        return RecoveryPhase.MONITORING, ("mild_soreness",), None

    def _settle(self, at: datetime, settings: Settings) -> None:
        """Take the phase at `at`, closing an episode or a lapse that ends there."""
        phase, _, _ = self.phase_at(at, settings)
        if self.flare_start is not None and phase is RecoveryPhase.RETURN_TO_RUNNING:
            self._close_episode()
            self.return_start = at
            self.returning = True
        elif phase is RecoveryPhase.READY:
            # Lapsed mild soreness no longer counts; a return that ended is over.
            self.mild_start = None
            self.returning = False
        if phase is not self.phase:
            self.phase = phase
            self.since = at

    def _close_episode(self) -> None:
        self.episode_began = None
        self.flare_start = None
        self.flare_reasons = ()
        self.peak = 0
        self.pain_free_since = None

    def moments(self, settings: Settings) -> list[datetime]:
        """Return the moments at which the clock alone may change the phase."""
        found: list[datetime] = []
        if self.latest is not None:
            found.append(self.latest.time + timedelta(hours=MILD_STALE_HOURS))
        found.extend(
            moment
            for moment in (
                self.window_end(settings),
                self.professional_due(settings),
                self.return_due,
            )
            if moment is not None
        )
        if self.return_start is not None:
            found.append(self.return_start + timedelta(days=RETURN_DAYS))
        return found

    def advance(self, clock: datetime, to: datetime, settings: Settings) -> None:
        """Apply the transitions the clock makes between `clock` and `to`."""
        while True:
            upcoming = [m for m in self.moments(settings) if clock < m <= to]
            if not upcoming:
                return
            clock = min(upcoming)
            self._settle(clock, settings)

    # entries and visits

    def apply(self, entry: Soreness, wrapped: bool, settings: Settings) -> None:
        """Apply one soreness entry at its own time.

        `wrapped` says whether a compression was logged in the `WRAP_HOURS` before it.
        """
        at = entry.time
        assessment = assess(entry, settings)
        if assessment.red_flags:
            self.red_flags = tuple(
                flag
                for flag in RedFlag
                if flag in self.red_flags or flag in assessment.red_flags
            )
        if assessment.cause is LikelyCause.STRESS_REACTION:
            self.stress = True
        numb = entry.has("numbness_or_tingling")
        self.numbness = numb and not wrapped
        self.loosen_wrap = numb and wrapped
        if self.flare_start is not None:
            self._apply_in_episode(entry, assessment)
        else:
            self._apply_outside_episode(entry, assessment, settings)
        self.latest = entry
        self.assessment = assessment
        if self.not_improving and self._improves(entry, assessment):
            self.not_improving = False
        self._settle(at, settings)

    def _improves(self, entry: Soreness, assessment: Assessment) -> bool:
        if _pain_free(entry, assessment):
            return True
        if self.flare_start is not None:
            return self.improved()
        return False

    def _open(self, entry: Soreness, reasons: tuple[str, ...]) -> None:
        if self.episode_began is None:
            self.episode_began = entry.time
        self.flare_start = entry.time
        self.flare_reasons = reasons
        self.peak = entry.severity
        self.pain_free_since = None

    def _apply_in_episode(self, entry: Soreness, assessment: Assessment) -> None:
        if _new_flare_up(entry, self.latest):
            self._open(entry, _flare_reasons(entry, assessment, self.latest))
            return
        self.peak = max(self.peak, entry.severity)
        if _pain_free(entry, assessment):
            if self.pain_free_since is None:
                self.pain_free_since = entry.time
        else:
            self.pain_free_since = None

    def _apply_outside_episode(
        self, entry: Soreness, assessment: Assessment, settings: Settings
    ) -> None:
        before = self.phase
        returning = before is RecoveryPhase.RETURN_TO_RUNNING or (
            before is RecoveryPhase.MONITORING and self.returning
        )
        monitored = self.latest if self.mild_start is not None else None
        flare = _flare_reasons(entry, assessment, monitored)
        if flare:
            self._open(entry, flare)
            self.mild_start = None
            self.return_start = None
            self.returning = False
            return
        self.returning = returning
        if _pain_free(entry, assessment):
            self.mild_start = None
            self.not_improving = False
            if not returning:
                self.return_start = None
            elif before is not RecoveryPhase.RETURN_TO_RUNNING:
                self.return_start = entry.time
            return
        self._track_mild(entry, settings)

    def _track_mild(self, entry: Soreness, settings: Settings) -> None:
        """Follow mild soreness; unimproved over the professional deadline: refer."""
        if self.mild_start is None:
            self.mild_start, self.mild_peak = entry.time, entry.severity
        elif entry.severity <= self.mild_peak - IMPROVEMENT_DROP:
            self.mild_start, self.mild_peak = entry.time, entry.severity
            self.not_improving = False
        else:
            self.mild_peak = max(self.mild_peak, entry.severity)
        if entry.time - self.mild_start > timedelta(
            days=settings.professional_after_days
        ):
            self.not_improving = True

    def visit_professional(self, visit: ProfessionalVisit, settings: Settings) -> None:
        """Apply a professional visit at its own time."""
        if visit.cleared_to_run:
            fresh = AnkleState(side=self.side)
            for item in fields(self):
                if item.name not in _KEPT_ON_CLEARANCE:
                    setattr(self, item.name, getattr(fresh, item.name))
            self.return_start = visit.time
            self.returning = True
        else:
            self.red_flags = ()
            self.stress = False
            self.numbness = False
            self.not_improving = False
            self.visit = visit.time
        self._settle(visit.time, settings)

    # results

    def current(self, now: datetime) -> Soreness | None:
        """Return the latest entry if it still counts at `now`.

        Inside an open episode it always does; otherwise for `MILD_STALE_HOURS`.
        Entries before a clearance never do (the clearance forgets them).
        """
        latest = self.latest
        if latest is None:
            return None
        if self.flare_start is not None or self.phase in EPISODE_PHASES:
            return latest
        if now - latest.time < timedelta(hours=MILD_STALE_HOURS):
            return latest
        return None

    def may_run(self, now: datetime) -> bool:
        """Return whether this ankle allows running (rule 4)."""
        if self.phase not in RUNNING_PHASES:
            return False
        current = self.current(now)
        if current is None:
            return True
        return (
            current.severity <= RUN_MAX_SEVERITY
            and not current.has("swelling")
            and not current.has("pain_when_weight_bearing")
            and not self.assessment.stop_running
        )

    def status(self, now: datetime, settings: Settings) -> PhaseStatus:
        """Return this ankle's status at `now` (after `advance` to `now`)."""
        phase, reasons, referral = self.phase_at(now, settings)
        current = self.current(now)
        improved = self.improved()
        next_step = NEXT_STEPS[phase]
        if phase is RecoveryPhase.RECOVERING and improved:
            next_step = "pain_free_activity"
        if self.loosen_wrap:
            reasons = (*reasons, "loosen_wrap")
        day_of_care = None
        if self.episode_began is not None:
            day_of_care = (now - self.episode_began) // timedelta(days=1) + 1
        return PhaseStatus(
            phase=phase,
            since=self.since,
            episode_start=self.flare_start,
            day_of_care=day_of_care,
            next_step=next_step,
            reasons=reasons,
            may_run=self.may_run(now),
            acute_window_ends=self.window_end(settings),
            professional_due=self.professional_due(settings),
            current=current,
            assessment=self.assessment if current is not None else NO_ASSESSMENT,
            side=self.side,
            referral=referral,
        )

    # checkpoint

    def to_dict(self) -> dict[str, Any]:
        """Serialise for a checkpoint."""
        return {
            "side": self.side.value if self.side else None,
            "phase": self.phase.value,
            "since": _iso(self.since),
            "latest": self.latest.to_dict() if self.latest else None,
            "episode_began": _iso(self.episode_began),
            "flare_start": _iso(self.flare_start),
            "flare_reasons": list(self.flare_reasons),
            "peak": self.peak,
            "pain_free_since": _iso(self.pain_free_since),
            "mild_start": _iso(self.mild_start),
            "mild_peak": self.mild_peak,
            "red_flags": [flag.value for flag in self.red_flags],
            "stress": self.stress,
            "numbness": self.numbness,
            "not_improving": self.not_improving,
            "loosen_wrap": self.loosen_wrap,
            "visit": _iso(self.visit),
            "return_start": _iso(self.return_start),
            "returning": self.returning,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], settings: Settings) -> Self:
        """Read a checkpoint's ankle (the settings must be the ones it was made with)."""
        latest = Soreness.from_dict(data["latest"]) if data.get("latest") else None
        return cls(
            side=Side(data["side"]) if data.get("side") else None,
            phase=RecoveryPhase(data["phase"]),
            since=_time(data.get("since")),
            latest=latest,
            assessment=assess(latest, settings) if latest else NO_ASSESSMENT,
            episode_began=_time(data.get("episode_began")),
            flare_start=_time(data.get("flare_start")),
            flare_reasons=tuple(data.get("flare_reasons", ())),
            peak=int(data.get("peak", 0)),
            pain_free_since=_time(data.get("pain_free_since")),
            mild_start=_time(data.get("mild_start")),
            mild_peak=int(data.get("mild_peak", 0)),
            red_flags=tuple(RedFlag(flag) for flag in data.get("red_flags", ())),
            stress=bool(data.get("stress")),
            numbness=bool(data.get("numbness")),
            not_improving=bool(data.get("not_improving")),
            loosen_wrap=bool(data.get("loosen_wrap")),
            visit=_time(data.get("visit")),
            return_start=_time(data.get("return_start")),
            returning=bool(data.get("returning")),
        )


__all__ = [
    "FLARE_RISE",
    "FLARE_SEVERITY",
    "IMPROVEMENT_DROP",
    "MILD_STALE_HOURS",
    "PAIN_FREE_HOURS",
    "RETURN_DAYS",
    "RUN_MAX_SEVERITY",
    "WRAP_HOURS",
    "AnkleState",
]
