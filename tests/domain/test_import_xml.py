"""GPX and TCX fidelity on real files, read in bounded memory (issue 12, 4, 6, 7).

Files are generated here. A Suunto Movescount TCX whose laps cover only part of
the track is read from its trackpoints; an untyped GPX that moves faster than a
person runs is not a run; both formats give the elapsed time, pauses included.
The XML is streamed (`xml_stream`): a multi-megabyte file gives the same numbers
as a small one, whatever the chunk boundaries, and read elements do not pile up.
The memory targets themselves are checked by `scripts/benchmark`, not here.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
import xml.etree.ElementTree as ET

import pytest

from custom_components.ankle_care.domain.importers import (
    FileError,
    ImportedRun,
    ImportResult,
    Reason,
    base,
    gpx,
    import_activities,
    tcx,
    xml_stream,
)
from custom_components.ankle_care.domain.importers.base import ParsedActivity
from custom_components.ankle_care.domain.records import Surface

START = datetime(2024, 6, 1, 6, 0, tzinfo=UTC)
NOW = datetime(2024, 7, 1, tzinfo=UTC)
# gpxpy's metres per degree (2 * pi * 6378.137 km / 360): along a meridian, points
# 0.2 degree apart or less are that far apart per degree of latitude.
METRES_PER_DEGREE = 111319.49079327357


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# --- GPX --------------------------------------------------------------------------


def line(
    start: datetime,
    steps: int,
    *,
    kmh: float,
    seconds: float = 10,
    latitude: float = 52.0,
) -> list[tuple[float, datetime]]:
    """Return points heading north at `kmh`, one every `seconds`."""
    degrees = kmh / 3.6 * seconds / METRES_PER_DEGREE
    return [
        (latitude + step * degrees, start + timedelta(seconds=step * seconds))
        for step in range(steps + 1)
    ]


def gpx_track(
    *segments: list[tuple[float, datetime]],
    name: str | None = None,
    kind: str | None = None,
) -> str:
    parts = ["<trk>"]
    if name is not None:
        parts.append(f"<name>{name}</name>")
    if kind is not None:
        parts.append(f"<type>{kind}</type>")
    for points in segments:
        parts.append("<trkseg>")
        parts.extend(
            f'<trkpt lat="{lat:.8f}" lon="4.00000000"><ele>2.0</ele>'
            f"<time>{iso(moment)}</time></trkpt>\n"
            for lat, moment in points
        )
        parts.append("</trkseg>")
    parts.append("</trk>\n")
    return "".join(parts)


def gpx_file(*tracks: str, version: str = "1.1") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gpx version="{version}" creator="tests" '
        'xmlns="http://www.topografix.com/GPX/1/1">\n' + "".join(tracks) + "</gpx>\n"
    ).encode()


def import_file(tmp_path: Path, name: str, data: bytes) -> ImportResult:
    path = tmp_path / name
    path.write_bytes(data)
    return import_activities(path, now=NOW)


def test_the_running_speed_limit_is_named() -> None:
    assert gpx.MAX_RUNNING_SPEED_KMH == 25.0


def test_an_untyped_gpx_faster_than_a_runner_is_not_a_run(tmp_path: Path) -> None:
    car = gpx_file(gpx_track(line(START, 60, kmh=40), name="To the coast"))
    result = import_file(tmp_path, "trip.gpx", car)
    assert result == ImportResult(runs=[], non_runs_skipped=1, errors=[])
    (activity,) = gpx.parse_gpx(car)
    assert activity.surface is None
    assert activity.distance_km == pytest.approx(40 * 10 / 60, rel=1e-6)


def test_a_gpx_typed_as_a_run_is_kept_at_any_speed(tmp_path: Path) -> None:
    """The runner's own `running` type is taken at its word, even at car speed.

    A watch typed the activity; a mistaken speed (a track recorded on a bus home)
    is for the runner to delete, not for the importer to second-guess.
    """
    typed = gpx_file(gpx_track(line(START, 60, kmh=40), kind="running"))
    result = import_file(tmp_path, "typed.gpx", typed)
    assert [run.surface for run in result.runs] == [Surface.ROAD]
    assert result.non_runs_skipped == 0


@pytest.mark.parametrize("kmh", [5.0, 12.0, 24.0])
def test_an_untyped_gpx_at_hiking_or_running_speed_is_a_run(
    tmp_path: Path, kmh: float
) -> None:
    result = import_file(
        tmp_path, "slow.gpx", gpx_file(gpx_track(line(START, 60, kmh=kmh)))
    )
    assert [run.surface for run in result.runs] == [Surface.ROAD]
    assert result.runs[0].distance_km == pytest.approx(kmh * 10 / 60, rel=1e-6)


def test_the_median_speed_decides_not_a_few_gps_jumps() -> None:
    run = line(START, 20, kmh=11)
    # Four points 600 m off the line: 8 steps of 20 at over 200 km/h lift the mean
    # speed far over the limit; the median stays the runner's.
    jumps = [
        (lat + (600 / METRES_PER_DEGREE if index in (3, 7, 11, 15) else 0), moment)
        for index, (lat, moment) in enumerate(run)
    ]
    (activity,) = gpx.parse_gpx(gpx_file(gpx_track(jumps)))
    assert activity.surface is Surface.ROAD
    assert activity.distance_km * 1000 / (20 * 10) * 3.6 > 3 * 25  # the mean speed


def test_zero_time_steps_are_left_out_of_the_speeds() -> None:
    """Points at 2 Hz with times to the second: every other step takes no time."""

    def doubled(kmh: float) -> list[tuple[float, datetime]]:
        points = line(START, 120, kmh=kmh, seconds=0.5)
        return [
            (lat, moment.replace(microsecond=0)) for lat, moment in points
        ]  # 06:00:00, 06:00:00, 06:00:01, 06:00:01...

    (run,) = gpx.parse_gpx(gpx_file(gpx_track(doubled(12))))
    (car,) = gpx.parse_gpx(gpx_file(gpx_track(doubled(50))))
    assert run.surface is Surface.ROAD
    assert car.surface is None


def test_gpx_elapsed_time_includes_the_pauses_between_segments(
    tmp_path: Path,
) -> None:
    first = line(START, 60, kmh=10)  # 06:00 to 06:10
    second = line(START + timedelta(minutes=15), 60, kmh=10, latitude=52.1)
    result = import_file(
        tmp_path, "paused.gpx", gpx_file(gpx_track(first, second, name="Paused"))
    )
    assert result.runs == [
        ImportedRun(
            start=START,
            distance_km=pytest.approx(2 * 10 * 10 / 60, rel=1e-6),
            duration_minutes=20.0,  # moving: the segments
            elapsed_minutes=25.0,  # first to last point, the pause included
            note="Paused",
            source="gpx",
        )
    ]


def test_gpx_1_0_type_is_read_too() -> None:
    """`<type>` says whether a track is a run whatever the GPX version.

    gpxpy read `<type>` in GPX 1.1 files only; a GPX 1.0 ride was imported as a run.
    """
    data = gpx_file(gpx_track(line(START, 6, kmh=20), kind="cycling"), version="1.0")
    (activity,) = gpx.parse_gpx(data)
    assert activity.surface is None


def test_gpx_times_with_blanks_and_values_not_read() -> None:
    data = gpx_file(
        '<trk><trkseg><trkpt lat="52" lon="4"><ele>high</ele>'
        "<time>\n  2024-06-01T06:00:00Z\n</time></trkpt>"
        '<trkpt lat="52.01" lon="4"><time>2024-06-01T06:06:00Z</time></trkpt>'
        "</trkseg></trk>"
    )
    (activity,) = gpx.parse_gpx(data)
    assert activity.start == START
    assert activity.duration_minutes == 6.0


def test_gpx_times_as_gpxpy_reads_them() -> None:
    assert gpx.gpx_time("2024-6-1T8:0:0+02:00") == START
    assert gpx.gpx_time("2024-06-01 06:00:00.1234567") == START.replace(
        microsecond=123456
    )
    assert gpx.gpx_time("2024-06-01T01:30:00\u221204:30") == START
    assert gpx.gpx_time("2024-06-01T11:00:00+0500") == START
    assert gpx.gpx_time("2024-06-01T06:00:00+24:00") is None
    assert gpx.gpx_time("2024-13-01T06:00:00Z") is None
    assert gpx.gpx_time("yesterday") is None
    assert gpx.gpx_time(None) is None


# --- TCX --------------------------------------------------------------------------


def trackpoints(start: datetime, metres: list[float], seconds: float) -> str:
    return "".join(
        f"<Trackpoint><Time>{iso(start + timedelta(seconds=index * seconds))}</Time>"
        f"<DistanceMeters>{value:.1f}</DistanceMeters></Trackpoint>\n"
        for index, value in enumerate(metres)
    )


def tcx_lap(
    start: datetime, seconds: float | None, metres: float | None, track: str = ""
) -> str:
    parts = [f'<Lap StartTime="{iso(start)}">']
    if seconds is not None:
        parts.append(f"<TotalTimeSeconds>{seconds}</TotalTimeSeconds>")
    if metres is not None:
        parts.append(f"<DistanceMeters>{metres}</DistanceMeters>")
    parts.append(f"<Track>{track}</Track></Lap>" if track else "</Lap>")
    return "".join(parts)


def tcx_activity(*laps: str, start: datetime = START, sport: str = "Running") -> str:
    return (
        f'<Activity Sport="{sport}"><Id>{iso(start)}</Id>'
        + "".join(laps)
        + "<Notes>Intervals</Notes></Activity>\n"
    )


def tcx_file(*activities: str) -> bytes:
    return (
        '   \n<?xml version="1.0" encoding="UTF-8"?>\n'
        "<TrainingCenterDatabase "
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        "<Activities>" + "".join(activities) + "</Activities></TrainingCenterDatabase>"
    ).encode()


def movescount() -> bytes:
    """Laps of 1,000 and 999 m in 600 s; the track runs to 2,919 m in 900 s."""
    track = [index * 2919 / 90 for index in range(91)]  # every 10 s
    return tcx_file(
        tcx_activity(
            tcx_lap(START, 300, 1000, trackpoints(START, track[:46], 10)),
            tcx_lap(
                START + timedelta(minutes=5),
                300,
                999,
                trackpoints(START + timedelta(seconds=460), track[46:], 10),
            ),
        )
    )


def test_movescount_laps_short_of_the_track_are_read_from_the_track(
    tmp_path: Path,
) -> None:
    result = import_file(tmp_path, "movescount.tcx", movescount())
    assert result.runs == [
        ImportedRun(
            start=START,
            distance_km=pytest.approx(2.919),
            duration_minutes=15.0,  # the trackpoints' span, not the laps' 10
            elapsed_minutes=15.0,
            note="Intervals",
            source="tcx",
        )
    ]
    assert tcx.LAPS_TRACK_TOLERANCE == 0.03


def test_laps_within_3_percent_of_the_track_stay() -> None:
    track = [index * 3080 / 60 for index in range(61)]  # 2.6 % over the laps
    data = tcx_file(
        tcx_activity(
            tcx_lap(START, 600, 1500, trackpoints(START, track[:31], 20)),
            tcx_lap(
                START + timedelta(minutes=10),
                600,
                1500,
                trackpoints(START + timedelta(seconds=620), track[31:], 20),
            ),
        )
    )
    (activity,) = tcx.parse_tcx(data)
    assert activity.distance_km == 3.0
    assert activity.duration_minutes == 20.0


def test_a_track_ending_at_zero_metres_does_not_replace_the_laps() -> None:
    """An indoor run: the laps have the foot pod's distance, the track has none."""
    data = tcx_file(
        tcx_activity(tcx_lap(START, 1800, 5000, trackpoints(START, [0.0] * 10, 200)))
    )
    (activity,) = tcx.parse_tcx(data)
    assert (activity.distance_km, activity.duration_minutes) == (5.0, 30.0)


