"""Tests for the activity importers (Strava export, FIT, GPX, TCX)."""

from __future__ import annotations

from datetime import UTC, datetime
import gzip
import importlib.util
import io
import math
import os
from pathlib import Path
import sys
import time
from types import ModuleType
import zipfile

import pytest

from custom_components.ankle_care.domain.importers import (
    FileError,
    ImportedRun,
    ImportLimits,
    ImportResult,
    Reason,
    activity_format,
    base,
    fit,
    gpx,
    import_activities,
    parse_activity_file,
    strava,
    tcx,
)
from custom_components.ankle_care.domain.records import Run, Surface

SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "activities"
# gpxpy measures 2-D length with 2 * pi * 6378.137 km / 360 per degree.
KM_PER_DEGREE = 2 * math.pi * 6378.137 / 360


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "ankle_care_make_samples", SAMPLES / "make_samples.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


GENERATOR = _load_generator()


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def only_error(result: ImportResult) -> FileError:
    assert result.runs == []
    assert result.non_runs_skipped == 0
    assert len(result.errors) == 1
    return result.errors[0]


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    path.write_bytes(GENERATOR.zip_bytes(members))
    return path


# --- fixtures ---------------------------------------------------------------------


def _content(name: str, data: bytes) -> object:
    """Compare archives by what they hold: zlib builds may compress differently."""
    if name.endswith(".gz") and data.startswith(b"\x1f\x8b"):
        return gzip.decompress(data)
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {
                info.filename: _content(info.filename, archive.read(info))
                for info in archive.infolist()
            }
    return data


def test_committed_samples_match_the_generator() -> None:
    samples = GENERATOR.all_samples()
    assert len(samples) >= 30
    for name, data in samples.items():
        committed = (SAMPLES / name).read_bytes()
        assert _content(name, committed) == _content(name, data), name


def test_generator_writes_samples(tmp_path: Path) -> None:
    written = GENERATOR.write_samples(tmp_path)
    assert (tmp_path / "export.zip") in written
    assert (tmp_path / "folder" / "activities" / "302.tcx").is_file()


# --- Strava CSV -------------------------------------------------------------------


def test_strava_csv_runs_with_duplicate_columns_and_quirky_dates() -> None:
    result = import_activities(SAMPLES / "activities.csv")

    # "1,001.50" km (no metres column value) is read, and refused: over the 500 km
    # cap of log_run, so the stage race total is not a run
    assert result.errors == [FileError("activities.csv", "out_of_range")]
    assert result.non_runs_skipped == 2  # the ride and the walk
    assert result.duplicates_skipped == 0
    assert result.runs == [
        ImportedRun(
            start=utc(2022, 10, 6, 23, 19, 20),
            distance_km=10.0215,  # the second Distance column, in metres
            duration_minutes=pytest.approx(2900 / 60),
            surface=Surface.ROAD,
            shoe_name="Pegasus 40",
            note="Evening Run",
            source="strava",
            source_id="9001",
            elapsed_minutes=50.0,
        ),
        ImportedRun(
            start=utc(2022, 10, 8, 12, 30),
            distance_km=14.302,
            duration_minutes=pytest.approx(5000 / 60),
            surface=Surface.TRAIL,
            shoe_name="Speedgoat 5",
            note="Hill, trail & mud",
            source="strava",
            source_id="9003",
            elapsed_minutes=90.0,
        ),
        ImportedRun(
            start=utc(2022, 10, 9, 0, 5, 10),  # 12:05:10 AM, narrow no-break space
            distance_km=8.0,
            duration_minutes=40.0,  # no moving time: the second Elapsed Time
            surface=Surface.TREADMILL,
            shoe_name=None,
            note="Zwift Run",
            source="strava",
            source_id="9004",
            elapsed_minutes=40.0,
        ),
    ]
    # 9007, a treadmill run without a distance, is 0 km: not imported, warned about
    assert result.warnings == [FileError("activities.csv", "no_distance")]


