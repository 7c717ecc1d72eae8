"""Recovery phase per ankle, replayed from the soreness log, the visits and the clock.

`recovery_status` replays every soreness entry and professional visit in its own
time order (so a late-logged red flag counts from when it happened), routes each to
its ankle and lets that ankle's state machine (`ankle.py`, where every rule lives)
take it. The same log, visits, clock and settings always give the same answer;
entries dated after `now` are ignored.

Which ankle (the README states these rules too):

* An entry with `side` belongs to that ankle. When that ankle has no open episode
  but the unspecified ankle (entries logged without a side) has one, the side names
  the unspecified ankle: its episode becomes that side's.
* An entry without `side` belongs to the only ankle with an open episode; with none
  open it is the unspecified ankle's. With two open it is refused when logged
  (`open_ankles` tells the glue); in an older log it counts for the unspecified
  ankle, so it can only escalate, never end, another ankle's episode.
* A visit without `side` applies to the only open ankle (refused when logged with
  none or two open; in an older log such a visit changes nothing). A visit with
  `side` applies to that ankle only, never to the unspecified one (refused when
  logged while only the unspecified ankle is open).

The runner's phase is the most urgent ankle's (`phase.URGENCY`), `ankles` lists every
ankle and `may_run` is true only when every ankle allows it. A compression logged
with numbness or tingling in the last `WRAP_ADVICE_HOURS` adds "loosen_wrap".

Replays do not grow with years of history: a `RecoveryCheckpoint` holds every
ankle's state at a moment `CHECKPOINT_LAG` back (re-made once it is
`CHECKPOINT_MAX_AGE` old), so a replay reads only the entries after it. A checkpoint
is valid only for the settings it was made with and while the entries before it are
unchanged; otherwise the whole log is replayed once and a new one is made.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any, Self

from .ankle import WRAP_HOURS, AnkleState
from .phase import (
    EPISODE_PHASES,
    ICE_PHASES,
    PROFESSIONAL_PHASES,
    URGENCY,
    PhaseStatus,
    RecoveryPhase,
    Referral,
)
from .records import ProfessionalVisit, Side, Soreness, Treatment, TreatmentKind
from .settings import Settings
from .triage import ArticleQuote, compression_advice

WRAP_ADVICE_HOURS = 24
"""How long a compression that caused numbness or tingling keeps the wrap advice."""

CHECKPOINT_LAG = timedelta(days=90)
"""How far back a new checkpoint is made (past the 60 days the program looks back)."""

CHECKPOINT_MIN_LAG = timedelta(days=70)
"""A checkpoint closer to `now` than this is not used (the clock went back)."""

CHECKPOINT_MAX_AGE = timedelta(days=180)
"""A checkpoint older than this is moved forward to `CHECKPOINT_LAG`."""

NEXT_STEP_QUOTES: Mapping[str, ArticleQuote] = MappingProxyType(
    {
        "prevention": ArticleQuote.PREVENTION,
        "monitor": ArticleQuote.REST,
        "rice": ArticleQuote.RICE,
        "rest_until_better": ArticleQuote.REST,
        "pain_free_activity": ArticleQuote.REST,
        "gradual_return": ArticleQuote.GRADUAL_PROGRESSION,
        "see_professional": ArticleQuote.SEE_PROFESSIONAL,
        "see_professional_now": ArticleQuote.RED_FLAGS,
        "professional_plan": ArticleQuote.SEE_PROFESSIONAL,
    }
)
"""Every `PhaseStatus.next_step` key with the article's sentence behind it.