def test_tcx_elapsed_time_runs_from_the_first_lap_to_the_last_trackpoint() -> None:
    first = tcx_lap(START, 600, 2000, trackpoints(START, [0, 1000, 2000], 300))
    after_pause = START + timedelta(minutes=15)
    second = tcx_lap(
        after_pause, 600, 2000, trackpoints(after_pause, [2000, 3000, 4000], 300)
    )
    (activity,) = tcx.parse_tcx(tcx_file(tcx_activity(first, second)))
    assert activity == ParsedActivity(
        start=START,
        distance_km=4.0,
        duration_minutes=20.0,
        surface=Surface.ROAD,
        note="Intervals",
        elapsed_minutes=25.0,
    )


def test_tcx_elapsed_time_without_trackpoint_times_is_the_laps_time() -> None:
    data = tcx_file(
        tcx_activity(
            tcx_lap(START, 600, 2000),
            tcx_lap(START + timedelta(minutes=15), 630, 2000),
        )
    )
    (activity,) = tcx.parse_tcx(data)
    assert activity.elapsed_minutes == 20.5


def test_an_unreadable_trackpoint_distance_matters_only_without_lap_distances(
    tmp_path: Path,
) -> None:
    bad_point = "<Trackpoint><DistanceMeters>far</DistanceMeters></Trackpoint>"
    with_laps = tcx_file(tcx_activity(tcx_lap(START, 600, 2000, bad_point)))
    result = import_file(tmp_path, "a.tcx", with_laps)
    assert [run.distance_km for run in result.runs] == [2.0]
    without = tcx_file(tcx_activity(tcx_lap(START, 600, None, bad_point)))
    assert import_file(tmp_path, "b.tcx", without).errors == [
        FileError("b.tcx", "corrupt")
    ]


