"""Recovery phase: a state machine replayed from the soreness log and the clock.

Nothing is persisted. `recovery_status` replays the soreness entries of the last
`LOOKBACK_DAYS` in time order, applies the time-driven transitions between them (end
of the acute window, the professional deadline, pain-free milestones, staleness) and
reports the phase at `now`. The same log, clock and settings always give the same
answer. Entries dated after `now` are ignored; logs are expected in time order, as
`RunnerRecords` keeps them, and only their tail is read.

Phases:

* `ready`: no current soreness.
* `monitoring`: mild soreness (severity 1-3, no swelling) without a flare-up.
* `acute_care`: a care episode began with a flare-up; RICE for the first
  `Settings.acute_window_hours` (48-72) after it.
* `recovering`: the acute window is over and the episode is still open.
* `return_to_running`: pain-free for `PAIN_FREE_HOURS`; a gradual return that ends in
  `ready` after `RETURN_DAYS` more without soreness.
* `see_professional`: the episode is `Settings.professional_after_days` (2-5) old and
  the latest entry shows no improvement, or a stress reaction is suspected.
* `urgent_care`: the latest entry carries a red flag (see `triage.red_flags`). Red
  flags win over everything and take effect at the entry that carries them.

Numbers the article leaves open, each a constant below:

* A flare-up (opens a care episode) is an entry with severity >= `FLARE_SEVERITY`
  (4), swelling, a red flag or a suspected stress reaction, or a rise of at least
  `FLARE_RISE` (2) points over the mild soreness being monitored. A rise from a
  pain-free reading is not a flare-up: new mild soreness is only monitored.
* Improvement is the latest entry without swelling and with severity at most
  `IMPROVEMENT_DROP` (2) points below the episode's peak (never above 0 when the peak
  is below 2, so a swelling-only flare-up improves once pain and swelling are gone).
  A pain-free entry (severity 0, no swelling, no red flag) is always an improvement.
* Pain-free "for a while" is `PAIN_FREE_HOURS` (48) since the first of an unbroken
  run of pain-free entries, with no soreness logged since: the episode closes and
  `return_to_running` begins. A care episode is never closed by silence alone.
* `return_to_running` becomes `ready` after `RETURN_DAYS` (14) without soreness.
  Mild soreness during the return gives `monitoring`; the next pain-free entry
  restarts the return at once (its 14 days count again). A flare-up opens a new
  episode in `acute_care` (or `urgent_care`/`see_professional`).
* Staleness: mild soreness outside a care episode lapses to `ready` after
  `MILD_STALE_HOURS` (72) without a new entry, as mild soreness is assumed to settle.
  An open care episode does not lapse: without a pain-free entry it stays until it
  leaves the `LOOKBACK_DAYS` (30) window, so `urgent_care` lasts while the latest
  entry carries a red flag and `see_professional` is left only through improvement.
  An episode that began before the window is replayed from its first entry inside
  the window, so `episode_start` and `day_of_care` never reach back further.
* Within an episode, a setback (no improvement in the latest entry) does not restart
  the acute window; past the professional deadline it means `see_professional` at
  once. `see_professional` for a stress reaction is left only on a pain-free entry;
  for no improvement, on an entry showing improvement.
* `day_of_care` counts whole 24-hour periods since the episode began, from 1.
* `may_run` is False in `acute_care`, `see_professional` and `urgent_care`, and in
  `recovering` until the latest entry shows improvement.
* "loosen_wrap" is added to the reasons when the latest compression logged in the
  last `WRAP_ADVICE_HOURS` (24) caused numbness or tingling.

Reason keys: "no_soreness_logged", "pain_free", "no_recent_entry", "return_complete",
"mild_soreness", "during_return", flare-up keys ("flare_up_severity", "swelling",
"flare_up_rise", "stress_reaction" and the `triage.RedFlag` keys), "within_acute_window",
"acute_window_over", "improving", "awaiting_improvement", "not_improving" and
"loosen_wrap".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from types import MappingProxyType

from .records import Soreness, Treatment, TreatmentKind
from .settings import Settings
from .triage import Assessment, LikelyCause, assess, compression_advice

LOOKBACK_DAYS = 30
"""Only entries from the last 30 days are replayed; older ones no longer matter."""

FLARE_SEVERITY = 4
"""Severity from which soreness is a flare-up, the top of "mild" being 3 of 10."""

FLARE_RISE = 2
"""A rise of this many points over monitored mild soreness is a flare-up."""

IMPROVEMENT_DROP = 2
"""Points below the episode's peak that count as clear improvement."""