def test_strava_csv_with_minimal_columns_and_short_rows(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "\ufeffActivity ID,Activity Date,Activity Type,Distance\n"
        "1,2023-03-04 05:06:07,run,3.5\n"
        "\n"
        '2,"Mar 5, 2023, 6:07 pm",Run\n'
        "3,whenever,Swim,1\n",
        encoding="utf-8",
    )
    result = import_activities(path)
    assert result.errors == []
    assert result.non_runs_skipped == 1
    assert result.runs == [
        ImportedRun(
            start=utc(2023, 3, 4, 5, 6, 7),
            distance_km=3.5,
            source="strava",
            source_id="1",
        ),
    ]
    # the short row 2 has no distance: 0 km is not a run to import
    assert result.warnings == [FileError("export.csv", "no_distance")]


GOOD_ROW = 'Activity ID,Activity Date,Activity Type,Distance\n1,"Jan 1, 2024, 1:00:00 AM",Run,5\n'


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (GOOD_ROW + "2,not a date,Run,5\n", "corrupt"),
        (GOOD_ROW + '2,"Jan 2, 2024, 1:00:00 AM",Run,five\n', "corrupt"),
        (
            GOOD_ROW + '2,"Jan 2, 2024, 1:00:00 AM",Run,"' + "9" * 200_000 + '"\n',
            "corrupt",
        ),
        ("\n\n", "empty"),
        (" , \n", "empty"),
        ("Activity ID,Activity Date,Activity Type\n\n", "empty"),
        ("Activity ID,Date,Type\n1,2024-01-01,Run\n", "unsupported"),
    ],
)
def test_strava_csv_rejected_whole(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "activities.csv"
    path.write_text(text, encoding="utf-8")
    assert only_error(import_activities(path)) == FileError("activities.csv", reason)


def test_strava_csv_that_is_not_utf8_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "activities.csv"
    path.write_bytes(b"Activity ID,Activity Date,Activity Type\n1,\xff\xfe,Run\n")
    assert only_error(import_activities(path)).reason == "corrupt"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Oct 6, 2022, 11:19:20 PM", utc(2022, 10, 6, 23, 19, 20)),
        ("Oct 6, 2022, 12:00:00 AM", utc(2022, 10, 6, 0, 0)),
        ("Oct 6, 2022, 12:00:00 PM", utc(2022, 10, 6, 12, 0)),
        ("Sept 6 2022 1:02 a.m.", utc(2022, 9, 6, 1, 2)),
        ("2022-10-06T23:19:20+02:00", utc(2022, 10, 6, 21, 19, 20)),
    ],
)
def test_strava_dates(value: str, expected: datetime) -> None:
    assert strava.parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["Foo 6, 2022, 1:00:00 PM", "Feb 30, 2022, 1:00:00 PM", "Oct 6, 2022, 13:00 PM"],
)
def test_strava_bad_dates(value: str) -> None:
    with pytest.raises(base.FileRejectedError) as caught:
        strava.parse_date(value)
    assert caught.value.reason is Reason.CORRUPT


@pytest.mark.parametrize(
    ("value", "expected"),
    [("10.02", 10.02), ("1,234.5", 1234.5), (" 3600.0 ", 3600.0), ("", None)],
)
def test_strava_numbers(value: str, expected: float | None) -> None:
    assert strava.parse_number(value) == expected


def test_strava_csv_import_is_fast(tmp_path: Path) -> None:
    path = tmp_path / "activities.csv"
    path.write_bytes(GENERATOR.bulk_csv(5000))
    began = time.perf_counter()
    result = import_activities(path, now=utc(2040, 1, 1, 0, 0))  # rows run past today
    elapsed = time.perf_counter() - began
    assert len(result.runs) == 4000
    assert result.non_runs_skipped == 1000
    assert result.errors == []
    assert 5000 / elapsed >= 2000


# --- Strava export zip ------------------------------------------------------------