def test_tcx_values_are_taken_as_a_whole_tree_reader_took_them() -> None:
    """The first of repeated values counts; unreadable times are left out."""
    lap = (
        "<Lap><TotalTimeSeconds>600</TotalTimeSeconds>"
        "<TotalTimeSeconds>999</TotalTimeSeconds>"
        "<DistanceMeters>2000</DistanceMeters><DistanceMeters>9999</DistanceMeters>"
        "<Track><Trackpoint><Time>soon</Time><DistanceMeters>0</DistanceMeters>"
        "</Trackpoint><Trackpoint><Time>2024-06-01T06:10:00Z</Time>"
        "<Time>2024-06-01T09:00:00Z</Time><DistanceMeters> </DistanceMeters>"
        "</Trackpoint><Trackpoint><Time>2024-06-01T06:12:00Z</Time>"
        "<DistanceMeters>2010</DistanceMeters></Trackpoint></Track></Lap>"
    )
    data = tcx_file(
        tcx_activity(lap).replace("</Activity>", "<Notes>2</Notes></Activity>")
    )
    (activity,) = tcx.parse_tcx(data)
    assert activity == ParsedActivity(
        start=START,
        distance_km=2.0,  # the track's 2,010 m is within 3 %
        duration_minutes=10.0,
        surface=Surface.ROAD,
        note="Intervals",
        elapsed_minutes=12.0,  # from the activity's start: the lap has none
    )


