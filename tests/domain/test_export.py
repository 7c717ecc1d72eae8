"""The export document, its checks, the merge of an import and deletion ranges."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import json
from typing import Any

import pytest

from custom_components.ankle_care.domain.export import (
    EXPORT_SCHEMA,
    EXPORT_VERSION,
    RECORD_TYPES,
    ExportBounds,
    ExportDocumentError,
    build_export,
    content_key,
    deleted_types,
    merge_export,
    parse_export,
    split_for_deletion,
)
from custom_components.ankle_care.domain.records import (
    Exercise,
    ProfessionalVisit,
    Run,
    RunnerRecords,
    Shoe,
    Side,
    Soreness,
    Surface,
    Treatment,
    TreatmentKind,
)

T0 = datetime(2026, 11, 1, 7, tzinfo=UTC)
BOUNDS = ExportBounds(
    earliest=datetime(1990, 1, 1, tzinfo=UTC),
    latest=T0 + timedelta(days=1),
    max_distance_km=500,
    max_text=2000,
    max_name=100,
)


def _records() -> tuple[RunnerRecords, list[Run]]:
    shoe = Shoe(id="shoe1", name="Pegasus", added=T0 - timedelta(days=900))
    runs = [
        Run(
            id=f"run{back}",
            start=T0 - timedelta(days=back),
            distance_km=5 + back / 100,
            rpe=4,
            surface=Surface.TRAIL,
            shoe_id="shoe1",
            note="ü",
        )
        for back in (700, 3, 1)
    ]
    records = RunnerRecords(
        runs=runs[1:],
        soreness=[
            Soreness(
                id="s1",
                time=T0 - timedelta(days=2),
                severity=4,
                side=Side.LEFT,
                symptoms=frozenset({"swelling"}),
                note="after hills",
            )
        ],
        treatments=[
            Treatment(id="t1", time=T0 - timedelta(days=2), treatment=TreatmentKind.ICE)
        ],
        visits=[
            ProfessionalVisit(id="v1", time=T0 - timedelta(days=1), side=Side.LEFT)
        ],
        exercises=[Exercise(id="e1", time=T0, exercise="warm_up", sets=1)],
        shoes=[shoe],
        default_shoe_id="shoe1",
    )
    return records, runs


def _export() -> dict[str, Any]:
    records, runs = _records()
    return build_export(
        runner={"name": "Alex", "unit": "km"},
        settings={"ice_minutes": 15, "not_a_setting": 1},
        records=records,
        runs=runs,
        reminders_enabled=False,
        exported_at=T0,
    )


def test_the_document_holds_every_record_and_is_json() -> None:
    document = _export()
    assert json.loads(json.dumps(document)) == document
    assert document["schema"] == EXPORT_SCHEMA == "ankle_care.export"
    assert document["version"] == EXPORT_VERSION == 1
    assert document["exported_at"] == T0.isoformat()
    assert document["runner"] == {"name": "Alex", "unit": "km"}
    assert document["settings"] == {"ice_minutes": 15}  # only settings
    assert document["reminders"] == {"enabled": False}
    assert [run["id"] for run in document["runs"]] == ["run700", "run3", "run1"]
    assert {key: len(document[key]) for key in RECORD_TYPES} == {
        "runs": 3,
        "soreness": 1,
        "treatments": 1,
        "visits": 1,
        "exercises": 1,
        "shoes": 1,
    }


def test_parse_reads_back_what_was_exported() -> None:
    records, runs = _records()
    parsed = parse_export(_export(), BOUNDS)
    assert parsed.runs == runs
    assert parsed.soreness == records.soreness
    assert parsed.treatments == records.treatments
    assert parsed.visits == records.visits
    assert parsed.exercises == records.exercises
    assert parsed.shoes == records.shoes
    assert parsed.default_shoe_id == "shoe1"
    assert parsed.settings == {"ice_minutes": 15}
    assert parsed.reminders_enabled is False


def _with(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    document = _export()
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return document


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ([], "wrong_schema"),
        ({"schema": "other", "version": 1}, "wrong_schema"),
        (_with(("version",), 2), "wrong_version"),
        (_with(("version",), True), "wrong_version"),
        (_with(("version",), "1"), "wrong_version"),
        (_with(("runs",), {}), "not_a_list"),
        (_with(("runs", 0, "distance_km"), -5), "distance_out_of_range"),
        (_with(("runs", 0, "distance_km"), 1e6), "distance_out_of_range"),
        (_with(("runs", 0, "distance_km"), float("nan")), "not_finite"),
        (_with(("runs", 0, "distance_km"), "far"), "bad_record"),
        (_with(("runs", 0, "start"), "0001-01-01T00:00:00+00:00"), "time_out_of_range"),
        (_with(("runs", 0, "start"), "2030-01-01T00:00:00+00:00"), "time_out_of_range"),
        (_with(("runs", 0, "start"), "2026-01-01T00:00:00"), "bad_record"),
        (_with(("runs", 0, "surface"), "lava"), "bad_record"),
        (_with(("runs", 0, "rpe"), 4.5), "number_out_of_range"),
        (_with(("runs", 0, "duration_minutes"), "long"), "number_out_of_range"),
        (_with(("runs", 0, "note"), "\ud800"), "invalid_text"),
        (_with(("runs", 0, "note"), "x" * 2001), "text_too_long"),
        (_with(("shoes", 0, "name"), "x" * 101), "text_too_long"),
        (_with(("runs", 0, "id"), 7), "bad_record"),
        (_with(("runs", 1, "id"), "run700"), "duplicate_id"),
        (_with(("soreness", 0, "severity"), 11), "bad_record"),
        (_with(("soreness", 0, "symptoms"), ["hiccups"]), "bad_record"),
        (_with(("treatments", 0, "treatment"), "magic"), "bad_record"),
        (_with(("exercises", 0, "sets"), -1), "number_out_of_range"),
        (_with(("shoes", 0, "max_km"), 0), "number_out_of_range"),
        (_with(("shoes", 0), {"id": "x"}), "bad_record"),
        (_with(("settings",), []), "bad_settings"),
        (_with(("settings", "acwr_method"), "guess"), "bad_settings"),
        (_with(("reminders",), {"enabled": "yes"}), "bad_record"),
        (_with(("default_shoe_id",), "nope"), "bad_record"),
        (_with(("runner",), {"name": object()}), "not_json"),
    ],
)
def test_bad_documents_are_refused(document: Any, reason: str) -> None:
    with pytest.raises(ExportDocumentError) as err:
        parse_export(document, BOUNDS)
    assert err.value.reason == reason


def test_missing_lists_are_empty() -> None:
    parsed = parse_export({"schema": EXPORT_SCHEMA, "version": 1}, BOUNDS)
    assert parsed.runs == parsed.shoes == parsed.soreness == []
    assert parsed.settings == {}
    assert parsed.reminders_enabled is None


def test_merge_into_an_empty_runner_adds_everything_and_again_nothing() -> None:
    records, runs = _records()
    document = parse_export(_export(), BOUNDS)
    merge = merge_export(document, [], RunnerRecords())
    assert merge.runs == runs
    assert merge.shoes == records.shoes
    assert merge.default_shoe_id == "shoe1"
    assert merge.counts() == dict.fromkeys(RECORD_TYPES, 1) | {"runs": 3}
    again = merge_export(document, runs, records)
    assert again.counts() == dict.fromkeys(RECORD_TYPES, 0)
    assert again.default_shoe_id is None


def test_merge_by_content_and_from_other_sources() -> None:
    records, runs = _records()
    document = parse_export(_export(), BOUNDS)
    # The same run imported from Strava, a second apart and 4 m longer; the
    # same soreness entry under another id and in another time zone; a shoe of
    # the same name under another id.
    strava = Run(
        id="strava1",
        start=runs[0].start + timedelta(seconds=1),
        distance_km=runs[0].distance_km + 0.004,
        source="strava",
        source_id="123",
    )
    soreness = Soreness(
        id="other",
        time=records.soreness[0].time.astimezone(datetime.now().astimezone().tzinfo),
        severity=4,
        side=Side.LEFT,
        symptoms=frozenset({"swelling"}),
        note="after hills",
    )
    mine = Shoe(id="mine", name="PEGASUS", added=T0)
    existing = RunnerRecords(soreness=[soreness], shoes=[mine], default_shoe_id="mine")
    merge = merge_export(document, [strava], existing)
    assert [run.id for run in merge.runs] == ["run3", "run1"]
    assert {run.shoe_id for run in merge.runs} == {"mine"}  # follows the shoe there
    assert merge.shoes == []
    assert merge.soreness == []
    assert merge.default_shoe_id is None  # the runner's own default stays
    assert content_key(soreness) == content_key(records.soreness[0])


def test_a_run_twice_in_one_document_is_added_once() -> None:
    document = _export()
    copy = {**document["runs"][2], "id": "copy"}
    document["runs"].append(copy)
    merge = merge_export(parse_export(document, BOUNDS), [], RunnerRecords())
    assert [run.id for run in merge.runs] == ["run700", "run3", "run1"]


def test_deletion_ranges_are_inclusive_on_each_records_own_time() -> None:
    records, runs = _records()
    kept, gone = split_for_deletion(runs, runs[1].start, runs[2].start)
    assert [run.id for run in gone] == ["run3", "run1"]
    assert [run.id for run in kept] == ["run700"]
    kept, gone = split_for_deletion(runs, None, runs[0].start)
    assert [run.id for run in gone] == ["run700"]
    kept, gone = split_for_deletion(records.shoes, T0 - timedelta(days=1), None)
    assert gone == []
    assert split_for_deletion(records.visits, None, None) == ([], records.visits)


def test_deleted_types() -> None:
    assert deleted_types(None) == RECORD_TYPES
    assert deleted_types("visits") == ("visits",)
    with pytest.raises(ValueError, match="notes"):
        deleted_types("notes")


def test_runs_captured_from_one_sensor_are_all_restored() -> None:
    # Every run captured from a distance sensor carries the sensor as its source
    # id; matching by (source, source id) kept only the first of them.
    sensor_runs = [
        Run(
            id=f"captured{day}",
            start=T0 - timedelta(days=day),
            distance_km=5.0,
            source="sensor",
            source_id="sensor.watch_distance",
        )
        for day in range(3)
    ]
    document = _export()
    document["runs"] = [run.to_dict() for run in sensor_runs]
    merge = merge_export(parse_export(document, BOUNDS), [], RunnerRecords())
    assert sorted(run.id for run in merge.runs) == [
        "captured0",
        "captured1",
        "captured2",
    ]