EXPORT_RUNS = [
    # 101: from the CSV (its garbage FIT file is never read), merged with 203.tcx,
    # the same run that no CSV row names: the TCX's start and numbers, the CSV
    # row's shoe, name and Strava id (issue 12).
    ImportedRun(
        start=utc(2024, 1, 5, 7, 0, 10),
        distance_km=5.0,
        duration_minutes=25.0,
        elapsed_minutes=25.0,  # the TCX's laps: it has no trackpoint times
        surface=Surface.ROAD,
        shoe_name="Pegasus 40",
        note="Easy run",
        source="tcx",
        source_id="101",
    ),
    # 102: the CSV gives no distance or time, so they come from its gzipped GPX.
    ImportedRun(
        start=utc(2024, 1, 7, 8, 0),
        distance_km=pytest.approx(0.045 * KM_PER_DEGREE),
        duration_minutes=22.5,
        surface=Surface.ROAD,
        shoe_name="Pegasus 40",
        note="Canal loop",
        source="strava",
        source_id="102",
        elapsed_minutes=27.5,  # the GPX file's span, pause included
    ),
    # 104: its file is missing from the archive, but the CSV has the distance.
    ImportedRun(
        start=utc(2024, 1, 9, 9, 0),
        distance_km=12.345,
        duration_minutes=pytest.approx(4000 / 60),
        surface=Surface.TRAIL,
        shoe_name="Speedgoat 5",
        note="Forest",
        source="strava",
        source_id="104",
        elapsed_minutes=70.0,
    ),
    # 201: a FIT file no CSV row names, read on its own.
    ImportedRun(
        start=utc(2024, 1, 10, 18, 0),
        distance_km=6.0,
        duration_minutes=30.0,
        elapsed_minutes=30.5,
        surface=Surface.TREADMILL,
        source="fit",
    ),
]


def test_strava_export_zip() -> None:
    result = import_activities(SAMPLES / "export.zip")
    assert result.runs == EXPORT_RUNS
    assert result.non_runs_skipped == 2  # ride 103 (CSV) and the GPX ride 202
    assert result.merged == 1  # 203.tcx is run 101 from another source
    assert result.duplicates_skipped == 0
    assert result.errors == [FileError("activities/204.fit.gz", "corrupt")]


def test_strava_export_zip_inside_a_folder(tmp_path: Path) -> None:
    wrapped = {
        f"export_42/{name}": data
        for name, data in GENERATOR.export_members().items()
        if not name.startswith("__MACOSX")
    }
    path = write_zip(tmp_path / "strava.ZIP", wrapped)
    result = import_activities(path)
    assert result.runs == EXPORT_RUNS
    assert result.errors == [FileError("export_42/activities/204.fit.gz", "corrupt")]


def test_export_row_without_distance_and_a_broken_file(tmp_path: Path) -> None:
    rows = [
        GENERATOR.strava_row(
            "7",
            "Jan 7, 2024, 8:00:00 AM",
            "Lost",
            "Run",
            elapsed="600",
            filename="activities/7.fit",
        )
    ]
    rows.append(
        GENERATOR.strava_row(
            "8",
            "Jan 8, 2024, 8:00:00 AM",
            "Missing file",
            "Run",
            filename="activities/8.gpx",
        )
    )
    members = {
        "activities.csv": GENERATOR.csv_bytes(rows),
        "activities/7.fit": b"\x0e\x20\x54\x08\x10\x00\x00\x00.FIT\x00\x00",
    }
    result = import_activities(write_zip(tmp_path / "export.zip", members))
    # Neither row has a distance (7's file is broken, 8's missing): 0 km runs are
    # not imported; the CSV is warned about, the broken file is an error.
    assert result.runs == []
    assert result.warnings == [FileError("activities.csv", "no_distance")]
    assert result.errors == [FileError("activities/7.fit", "corrupt")]


def test_export_with_a_broken_csv_still_reads_its_files(tmp_path: Path) -> None:
    members = {
        "activities.csv": b"Activity ID,Activity Date,Activity Type\n1,never,Run\n",
        "activities/run.tcx": (SAMPLES / "run.tcx").read_bytes(),
    }
    result = import_activities(write_zip(tmp_path / "export.zip", members))
    assert [run.source for run in result.runs] == ["tcx"]
    assert result.errors == [FileError("activities.csv", "corrupt")]


# --- FIT --------------------------------------------------------------------------


def test_fit_trail_run() -> None:
    result = import_activities(SAMPLES / "run_trail.fit")
    assert result == ImportResult(
        runs=[
            ImportedRun(
                start=utc(2024, 5, 4, 7, 30),
                distance_km=12.345,
                duration_minutes=75.0,  # timer time, not the 80 elapsed minutes
                elapsed_minutes=80.0,
                surface=Surface.TRAIL,
                source="fit",
            )
        ],
        errors=[],
    )