def test_a_track_taken_without_a_time_span_keeps_the_laps_time() -> None:
    points = (
        "<Trackpoint><Time>2024-06-01T06:00:00Z</Time>"
        "<DistanceMeters>0</DistanceMeters></Trackpoint>"
        "<Trackpoint><DistanceMeters>1500</DistanceMeters></Trackpoint>"
    )
    (activity,) = tcx.parse_tcx(
        tcx_file(tcx_activity(tcx_lap(START, 300, 1000, points)))
    )
    assert (activity.distance_km, activity.duration_minutes) == (1.5, 5.0)
    assert activity.elapsed_minutes is None  # the last time is the lap's start


# --- Streaming ----------------------------------------------------------------------


def test_a_multi_megabyte_gpx_reads_as_its_small_parts() -> None:
    def track(day: int, steps: int) -> str:
        start = START + timedelta(days=day)
        return gpx_track(line(start, steps, kmh=10, seconds=5), name=f"Day {day}")

    (small,) = gpx.parse_gpx(gpx_file(track(0, 1000)))
    assert small.elapsed_minutes == pytest.approx(5000 / 60)
    big_data = gpx_file(*(track(day, 1000) for day in range(40)))
    assert len(big_data) > 3_000_000
    big = gpx.parse_gpx(big_data)
    assert big == [
        ParsedActivity(
            start=small.start + timedelta(days=day),
            distance_km=small.distance_km,
            duration_minutes=small.duration_minutes,
            surface=Surface.ROAD,
            note=f"Day {day}",
            elapsed_minutes=small.elapsed_minutes,
        )
        for day in range(40)
    ]
    (long,) = gpx.parse_gpx(gpx_file(track(0, 40_000)))  # one segment, 4 MB
    assert long.distance_km == pytest.approx(small.distance_km * 40, rel=1e-6)
    assert long.duration_minutes == pytest.approx(5000 * 40 / 60)


