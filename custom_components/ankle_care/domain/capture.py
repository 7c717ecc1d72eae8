"""Automatic capture of runs from a distance sensor (a watch or cloud integration).

The sensor's state is a cumulative or daily distance. Only increases become runs:

* a reading that is not a number (``unavailable``, ``unknown``) is ignored and the
  last good reading kept, so an outage followed by the same value adds nothing;
* a decrease is a reset (a daily total at midnight, a new device) and only rebases;
* a change of unit rebases too, because the two numbers cannot be compared;
* increases below ``MIN_INCREASE_KM`` are left to accumulate (GPS noise, rounding);
* increases that arrive within ``SAME_RUN_GAP`` of the previous one extend the same
  run, so a sensor that updates every minute during a run gives one run, not sixty.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Self

MIN_INCREASE_KM = 0.2
SAME_RUN_GAP = timedelta(minutes=45)

# Factors from a distance unit (as Home Assistant names them) to kilometres.
UNIT_TO_KM: dict[str, float] = {
    "km": 1.0,
    "m": 0.001,
    "mi": 1.609344,
    "yd": 0.0009144,
    "ft": 0.0003048,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class CaptureState:
    """What the capture remembers between readings (persisted with the records)."""

    baseline_km: float | None = None
    unit: str | None = None
    open_run_id: str | None = None
    open_run_km: float = 0.0
    last_increase: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        return {
            "baseline_km": self.baseline_km,
            "unit": self.unit,
            "open_run_id": self.open_run_id,
            "open_run_km": self.open_run_km,
            "last_increase": self.last_increase.isoformat()
            if self.last_increase
            else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Read the stored state."""
        last = data.get("last_increase")
        return cls(
            baseline_km=data.get("baseline_km"),
            unit=data.get("unit"),
            open_run_id=data.get("open_run_id"),
            open_run_km=float(data.get("open_run_km", 0.0)),
            last_increase=datetime.fromisoformat(last) if last else None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CaptureResult:
    """The new state, and the run to record (new or extended), if any."""

    state: CaptureState
    run_km: float | None = None
    extends_run_id: str | None = None


def _reading_km(value: str, unit: str | None) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    factor = UNIT_TO_KM.get(unit or "km")
    if factor is None or number < 0:
        return None
    return number * factor


def capture(
    state: CaptureState, value: str, unit: str | None, now: datetime
) -> CaptureResult:
    """Feed one sensor reading; return what to record.

    ``run_km`` is the distance of the run to record: a new run when
    ``extends_run_id`` is None, else the new total of that still-open run.
    """
    km = _reading_km(value, unit)
    if km is None:
        return CaptureResult(state=state)
    if state.baseline_km is None or unit != state.unit or km < state.baseline_km:
        return CaptureResult(state=replace(state, baseline_km=km, unit=unit))
    increase = km - state.baseline_km
    if increase < MIN_INCREASE_KM:
        return CaptureResult(state=state)
    same_run = (
        state.open_run_id is not None
        and state.last_increase is not None
        and now - state.last_increase <= SAME_RUN_GAP
    )
    if same_run:
        total = state.open_run_km + increase
        return CaptureResult(
            state=replace(state, baseline_km=km, open_run_km=total, last_increase=now),
            run_km=total,
            extends_run_id=state.open_run_id,
        )
    return CaptureResult(
        state=CaptureState(
            baseline_km=km, unit=unit, open_run_km=increase, last_increase=now
        ),
        run_km=increase,
    )


def with_open_run(state: CaptureState, run_id: str) -> CaptureState:
    """Return the state with the id of the run just recorded as the open run."""
    return replace(state, open_run_id=run_id)