def test_fit_ride_is_skipped() -> None:
    result = import_activities(SAMPLES / "ride.fit")
    assert result == ImportResult(runs=[], non_runs_skipped=1, errors=[])


def test_fit_multisport_sessions() -> None:
    result = import_activities(SAMPLES / "brick.fit")
    assert result.runs == [
        ImportedRun(
            start=utc(2024, 5, 6, 6, 45),
            distance_km=5.0,
            duration_minutes=22.0,  # no timer time: elapsed time
            elapsed_minutes=22.0,
            surface=Surface.TRACK,
            source="fit",
        )
    ]
    assert result.non_runs_skipped == 1
    assert result.errors == []


@pytest.mark.parametrize(
    ("sport", "sub_sport", "surface"),
    [
        ("running", "trail", Surface.TRAIL),
        ("running", "track", Surface.TRACK),
        ("running", "treadmill", Surface.TREADMILL),
        ("running", "indoor_running", Surface.TREADMILL),
        ("running", "virtual_activity", Surface.TREADMILL),
        ("running", "street", Surface.ROAD),
        ("running", "generic", Surface.ROAD),
        ("running", None, Surface.ROAD),
        ("running", 254, Surface.ROAD),
        ("cycling", "trail", None),
        (None, None, None),
    ],
)
def test_fit_surfaces(
    sport: object, sub_sport: object, surface: Surface | None
) -> None:
    assert fit.surface_for(sport, sub_sport) is surface


def test_fit_activity_without_sessions_is_not_an_activity() -> None:
    data = GENERATOR.fit_file(GENERATOR.FILE_ACTIVITY, [])
    with pytest.raises(base.FileRejectedError) as caught:
        fit.parse_fit(data)
    assert caught.value.reason is Reason.NOT_AN_ACTIVITY


# --- GPX --------------------------------------------------------------------------


def test_gpx_run_with_two_segments() -> None:
    result = import_activities(SAMPLES / "run.gpx")
    assert result.runs == [
        ImportedRun(
            start=utc(2024, 6, 1, 6, 0),
            distance_km=pytest.approx(0.045 * KM_PER_DEGREE),
            duration_minutes=22.5,  # the 5-minute pause between segments is left out
            elapsed_minutes=27.5,  # first to last point, the pause included
            surface=Surface.ROAD,
            note="Canal loop",
            source="gpx",
        )
    ]
    assert result.runs[0].distance_km == pytest.approx(5.009377, abs=1e-6)
    assert result.errors == []


def test_gzipped_gpx_without_type_is_a_road_run() -> None:
    result = import_activities(SAMPLES / "run_notype.gpx.gz")
    assert result.runs == [
        ImportedRun(
            start=utc(2024, 6, 2, 5, 0),  # 07:00+02:00
            distance_km=pytest.approx(0.020 * KM_PER_DEGREE),
            duration_minutes=10.0,
            elapsed_minutes=10.0,
            surface=Surface.ROAD,
            note="Lunch jog",
            source="gpx",
        )
    ]


def test_gpx_walk_is_skipped() -> None:
    result = import_activities(SAMPLES / "walk.gpx")
    assert result == ImportResult(runs=[], non_runs_skipped=1, errors=[])


@pytest.mark.parametrize(
    ("track_type", "surface"),
    [
        (None, Surface.ROAD),
        ("  ", Surface.ROAD),
        ("running", Surface.ROAD),
        ("Run", Surface.ROAD),
        ("9", Surface.ROAD),
        ("trail_running", Surface.TRAIL),
        ("Trail-Run", Surface.TRAIL),
        ("VirtualRun", Surface.TREADMILL),
        ("treadmill_running", Surface.TREADMILL),
        ("track running", Surface.TRACK),
        ("1", None),
        ("cycling", None),
        ("hiking", None),
    ],
)
def test_gpx_surfaces(track_type: str | None, surface: Surface | None) -> None:
    assert gpx.surface_for(track_type) is surface