def test_a_multi_megabyte_tcx_reads_as_its_small_parts() -> None:
    def activity(day: int, points: int) -> str:
        start = START + timedelta(days=day)
        track = trackpoints(start, [index * 3.0 for index in range(points)], 1)
        return tcx_activity(
            tcx_lap(start, points - 1, 3 * (points - 1), track), start=start
        )

    (small,) = tcx.parse_tcx(tcx_file(activity(0, 3600)))
    big_data = tcx_file(*(activity(day, 3600) for day in range(12)))
    assert len(big_data) > 3_000_000
    assert tcx.parse_tcx(big_data) == [
        ParsedActivity(
            start=small.start + timedelta(days=day),
            distance_km=small.distance_km,
            duration_minutes=small.duration_minutes,
            surface=Surface.ROAD,
            note="Intervals",
            elapsed_minutes=small.elapsed_minutes,
        )
        for day in range(12)
    ]
    assert (small.distance_km, small.elapsed_minutes) == (10.797, 59.983333333333334)


NAMES = {
    "UTF-8": "Café au lait € 朝ラン",
    "ISO-8859-1": "Café au lait",
    "windows-1252": "Café €",
    "shift_jis": "朝ラン",
}


@pytest.mark.parametrize(("prolog", "chunk"), [(400, 1), (400, 7), (4096, 4096)])
@pytest.mark.parametrize("encoding", list(NAMES))
def test_chunk_boundaries_do_not_change_the_result(
    monkeypatch: pytest.MonkeyPatch, prolog: int, chunk: int, encoding: str
) -> None:
    name = NAMES[encoding]
    text = gpx_file(
        gpx_track(line(START, 300, kmh=10), name=name),
        gpx_track(line(START + timedelta(days=1), 10, kmh=10), name=name * 3),
    ).decode()
    data = text.replace("UTF-8", encoding).encode(encoding)
    if encoding == "UTF-8":
        data = b"\xef\xbb\xbf \n" + data  # a BOM and blanks before the declaration
    expected = gpx.parse_gpx(data)
    assert [activity.note for activity in expected] == [name, name * 3]
    monkeypatch.setattr(xml_stream, "PROLOG_BYTES", prolog)
    monkeypatch.setattr(xml_stream, "CHUNK_BYTES", chunk)
    assert gpx.parse_gpx(data) == expected