The plain-language text of each step and the sentences are translations
(`common.next_step_<key>` and `common.article_<quote>`).
"""

_SIDE_ORDER: Mapping[Side | None, int] = MappingProxyType(
    {Side.LEFT: 0, Side.RIGHT: 1, None: 2}
)
_URGENCY_RANK = {phase: rank for rank, phase in enumerate(URGENCY)}


def _check_now(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")


def _soreness_time(entry: Soreness) -> datetime:
    return entry.time


def _visit_time(visit: ProfessionalVisit) -> datetime:
    return visit.time


def _treatment_time(entry: Treatment) -> datetime:
    return entry.time


def settings_key(settings: Settings) -> list[float]:
    """Return the settings a replay depends on (a checkpoint is valid only for them)."""
    return [
        settings.severe_pain_threshold,
        settings.acute_window_hours,
        settings.professional_after_days,
    ]


def _mark[T: Soreness | ProfessionalVisit | Treatment](
    items: Sequence[T], at: datetime
) -> list[Any]:
    count = bisect_left(items, at, key=lambda item: item.time)
    return [count, items[count - 1].id if count else None]


def log_marks(
    soreness: Sequence[Soreness],
    visits: Sequence[ProfessionalVisit],
    treatments: Sequence[Treatment],
    at: datetime,
) -> list[Any]:
    """Return what identifies the logs before `at` (count and last id of each)."""
    return [*_mark(soreness, at), *_mark(visits, at), *_mark(treatments, at)]


@dataclass(frozen=True, slots=True, kw_only=True)
class RecoveryCheckpoint:
    """Every ankle's state after all entries and visits before `at`."""

    at: datetime
    settings: list[float]
    marks: list[Any]
    ankles: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        return {
            "at": self.at.isoformat(),
            "settings": list(self.settings),
            "marks": list(self.marks),
            "ankles": list(self.ankles),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Self | None:
        """Read a stored checkpoint; None when there is none or it is unreadable."""
        if not data:
            return None
        try:
            return cls(
                at=datetime.fromisoformat(data["at"]),
                settings=list(data["settings"]),
                marks=list(data["marks"]),
                ankles=[dict(ankle) for ankle in data["ankles"]],
            )
        except (KeyError, TypeError, ValueError):
            return None


def _appended(
    items: Sequence[Soreness | ProfessionalVisit | Treatment],
    count: int,
    last_id: str | None,
    clock: datetime,
    *,
    strict: bool,
) -> bool:
    """Return whether a log is the remembered one with items appended at `clock` on.

    Entries at the clock are applied after it, as in a fresh replay (visits first at
    the same moment); a visit or a treatment at the clock (`strict`) is not: it
    would come before the entries already applied at the clock (a treatment could
    explain numbness logged then), so the replay starts again.
    """
    if len(items) < count or (count and items[count - 1].id != last_id):
        return False
    return all(
        item.time > clock or (not strict and item.time == clock)
        for item in items[count:]
    )


type _Logs = tuple[Sequence[Soreness], Sequence[ProfessionalVisit], Sequence[Treatment]]


@dataclass(slots=True)
class RecoveryMemo:
    """The replay's state at the last `recovery_status`, reused while it still holds.

    Logging a run, the timer and the clock leave the care log alone, so the next
    status only advances every ankle from `clock` to the new `now`; an entry or visit
    logged now (after `clock`) is applied on top. Anything else (a late entry, a
    deletion, other settings, a new checkpoint, a clock that went back) replays
    from the checkpoint again.
    """

    basis: tuple[Any, ...] = ()
    logs: tuple[tuple[int, str | None], ...] = ()
    clock: datetime | None = None
    ankles: dict[Side | None, AnkleState] = field(default_factory=dict)

    def extended_by(
        self, logs: _Logs, basis: tuple[Any, ...], now: datetime
    ) -> tuple[int, int] | None:
        """Return where the new entries and visits start, if the memo still holds."""
        clock = self.clock
        if basis != self.basis or clock is None or clock > now or not self.logs:
            return None
        (entries, entry_id), (visits, visit_id), (treatments, treatment_id) = self.logs
        soreness, visit_log, treatment_log = logs
        if (
            _appended(soreness, entries, entry_id, clock, strict=False)
            and _appended(visit_log, visits, visit_id, clock, strict=True)
            and _appended(treatment_log, treatments, treatment_id, clock, strict=True)
        ):
            return entries, visits
        return None

    def keep(
        self,
        logs: _Logs,
        basis: tuple[Any, ...],
        clock: datetime,
        ankles: Mapping[Side | None, AnkleState],
    ) -> None:
        """Remember the state after every entry and visit up to `clock`."""
        self.basis = basis
        self.logs = tuple(
            (len(items), items[-1].id if items else None) for items in logs
        )
        self.clock = clock
        self.ankles = {side: replace(ankle) for side, ankle in ankles.items()}

    def forget(self) -> None:
        """Drop the state (entries after the clock remain to be applied)."""
        self.logs = ()


class _Replay:
    """Replays the logs forward in time, one ankle state machine per ankle."""

    def __init__(
        self,
        soreness: Sequence[Soreness],
        visits: Sequence[ProfessionalVisit],
        treatments: Sequence[Treatment],
        settings: Settings,
        checkpoint: RecoveryCheckpoint | None,
        memo: RecoveryMemo | None = None,
        starts: tuple[int, int] = (0, 0),
    ) -> None:
        self.treatments = treatments
        self.settings = settings
        self.ankles: dict[Side | None, AnkleState] = {}
        self.clock: datetime | None = None
        self.soreness: list[Soreness] = []
        self.visits: list[ProfessionalVisit] = []
        self.next_entry = self.next_visit = 0
        if memo is not None:
            # The memo's state holds every entry and visit before `starts`.
            self.clock = memo.clock
            self.ankles = {side: replace(ankle) for side, ankle in memo.ankles.items()}
            self.soreness = list(soreness[starts[0] :])
            self.visits = list(visits[starts[1] :])
            return
        first_entry = first_visit = 0
        if checkpoint is not None:
            self.clock = checkpoint.at
            for data in checkpoint.ankles:
                ankle = AnkleState.from_dict(data, settings)
                self.ankles[ankle.side] = ankle
            first_entry = bisect_left(soreness, checkpoint.at, key=_soreness_time)
            first_visit = bisect_left(visits, checkpoint.at, key=_visit_time)
        # Logs are kept in time order; sorting the replayed tail only costs a pass.
        self.soreness = sorted(soreness[first_entry:], key=_soreness_time)
        self.visits = sorted(visits[first_visit:], key=_visit_time)

    @property
    def finished(self) -> bool:
        """Return whether every entry and visit has been applied."""
        return self.next_entry == len(self.soreness) and self.next_visit == len(
            self.visits
        )

    def advance(self, to: datetime) -> None:
        """Apply the clock's transitions up to `to`."""
        if self.clock is not None and to > self.clock:
            for ankle in self.ankles.values():
                ankle.advance(self.clock, to, self.settings)
        if self.clock is None or to > self.clock:
            self.clock = to

    def open_ankles(self) -> list[AnkleState]:
        """Return the ankles with an open care episode."""
        return [ankle for ankle in self.ankles.values() if ankle.is_open]

    def _ankle(self, side: Side | None) -> AnkleState:
        ankle = self.ankles.get(side)
        if ankle is None:
            ankle = self.ankles[side] = AnkleState(side=side)
        return ankle

    def _sided(self, side: Side) -> AnkleState:
        ankle = self.ankles.get(side)
        unspecified = self.ankles.get(None)
        if (ankle is None or not ankle.is_open) and (
            unspecified is not None and unspecified.is_open
        ):
            # The side names the ankle whose episode was logged without one.
            del self.ankles[None]
            unspecified.side = side
            self.ankles[side] = unspecified
            return unspecified
        return self._ankle(side)

    def route_entry(self, side: Side | None) -> AnkleState:
        """Return the ankle an entry with this side belongs to."""
        if side is not None:
            return self._sided(side)
        open_ankles = self.open_ankles()
        if len(open_ankles) == 1:
            return open_ankles[0]
        return self._ankle(None)

    def route_visit(self, side: Side | None) -> AnkleState | None:
        """Return the ankle a visit with this side belongs to, if any.

        Unlike an entry, a visit never names the episode logged without a side: a
        clearance for one ankle might be about the other, so it stays open.
        """
        if side is not None:
            return self._ankle(side)
        open_ankles = self.open_ankles()
        return open_ankles[0] if len(open_ankles) == 1 else None

    def _wrapped(self, at: datetime) -> bool:
        """Return whether a compression was logged in the `WRAP_HOURS` before `at`."""
        items = self.treatments
        index = bisect_left(
            items, at - timedelta(hours=WRAP_HOURS), key=_treatment_time
        )
        while index < len(items) and items[index].time <= at:
            if items[index].treatment is TreatmentKind.COMPRESSION:
                return True
            index += 1
        return False

    def run_to(self, until: datetime, *, before: bool = False) -> None:
        """Apply every entry and visit up to `until` (only before it with `before`).

        At the same moment, visits come before entries: an entry logged at the
        instant of a clearance counts after it, so the clearance never lifts it.
        """
        soreness, visits = self.soreness, self.visits
        settings = self.settings
        while True:
            entry = (
                soreness[self.next_entry] if self.next_entry < len(soreness) else None
            )
            visit = visits[self.next_visit] if self.next_visit < len(visits) else None
            if entry is not None and (visit is None or entry.time < visit.time):
                at = entry.time
                if at > until or (before and at == until):
                    break
                self.advance(at)
                self.route_entry(entry.side).apply(entry, self._wrapped(at), settings)
                self.next_entry += 1
            elif visit is not None:
                at = visit.time
                if at > until or (before and at == until):
                    break
                self.advance(at)
                ankle = self.route_visit(visit.side)
                if ankle is not None:
                    ankle.visit_professional(visit, settings)
                self.next_visit += 1
            else:
                break
        self.advance(until)

    def statuses(self, now: datetime) -> list[PhaseStatus]:
        """Return every ankle's status at the replay's clock, in side order."""
        ordered = sorted(self.ankles.values(), key=lambda a: _SIDE_ORDER[a.side])
        return [ankle.status(now, self.settings) for ankle in ordered]

    def checkpoint(self, at: datetime, marks: list[Any]) -> RecoveryCheckpoint:
        """Return the state at `at` (the clock) as a checkpoint."""
        return RecoveryCheckpoint(
            at=at,
            settings=settings_key(self.settings),
            marks=marks,
            ankles=[ankle.to_dict() for ankle in self.ankles.values()],
        )


def _usable(
    checkpoint: RecoveryCheckpoint | None,
    soreness: Sequence[Soreness],
    visits: Sequence[ProfessionalVisit],
    treatments: Sequence[Treatment],
    settings: Settings,
    latest_use: datetime,
) -> RecoveryCheckpoint | None:
    """Return the checkpoint if it may start a replay that looks at `latest_use` on."""
    if checkpoint is None or checkpoint.at > latest_use:
        return None
    if checkpoint.settings != settings_key(settings):
        return None
    if checkpoint.marks != log_marks(soreness, visits, treatments, checkpoint.at):
        return None
    return checkpoint


def advance_checkpoint(
    checkpoint: RecoveryCheckpoint | None,
    soreness: Sequence[Soreness],
    visits: Sequence[ProfessionalVisit],
    treatments: Sequence[Treatment],
    now: datetime,
    settings: Settings,
) -> RecoveryCheckpoint:
    """Return a checkpoint valid for these logs and settings, made anew when needed.

    The checkpoint is kept while it is valid and between `CHECKPOINT_MIN_LAG` and
    `CHECKPOINT_MAX_AGE` old; otherwise it is moved forward from itself (or, when
    invalid, made from the whole log) to `now - CHECKPOINT_LAG`.
    """
    _check_now(now)
    usable = _usable(
        checkpoint, soreness, visits, treatments, settings, now - CHECKPOINT_MIN_LAG
    )
    if usable is not None and usable.at >= now - CHECKPOINT_MAX_AGE:
        return usable
    target = now - CHECKPOINT_LAG
    replay = _Replay(soreness, visits, treatments, settings, usable)
    replay.run_to(target, before=True)
    return replay.checkpoint(target, log_marks(soreness, visits, treatments, target))


def _wrap_advice(treatments: Sequence[Treatment], now: datetime) -> bool:
    start = bisect_left(
        treatments, now - timedelta(hours=WRAP_ADVICE_HOURS), key=_treatment_time
    )
    end = bisect_right(treatments, now, key=_treatment_time)
    for treatment in reversed(treatments[start:end]):
        if treatment.treatment is TreatmentKind.COMPRESSION:
            return compression_advice(treatment) is not None
    return False


def _runner_status(ankles: Sequence[PhaseStatus], wrap_advice: bool) -> PhaseStatus:
    """Return the most urgent ankle's status with every ankle listed."""
    if not ankles:
        status = PhaseStatus(
            phase=RecoveryPhase.READY,
            since=None,
            next_step="prevention",
            reasons=("no_soreness_logged",),
            may_run=True,
        )
    else:
        top = min(ankles, key=lambda ankle: _URGENCY_RANK[ankle.phase])
        status = replace(
            top,
            may_run=all(ankle.may_run for ankle in ankles),
            ankles=tuple(ankles),
        )
    if wrap_advice and "loosen_wrap" not in status.reasons:
        status = replace(status, reasons=(*status.reasons, "loosen_wrap"))
    return status


def recovery_status(
    soreness: Sequence[Soreness],
    treatments: Sequence[Treatment],
    now: datetime,
    settings: Settings,
    *,
    visits: Sequence[ProfessionalVisit] = (),
    checkpoint: RecoveryCheckpoint | None = None,
    memo: RecoveryMemo | None = None,
) -> PhaseStatus:
    """Replay the logs and return the runner's recovery status at `now`.

    Args:
        soreness: Soreness entries in time order.
        treatments: Logged treatments in time order (compressions count).
        now: The timezone-aware clock.
        settings: Supplies the acute window, the professional deadline and the
            severe-pain threshold.
        visits: Professional visits in time order.
        checkpoint: Where to start the replay (ignored when not valid for `now`).
        memo: The state of the previous call, reused when the logs, settings and
            checkpoint are the same and `now` did not go back; updated.

    Returns:
        The most urgent ankle's status, with every ankle in `ankles`.

    Raises:
        ValueError: If `now` is naive.

    """
    _check_now(now)
    usable = _usable(checkpoint, soreness, visits, treatments, settings, now)
    logs = (soreness, visits, treatments)
    basis = (settings_key(settings), usable.at if usable is not None else None)
    starts = memo.extended_by(logs, basis, now) if memo is not None else None
    if memo is not None and starts is not None:
        replay = _Replay(soreness, visits, treatments, settings, usable, memo, starts)
    else:
        replay = _Replay(soreness, visits, treatments, settings, usable)
    replay.run_to(now)
    if memo is not None:
        if replay.finished and replay.clock is not None:
            memo.keep(logs, basis, replay.clock, replay.ankles)
        else:
            memo.forget()
    return _runner_status(replay.statuses(now), _wrap_advice(treatments, now))


def recovery_timeline(
    soreness: Sequence[Soreness],
    treatments: Sequence[Treatment],
    moments: Iterable[datetime],
    settings: Settings,
    *,
    visits: Sequence[ProfessionalVisit] = (),
    checkpoint: RecoveryCheckpoint | None = None,
) -> list[RecoveryPhase]:
    """Return the runner's phase at each moment (in ascending order), in one replay."""
    times = list(moments)
    if not times:
        return []
    for moment in times:
        _check_now(moment)
    usable = _usable(checkpoint, soreness, visits, treatments, settings, times[0])
    replay = _Replay(soreness, visits, treatments, settings, usable)
    phases: list[RecoveryPhase] = []
    for moment in times:
        replay.run_to(moment)
        phases.append(_runner_status(replay.statuses(moment), False).phase)
    return phases


def open_ankles(
    soreness: Sequence[Soreness],
    treatments: Sequence[Treatment],
    at: datetime,
    settings: Settings,
    *,
    visits: Sequence[ProfessionalVisit] = (),
    checkpoint: RecoveryCheckpoint | None = None,
) -> list[Side | None]:
    """Return the ankles with an open care episode at `at`, in side order."""
    _check_now(at)
    usable = _usable(checkpoint, soreness, visits, treatments, settings, at)
    replay = _Replay(soreness, visits, treatments, settings, usable)
    replay.run_to(at)
    sides = [ankle.side for ankle in replay.open_ankles()]
    return sorted(sides, key=lambda side: _SIDE_ORDER[side])


__all__ = [
    "CHECKPOINT_LAG",
    "CHECKPOINT_MAX_AGE",
    "EPISODE_PHASES",
    "ICE_PHASES",
    "NEXT_STEP_QUOTES",
    "PROFESSIONAL_PHASES",
    "URGENCY",
    "WRAP_ADVICE_HOURS",
    "PhaseStatus",
    "RecoveryCheckpoint",
    "RecoveryMemo",
    "RecoveryPhase",
    "Referral",
    "advance_checkpoint",
    "log_marks",
    "open_ankles",
    "recovery_status",
    "recovery_timeline",
]