def test_gpx_single_point_track_and_latin1(tmp_path: Path) -> None:
    path = tmp_path / "single.gpx"
    path.write_bytes(
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        b'<gpx version="1.1"><trk><name>Caf\xe9 run</name><trkseg>'
        b'<trkpt lat="1" lon="1"></trkpt>'
        b'<trkpt lat="1" lon="1"><time>2024-01-01T10:00:00</time></trkpt>'
        b"</trkseg><trkseg></trkseg></trk></gpx>"
    )
    single = import_activities(path)  # one timed point: 0 km, not imported
    assert single.runs == []
    assert single.warnings == [FileError("single.gpx", "no_distance")]

    path.write_bytes(
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        b'<gpx version="1.1"><trk><name>Caf\xe9 run</name><trkseg>'
        b'<trkpt lat="1" lon="1"></trkpt>'
        b'<trkpt lat="1" lon="1"><time>2024-01-01T10:00:00</time></trkpt>'
        b'<trkpt lat="1.01" lon="1"><time>2024-01-01T10:06:00</time></trkpt>'
        b"</trkseg><trkseg></trkseg></trk></gpx>"
    )
    assert import_activities(path).runs == [
        ImportedRun(
            start=utc(2024, 1, 1, 10, 0),
            distance_km=pytest.approx(0.01 * KM_PER_DEGREE, rel=1e-3),
            duration_minutes=6.0,
            elapsed_minutes=6.0,
            note="Café run",
            source="gpx",
        )
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b'<gpx version="1.1"><trk><trkseg><trkpt lat="x" lon="1"/>'
            b"</trkseg></trk></gpx>",
            "corrupt",
        ),
        (b'<?xml version="1.0" encoding="no-such-codec"?><gpx/>', "corrupt"),
        (b'<?xml version="1.0" encoding="ascii"?><gpx>\xff</gpx>', "corrupt"),
        (b"<!-- nothing but a comment -->", "unsupported"),
        (b"<kml><Document/></kml>", "unsupported"),
        (b"<gpx version='1.1'/>", "not_an_activity"),
        (b"   \n", "empty"),
    ],
)
def test_gpx_rejected(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "track.gpx"
    path.write_bytes(data)
    assert only_error(import_activities(path)) == FileError("track.gpx", reason)


def test_tcx_renamed_gpx_and_back_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "run.gpx"
    path.write_bytes((SAMPLES / "run.tcx").read_bytes())
    assert only_error(import_activities(path)) == FileError("run.gpx", "unsupported")
    path = tmp_path / "run.tcx"
    path.write_bytes((SAMPLES / "run.gpx").read_bytes())
    assert only_error(import_activities(path)) == FileError("run.tcx", "unsupported")


# --- TCX --------------------------------------------------------------------------


def test_tcx_run_with_leading_blanks() -> None:
    result = import_activities(SAMPLES / "run.tcx")
    assert result == ImportResult(
        runs=[
            ImportedRun(
                start=utc(2024, 7, 1, 17, 30),
                distance_km=9.5005,
                duration_minutes=pytest.approx(2880.6 / 60),
                elapsed_minutes=pytest.approx(2880.6 / 60),  # the laps' (no track)
                surface=Surface.ROAD,
                note="Tempo",
                source="tcx",
            )
        ],
        errors=[],
    )


def test_tcx_distance_from_trackpoints() -> None:
    result = import_activities(SAMPLES / "trackpoints.tcx")
    assert result.runs == [
        ImportedRun(
            start=utc(2024, 7, 2, 6, 0),
            distance_km=3.001,
            duration_minutes=None,
            elapsed_minutes=2.0,  # the lap's start to the last trackpoint
            source="tcx",
        )
    ]


def test_tcx_bike_is_skipped() -> None:
    result = import_activities(SAMPLES / "bike.tcx")
    assert result == ImportResult(runs=[], non_runs_skipped=1, errors=[])


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('<Activity Sport="Running"><Lap StartTime="soon"/></Activity>', "corrupt"),
        (
            '<Activity Sport="Running"><Id>2024-01-01T00:00:00Z</Id>'
            "<Lap><DistanceMeters>far</DistanceMeters></Lap></Activity>",
            "corrupt",
        ),
        ('<Activity Sport="Running"><Lap/></Activity>', "not_an_activity"),
        ('<Activity Sport="Running"/>', "not_an_activity"),
    ],
)
def test_tcx_rejected(tmp_path: Path, body: str, reason: str) -> None:
    path = tmp_path / "x.tcx"
    path.write_text(
        f"<TrainingCenterDatabase><Activities>{body}</Activities>"
        "</TrainingCenterDatabase>",
        encoding="utf-8",
    )
    assert only_error(import_activities(path)) == FileError("x.tcx", reason)