class Watched(bytes):
    """A file's bytes that remember how far they have been read."""

    read_to = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        if isinstance(key, slice) and key.stop is not None:
            self.read_to = max(self.read_to, key.stop)
        return super().__getitem__(key)


def test_the_file_is_read_as_its_events_are_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Events come chunk by chunk: a reader never waits for the whole file."""
    monkeypatch.setattr(xml_stream, "PROLOG_BYTES", 16 * 1024)
    monkeypatch.setattr(xml_stream, "CHUNK_BYTES", 16 * 1024)
    data = Watched(gpx_file(gpx_track(line(START, 30_000, kmh=10))))
    events = xml_stream.xml_events(data, "gpx", {"gpx/trk/trkseg/trkpt"})
    first = next(events)
    assert first == xml_stream.XmlEvent(
        start=True,
        path="gpx/trk/trkseg/trkpt",
        attrib={"lat": "52.00000000", "lon": "4.00000000"},
        text=None,
    )
    assert data.read_to == 16 * 1024 < len(data) / 100
    read_at = [data.read_to for _ in events]
    assert len(read_at) == 2 * 30_001 - 1
    assert len(set(read_at)) == -(-len(data) // (16 * 1024))  # every chunk


def test_event_text_is_the_element_text() -> None:
    data = (
        b"<gpx><trk><name>A<!-- a comment -->B &amp; C<b>not</b>tail</name>"
        b"<name/><type>\n  run\n</type></trk></gpx>"
    )
    paths = {"gpx/trk/name", "gpx/trk/type", "gpx/trk/name/b"}
    ends = [
        (path, text)
        for start, path, _, text in xml_stream.xml_events(data, "gpx", paths)
        if not start
    ]
    tree = ET.fromstring(data)  # noqa: S314 (the test's own document)
    assert ends == [
        ("gpx/trk/name/b", "not"),
        ("gpx/trk/name", tree[0][0].text),
        ("gpx/trk/name", None),
        ("gpx/trk/type", "\n  run\n"),
    ]
    assert tree[0][0].text == "AB & C"


# --- Rejections and safety ----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'<?xml version="1.0" encoding="base64"?><gpx/>', Reason.CORRUPT),
        (b'<?xml version="1.0" encoding="zlib"?><gpx/>', Reason.CORRUPT),
        (b"<gpx version='1.1'><trk><trkseg></trk></gpx>", Reason.CORRUPT),
        (
            b"<gpx version='1.1'><trk><trkseg><trkpt lon='4'/></trkseg></trk></gpx>",
            Reason.CORRUPT,
        ),
        (b"\xef\xbb\xbf \n<kml/>", Reason.UNSUPPORTED),
        (b"<!-- a comment -->", Reason.UNSUPPORTED),
        (b"<gpx", Reason.CORRUPT),
        (
            b"<gpx version='1.1'><rte><rtept lat='1' lon='1'/></rte></gpx>",
            Reason.NOT_AN_ACTIVITY,
        ),
    ],
)
def test_gpx_file_level_rejections(data: bytes, reason: Reason) -> None:
    with pytest.raises(base.FileRejectedError) as caught:
        gpx.parse_gpx(data)
    assert caught.value.reason is reason


def test_a_document_type_with_entities_is_not_parsed() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY {chr(98 + level)} "{("&" + chr(97 + level) + ";") * 10}">'.encode()
            for level in range(8)
        )
        + b"]><gpx version='1.1'><trk><name>&i;</name></trk></gpx>"
    )
    for parse in (gpx.parse_gpx, tcx.parse_tcx):
        with pytest.raises(base.FileRejectedError) as caught:
            parse(laughs)
        assert caught.value.reason is Reason.UNSUPPORTED
