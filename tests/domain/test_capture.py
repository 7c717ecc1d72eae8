"""Distance-sensor capture: increases become runs; resets, outages, units do not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from custom_components.ankle_care.domain.capture import (
    CaptureState,
    capture,
    with_open_run,
)

T0 = datetime(2026, 11, 20, 7, tzinfo=UTC)


def test_first_reading_is_only_a_baseline() -> None:
    result = capture(CaptureState(), "1200.5", "km", T0)
    assert result.run_km is None
    assert result.state.baseline_km == 1200.5


def test_increase_is_a_run_and_close_increases_extend_it() -> None:
    state = capture(CaptureState(), "100", "km", T0).state
    first = capture(state, "103", "km", T0 + timedelta(minutes=20))
    assert first.run_km == pytest.approx(3)
    assert first.extends_run_id is None
    state = with_open_run(first.state, "run-1")
    second = capture(state, "108", "km", T0 + timedelta(minutes=50))
    assert second.run_km == pytest.approx(8)
    assert second.extends_run_id == "run-1"
    # two hours later: a new run
    third = capture(second.state, "110", "km", T0 + timedelta(hours=3))
    assert third.run_km == pytest.approx(2)
    assert third.extends_run_id is None


@pytest.mark.parametrize("value", ["unavailable", "unknown", "", "-5"])
def test_outages_and_nonsense_change_nothing(value: str) -> None:
    state = capture(CaptureState(), "100", "km", T0).state
    result = capture(state, value, "km", T0)
    assert result.state == state
    assert result.run_km is None
    # back to the same value after the outage: still no run
    assert capture(result.state, "100", "km", T0).run_km is None


def test_reset_rebases_without_a_run() -> None:
    state = capture(CaptureState(), "12", "km", T0).state
    reset = capture(state, "0", "km", T0 + timedelta(hours=17))
    assert reset.run_km is None
    assert reset.state.baseline_km == 0
    after = capture(reset.state, "6", "km", T0 + timedelta(hours=24))
    assert after.run_km == pytest.approx(6)


def test_unit_change_rebases_and_units_convert() -> None:
    state = capture(CaptureState(), "10", "km", T0).state
    switched = capture(state, "6.3", "mi", T0)
    assert switched.run_km is None
    assert switched.state.unit == "mi"
    run = capture(switched.state, "9.3", "mi", T0 + timedelta(minutes=1))
    assert run.run_km == pytest.approx(3 * 1.609344)
    metres = capture(CaptureState(), "1000", "m", T0).state
    assert capture(metres, "6000", "m", T0).run_km == pytest.approx(5)
    assert capture(CaptureState(), "5", "parsec", T0).state == CaptureState()


def test_small_increases_accumulate() -> None:
    state = capture(CaptureState(), "10", "km", T0).state
    tiny = capture(state, "10.1", "km", T0)
    assert tiny.run_km is None
    assert tiny.state.baseline_km == 10
    assert capture(tiny.state, "10.3", "km", T0).run_km == pytest.approx(0.3)


def test_state_round_trip() -> None:
    state = with_open_run(
        capture(capture(CaptureState(), "1", "km", T0).state, "4", "km", T0).state, "r"
    )
    assert CaptureState.from_dict(state.to_dict()) == state
    assert CaptureState.from_dict(CaptureState().to_dict()) == CaptureState()