# --- broken and foreign files -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("truncated.fit", "corrupt"),
        ("header_then_noise.fit", "corrupt"),
        ("random.fit", "unsupported"),
        ("settings.fit", "not_an_activity"),
        ("broken.gpx", "corrupt"),
        ("picture.gpx", "unsupported"),
        ("route.gpx", "not_an_activity"),
        ("broken.tcx", "corrupt"),
        ("course.tcx", "not_an_activity"),
        ("empty.csv", "empty"),
        ("header_only.csv", "empty"),
        ("not_strava.csv", "unsupported"),
        ("notes.txt", "unsupported"),
    ],
)
def test_single_file_rejected(name: str, reason: str) -> None:
    result = import_activities(SAMPLES / name)
    error = only_error(result)
    assert error == FileError(name, reason)
    assert type(error.reason) is str
    assert error.reason in {member.value for member in Reason}


def test_missing_path() -> None:
    result = import_activities(SAMPLES / "no-such-file.fit")
    assert only_error(result) == FileError("no-such-file.fit", "not_found")


def test_special_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "pipe.gpx"
    os.mkfifo(path)
    assert only_error(import_activities(path)) == FileError("pipe.gpx", "unsupported")


def test_unreadable_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "run.gpx"
    path.write_bytes((SAMPLES / "run.gpx").read_bytes())

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError("no")

    monkeypatch.setattr(os, "open", refuse)
    result = import_activities(path)
    monkeypatch.undo()
    assert only_error(result) == FileError("run.gpx", "unreadable")


def test_unreadable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> list[Path]:
        raise PermissionError("no")

    monkeypatch.setattr(os, "scandir", refuse)
    assert only_error(import_activities(tmp_path)).reason == "unreadable"


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(b"PK but not really a zip")
    assert only_error(import_activities(path)) == FileError("export.zip", "corrupt")


def test_unreadable_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_zip(tmp_path / "export.zip", {"a.gpx": b"<gpx/>"})

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError("no")

    monkeypatch.setattr(zipfile.ZipFile, "__init__", refuse)
    assert only_error(import_activities(path)) == FileError("export.zip", "unreadable")


def test_empty_zip_and_folder(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "photos.zip", {"media/a.jpg": b"\xff\xd8"})
    assert only_error(import_activities(path)) == FileError("photos.zip", "empty")
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "readme.txt").write_text("hi", encoding="utf-8")
    assert only_error(import_activities(folder)) == FileError("nothing", "empty")


def _patch_method(data: bytes, method: int) -> bytes:
    patched = bytearray(data)
    local = patched.index(b"PK\x03\x04")
    patched[local + 8 : local + 10] = method.to_bytes(2, "little")
    central = patched.index(b"PK\x01\x02")
    patched[central + 10 : central + 12] = method.to_bytes(2, "little")
    return bytes(patched)


def test_zip_member_damaged_or_of_unknown_compression(tmp_path: Path) -> None:
    run = (SAMPLES / "run.gpx").read_bytes()
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("activities/a.gpx", run)
    raw = stored.getvalue()
    damaged = raw.replace(b"Canal loop", b"Canal lOOp", 1)
    (tmp_path / "damaged.zip").write_bytes(damaged)
    (tmp_path / "method.zip").write_bytes(_patch_method(raw, 99))

    damaged_result = import_activities(tmp_path / "damaged.zip")
    assert damaged_result.errors == [FileError("activities/a.gpx", "corrupt")]
    method_result = import_activities(tmp_path / "method.zip")
    assert method_result.errors == [FileError("activities/a.gpx", "unsupported")]


def test_a_fit_file_with_a_bad_checksum_imports_with_a_warning() -> None:
    # issue 12: the run is read whole; the checksum is only a warning
    result = import_activities(SAMPLES / "bad_crc.fit")
    assert [run.source for run in result.runs] == ["fit"]
    assert result.errors == []
    assert result.warnings == [FileError("bad_crc.fit", "bad_crc")]


