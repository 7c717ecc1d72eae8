"""One run from several sources is one run (issue 12, point 1).

Real files of one activity never agree exactly: a few metres to a few percent of
distance between Strava's CSV, the GPX, FIT and TCX, and seconds of start (a TCX
start is cut to the minute). Runs are matched by overlapping time and distances
within 5 %; the merged run takes the device file's numbers and keeps the CSV row's
shoe, name and Strava id; a run logged by hand is never replaced.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from custom_components.ankle_care.domain.import_merge import merge_import
from custom_components.ankle_care.domain.importers import (
    ImportedRun,
    ImportResult,
    import_activities,
)
from custom_components.ankle_care.domain.importers.matching import (
    MatchOutcome,
    RunIndex,
    outcome,
    same_run,
)
from custom_components.ankle_care.domain.records import Run, Shoe, Surface

from .test_importers import GENERATOR, KM_PER_DEGREE

START = datetime(2024, 5, 4, 11, 19, 33, tzinfo=UTC)
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def imported(
    source: str,
    km: float,
    start: datetime = START,
    *,
    moving: float | None = 71.7,
    elapsed: float | None = 73.3,
    **extra: object,
) -> ImportedRun:
    return ImportedRun(
        start=start,
        distance_km=km,
        duration_minutes=moving,
        elapsed_minutes=elapsed,
        source=source,
        **extra,  # type: ignore[arg-type]
    )


# --- When two runs are one ----------------------------------------------------------


@pytest.mark.parametrize(
    ("a_km", "b_km"),
    [(0.783, 0.784), (9.575, 9.506), (4.489, 4.400), (14.169, 14.005)],
)
def test_the_same_run_read_from_two_sources_matches(a_km: float, b_km: float) -> None:
    # the distances of one activity's CSV, GPX, FIT and TCX seen in real exports
    assert same_run(imported("strava", a_km), imported("fit", b_km))


def test_a_tcx_start_cut_to_the_minute_matches_the_fit_start() -> None:
    fit = imported("fit", 10.0, START)  # 11:19:33
    tcx = imported("tcx", 10.02, START.replace(second=0))  # 11:19:00
    assert same_run(fit, tcx)


def test_distances_more_than_five_percent_apart_are_two_runs() -> None:
    assert not same_run(imported("strava", 10.0), imported("fit", 9.4))


def test_back_to_back_runs_of_the_same_distance_are_two_runs() -> None:
    first = imported("fit", 5.0, START, moving=25, elapsed=25)
    second = imported("fit", 5.0, START + timedelta(minutes=26), moving=25, elapsed=25)
    assert not same_run(first, second)


def test_a_morning_and_an_evening_run_are_two_runs() -> None:
    evening = START + timedelta(hours=8)
    assert not same_run(imported("strava", 8.0), imported("fit", 8.0, evening))


def test_spans_overlapping_by_less_than_half_the_shorter_are_two_runs() -> None:
    # a 40-minute run, and a 40-minute recording started 25 minutes into it
    first = imported("fit", 8.0, START, moving=40, elapsed=40)
    later = imported("gpx", 8.0, START + timedelta(minutes=25), moving=40, elapsed=40)
    assert not same_run(first, later)


def test_without_a_span_starts_within_two_minutes_are_one_run() -> None:
    no_times = imported("strava", 6.0, START, moving=None, elapsed=None)
    assert same_run(no_times, imported("fit", 6.1, START + timedelta(seconds=110)))
    assert not same_run(no_times, imported("fit", 6.1, START + timedelta(minutes=3)))


def test_the_span_is_the_elapsed_time_where_known() -> None:
    # moving 30 minutes within 80 elapsed (a long stop); the other recording
    # started 40 minutes in: it overlaps the elapsed span, not the moving one
    paused = imported("fit", 7.0, START, moving=30, elapsed=80)
    other = imported("gpx", 7.1, START + timedelta(minutes=40), moving=30, elapsed=40)
    assert same_run(paused, other)
    assert not same_run(replace(paused, elapsed_minutes=None), other)


def test_same_kind_is_a_duplicate_another_kind_a_merge() -> None:
    fit = imported("fit", 10.0)
    assert outcome(fit, imported("fit", 10.0)) is MatchOutcome.DUPLICATE
    assert outcome(fit, imported("gpx", 10.0)) is MatchOutcome.MERGED
    csv_row = imported("strava", 10.0, source_id="42")
    merged_earlier = replace(fit, source_id="42")
    assert outcome(merged_earlier, csv_row) is MatchOutcome.DUPLICATE


def test_the_index_finds_a_run_that_started_the_day_before() -> None:
    index: RunIndex[ImportedRun] = RunIndex()
    late = imported("fit", 10.0, datetime(2024, 5, 4, 23, 50, tzinfo=UTC))
    index.add(late)
    early = imported("gpx", 10.1, datetime(2024, 5, 4, 23, 50, 20, tzinfo=UTC))
    assert index.find(early) is late
    # the same moment written with another offset (01:50 the next day at +02:00)
    plus_two = early.start.astimezone(timezone(timedelta(hours=2)))
    assert index.find(replace(early, start=plus_two)) is late
    assert index.find(imported("gpx", 10.1, START + timedelta(days=3))) is None


# --- One import of a Garmin FIT, a Strava CSV and a GPX of one run -----------------

FIT_KM, CSV_KM, GPX_DEG = 14.169, 14.005, 0.12581  # 0.12581 deg = 14.005 km by gpxpy


def write_triple(folder: Path, start: datetime = START) -> None:
    """Write the FIT, the CSV row and the GPX of one run into `folder`.

    The FIT says 14.169 km in 4,300 s (4,400 s elapsed); the CSV row (Strava id
    11223344, "Sunday long run", shoe "Pegasus 40") 14.005 km; the GPX, without a
    type, 14.005 km over 4,400 s. The CSV row names a file the folder lacks.
    """
    folder.mkdir()
    session = GENERATOR.FitSession(
        start=start,
        sport=1,  # running
        sub_sport=0,
        metres=FIT_KM * 1000,
        timer_seconds=4300,
        elapsed_seconds=4400,
    )
    (folder / "garmin_1234.fit").write_bytes(
        GENERATOR.fit_file(GENERATOR.FILE_ACTIVITY, [session])
    )
    row = GENERATOR.strava_row(
        "11223344",
        start.strftime("%b %-d, %Y, %-I:%M:%S %p"),
        "Sunday long run",
        "Run",
        elapsed="4400",
        km="14.01",
        gear="Pegasus 40",
        filename="activities/11223344.fit.gz",  # not in the folder
        elapsed_2="4400",
        moving="4290",
        metres=f"{CSV_KM * 1000:.1f}",
    )
    (folder / "activities.csv").write_bytes(GENERATOR.csv_bytes([row]))
    points = GENERATOR._trkpts(52.0, 4.0, start, 100, GPX_DEG / 100, 44)
    (folder / "phone.gpx").write_bytes(
        GENERATOR.gpx_document(
            f"<trk><name>Long run</name><trkseg>{points}</trkseg></trk>"
        )
    )


def test_a_fit_a_csv_row_and_a_gpx_of_one_run_import_once(tmp_path: Path) -> None:
    write_triple(tmp_path / "export")
    result = import_activities(tmp_path / "export", now=NOW)

    assert result.errors == []
    assert result.merged == 2  # the FIT and the GPX are the CSV's run
    assert result.duplicates_skipped == 0
    assert result.runs == [
        ImportedRun(
            start=START,  # the device file's start, distance and durations
            distance_km=pytest.approx(FIT_KM),
            duration_minutes=pytest.approx(4300 / 60),
            elapsed_minutes=pytest.approx(4400 / 60),
            surface=Surface.ROAD,
            shoe_name="Pegasus 40",  # the CSV row's shoe, name and Strava id
            note="Sunday long run",
            source="fit",
            source_id="11223344",
        )
    ]


@pytest.mark.parametrize(
    "order",
    [
        ("activities.csv", "phone.gpx", "garmin_1234.fit"),
        ("garmin_1234.fit", "phone.gpx", "activities.csv"),
        ("phone.gpx", "activities.csv", "garmin_1234.fit"),
    ],
)
def test_imported_one_file_at_a_time_the_run_is_stored_once(
    tmp_path: Path, order: tuple[str, ...]
) -> None:
    write_triple(tmp_path / "export")
    runs: list[Run] = []
    shoes: list[Shoe] = []
    outcomes = []
    for name in order:
        result = import_activities(tmp_path / "export" / name, now=NOW)
        merge = merge_import(result, runs, shoes, NOW)
        changed = {run.id: run for run in merge.changed_runs}
        runs = [changed.get(run.id, run) for run in runs] + merge.new_runs
        shoes += merge.new_shoes
        outcomes.append((len(merge.new_runs), merge.merged, merge.duplicates))

    assert outcomes == [(1, 0, 0), (0, 1, 0), (0, 1, 0)]
    [run] = runs
    assert run.start == START
    assert run.distance_km == pytest.approx(FIT_KM)
    assert run.duration_minutes == pytest.approx(4300 / 60)
    assert run.source == "fit"
    assert run.source_id == "11223344"
    assert run.note == "Sunday long run"
    assert [shoe.name for shoe in shoes] == ["Pegasus 40"]
    assert run.shoe_id == shoes[0].id

    # importing any of them again adds nothing and changes nothing
    for name in order:
        again = merge_import(
            import_activities(tmp_path / "export" / name, now=NOW), runs, shoes, NOW
        )
        assert (again.new_runs, again.changed_runs) == ([], [])
        assert again.merged + again.duplicates == 1


def test_a_more_faithful_file_replaces_the_numbers_of_a_stored_run() -> None:
    stored = imported(
        "strava", CSV_KM, START.replace(second=0), source_id="7", note="Tempo"
    ).to_run("run-1", shoe_id="shoe-1")
    for source, rank_wins in (("gpx", True), ("tcx", True), ("fit", True)):
        merge = merge_import(
            ImportResult(runs=[imported(source, FIT_KM)], errors=[]),
            [stored],
            [],
            NOW,
        )
        assert merge.merged == 1
        [changed] = merge.changed_runs
        assert changed.id == "run-1"  # the same run, same id
        assert (changed.start, changed.distance_km) == (START, FIT_KM)
        assert (changed.note, changed.source_id, changed.shoe_id) == (
            "Tempo",
            "7",
            "shoe-1",
        )
        assert rank_wins
        stored = changed
    # a GPX after the FIT: the FIT's numbers stay
    merge = merge_import(
        ImportResult(runs=[imported("gpx", CSV_KM)], errors=[]), [stored], [], NOW
    )
    assert merge.changed_runs == []
    assert merge.merged == 1


def test_a_run_logged_by_hand_is_never_replaced() -> None:
    by_hand = Run(id="mine", start=START, distance_km=14.0, duration_minutes=72)
    merge = merge_import(
        ImportResult(runs=[imported("fit", 14.169, shoe_name="Pegasus 40")], errors=[]),
        [by_hand],
        [],
        NOW,
    )
    assert merge.new_runs == []
    assert merge.changed_runs == []
    assert merge.new_shoes == []
    assert merge.merged == 1  # recognised as the same run, counted, not added


def test_a_surface_more_specific_than_road_is_kept() -> None:
    trail = imported("strava", 10.0, surface=Surface.TRAIL).to_run("r")
    merge = merge_import(
        ImportResult(runs=[imported("fit", 10.1)], errors=[]), [trail], [], NOW
    )
    [changed] = merge.changed_runs
    assert changed.surface is Surface.TRAIL
    assert changed.distance_km == 10.1


def test_a_gpx_distance_of_the_triple_is_what_gpxpy_measures(tmp_path: Path) -> None:
    # the fixture's GPX is 14.005 km, as the CSV's distance
    write_triple(tmp_path / "export")
    [run] = import_activities(tmp_path / "export" / "phone.gpx", now=NOW).runs
    assert run.distance_km == pytest.approx(GPX_DEG * KM_PER_DEGREE, rel=1e-4)
    assert run.distance_km == pytest.approx(CSV_KM, rel=1e-3)