PAIN_FREE_HOURS = 48
"""Pain-free hours after which the episode closes and the return to running begins."""

RETURN_DAYS = 14
"""Days of the gradual return without soreness before the runner is ready."""

MILD_STALE_HOURS = 72
"""Hours after which mild soreness outside a care episode is no longer current."""

WRAP_ADVICE_HOURS = 24
"""How long a compression that caused numbness or tingling keeps the wrap advice."""


class RecoveryPhase(StrEnum):
    """Where the runner is on the way from soreness back to running."""

    READY = "ready"
    MONITORING = "monitoring"
    ACUTE_CARE = "acute_care"
    RECOVERING = "recovering"
    RETURN_TO_RUNNING = "return_to_running"
    SEE_PROFESSIONAL = "see_professional"
    URGENT_CARE = "urgent_care"


EPISODE_PHASES = frozenset(
    {
        RecoveryPhase.ACUTE_CARE,
        RecoveryPhase.RECOVERING,
        RecoveryPhase.SEE_PROFESSIONAL,
        RecoveryPhase.URGENT_CARE,
    }
)
"""Phases during which a care episode is open."""

NEXT_STEP_TEXT: Mapping[str, str] = MappingProxyType(
    {
        "prevention": (
            "No current soreness. Keep up the mobility, strengthening and balance "
            "exercises and increase your training only gradually."
        ),
        "monitor": (
            "Mild soreness. Avoid movements that bring the pain back and log how the "
            "ankle feels tomorrow."
        ),
        "rice": (
            "Rest, ice for 15 to 20 minutes every two to three hours, wrap the ankle "
            "snugly and keep it raised above your heart."
        ),
        "rest_until_better": (
            "The first days are over but the ankle is not better yet. Keep resting it "
            "and log how it feels every day."
        ),
        "pain_free_activity": (
            "The soreness is easing. Stick to activity that does not hurt and stop "
            "if the pain comes back."
        ),
        "gradual_return": (
            "Pain-free: return to running gradually, adding distance or speed a "
            "little at a time."
        ),
        "see_professional": (
            "Stop running and see a medical professional for a diagnosis and a "
            "treatment plan."
        ),
        "see_professional_now": (
            "See a medical professional now. Do not put weight on the ankle until you "
            "have."
        ),
    }
)
"""Plain-language text for each `PhaseStatus.next_step` key."""

_REST = (
    "Rest involves immediately stopping the activity that caused the pain and "
    "avoiding movements that reproduce discomfort or require bearing weight."
)

NEXT_STEP_QUOTES: Mapping[str, str] = MappingProxyType(
    {
        "prevention": (
            "Long-term prevention of ankle soreness centers on building resilience "
            "through a structured program of mobility, strengthening, and balance "
            "exercises."
        ),
        "monitor": _REST,
        "rice": (
            "The RICE protocol\u2014Rest, Ice, Compression, and Elevation\u2014is the "
            "standard initial approach for managing acute soft tissue injuries or "
            "tendon flare-ups."
        ),
        "rest_until_better": _REST,
        "pain_free_activity": _REST,
        "gradual_return": (
            "Consistent, gradual progression in distance or speed is necessary to "
            "allow for this physiological adaptation."
        ),
        "see_professional": (
            "If pain or swelling does not improve after two to five days of diligent "
            "at-home care, a medical professional can provide an accurate diagnosis, "
            "such as a stress fracture, and recommend an appropriate treatment plan."
        ),
        "see_professional_now": (
            "Immediate consultation is necessary if the pain is severe, the ankle is "
            "visibly deformed, or there is an inability to bear weight on the foot."
        ),
    }
)
"""The article's sentence behind each `PhaseStatus.next_step` key."""

