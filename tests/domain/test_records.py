"""Records: validation, time order and the store round trip."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from custom_components.ankle_care.domain.records import (
    Exercise,
    ProfessionalVisit,
    Run,
    RunnerRecords,
    Shoe,
    Side,
    Soreness,
    Treatment,
    TreatmentKind,
    new_id,
    pop_by_id,
)
from custom_components.ankle_care.domain.settings import (
    AcwrMethod,
    Settings,
)

T0 = datetime(2026, 11, 1, 7, tzinfo=UTC)


def test_naive_timestamps_are_rejected() -> None:
    naive = datetime(2026, 11, 1, 7)  # noqa: DTZ001
    with pytest.raises(ValueError, match="timezone-aware"):
        Run(id="r", start=naive, distance_km=5)
    with pytest.raises(ValueError, match="timezone-aware"):
        Treatment(id="t", time=naive, treatment=TreatmentKind.ICE)
    with pytest.raises(ValueError, match="timezone-aware"):
        Exercise(id="e", time=naive, exercise="warm_up")
    with pytest.raises(ValueError, match="timezone-aware"):
        Shoe(id="s", name="Trainer", added=naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        ProfessionalVisit(id="v", time=naive)


def test_soreness_is_validated() -> None:
    with pytest.raises(ValueError, match="severity"):
        Soreness(id="s", time=T0, severity=11)
    with pytest.raises(ValueError, match="unknown symptoms"):
        Soreness(id="s", time=T0, severity=2, symptoms=frozenset({"itching"}))


def test_records_round_trip_and_keep_time_order() -> None:
    records = RunnerRecords()
    later = Run(id="b", start=T0 + timedelta(days=1), distance_km=8.5, rpe=6)
    earlier = Run(id="a", start=T0, distance_km=5, duration_minutes=30)
    records.add_run(later)
    records.add_run(earlier)
    records.add_soreness(Soreness(id="s2", time=T0 + timedelta(hours=2), severity=1))
    records.add_soreness(Soreness(id="s1", time=T0, severity=3))
    records.add_treatment(Treatment(id="t", time=T0, treatment=TreatmentKind.ICE))
    records.add_exercise(Exercise(id="e", time=T0, exercise="warm_up", reps=10))
    records.shoes.append(Shoe(id="shoe", name="Trainer", added=T0, max_km=700))
    records.default_shoe_id = "shoe"
    records.add_visit(
        ProfessionalVisit(id="v2", time=T0 + timedelta(days=2), cleared_to_run=True)
    )
    records.add_visit(ProfessionalVisit(id="v1", time=T0, side=Side.LEFT, note="x"))

    assert [run.id for run in records.runs] == ["a", "b"]
    assert [entry.id for entry in records.soreness] == ["s1", "s2"]
    assert [visit.id for visit in records.visits] == ["v1", "v2"]
    restored = RunnerRecords.from_dict(records.to_dict())
    assert restored == records
    assert restored.counts() == {
        "runs": 2,
        "soreness": 2,
        "treatments": 1,
        "exercises": 1,
        "shoes": 1,
        "visits": 2,
    }


def test_pop_by_id() -> None:
    runs = [Run(id=new_id(), start=T0, distance_km=3) for _ in range(3)]
    target = runs[1]
    assert pop_by_id(runs, target.id) is target
    assert len(runs) == 2
    assert pop_by_id(runs, "missing") is None


def test_settings_from_options_clamp_and_parse() -> None:
    settings = Settings.from_options(
        {
            "ice_minutes": 30,  # above the article's range: clamped
            "ice_interval_hours": 2.5,
            "quiet_start": time(21, 0),
            "quiet_end": "06:30:00",
            "acwr_method": "rolling_coupled",
            "notify_services": ["mobile_app_pixel"],
        }
    )
    assert settings.ice_minutes == 20
    assert settings.ice_interval_hours == 2.5
    assert settings.quiet_start == time(21, 0)
    assert settings.quiet_end == time(6, 30)
    assert settings.acwr_method is AcwrMethod.ROLLING_COUPLED
    assert settings.notify_services == ("mobile_app_pixel",)
    assert Settings.from_options({}) == Settings()


def test_latest_treatment_of_a_kind_since_a_moment() -> None:
    start = datetime(2026, 11, 1, 9, tzinfo=UTC)
    records = RunnerRecords()
    for minutes, kind in ((0, TreatmentKind.ICE), (5, TreatmentKind.ELEVATION)):
        records.add_treatment(
            Treatment(
                id=f"t{minutes}",
                time=start + timedelta(minutes=minutes),
                treatment=kind,
            )
        )
    assert records.latest_treatment(TreatmentKind.ICE, start).id == "t0"
    assert (
        records.latest_treatment(TreatmentKind.ICE, start + timedelta(minutes=1))
        is None
    )
    assert records.latest_treatment(TreatmentKind.COMPRESSION, start) is None