def test_folder_export() -> None:
    result = import_activities(SAMPLES / "folder")
    assert result.runs == [
        ImportedRun(
            start=utc(2024, 8, 1, 6, 0),
            distance_km=5.001,
            duration_minutes=22.5,
            note="Canal loop",
            source="strava",
            source_id="300",
            elapsed_minutes=22.5,
        ),
        ImportedRun(
            start=utc(2024, 8, 2, 17, 30),
            distance_km=9.5005,
            duration_minutes=pytest.approx(2880.6 / 60),
            elapsed_minutes=pytest.approx(2880.6 / 60),
            note="Tempo",
            source="tcx",
        ),
        ImportedRun(
            start=utc(2024, 8, 3, 6, 15),
            distance_km=8.0,
            duration_minutes=44.0,
            elapsed_minutes=45.0,
            source="fit",
        ),
    ]
    # readme.txt and .hidden.gpx are ignored; 301.gpx is named by the CSV.
    assert result.errors == []
    assert result.non_runs_skipped == 0


def test_folder_of_loose_files(tmp_path: Path) -> None:
    for name in ("run_trail.fit", "ride.fit", "run.tcx", "truncated.fit", "walk.gpx"):
        (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
    (tmp_path / "copy_of_run.TCX").write_bytes((SAMPLES / "run.tcx").read_bytes())
    result = import_activities(str(tmp_path))
    assert [(run.source, run.start) for run in result.runs] == [
        ("fit", utc(2024, 5, 4, 7, 30)),
        ("tcx", utc(2024, 7, 1, 17, 30)),
    ]
    assert result.non_runs_skipped == 2
    assert result.duplicates_skipped == 1
    assert result.errors == [FileError("truncated.fit", "corrupt")]


def test_unpacked_export_fills_a_missing_distance_from_its_file(
    tmp_path: Path,
) -> None:
    rows = [
        GENERATOR.strava_row(
            "5", "Jun 1, 2024, 6:00:00 AM", "Canal", "Run", filename="activities/5.gpx"
        )
    ]
    (tmp_path / "activities").mkdir()
    (tmp_path / "activities.csv").write_bytes(GENERATOR.csv_bytes(rows))
    (tmp_path / "activities" / "5.gpx").write_bytes((SAMPLES / "run.gpx").read_bytes())
    result = import_activities(tmp_path)
    assert result.runs == [
        ImportedRun(
            start=utc(2024, 6, 1, 6, 0),
            distance_km=pytest.approx(0.045 * KM_PER_DEGREE),
            duration_minutes=22.5,
            note="Canal",
            source="strava",
            source_id="5",
            elapsed_minutes=27.5,  # the GPX file's span, pause included
        )
    ]
    assert result.duplicates_skipped == 0
    assert result.errors == []


def test_file_vanishing_from_a_folder(tmp_path: Path) -> None:
    from custom_components.ankle_care.domain import importers

    (tmp_path / "a.gpx").write_bytes((SAMPLES / "run.gpx").read_bytes())
    container = importers._FolderContainer.scan(tmp_path)
    (tmp_path / "a.gpx").unlink()
    with pytest.raises(base.FileRejectedError) as caught:
        container.read("a.gpx", 1000)
    assert caught.value.reason is Reason.NOT_FOUND


# --- size limits ------------------------------------------------------------------


def test_zip_bomb_members_are_capped(tmp_path: Path) -> None:
    zeros = b"<" + b" " * (2 * 1024 * 1024)
    members = {
        "activities/big.gpx": zeros,
        "activities/big.gpx.gz": gzip.compress(zeros, mtime=0),
        "activities/ok.tcx": (SAMPLES / "run.tcx").read_bytes(),
    }
    path = write_zip(tmp_path / "bomb.zip", members)
    assert path.stat().st_size < 20_000
    result = import_activities(path, limits=ImportLimits(max_file_bytes=1024 * 1024))
    assert [run.source for run in result.runs] == ["tcx"]
    assert result.errors == [
        FileError("activities/big.gpx", "too_large"),
        FileError("activities/big.gpx.gz", "too_large"),
    ]


def test_zip_member_longer_than_declared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_zip(tmp_path / "x.zip", {"a.tcx": b"<x/>"})

    def endless(*_args: object, **_kwargs: object) -> io.BytesIO:
        return io.BytesIO(b" " * 1000)

    monkeypatch.setattr(zipfile.ZipFile, "open", endless)
    result = import_activities(path, limits=ImportLimits(max_file_bytes=100))
    assert result.errors == [FileError("a.tcx", "too_large")]


def test_total_budget_and_file_count(tmp_path: Path) -> None:
    for name in ("run_trail.fit", "run.tcx", "run.gpx", "run_notype.gpx.gz"):
        (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
    # Sorted: run.gpx (5059 bytes) is over what is left of 1000; run.tcx (541)
    # fits; run_notype.gpx.gz fits compressed (299) but not decompressed;
    # run_trail.fit (101) still fits.
    result = import_activities(tmp_path, limits=ImportLimits(max_total_bytes=1000))
    assert [run.source for run in result.runs] == ["fit", "tcx"]
    assert result.errors == [
        FileError("run.gpx", "too_large"),
        FileError("run_notype.gpx.gz", "too_large"),
    ]

    few = ImportLimits(max_files=2)
    assert only_error(import_activities(tmp_path, limits=few)).reason == "too_large"


def test_single_file_over_the_cap(tmp_path: Path) -> None:
    result = import_activities(
        SAMPLES / "run.gpx", limits=ImportLimits(max_file_bytes=100)
    )
    assert only_error(result) == FileError("run.gpx", "too_large")


def test_damaged_gzip(tmp_path: Path) -> None:
    path = tmp_path / "run.gpx.gz"
    path.write_bytes(gzip.compress(b"<gpx/>")[:-6])
    assert only_error(import_activities(path)) == FileError("run.gpx.gz", "corrupt")


# --- helpers and records ----------------------------------------------------------


def test_imported_run_record() -> None:
    run = ImportedRun(
        start=utc(2024, 1, 5, 7, 0, 10),
        distance_km=5.0,
        duration_minutes=25.0,
        surface=Surface.TRAIL,
        shoe_name="Pegasus 40",
        note="Easy run",
        source="strava",
        source_id="101",
    )
    assert run.to_run("abc", shoe_id="shoe-1") == Run(
        id="abc",
        start=utc(2024, 1, 5, 7, 0, 10),
        distance_km=5.0,
        duration_minutes=25.0,
        surface=Surface.TRAIL,
        shoe_id="shoe-1",
        note="Easy run",
        source="strava",
        source_id="101",
    )
    with pytest.raises(ValueError, match="timezone-aware"):
        ImportedRun(start=datetime(2024, 1, 5), distance_km=1.0, source="gpx")  # noqa: DTZ001


def test_activity_formats() -> None:
    suffixes = (".fit", ".fit.gz", ".gpx", ".gpx.gz", ".tcx", ".tcx.gz")
    assert [activity_format(f"a{suffix}") for suffix in suffixes] == [
        "fit",
        "fit",
        "gpx",
        "gpx",
        "tcx",
        "tcx",
    ]
    assert activity_format("activities/1.FIT.GZ") == "fit"
    assert activity_format("a.tcx") == "tcx"
    assert activity_format("a.gz") is None
    assert activity_format("a.kml") is None
    with pytest.raises(base.FileRejectedError) as caught:
        parse_activity_file("a.kml", b"<kml/>", 100)
    assert caught.value.reason is Reason.UNSUPPORTED


def test_text_helpers() -> None:
    assert base.root_name('<?xml version="1.0"?>\n<!DOCTYPE x>\n<ns:gpx/>') == "gpx"
    assert base.root_name("<?xml version='1.0'?>") is None
    assert base.clean_text(None) is None
    assert base.clean_text("  ") is None
    assert base.clean_text(" a ") == "a"
    assert base.parse_time("2024-01-01T00:00:00") == utc(2024, 1, 1)
    with pytest.raises(base.FileRejectedError):
        base.parse_time("later")
    assert tcx.parse_tcx(b"\xef\xbb\xbf" + (SAMPLES / "run.tcx").read_bytes())