_NEXT_STEPS: Mapping[RecoveryPhase, str] = MappingProxyType(
    {
        RecoveryPhase.READY: "prevention",
        RecoveryPhase.MONITORING: "monitor",
        RecoveryPhase.ACUTE_CARE: "rice",
        # "pain_free_activity" once the latest entry shows improvement
        RecoveryPhase.RECOVERING: "rest_until_better",
        RecoveryPhase.RETURN_TO_RUNNING: "gradual_return",
        RecoveryPhase.SEE_PROFESSIONAL: "see_professional",
        RecoveryPhase.URGENT_CARE: "see_professional_now",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PhaseStatus:
    """The recovery phase at one moment and what follows from it.

    Attributes:
        phase: The current phase.
        since: When the phase began; None for `ready` when the replayed log never
            showed another phase.
        episode_start: When the open care episode began (its flare-up entry); None
            outside `EPISODE_PHASES`.
        day_of_care: 1-based day of the open episode; None outside it.
        next_step: Key into `NEXT_STEP_TEXT` and `NEXT_STEP_QUOTES`.
        reasons: Stable keys explaining the phase (see the module docstring).
        may_run: Whether running is allowed at all in this phase.
        acute_window_ends: End of the episode's acute window (RICE and icing), past
            or future; None outside an episode.
        professional_due: When an episode without improvement turns into
            `see_professional`; None outside an episode.
        current: The current soreness entry (see `current_soreness`).
        last_ice: The latest ice logged during the open episode.

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
    last_ice: datetime | None = None


def _is_pain_free(assessment: Assessment, entry: Soreness) -> bool:
    return entry.severity == 0 and not entry.has("swelling") and not assessment.urgent


def _flare_reasons(
    entry: Soreness, assessment: Assessment, previous: Soreness | None
) -> tuple[str, ...]:
    reasons: list[str] = []
    if entry.severity >= FLARE_SEVERITY:
        reasons.append("flare_up_severity")
    if entry.has("swelling"):
        reasons.append("swelling")
    if previous is not None and entry.severity - previous.severity >= FLARE_RISE:
        reasons.append("flare_up_rise")
    if assessment.cause is LikelyCause.STRESS_REACTION:
        reasons.append("stress_reaction")
    reasons.extend(flag.value for flag in assessment.red_flags)
    return tuple(reasons)


@dataclass(slots=True)
class _Replay:
    """Mutable state while replaying the log; never leaves this module."""

    settings: Settings
    clock: datetime
    phase: RecoveryPhase = RecoveryPhase.READY
    since: datetime | None = None
    latest: Soreness | None = None
    assessment: Assessment = field(
        default_factory=lambda: Assessment(cause=LikelyCause.NONE)
    )
    episode_start: datetime | None = None
    flare_reasons: tuple[str, ...] = ()
    peak: int = 0
    stress: bool = False
    pain_free_since: datetime | None = None
    return_due: datetime | None = None
    returning: bool = False

    @property
    def window_end(self) -> datetime | None:
        if self.episode_start is None:
            return None
        return self.episode_start + timedelta(hours=self.settings.acute_window_hours)

    @property
    def professional_due(self) -> datetime | None:
        if self.episode_start is None:
            return None
        return self.episode_start + timedelta(
            days=self.settings.professional_after_days
        )

    def improved(self) -> bool:
        latest = self.latest
        if latest is None or latest.has("swelling") or self.assessment.urgent:
            return False
        return latest.severity <= max(0, self.peak - IMPROVEMENT_DROP)

    def phase_at(self, at: datetime) -> tuple[RecoveryPhase, tuple[str, ...]]:
        """Return the phase and reasons at `at`, given the entries applied so far."""
        latest = self.latest
        if latest is None:
            return RecoveryPhase.READY, ("no_soreness_logged",)
        pain_free = _is_pain_free(self.assessment, latest)
        if pain_free and self.return_due is not None:
            if at >= self.return_due + timedelta(days=RETURN_DAYS):
                return RecoveryPhase.READY, ("return_complete",)
            if at >= self.return_due:
                return RecoveryPhase.RETURN_TO_RUNNING, ("pain_free",)
        window_end = self.window_end
        professional_due = self.professional_due
        if window_end is None or professional_due is None:
            if pain_free:
                return RecoveryPhase.READY, ("pain_free",)
            if at >= latest.time + timedelta(hours=MILD_STALE_HOURS):
                return RecoveryPhase.READY, ("no_recent_entry",)
            if self.returning:
                return RecoveryPhase.MONITORING, ("mild_soreness", "during_return")
            return RecoveryPhase.MONITORING, ("mild_soreness",)
        if self.assessment.urgent:
            return RecoveryPhase.URGENT_CARE, tuple(
                flag.value for flag in self.assessment.red_flags
            )
        if self.stress:
            return RecoveryPhase.SEE_PROFESSIONAL, ("stress_reaction",)
        improved = self.improved()
        progress = "improving" if improved else "awaiting_improvement"
        if not improved and at >= professional_due:
            return RecoveryPhase.SEE_PROFESSIONAL, ("not_improving",)
        if at < window_end:
            return RecoveryPhase.ACUTE_CARE, (
                *self.flare_reasons,
                "within_acute_window",
                progress,
            )
        return RecoveryPhase.RECOVERING, ("acute_window_over", progress)

    def advance(self, to: datetime) -> None:
        """Apply the time-driven transitions between the last event and `to`."""
        latest = self.latest
        if latest is None:
            self.clock = to
            return
        candidates = [latest.time + timedelta(hours=MILD_STALE_HOURS)]
        if self.window_end is not None and self.professional_due is not None:
            candidates += [self.window_end, self.professional_due]
        if self.return_due is not None:
            candidates += [
                self.return_due,
                self.return_due + timedelta(days=RETURN_DAYS),
            ]
        for moment in sorted(c for c in candidates if self.clock < c <= to):
            phase, _ = self.phase_at(moment)
            if phase is not self.phase:
                self.phase = phase
                self.since = moment
        self.clock = to

    def apply(self, entry: Soreness) -> None:
        """Apply one soreness entry at its own time."""
        self.advance(entry.time)
        at = entry.time
        before = self.phase
        assessment = assess(entry, self.settings)
        pain_free = _is_pain_free(assessment, entry)
        if before in EPISODE_PHASES:
            self.peak = max(self.peak, entry.severity)
            if assessment.cause is LikelyCause.STRESS_REACTION:
                self.stress = True
            if pain_free:
                self.stress = False
                if self.pain_free_since is None:
                    self.pain_free_since = at
                self.return_due = self.pain_free_since + timedelta(
                    hours=PAIN_FREE_HOURS
                )
            else:
                self.pain_free_since = None
                self.return_due = None
        else:
            returning = before is RecoveryPhase.RETURN_TO_RUNNING or (
                before is RecoveryPhase.MONITORING and self.returning
            )
            monitored = self.latest if before is RecoveryPhase.MONITORING else None
            flare = _flare_reasons(entry, assessment, monitored)
            self.pain_free_since = at if pain_free else None
            if flare:
                self.episode_start = at
                self.flare_reasons = flare
                self.peak = entry.severity
                self.stress = assessment.cause is LikelyCause.STRESS_REACTION
                self.return_due = None
                self.returning = False
            else:
                self.episode_start = None
                self.flare_reasons = ()
                self.returning = returning
                if not pain_free or not returning:
                    self.return_due = None
                elif before is not RecoveryPhase.RETURN_TO_RUNNING:
                    self.return_due = at
        self.latest = entry
        self.assessment = assessment
        phase, _ = self.phase_at(at)
        if phase is not self.phase:
            self.phase = phase
            self.since = at


def _recent[T](
    items: Sequence[T], key: Callable[[T], datetime], start: datetime, now: datetime
) -> list[T]:
    """Return the items timed in [start, now], reading the time-ordered log from its end."""
    recent: list[T] = []
    for item in reversed(items):
        moment = key(item)
        if moment > now:
            continue
        if moment < start:
            break
        recent.append(item)
    recent.reverse()
    recent.sort(key=key)
    return recent


def _soreness_time(entry: Soreness) -> datetime:
    return entry.time


def _treatment_time(entry: Treatment) -> datetime:
    return entry.time


def _check_now(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")


def _replay(soreness: Sequence[Soreness], now: datetime, settings: Settings) -> _Replay:
    _check_now(now)
    start = now - timedelta(days=LOOKBACK_DAYS)
    state = _Replay(settings=settings, clock=start)
    for entry in _recent(soreness, _soreness_time, start, now):
        state.apply(entry)
    state.advance(now)
    return state


def _current(state: _Replay, now: datetime) -> Soreness | None:
    latest = state.latest
    if latest is None:
        return None
    if state.phase in EPISODE_PHASES:
        return latest
    if now - latest.time < timedelta(hours=MILD_STALE_HOURS):
        return latest
    return None


def current_soreness(entries: Sequence[Soreness], now: datetime) -> Soreness | None:
    """Return the latest soreness entry if it still describes the ankle at `now`.

    Inside an open care episode the latest entry stays current (an episode is never
    assumed over without a pain-free entry); otherwise the latest entry is current
    for `MILD_STALE_HOURS`. The returned entry may be pain-free (severity 0). Which
    episode is open does not depend on the settings, so none are needed here.

    Args:
        entries: Soreness entries in time order.
        now: The timezone-aware clock.

    Returns:
        The current entry, or None when nothing current is logged.

    """
    return _current(_replay(entries, now, Settings()), now)


def _next_step(phase: RecoveryPhase, improved: bool) -> str:
    if phase is RecoveryPhase.RECOVERING and improved:
        return "pain_free_activity"
    return _NEXT_STEPS[phase]


def _wrap_advice(treatments: Sequence[Treatment], now: datetime) -> bool:
    start = now - timedelta(hours=WRAP_ADVICE_HOURS)
    for treatment in reversed(_recent(treatments, _treatment_time, start, now)):
        if treatment.treatment is TreatmentKind.COMPRESSION:
            return compression_advice(treatment) is not None
    return False


def _last_ice(
    treatments: Sequence[Treatment], start: datetime, now: datetime
) -> datetime | None:
    for treatment in reversed(_recent(treatments, _treatment_time, start, now)):
        if treatment.treatment is TreatmentKind.ICE:
            return treatment.time
    return None


def recovery_status(
    soreness: Sequence[Soreness],
    treatments: Sequence[Treatment],
    now: datetime,
    settings: Settings,
) -> PhaseStatus:
    """Replay the recent log and return the recovery phase at `now`.

    Args:
        soreness: Soreness entries in time order (only the last `LOOKBACK_DAYS` are
            read, from the end).
        treatments: Logged treatments in time order (only recent ones are read).
        now: The timezone-aware clock.
        settings: Supplies the acute window, the professional deadline and the
            severe-pain threshold.

    Returns:
        The phase, when it began, the open episode and what to do next.

    Raises:
        ValueError: If `now` is naive.

    """
    state = _replay(soreness, now, settings)
    phase, reasons = state.phase_at(now)
    improved = state.improved()
    episode_start: datetime | None = None
    day_of_care: int | None = None
    window_end: datetime | None = None
    professional_due: datetime | None = None
    last_ice: datetime | None = None
    if phase in EPISODE_PHASES:
        episode_start = state.episode_start
        window_end = state.window_end
        professional_due = state.professional_due
    if episode_start is not None:
        day_of_care = (now - episode_start) // timedelta(days=1) + 1
        last_ice = _last_ice(treatments, episode_start, now)
    if _wrap_advice(treatments, now):
        reasons = (*reasons, "loosen_wrap")
    may_run = phase in (
        RecoveryPhase.READY,
        RecoveryPhase.MONITORING,
        RecoveryPhase.RETURN_TO_RUNNING,
    ) or (phase is RecoveryPhase.RECOVERING and improved)
    return PhaseStatus(
        phase=phase,
        since=state.since,
        episode_start=episode_start,
        day_of_care=day_of_care,
        next_step=_next_step(phase, improved),
        reasons=reasons,
        may_run=may_run,
        acute_window_ends=window_end,
        professional_due=professional_due,
        current=_current(state, now),
        last_ice=last_ice,
    )


__all__ = [
    "EPISODE_PHASES",
    "FLARE_RISE",
    "FLARE_SEVERITY",
    "IMPROVEMENT_DROP",
    "LOOKBACK_DAYS",
    "MILD_STALE_HOURS",
    "NEXT_STEP_QUOTES",
    "NEXT_STEP_TEXT",
    "PAIN_FREE_HOURS",
    "RETURN_DAYS",
    "WRAP_ADVICE_HOURS",
    "PhaseStatus",
    "RecoveryPhase",
    "current_soreness",
    "recovery_status",
]
