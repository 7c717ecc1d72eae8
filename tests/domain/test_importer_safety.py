"""Importers never leave the folder, never open special files, never raise (issue 11).

Real files in `tmp_path`: symbolic links out of the folder (a file, the
`activities/` folder), pipes, a name too long for the system, impossible numbers in
a Strava CSV and a zip whose compressed bytes were damaged.
"""

from __future__ import annotations

from datetime import UTC, datetime
import os
from pathlib import Path
import shutil
import zipfile

import pytest

from custom_components.ankle_care.domain.importers import (
    DEFAULT_LIMITS,
    IMPORT_EARLIEST,
    FileError,
    import_activities,
)
from custom_components.ankle_care.domain.records import (
    EARLIEST_RECORD_TIME,
    MAX_RUN_KM,
)
from custom_components.ankle_care.limits import EARLIEST_TIME, MAX_DISTANCE_KM

SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "activities"
HEADER = "Activity ID,Activity Date,Activity Type,Distance\n"


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    """Return an import folder with one good GPX file, and a folder outside it."""
    inside = tmp_path / "import"
    outside = tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    shutil.copy(SAMPLES / "run.gpx", inside / "run.gpx")
    return inside, outside


def test_the_cap_is_the_one_of_log_run() -> None:
    assert DEFAULT_LIMITS.max_run_km == MAX_RUN_KM == MAX_DISTANCE_KM == 500
    # Imports start a year later than log_run: a device-relative FIT time read as
    # a date lands in 1990 (issue 12); they are warned about, not imported.
    assert EARLIEST_RECORD_TIME == EARLIEST_TIME < DEFAULT_LIMITS.earliest_start
    assert (
        DEFAULT_LIMITS.earliest_start
        == IMPORT_EARLIEST
        == datetime(1991, 1, 1, tzinfo=UTC)
    )


def test_a_link_to_a_file_outside_is_not_followed(tmp_path: Path) -> None:
    inside, outside = _folder(tmp_path)
    shutil.copy(SAMPLES / "run.tcx", outside / "secret.tcx")
    (inside / "linked.tcx").symlink_to(outside / "secret.tcx")
    (inside / "passwd.gpx").symlink_to("/etc/passwd")

    result = import_activities(inside)

    assert [run.source for run in result.runs] == ["gpx"]  # the real file only
    assert sorted(result.errors, key=lambda error: error.file) == [
        FileError("linked.tcx", "outside_folder"),
        FileError("passwd.gpx", "outside_folder"),
    ]


def test_a_linked_activities_folder_is_not_followed(tmp_path: Path) -> None:
    inside, outside = _folder(tmp_path)
    shutil.copy(SAMPLES / "run.tcx", outside / "302.tcx")
    (inside / "activities").symlink_to(outside, target_is_directory=True)

    result = import_activities(inside)

    assert len(result.runs) == 1
    assert result.errors == [FileError("activities", "outside_folder")]


def test_a_link_inside_the_folder_is_read(tmp_path: Path) -> None:
    inside, _ = _folder(tmp_path)
    (inside / "activities").mkdir()
    shutil.copy(SAMPLES / "run.tcx", inside / "activities" / "302.tcx")
    (inside / "again.tcx").symlink_to(inside / "activities" / "302.tcx")

    result = import_activities(inside)

    assert result.errors == []
    assert result.duplicates_skipped == 1  # the same run under two names


def test_a_dangling_link_is_reported(tmp_path: Path) -> None:
    inside, outside = _folder(tmp_path)
    (inside / "gone.gpx").symlink_to(outside / "gone.gpx")
    result = import_activities(inside)
    assert len(result.runs) == 1
    assert result.errors == [FileError("gone.gpx", "outside_folder")]


def test_a_pipe_in_the_folder_is_skipped_and_reported(tmp_path: Path) -> None:
    inside, _ = _folder(tmp_path)
    os.mkfifo(inside / "pipe.gpx")
    (inside / "activities").mkdir()
    os.mkfifo(inside / "activities" / "pipe.fit")

    result = import_activities(inside)  # would hang if a pipe were opened

    assert len(result.runs) == 1
    assert sorted(result.errors, key=lambda error: error.file) == [
        FileError("activities/pipe.fit", "special_file"),
        FileError("pipe.gpx", "special_file"),
    ]


def test_a_folder_of_only_refused_entries_reports_them(tmp_path: Path) -> None:
    inside = tmp_path / "import"
    inside.mkdir()
    os.mkfifo(inside / "pipe.gpx")
    result = import_activities(inside)
    assert result.runs == []
    assert result.errors == [
        FileError("pipe.gpx", "special_file"),
        FileError("import", "empty"),
    ]


def test_a_file_name_too_long_is_an_error_not_an_exception(tmp_path: Path) -> None:
    name = "a" * 300 + ".gpx"
    result = import_activities(tmp_path / name)
    assert result.runs == []
    assert result.errors == [FileError(name, "unreadable")]


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "Infinity", "1e400"])
def test_strava_distance_that_is_not_a_finite_number(
    tmp_path: Path, value: str
) -> None:
    path = tmp_path / "activities.csv"
    path.write_text(HEADER + f"1,2023-03-04 05:06:07,Run,{value}\n")
    result = import_activities(path)
    assert result.runs == []
    assert result.errors == [FileError("activities.csv", "corrupt")]


@pytest.mark.parametrize("distance", ["-5", "1000000", "500.01"])
def test_strava_distance_out_of_range_is_not_imported(
    tmp_path: Path, distance: str
) -> None:
    path = tmp_path / "activities.csv"
    path.write_text(
        HEADER
        + f"1,2023-03-04 05:06:07,Run,{distance}\n"
        + "2,2023-03-05 05:06:07,Run,500\n"
        + "3,0001-01-01 05:06:07,Run,5\n"
    )
    result = import_activities(path)
    assert [run.source_id for run in result.runs] == ["2"]  # 500 km is the cap
    assert result.errors == [FileError("activities.csv", "out_of_range")]


def test_strava_negative_duration_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "activities.csv"
    path.write_text(
        "Activity ID,Activity Date,Activity Type,Distance,Elapsed Time\n"
        "1,2023-03-04 05:06:07,Run,5,-600\n"
    )
    (run,) = import_activities(path).runs
    assert run.duration_minutes is None


def test_a_zip_with_damaged_compressed_bytes_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("activities/run.gpx", (SAMPLES / "run.gpx").read_bytes())
        archive.writestr("activities/other.tcx", (SAMPLES / "run.tcx").read_bytes())
    data = bytearray(path.read_bytes())
    start = 30 + len("activities/run.gpx")  # the first member's compressed data
    for offset in (5, 6, 7):  # three damaged bytes
        data[start + offset] ^= 0xFF
    path.write_bytes(bytes(data))

    result = import_activities(path)

    assert result.errors == [FileError("activities/run.gpx", "corrupt")]
    assert len(result.runs) == 1  # the other member still imports
