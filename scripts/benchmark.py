"""Benchmark Ankle Care inside a real, in-process Home Assistant.

Usage: .venv/ha-2026.2/bin/python scripts/benchmark.py [options]
       scripts/benchmark [options]   (ANKLE_CARE_BENCH_ENV=ha-2025.4 for the other venv)

Everything runs in one Home Assistant instance (`async_test_home_assistant`, real
files in a temporary config dir), so that every history size is measured under the
same conditions; the sizes are measured round-robin, interleaved. For synthetic
histories of 1, 5 and 20 years of daily runs (written beforehand as the runners'
store files) it prints:

- config entry setup time: the first setup (cold: the store file holds every run,
  as written before the run archive existed) and the median of unload + setup
  cycles (re-setup, the figure the target checks), after the first setup's
  background task has moved the runs older than 400 days into the archive;
- `ankle_care.log_run` latency, median and p95: the blocking service call plus
  `async_block_till_done`, within which the entity states are written; next to it
  `input_number.set_value` measured the same way in the same rounds;
- the entity states each `log_run` writes: `state_changed` events of the runner's
  entities, and `Entity.async_write_ha_state` calls (also those that changed nothing);
- the time to write the whole history to the store, and its event-loop stall;
- peak memory: the `tracemalloc` peak of a separate setup + 20 `log_run`, and the
  process' maximum resident set size after each runner's setup (`ru_maxrss`);

for two more runners with 1 and 5 years of runs and a care log (always built; see
`build_care_log`: closed flare-ups with daily and pain-free entries, mild spells, a
red-flag episode a year closed by a professional visit with clearance, ice and the
other treatments, prevention exercises; the recent part is the same for both):

- config entry setup time: cold (the generated file has no recovery checkpoint, so
  the whole care log is replayed) and the median of re-setups, whose store file
  holds the checkpoint (`RecoveryCheckpoint`) the first setup made;
- `ankle_care.log_soreness` latency, median and p95, measured like `log_run` and
  interleaved: mild soreness with a side, logged now, so the replay runs from the
  checkpoint and never meets a (sticky) red flag;

and the import rate of a generated Strava `activities.csv` (5,000 rows by default)
into a new runner, with the longest event-loop stall seen meanwhile by a heartbeat
task (`asyncio.sleep(0.005)` in a loop, measuring how late each wake-up is).

The import of one large activity file, a generated GPX and a TCX of about 60 MB
(`--file-mb`; one-hour runs recorded every second, as a watch writes them):
`import_activities` on each, its wall time, and the `tracemalloc` peak of a second
call traced from start to end (the file's bytes read included), measured before
Home Assistant starts (`bench_file_import`). `--files-only` measures just these.

The dashboard card's render time in headless Chromium with the 1- and the 20-year
runner's states (`bench_card_render`, `scripts/card_render.py`; needs the browser
test's Chromium and virtualenv, which `scripts/browser-env` installs).

Voice (Assist): the built-in agent's latency, sentence in to spoken answer out
(`conversation.async_converse` plus `async_block_till_done`), of a status question
and a logged run by voice, next to Home Assistant's own `HassGetCurrentTime`
("what time is it") measured in the same rounds (`bench_voice`).

Then one PASS/FAIL line per target of the issue. These are figures, not a test: the
exit status is 0 even when a target fails, unless `--strict` is given. `--profile`
adds cProfile hotspots of the largest history's re-setup and `log_run`, of the
5-year care log's re-setup and `log_soreness`, and of one more import.
`--care-log` adds the care log to the run histories (1, 5, 20 years) too.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
import contextlib
import cProfile
import csv
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
import functools
import gc
import importlib
import json
import logging
import os
from pathlib import Path
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
from time import perf_counter
import tracemalloc
from typing import Any, Self

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from homeassistant import loader  # noqa: E402
from homeassistant.const import (  # noqa: E402
    EVENT_HOMEASSISTANT_FINAL_WRITE,
    EVENT_STATE_CHANGED,
    __version__,
)
from homeassistant.core import Context, Event, HomeAssistant, callback  # noqa: E402
from homeassistant.helpers import (  # noqa: E402
    device_registry as dr,
    entity_registry as er,
)
from homeassistant.helpers.entity import Entity  # noqa: E402
from homeassistant.helpers.json import JSONEncoder  # noqa: E402
from homeassistant.setup import async_setup_component  # noqa: E402
from homeassistant.util import dt as dt_util  # noqa: E402
from pytest_homeassistant_custom_component.common import (  # type: ignore[import-untyped]  # noqa: E402
    MockConfigEntry,
    async_test_home_assistant,
)

from custom_components.ankle_care.const import (  # noqa: E402
    DOMAIN,
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
)
from custom_components.ankle_care.domain.importers import (  # noqa: E402
    import_activities,
)
from custom_components.ankle_care.domain.program import ExerciseKey  # noqa: E402
from custom_components.ankle_care.domain.records import (  # noqa: E402
    Exercise,
    Location,
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
from custom_components.ankle_care.store import storage_key  # noqa: E402

SEED = 20260101
HEARTBEAT_SECONDS = 0.005
INPUT_NUMBER = "input_number.bench"
WEEKLY_DISTANCE_KEY = "weekly_distance"  # a sensor every log_run changes
SHOE_EVERY_DAYS = 180  # a new pair twice a year; older pairs are retired
ACTIVE_SHOES = 3
SURFACES = (
    (Surface.ROAD, 70),
    (Surface.TRAIL, 10),
    (Surface.TRACK, 8),
    (Surface.TREADMILL, 7),
    (Surface.GRASS, 5),
)
STRAVA_HEADER = [
    "Activity ID",
    "Activity Date",
    "Activity Name",
    "Activity Type",
    "Activity Description",
    "Elapsed Time",
    "Distance",
    "Max Heart Rate",
    "Relative Effort",
    "Commute",
    "Activity Private Note",
    "Activity Gear",
    "Filename",
    "Athlete Weight",
    "Bike Weight",
    "Elapsed Time",
    "Moving Time",
    "Distance",
    "Max Speed",
    "Average Speed",
    "Elevation Gain",
]
STRAVA_TYPES = (("Run", 80), ("Trail Run", 6), ("Virtual Run", 4), ("Ride", 10))
STRAVA_GEAR = ("Pegasus 40", "Speedgoat 5", "Clifton 9", "Novablast 4")
MONTHS = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]

# Targets of the issue.
LOG_RUN_GROWTH_MAX = 1.2  # 20-year log_run latency / 1-year log_run latency
LOG_RUN_VS_INPUT_NUMBER_MAX = 5.0  # 20-year log_run / input_number.set_value
SETUP_GROWTH_MAX = 2.0  # 20-year setup / 1-year setup
IMPORT_ROWS_PER_S_MIN = 2000.0
IMPORT_STALL_MS_MAX = 50.0
LOG_SORENESS_GROWTH_MAX = 1.2  # 5-year log_soreness latency / 1-year
FILE_IMPORT_PEAK_MB_MAX = 200.0  # tracemalloc peak importing a GPX or TCX of ...
FILE_IMPORT_TARGET_FILE_MB = 64.0  # ... this size (the largest file read is 64 MiB)

# The care-log runners: runs plus soreness, treatments, visits and exercises.
CARE_YEARS = (1, 5)
CARE_BLOCK_DAYS = 28  # one episode, mild spell or quiet stretch every four weeks
RED_FLAG_EVERY_BLOCKS = 13  # a red-flag episode about once a year
CARE_CHECK_IN_DAYS = (16, 20, 24)  # pain-free check-ins late in each stretch
CARE_LOCATIONS = (
    Location.BACK_OF_ANKLE,
    Location.OUTER_ANKLE,
    Location.INNER_ANKLE,
    Location.FRONT_OF_ANKLE,
    Location.HEEL,
)
CARE_SYMPTOMS = (
    "morning_stiffness",
    "pain_on_push_off",
    "worse_on_uneven_ground",
    "worse_after_running",
    "eases_when_warmed_up",
)
# What the benchmark logs, in turn: mild soreness that never rises by 2 points (a
# flare-up) nor reaches a red flag, on alternating sides.
LOG_SORENESS_SEVERITIES = (2, 1, 0)
LOG_SORENESS_SIDES = (Side.LEFT, Side.RIGHT)


# --------------------------------------------------------------------------- data


def _weighted[T](rng: random.Random, choices: tuple[tuple[T, int], ...]) -> T:
    values = [value for value, _ in choices]
    weights = [weight for _, weight in choices]
    return rng.choices(values, weights)[0]


def build_records(
    years: int, tz: tzinfo, now: datetime, *, care_log: bool
) -> RunnerRecords:
    """Return `years` of daily runs ending today (local), on rotating shoes.

    Distances 5-15 km; about 70 % of the runs have a duration and half of those an
    RPE. With `care_log`, also the care log of `build_care_log` over the same years.
    """
    rng = random.Random(SEED + years)
    today = now.astimezone(tz).date()
    days = round(365.25 * years)
    first = today - timedelta(days=days - 1)
    shoes: list[Shoe] = []
    runs: list[Run] = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        if offset % SHOE_EVERY_DAYS == 0:
            shoes.append(
                Shoe(
                    id=f"bench-shoe-{len(shoes):03d}",
                    name=f"Trainer {len(shoes) + 1}",
                    added=datetime.combine(day, time(6), tz),
                )
            )
        start = datetime.combine(
            day, time(rng.randint(6, 19), rng.choice((0, 15, 30, 45))), tz
        )
        distance = round(rng.uniform(5, 15), 2)
        duration = (
            round(distance * rng.uniform(4.8, 6.5), 1) if rng.random() < 0.7 else None
        )
        runs.append(
            Run(
                id=f"bench-run-{years:02d}y-{offset:05d}",
                start=min(start, now),
                distance_km=distance,
                duration_minutes=duration,
                rpe=rng.randint(3, 8) if duration and rng.random() < 0.5 else None,
                surface=_weighted(rng, SURFACES),
                shoe_id=shoes[-1].id,
                source="bench",
            )
        )
    shoes = [
        Shoe(id=shoe.id, name=shoe.name, added=shoe.added, retired=True)
        if index < len(shoes) - ACTIVE_SHOES
        else shoe
        for index, shoe in enumerate(shoes)
    ]
    records = RunnerRecords(runs=runs, shoes=shoes, default_shoe_id=shoes[-1].id)
    if care_log:
        care = build_care_log(first, today, tz)
        records.soreness = care.soreness
        records.treatments = care.treatments
        records.visits = care.visits
        records.exercises = care.exercises
    return records


@dataclass(slots=True)
class CareLog:
    """A synthetic care log, each list in time order."""

    soreness: list[Soreness] = field(default_factory=list)
    treatments: list[Treatment] = field(default_factory=list)
    visits: list[ProfessionalVisit] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)

    def sore(
        self,
        key: str,
        at: datetime,
        severity: int,
        side: Side | None,
        location: Location | None = None,
        symptoms: tuple[str, ...] = (),
    ) -> None:
        """Add a soreness entry."""
        self.soreness.append(
            Soreness(
                id=f"bench-sore-{key}",
                time=at,
                severity=severity,
                location=location,
                side=side,
                symptoms=frozenset(symptoms),
            )
        )

    def treat(
        self, key: str, at: datetime, kind: TreatmentKind, minutes: float | None
    ) -> None:
        """Add a treatment (a compression never caused numbness)."""
        self.treatments.append(
            Treatment(
                id=f"bench-{kind.value}-{key}",
                time=at,
                treatment=kind,
                duration_minutes=minutes,
                numbness_or_tingling=False
                if kind is TreatmentKind.COMPRESSION
                else None,
            )
        )

    def visit(self, key: str, at: datetime, side: Side, *, cleared: bool) -> None:
        """Add a professional visit."""
        self.visits.append(
            ProfessionalVisit(
                id=f"bench-visit-{key}",
                time=at,
                side=side,
                cleared_to_run=cleared,
                note="cleared to run" if cleared else "sprain, physiotherapy",
            )
        )

    def sort(self) -> None:
        """Put every log in time order, as the store keeps them."""
        for log in (self.soreness, self.treatments, self.visits, self.exercises):
            log.sort(key=lambda item: item.time)


def _care_block(
    care: CareLog, rng: random.Random, block: int, start: date, tz: tzinfo
) -> None:
    """Log one `CARE_BLOCK_DAYS` stretch, every episode of it closed by its end.

    A red-flag episode (about once a year): severe pain, swelling and cannot bear
    weight, a visit the next day, easing entries, then a visit with clearance and
    pain-free entries. Otherwise, by turns, a flare-up (4-6 of 10, iced, wrapped and
    raised; easing daily entries, then 48 h pain-free), a mild spell (1-3, one in
    three without a side; some lapse without a pain-free entry), another flare-up,
    or nothing. Every stretch ends with weekly pain-free check-ins. Nothing is a suspected stress
    reaction, and the return to running is over before the next stretch begins.
    """

    def at(day: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(start + timedelta(days=day), time(hour, minute), tz)

    side = rng.choice((Side.LEFT, Side.RIGHT))
    location = rng.choice(CARE_LOCATIONS)
    symptoms = tuple(rng.sample(CARE_SYMPTOMS, rng.randint(1, 2)))
    key = f"{block:04d}"
    if block % RED_FLAG_EVERY_BLOCKS == RED_FLAG_EVERY_BLOCKS // 2:
        care.sore(
            f"{key}-0",
            at(0, 18, 10),
            8,
            side,
            location,
            ("swelling", "cannot_bear_weight"),
        )
        care.treat(f"{key}-0", at(0, 18, 30), TreatmentKind.ICE, 20)
        care.treat(f"{key}-1", at(0, 18, 35), TreatmentKind.COMPRESSION, None)
        care.treat(f"{key}-2", at(0, 19), TreatmentKind.ELEVATION, 60)
        care.visit(f"{key}-0", at(1, 10), side, cleared=False)
        for day, severity in enumerate((6, 5, 4, 3, 2), start=2):
            care.sore(f"{key}-{day}", at(day, 8), severity, side, location)
            care.treat(f"{key}-{day}", at(day, 19), TreatmentKind.ICE, 15)
        care.visit(f"{key}-1", at(10, 16), side, cleared=True)
        care.sore(f"{key}-11", at(11, 8), 0, side)
        care.sore(f"{key}-13", at(13, 8), 0, side)
    elif block % 4 in (0, 2):
        severity = rng.randint(4, 6)
        swelling = ("swelling",) if rng.random() < 0.4 else ()
        care.sore(
            f"{key}-0", at(0, 7, 30), severity, side, location, (*symptoms, *swelling)
        )
        care.treat(f"{key}-0", at(0, 19), TreatmentKind.ICE, 15)
        care.treat(f"{key}-1", at(0, 19, 20), TreatmentKind.COMPRESSION, None)
        care.treat(f"{key}-2", at(0, 19, 40), TreatmentKind.ELEVATION, 30)
        care.treat(f"{key}-3", at(1, 7), TreatmentKind.ICE, 15)
        care.sore(f"{key}-1", at(1, 7, 30), severity - 1, side, location, symptoms)
        care.treat(f"{key}-4", at(1, 19), TreatmentKind.ICE, 15)
        care.sore(f"{key}-2", at(2, 7, 30), severity - 3, side, location)
        for day in (3, 4, 5):
            care.sore(f"{key}-{day}", at(day, 7, 30), 0, side)
    elif block % 4 == 1:
        mild_side = None if rng.random() < 1 / 3 else side
        severity = rng.randint(1, 3)
        care.sore(f"{key}-0", at(0, 20), severity, mild_side, location, symptoms)
        care.treat(f"{key}-0", at(0, 20, 30), TreatmentKind.ICE, 15)
        care.sore(f"{key}-1", at(1, 8), max(severity - 1, 0), mild_side, location)
        if rng.random() < 0.7:  # otherwise it lapses after 72 h
            care.sore(f"{key}-2", at(2, 8), 0, mild_side)
    for day in CARE_CHECK_IN_DAYS:
        care.sore(f"{key}-{day}", at(day, 8), 0, side)


def build_care_log(first: date, today: date, tz: tzinfo) -> CareLog:
    """Return a care log from `first` to yesterday (local), in time order.

    It is built backwards from today in `CARE_BLOCK_DAYS` stretches (see
    `_care_block`), so that the recent part is the same whatever the history's
    length: a longer history only adds older, closed episodes. Prevention exercises
    three days a week (three of them, 3 x 12).
    """
    care = CareLog()
    rng = random.Random(SEED)
    block = 0
    while (start := today - timedelta(days=CARE_BLOCK_DAYS * (block + 1) - 1)) >= first:
        _care_block(care, rng, block, start, tz)
        block += 1
    rng = random.Random(SEED + 1)
    keys = list(ExerciseKey)
    day = today - timedelta(days=1)
    while day >= first:
        if day.weekday() in (0, 2, 4):
            care.exercises.extend(
                Exercise(
                    id=f"bench-ex-{day.isoformat()}-{index}",
                    time=datetime.combine(day, time(20, index), tz),
                    exercise=key.value,
                    sets=3,
                    reps=12,
                )
                for index, key in enumerate(rng.sample(keys, 3))
            )
        day -= timedelta(days=1)
    care.sort()
    return care


def store_bytes(entry_id: str, records: RunnerRecords) -> bytes:
    """Return the store file of a runner, as Home Assistant writes it."""
    return json.dumps(
        {
            "version": STORAGE_VERSION,
            "minor_version": STORAGE_MINOR_VERSION,
            "key": storage_key(entry_id),
            "data": records.to_dict(),
        }
    ).encode()


def _strava_date(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    meridiem = "AM" if moment.hour < 12 else "PM"
    return (
        f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year}, "
        f"{hour}:{moment.minute:02d}:{moment.second:02d} {meridiem}"
    )


def write_strava_csv(path: Path, rows: int, now: datetime) -> int:
    """Write a Strava bulk-export `activities.csv`; return how many rows are runs."""
    rng = random.Random(SEED)
    runs = 0
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(STRAVA_HEADER)
        for index in range(rows):
            day = now.date() - timedelta(days=rows - index)
            start = datetime.combine(
                day,
                time(rng.randint(5, 20), rng.randint(0, 59), rng.randint(0, 59)),
                UTC,
            )
            kind = _weighted(rng, STRAVA_TYPES)
            ride = kind == "Ride"
            runs += not ride
            km = rng.uniform(15, 80) if ride else rng.uniform(3, 25)
            moving = km * 60 * (rng.uniform(2.0, 3.0) if ride else rng.uniform(4.5, 7))
            elapsed = moving * rng.uniform(1.0, 1.15)
            part = "Morning" if start.hour < 12 else "Evening"
            name = f"{part} {kind}" if rng.random() < 0.8 else f"Hills, {kind} & mud"
            writer.writerow(
                [
                    str(9_000_000_000 + index),
                    _strava_date(start),
                    name,
                    kind,
                    "Felt good.\nLegs fresh." if rng.random() < 0.05 else "",
                    str(round(elapsed)),
                    f"{km:,.2f}",
                    str(rng.randint(150, 190)),
                    str(rng.randint(10, 200)),
                    "false",
                    "",
                    "" if ride else rng.choice(STRAVA_GEAR),
                    f"activities/{9_000_000_000 + index}.fit.gz",
                    "",
                    "",
                    f"{elapsed:.1f}",
                    f"{moving:.1f}",
                    f"{km * 1000:.1f}",
                    f"{rng.uniform(4, 12):.1f}",
                    f"{km * 1000 / moving:.3f}",
                    f"{rng.uniform(0, 600):.1f}",
                ]
            )
    return runs


FILE_RUN_SECONDS = 3600  # one track point a second for an hour
FILE_RUN_START = datetime(2020, 1, 1, 6, 0, tzinfo=UTC)  # a run a day from then


def _file_runs(
    path: Path, megabytes: float, header: str, footer: str, run: Callable[[int], str]
) -> int:
    """Write `header`, as many runs `run(index)` as fit in `megabytes`, `footer`."""
    runs = 0
    with path.open("w", encoding="utf-8") as stream:
        stream.write(header)
        while True:
            text = run(runs)
            if stream.tell() + len(text) + len(footer) > megabytes * 1e6 and runs:
                break
            stream.write(text)
            runs += 1
        stream.write(footer)
    return runs


def _iso(moment: datetime, fraction: str = "") -> str:
    return f"{moment:%Y-%m-%dT%H:%M:%S}{fraction}Z"


def write_gpx(path: Path, megabytes: float) -> int:
    """Write a GPX of typed one-hour runs, as Garmin exports them; return the runs."""

    def run(index: int) -> str:
        start = FILE_RUN_START + timedelta(days=index)
        points = [
            f'      <trkpt lat="{52 + second * 0.000027:.7f}" lon="4.3000000">\n'
            "        <ele>12.4</ele>\n"
            f"        <time>{_iso(start + timedelta(seconds=second))}</time>\n"
            "        <extensions>\n          <gpxtpx:TrackPointExtension>\n"
            "            <gpxtpx:hr>142</gpxtpx:hr>\n"
            "            <gpxtpx:cad>86</gpxtpx:cad>\n"
            "          </gpxtpx:TrackPointExtension>\n        </extensions>\n"
            "      </trkpt>\n"
            for second in range(FILE_RUN_SECONDS)
        ]
        return (
            f"  <trk>\n    <name>Run {index}</name>\n    <type>running</type>\n"
            f"    <trkseg>\n{''.join(points)}    </trkseg>\n  </trk>\n"
        )

    header = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="benchmark" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        "  <metadata><name>benchmark</name></metadata>\n"
    )
    return _file_runs(path, megabytes, header, "</gpx>\n", run)


def write_tcx(path: Path, megabytes: float) -> int:
    """Write a TCX of one-hour runs in six laps, as Garmin exports them."""

    def lap(start: datetime, first: int) -> str:
        points = [
            "          <Trackpoint>\n"
            f"            <Time>{_iso(start + timedelta(seconds=second), '.000')}"
            "</Time>\n            <Position>\n"
            f"              <LatitudeDegrees>{52 + second * 0.000027:.7f}"
            "</LatitudeDegrees>\n"
            "              <LongitudeDegrees>4.3000000</LongitudeDegrees>\n"
            "            </Position>\n            <AltitudeMeters>12.4</AltitudeMeters>\n"
            f"            <DistanceMeters>{3.0 * second:.1f}</DistanceMeters>\n"
            "            <HeartRateBpm><Value>142</Value></HeartRateBpm>\n"
            "            <Extensions><ns3:TPX><ns3:Speed>3.0</ns3:Speed>"
            "<ns3:RunCadence>86</ns3:RunCadence></ns3:TPX></Extensions>\n"
            "          </Trackpoint>\n"
            for second in range(first, first + FILE_RUN_SECONDS // 6)
        ]
        return (
            f'      <Lap StartTime="{_iso(start + timedelta(seconds=first), ".000")}">\n'
            f"        <TotalTimeSeconds>{FILE_RUN_SECONDS / 6:.1f}</TotalTimeSeconds>\n"
            f"        <DistanceMeters>{3.0 * FILE_RUN_SECONDS / 6:.1f}</DistanceMeters>\n"
            "        <Intensity>Active</Intensity>\n"
            "        <TriggerMethod>Distance</TriggerMethod>\n"
            f"        <Track>\n{''.join(points)}        </Track>\n      </Lap>\n"
        )

    def run(index: int) -> str:
        start = FILE_RUN_START + timedelta(days=index)
        laps = "".join(
            lap(start, first)
            for first in range(0, FILE_RUN_SECONDS, FILE_RUN_SECONDS // 6)
        )
        return (
            f'    <Activity Sport="Running">\n      <Id>{_iso(start, ".000")}</Id>\n'
            f"{laps}      <Notes>Run {index}</Notes>\n    </Activity>\n"
        )

    header = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" '
        'xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">\n'
        "  <Activities>\n"
    )
    footer = "  </Activities>\n</TrainingCenterDatabase>\n"
    return _file_runs(path, megabytes, header, footer, run)


# ---------------------------------------------------------------------- measuring


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[94]


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(slots=True, kw_only=True)
class Runner:
    """One runner with a synthetic history, and the figures measured for it."""

    years: int
    entry: MockConfigEntry
    store_file: Path
    data: bytes
    runs: int
    records: dict[str, int] = field(default_factory=dict)
    entity_ids: set[str] = field(default_factory=set)
    weekly_sensor: str | None = None
    setup_cold: float = 0.0
    setup_warm: list[float] = field(default_factory=list)
    log_run: list[float] = field(default_factory=list)
    states_changed: float = 0.0
    state_writes: float = 0.0
    weekly_km_before: str = "n/a"
    weekly_km_after: str = "n/a"
    flush: float = 0.0
    flush_stall: float = 0.0
    tracemalloc_peak_mb: float = 0.0
    maxrss_mb: float = 0.0
    # the care-log runners
    checkpoint_at: str = "n/a"
    log_soreness: list[float] = field(default_factory=list)
    phase_before: str = "n/a"
    phase_after: str = "n/a"

    @property
    def entry_id(self) -> str:
        """Return the config entry id."""
        return str(self.entry.entry_id)


@dataclass(slots=True, kw_only=True)
class ImportFigures:
    """Figures of the Strava imports (one per repeat)."""

    rows: int
    run_rows: int
    seconds: list[float] = field(default_factory=list)
    stalls: list[float] = field(default_factory=list)
    heartbeats: list[int] = field(default_factory=list)
    parse_seconds: float = 0.0
    imported: int = 0
    duplicates: int = 0
    non_runs: int = 0
    runs_after: int = 0

    @property
    def rows_per_s(self) -> float:
        """Return rows per second of the median import (the whole action)."""
        return self.rows / _median(self.seconds)


@dataclass(slots=True, kw_only=True)
class FileImportFigures:
    """Figures of the import of one large GPX or TCX file."""

    kind: str
    file_mb: float
    runs_written: int
    seconds: float = 0.0
    traced_seconds: float = 0.0
    peak_mb: float = 0.0
    imported: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Results:
    """Everything measured in one run of the benchmark."""

    runners: list[Runner]
    set_value: list[float]
    imports: ImportFigures
    care: list[Runner] = field(default_factory=list)
    profile: list[str] = field(default_factory=list)
    files: list[FileImportFigures] = field(default_factory=list)


class Heartbeat:
    """Measure event-loop stalls: the lateness of `asyncio.sleep(0.005)` wake-ups."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Prepare (the task starts on entering the `async with`)."""
        self.hass = hass
        self.gaps: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _beat(self) -> None:
        last = perf_counter()
        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            now = perf_counter()
            self.gaps.append(now - last - HEARTBEAT_SECONDS)
            last = now

    async def __aenter__(self) -> Self:
        """Start beating and let a few beats pass."""
        self._task = self.hass.async_create_background_task(
            self._beat(), "benchmark heartbeat"
        )
        await asyncio.sleep(HEARTBEAT_SECONDS * 3)
        return self

    async def __aexit__(self, *_: object) -> None:
        """Let a few more beats pass, then stop."""
        await asyncio.sleep(HEARTBEAT_SECONDS * 3)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    @property
    def max_stall(self) -> float:
        """Return the longest stall seen, seconds."""
        return max(self.gaps, default=0.0)


@contextlib.asynccontextmanager
async def home_assistant(config_dir: Path) -> AsyncIterator[HomeAssistant]:
    """Yield a test Home Assistant that loads custom integrations and real files."""
    async with async_test_home_assistant(config_dir=str(config_dir)) as hass:
        hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)
        try:
            yield hass
        finally:
            await hass.async_stop(force=True)


def _entry(entry_id: str, name: str) -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN,
        title=name,
        unique_id=entry_id.lower(),
        data={"name": name, "unit": "km"},
        entry_id=entry_id,
    )


async def _timed(hass: HomeAssistant, action: Callable[[], Awaitable[object]]) -> float:
    """Return the wall time of an action until Home Assistant is idle again."""
    start = perf_counter()
    await action()
    await hass.async_block_till_done()
    return perf_counter() - start


async def _setup(hass: HomeAssistant, entry: MockConfigEntry) -> float:
    async def action() -> None:
        if not await hass.config_entries.async_setup(entry.entry_id):
            raise SystemExit(f"setting up {entry.title} failed")

    return await _timed(hass, action)


async def _unload(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    if not await hass.config_entries.async_unload(entry.entry_id):
        raise SystemExit(f"unloading {entry.title} failed")
    await hass.async_block_till_done()


def _runs_loaded(entry: MockConfigEntry) -> int:
    """Return the runs of a runner: recent ones loaded and archived ones."""
    return int(entry.runtime_data.coordinator.record_counts()["runs"])


def _log_run(hass: HomeAssistant, runner: Runner) -> Callable[[], Awaitable[object]]:
    async def action() -> None:
        await hass.services.async_call(
            DOMAIN,
            "log_run",
            {"config_entry_id": runner.entry_id, "distance": 5},
            blocking=True,
        )

    return action


def _log_soreness(
    hass: HomeAssistant, runner: Runner
) -> Callable[[], Awaitable[object]]:
    """Return an action logging mild soreness with a side, now, in turn.

    Logged now, after the checkpoint (`CHECKPOINT_LAG` back): the replay runs from
    it over the recent care log and what was logged so far. The severities and
    sides of `LOG_SORENESS_SEVERITIES` and `LOG_SORENESS_SIDES` never open an
    episode nor raise a (sticky) red flag; every runner gets the same sequence.
    """
    calls = [0]

    async def action() -> None:
        index = calls[0]
        calls[0] += 1
        await hass.services.async_call(
            DOMAIN,
            "log_soreness",
            {
                "config_entry_id": runner.entry_id,
                "severity": LOG_SORENESS_SEVERITIES[
                    index % len(LOG_SORENESS_SEVERITIES)
                ],
                "side": LOG_SORENESS_SIDES[index % len(LOG_SORENESS_SIDES)].value,
                "location": Location.OUTER_ANKLE.value,
                "morning_stiffness": True,
            },
            blocking=True,
        )

    return action


def _phase(runner: Runner) -> str:
    """Return the runner's recovery phase as the coordinator's snapshot has it."""
    return str(runner.entry.runtime_data.coordinator.data.phase.phase.value)


def _stored_checkpoint(store_file: Path) -> str:
    """Return when the store file's recovery checkpoint is at, or "missing"."""
    data = json.loads(store_file.read_bytes()).get("data") or {}
    checkpoint = data.get("recovery_checkpoint")
    if not checkpoint:
        return "missing"
    return str(datetime.fromisoformat(checkpoint["at"]).date())


def _rotated[T](items: list[T], shift: int) -> list[T]:
    shift %= len(items)
    return items[shift:] + items[:shift]


@contextlib.contextmanager
def _count_state_writes(entity_ids: set[str]) -> Iterator[list[int]]:
    """Count `Entity.async_write_ha_state` calls of the given entities."""
    counter = [0]
    original = Entity.async_write_ha_state

    def counting(self: Entity) -> None:
        if self.entity_id in entity_ids:
            counter[0] += 1
        original(self)

    Entity.async_write_ha_state = counting  # type: ignore[method-assign]
    try:
        yield counter
    finally:
        Entity.async_write_ha_state = original  # type: ignore[method-assign]


_PROFILE_NOISE = (
    "/asyncio/",
    "/selectors.py",
    "/concurrent/futures/",
    "/threading.py",
    str(Path(__file__).resolve()),
)


def _hotspots(profile: cProfile.Profile, limit: int) -> list[str]:
    """Return the top functions by cumulative time as printable lines.

    cProfile sees every thread (Python 3.12+), so executor work shows up too;
    frames of asyncio, the executor and this script are left out.
    """
    stats: dict[tuple[str, int, str], tuple[int, int, float, float, object]] = getattr(
        pstats.Stats(profile), "stats", {}
    )
    rows: list[tuple[float, float, int, str]] = []
    for (filename, line, function), (_, calls, own, cumulative, _) in stats.items():
        if any(noise in filename for noise in _PROFILE_NOISE) or function in {
            "<method 'run' of '_contextvars.Context' objects>",
            "<method 'poll' of 'select.epoll' objects>",
        }:
            continue
        name = filename
        for marker in ("site-packages/", str(ROOT) + "/"):
            name = name.split(marker, 1)[-1]
        where = function if filename == "~" else f"{function}  {name}:{line}"
        rows.append((cumulative, own, calls, where))
    rows.sort(reverse=True)
    lines = [f"    {'cum ms':>8} {'own ms':>8} {'calls':>7}  function  file:line"]
    lines.extend(
        f"    {cum * 1000:8.1f} {own * 1000:8.1f} {calls:7d}  {where}"
        for cum, own, calls, where in rows[:limit]
    )
    return lines


# ---------------------------------------------------------------------- scenarios


async def bench_import(
    hass: HomeAssistant, workdir: Path, args: argparse.Namespace
) -> tuple[ImportFigures, list[str]]:
    """Import a generated Strava activities.csv into new runners, `repeats` times.

    The first runner's setup also warms up every platform and module import.
    """
    export_dir = workdir / "strava-export"
    export_dir.mkdir()
    csv_path = export_dir / "activities.csv"
    figures = ImportFigures(
        rows=args.rows, run_rows=write_strava_csv(csv_path, args.rows, dt_util.utcnow())
    )
    hass.config.allowlist_external_dirs = {str(export_dir)}

    start = perf_counter()
    await hass.async_add_executor_job(import_activities, csv_path)
    figures.parse_seconds = perf_counter() - start

    profile: list[str] = []
    for repeat in range(args.import_repeats + (1 if args.profile else 0)):
        entry = _entry(f"01JBENCHIMPORT{repeat:02d}".ljust(26, "0"), "Import")
        entry.add_to_hass(hass)
        await _setup(hass, entry)
        response: dict[str, Any] = {}

        async def do_import(
            entry_id: str = entry.entry_id, response: dict[str, Any] = response
        ) -> None:
            result = await hass.services.async_call(
                DOMAIN,
                "import_activities",
                {"config_entry_id": entry_id, "path": str(csv_path)},
                blocking=True,
                return_response=True,
            )
            response.update(result or {})

        gc.collect()
        if repeat == args.import_repeats:  # the extra, profiled import
            profiler = cProfile.Profile()
            profiler.enable()
            await _timed(hass, do_import)
            profiler.disable()
            profile += ["  import_activities action, 1 call (all threads):"]
            profile += _hotspots(profiler, args.profile_lines)
        else:
            async with Heartbeat(hass) as heartbeat:
                figures.seconds.append(await _timed(hass, do_import))
            figures.stalls.append(heartbeat.max_stall)
            figures.heartbeats.append(len(heartbeat.gaps))
            figures.imported = int(response.get("imported", 0))
            figures.duplicates = int(response.get("duplicates", 0))
            figures.non_runs = int(response.get("non_runs_skipped", 0))
            figures.runs_after = _runs_loaded(entry)
        await _unload(hass, entry)
    return figures, profile


def bench_file_import(workdir: Path, megabytes: float) -> list[FileImportFigures]:
    """Import a generated GPX and TCX of `megabytes` each: wall time, traced peak.

    The first call is timed; the second runs between `tracemalloc.start()` and
    `stop()`, so its peak counts everything the import allocates, the bytes of the
    file it reads included (tracing slows it down; its time is shown apart).
    """
    figures: list[FileImportFigures] = []
    for kind, write in (("gpx", write_gpx), ("tcx", write_tcx)):
        print(f"import of a {megabytes:g} MB {kind.upper()} ...", flush=True)
        path = workdir / f"large.{kind}"
        runs = write(path, megabytes)
        figure = FileImportFigures(
            kind=kind, file_mb=path.stat().st_size / 1e6, runs_written=runs
        )
        gc.collect()
        start = perf_counter()
        result = import_activities(path)
        figure.seconds = perf_counter() - start
        figure.imported = len(result.runs)
        figure.errors = [error.reason for error in result.errors]
        del result
        gc.collect()
        tracemalloc.start()
        try:
            start = perf_counter()
            import_activities(path)
            figure.traced_seconds = perf_counter() - start
            figure.peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
        finally:
            tracemalloc.stop()
        path.unlink()
        figures.append(figure)
    return figures


async def _load_runner(
    hass: HomeAssistant,
    config_dir: Path,
    years: int,
    entry_id: str,
    title: str,
    records: Callable[[], RunnerRecords],
) -> Runner:
    """Write a runner's store file and set it up (cold), then wait for the archive.

    The records are built, serialised and dropped before the setup.
    """
    registry = er.async_get(hass)
    built = records()
    runner = Runner(
        years=years,
        entry=_entry(entry_id, title),
        store_file=config_dir / ".storage" / storage_key(entry_id),
        data=store_bytes(entry_id, built),
        runs=len(built.runs),
    )
    del built
    runner.store_file.write_bytes(runner.data)
    runner.entry.add_to_hass(hass)
    gc.collect()
    runner.setup_cold = await _setup(hass, runner.entry)
    # The first setup of a store written before the archive existed moves the
    # old runs into the archive in the background; the re-setups read the rest.
    await hass.async_block_till_done(wait_background_tasks=True)
    if (loaded := _runs_loaded(runner.entry)) != runner.runs:
        raise SystemExit(f"{title}: loaded {loaded} runs, expected {runner.runs}")
    runner.maxrss_mb = _maxrss_mb()
    runner.records = runner.entry.runtime_data.coordinator.record_counts()
    runner.entity_ids = {
        item.entity_id for item in er.async_entries_for_config_entry(registry, entry_id)
    }
    runner.weekly_sensor = registry.async_get_entity_id(
        "sensor", DOMAIN, f"{entry_id}_{WEEKLY_DISTANCE_KEY}"
    )
    return runner


async def load_runners(
    hass: HomeAssistant, config_dir: Path, args: argparse.Namespace
) -> list[Runner]:
    """Write each synthetic history as a store file and set its runner up (cold)."""
    tz = dt_util.get_default_time_zone()
    return [
        await _load_runner(
            hass,
            config_dir,
            years,
            f"01JBENCH{years:02d}Y".ljust(26, "0"),
            f"Bench {years}y",
            functools.partial(
                build_records, years, tz, dt_util.now(), care_log=args.care_log
            ),
        )
        for years in args.years
    ]


async def bench_setup(
    hass: HomeAssistant, runners: list[Runner], args: argparse.Namespace
) -> None:
    """Unload and set up every runner again, round-robin, `setup_repeats` times."""
    for repeat in range(args.setup_repeats):
        for runner in _rotated(runners, repeat):
            await _unload(hass, runner.entry)
            gc.collect()
            runner.setup_warm.append(await _setup(hass, runner.entry))
            if _runs_loaded(runner.entry) != runner.runs:
                raise SystemExit(f"{runner.entry.title}: re-setup lost runs")


async def bench_latency(
    hass: HomeAssistant, runners: list[Runner], args: argparse.Namespace
) -> list[float]:
    """Time log_run of every runner and input_number.set_value, interleaved.

    Return the set_value samples; the log_run samples go to each runner.
    """
    if not await async_setup_component(
        hass,
        "input_number",
        {"input_number": {"bench": {"min": 0, "max": 1000, "step": 1}}},
    ):
        raise SystemExit("setting up input_number failed")
    await hass.async_block_till_done()
    value = [0]

    async def set_value() -> None:
        value[0] = (value[0] + 1) % 1000
        await hass.services.async_call(
            "input_number",
            "set_value",
            {"entity_id": INPUT_NUMBER, "value": value[0]},
            blocking=True,
        )

    def weekly_km(runner: Runner) -> str:
        sensor = runner.weekly_sensor
        state = hass.states.get(sensor) if sensor else None
        return state.state if state else "n/a"

    actions = {runner.years: _log_run(hass, runner) for runner in runners}
    for runner in runners:
        runner.weekly_km_before = weekly_km(runner)
    for _ in range(args.warmup):
        for runner in runners:
            await _timed(hass, actions[runner.years])
        await _timed(hass, set_value)
    gc.collect()
    set_samples: list[float] = []
    for round_ in range(args.iterations):
        for runner in _rotated(runners, round_):
            runner.log_run.append(await _timed(hass, actions[runner.years]))
        set_samples.append(await _timed(hass, set_value))
    for runner in runners:
        runner.weekly_km_after = weekly_km(runner)
    return set_samples


async def bench_states(hass: HomeAssistant, runners: list[Runner]) -> None:
    """Count the entity states each log_run changes and writes (20 calls)."""
    calls = 20
    for runner in runners:
        changed = [0]
        entity_ids = runner.entity_ids

        @callback
        def on_state_changed(
            event: Event[Any], changed: list[int] = changed, ids: set[str] = entity_ids
        ) -> None:
            if event.data["entity_id"] in ids:
                changed[0] += 1

        unsubscribe = hass.bus.async_listen(EVENT_STATE_CHANGED, on_state_changed)
        action = _log_run(hass, runner)
        with _count_state_writes(entity_ids) as writes:
            for _ in range(calls):
                await _timed(hass, action)
        unsubscribe()
        runner.states_changed = changed[0] / calls
        runner.state_writes = writes[0] / calls


async def _write_pending(hass: HomeAssistant) -> None:
    """Write every pending delayed save now, as Home Assistant does when it stops."""
    hass.bus.async_fire(EVENT_HOMEASSISTANT_FINAL_WRITE)
    await hass.async_block_till_done()


async def bench_flush(hass: HomeAssistant, runners: list[Runner]) -> None:
    """Time writing the whole history to the store (what follows every change)."""
    for runner in runners:
        await _timed(hass, _log_run(hass, runner))
        async with Heartbeat(hass) as heartbeat:
            runner.flush = await _timed(hass, functools.partial(_write_pending, hass))
        runner.flush_stall = heartbeat.max_stall


async def bench_profile(
    hass: HomeAssistant,
    runner: Runner,
    args: argparse.Namespace,
    name: str = "log_run",
    history: str = "",
) -> list[str]:
    """Profile a re-setup and 50 `name` actions (log_run, log_soreness) of a runner."""
    lines: list[str] = []
    await _unload(hass, runner.entry)
    profiler = cProfile.Profile()
    profiler.enable()
    await _setup(hass, runner.entry)
    profiler.disable()
    lines += [f"  re-setup, {runner.years} years{history} (all threads):"]
    lines += _hotspots(profiler, args.profile_lines)
    action = (_log_soreness if name == "log_soreness" else _log_run)(hass, runner)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(50):
        await _timed(hass, action)
    profiler.disable()
    lines += [f"  50 x {name}, {runner.years} years{history}:"]
    lines += _hotspots(profiler, args.profile_lines)
    return lines


async def bench_memory(hass: HomeAssistant, runners: list[Runner]) -> None:
    """Trace the peak memory of a setup from the original file and 20 log_run."""
    for runner in runners:
        await _unload(hass, runner.entry)
        runner.store_file.write_bytes(runner.data)
        action = _log_run(hass, runner)
        gc.collect()
        tracemalloc.start()
        try:
            await _setup(hass, runner.entry)
            for _ in range(20):
                await _timed(hass, action)
            runner.tracemalloc_peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
        finally:
            tracemalloc.stop()


async def load_care_runners(hass: HomeAssistant, config_dir: Path) -> list[Runner]:
    """Set up the care-log runners (cold), then flush so the store has a checkpoint.

    The generated store files hold no recovery checkpoint: the cold setup replays the
    whole care log and makes one, which the runner saves by itself; it is flushed
    here so that every re-setup starts from it.
    """
    tz = dt_util.get_default_time_zone()
    runners: list[Runner] = []
    for years in CARE_YEARS:
        runner = await _load_runner(
            hass,
            config_dir,
            years,
            f"01JBENCHCARE{years:02d}Y".ljust(26, "0"),
            f"Care {years}y",
            functools.partial(build_records, years, tz, dt_util.now(), care_log=True),
        )
        await hass.async_block_till_done()
        await _write_pending(hass)
        runner.checkpoint_at = _stored_checkpoint(runner.store_file)
        runners.append(runner)
    return runners


async def bench_log_soreness(
    hass: HomeAssistant, runners: list[Runner], args: argparse.Namespace
) -> None:
    """Time log_soreness of every care-log runner, interleaved."""
    actions = {runner.years: _log_soreness(hass, runner) for runner in runners}
    for runner in runners:
        runner.phase_before = _phase(runner)
    for _ in range(args.warmup):
        for runner in runners:
            await _timed(hass, actions[runner.years])
    gc.collect()
    for round_ in range(args.iterations):
        for runner in _rotated(runners, round_):
            runner.log_soreness.append(await _timed(hass, actions[runner.years]))
    for runner in runners:
        runner.phase_after = _phase(runner)


CARD_RENDER_WARMUP = 5
CARD_RENDER_ROUNDS = 40
CARD_TRANSLATION_CATEGORIES = ("entity", "selector", "services", "exceptions", "common")


def _card_translations() -> dict[str, str]:
    """Return the English texts the card loads, as `frontend/get_translations` has them."""
    path = ROOT / "custom_components" / DOMAIN / "translations" / "en.json"
    flat: dict[str, str] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}", inner)
        else:
            flat[prefix] = str(value)

    texts = json.loads(path.read_text(encoding="utf-8"))
    for category in CARD_TRANSLATION_CATEGORIES:
        walk(f"component.{DOMAIN}.{category}", texts.get(category, {}))
    return flat


async def _card_inputs(hass: HomeAssistant, runner: Runner) -> dict[str, Any]:
    """Return what the frontend hands the card for a runner: states, registries, items."""
    entries = er.async_entries_for_config_entry(er.async_get(hass), runner.entry_id)
    devices = dr.async_entries_for_config_entry(dr.async_get(hass), runner.entry_id)
    todo = next(entry.entity_id for entry in entries if entry.domain == "todo")
    items = await hass.services.async_call(
        "todo",
        "get_items",
        {"entity_id": todo},
        blocking=True,
        return_response=True,
    )
    return {
        "label": f"{runner.years} y",
        "entry_id": runner.entry_id,
        "phase_entity": next(
            entry.entity_id
            for entry in entries
            if entry.translation_key == "recovery_phase"
        ),
        "states": {
            entry.entity_id: state.as_dict()
            for entry in entries
            if (state := hass.states.get(entry.entity_id)) is not None
        },
        "entities": {
            entry.entity_id: {
                "entity_id": entry.entity_id,
                "device_id": entry.device_id,
                "platform": entry.platform,
                "translation_key": entry.translation_key,
            }
            for entry in entries
        },
        "devices": {
            device.id: {
                "id": device.id,
                "name": device.name,
                "name_by_user": device.name_by_user,
                "config_entries": sorted(device.config_entries),
                "identifiers": sorted(list(pair) for pair in device.identifiers),
            }
            for device in devices
        },
        "items": items[todo]["items"] if items else [],
    }


async def bench_card_render(
    hass: HomeAssistant, runners: list[Runner], workdir: Path
) -> None:
    """Print the dashboard card's render time with the smallest and largest history.

    The card shows the runner's entity states, which do not grow with the history.
    Those states, their registry entries, today's to-do items and the translations
    are taken from this Home Assistant; `scripts/card_render.py` renders the built
    card with them in the browser test's headless Chromium (`scripts/browser-env`
    installs what is missing) and times the first render (states to laid-out DOM),
    the render until the asynchronous translations and to-do items are in, and an
    update after the recovery phase changed.
    """
    print("dashboard card render in Chromium ...", flush=True)
    sizes = [runners[0], runners[-1]]
    inputs = {
        "translations": _card_translations(),
        "warmup": CARD_RENDER_WARMUP,
        "rounds": CARD_RENDER_ROUNDS,
        "runners": [await _card_inputs(hass, runner) for runner in sizes],
    }
    path = workdir / "card-render.json"
    path.write_text(json.dumps(inputs, cls=JSONEncoder))

    def measure() -> Any:
        python = subprocess.run(
            [str(ROOT / "scripts" / "browser-env")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        done = subprocess.run(
            [python, str(ROOT / "scripts" / "card_render.py"), str(path)],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        return json.loads(done.stdout)

    try:
        samples = await hass.async_add_executor_job(measure)
    except (OSError, ValueError, subprocess.SubprocessError) as err:
        detail = getattr(err, "stderr", None) or err
        print(f"dashboard card render: not measured ({detail})")
        return
    rows = [
        ["entities of the runner", *(str(len(r["states"])) for r in inputs["runners"])]
    ]
    for key, name in (
        ("first", "first render"),
        ("complete", "with texts and to-do items"),
        ("update", "update (phase changed)"),
    ):
        for stat, func in (("median", _median), ("p95", _p95)):
            rows.append(
                [
                    f"{name}, {stat}",
                    *(
                        f"{func(samples[r['label']][key]):.2f}"
                        for r in inputs["runners"]
                    ),
                ]
            )
    print()
    print(
        f"Dashboard card in headless Chromium (ms; {CARD_RENDER_ROUNDS} rounds after "
        f"{CARD_RENDER_WARMUP} warm-up rounds, scripts/card_render.py)"
    )
    for line in _table(["", *(f"{runner.years} y" for runner in sizes)], rows):
        print(line)
    print()


async def run_benchmark(workdir: Path, args: argparse.Namespace) -> Results:
    """Run every scenario in one Home Assistant instance."""
    config_dir = workdir / "config"
    (config_dir / ".storage").mkdir(parents=True)
    async with home_assistant(config_dir) as hass:
        print(f"Strava import of {args.rows} rows ...", flush=True)
        imports, import_profile = await bench_import(hass, workdir, args)
        print(f"loading {', '.join(f'{y}' for y in args.years)} years ...", flush=True)
        runners = await load_runners(hass, config_dir, args)
        print("setup cycles ...", flush=True)
        await bench_setup(hass, runners, args)
        print("log_run and input_number.set_value ...", flush=True)
        set_value = await bench_latency(hass, runners, args)
        await bench_states(hass, runners)
        await bench_flush(hass, runners)
        profile = await bench_profile(hass, runners[-1], args) if args.profile else []
        print("memory ...", flush=True)
        await bench_memory(hass, runners)
        await bench_card_render(hass, runners, workdir)
        await bench_voice(hass, runners, args)
        for runner in runners:
            await _unload(hass, runner.entry)
        years = " and ".join(str(years) for years in CARE_YEARS)
        print(f"care log of {years} years: setup cycles, log_soreness ...", flush=True)
        care = await load_care_runners(hass, config_dir)
        await bench_setup(hass, care, args)
        await bench_log_soreness(hass, care, args)
        if args.profile:
            profile += await bench_profile(
                hass, care[-1], args, "log_soreness", " of care log"
            )
        for runner in care:
            await _unload(hass, runner.entry)
    return Results(
        runners=runners,
        set_value=set_value,
        imports=imports,
        care=care,
        profile=profile + import_profile,
    )


async def bench_voice(
    hass: HomeAssistant, runners: list[Runner], args: argparse.Namespace
) -> None:
    """Print Assist's latency, sentence in to answer out, next to a built-in intent.

    Home Assistant's default agent (`homeassistant`, `conversation` and `intent` set
    up) hears Ankle Care's status question for the smallest and the largest history,
    a run logged by voice, and "what time is it" (`HassGetCurrentTime`), interleaved
    in the same rounds. Ankle Care's sentences are matched before the built-in ones,
    so the built-in figure includes them too.
    """
    print("voice (Assist) ...", flush=True)
    try:
        conversation = importlib.import_module("homeassistant.components.conversation")
    except ImportError as err:  # hassil or home-assistant-intents missing
        print(f"voice: not measured ({err})")
        return
    for component in ("homeassistant", "conversation", "intent"):
        if not await async_setup_component(hass, component, {}):
            print(f"voice: not measured ({component} was not set up)")
            return
    await hass.async_block_till_done()
    small, large = runners[0], runners[-1]
    sentences = {
        "what time is it": "HassGetCurrentTime (built in)",
        f"how is {small.entry.title}'s ankle": f"AnkleCareStatus, {small.years} y",
        f"how is {large.entry.title}'s ankle": f"AnkleCareStatus, {large.years} y",
        f"{large.entry.title} ran 5 kilometers": f"AnkleCareLogRun, {large.years} y",
    }
    answers: dict[str, str] = {}

    async def say(text: str) -> None:
        result = await conversation.async_converse(
            hass,
            text,
            None,
            Context(),
            language="en",
            agent_id=conversation.HOME_ASSISTANT_AGENT,
        )
        answers[text] = str(result.response.speech["plain"]["speech"])

    texts = list(sentences)
    for _ in range(args.warmup):
        for text in texts:
            await _timed(hass, functools.partial(say, text))
    gc.collect()
    samples: dict[str, list[float]] = {text: [] for text in texts}
    for round_ in range(args.iterations):
        for text in _rotated(texts, round_):
            samples[text].append(await _timed(hass, functools.partial(say, text)))
    print()
    print(
        f"Voice (Assist, default agent): sentence in to answer out, ms; "
        f"{args.iterations} interleaved rounds after {args.warmup} warm-up rounds"
    )
    rows = [
        [f'"{text}"', label, _ms(_median(samples[text])), _ms(_p95(samples[text]))]
        for text, label in sentences.items()
    ]
    for line in _table(["sentence", "intent", "median", "p95"], rows):
        print(line)
    builtin = _median(samples[texts[0]])
    for text in texts[1:]:
        print(
            f"  {sentences[text]} / HassGetCurrentTime (medians): "
            f"{_median(samples[text]) / builtin:.1f}x; answer: {answers[text][:70]}"
        )


# ----------------------------------------------------------------------- printing


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [
        max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)
    ]

    def line(cells: list[str]) -> str:
        rest = (
            cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)
        )
        return "  ".join([cells[0].ljust(widths[0]), *rest]).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return [line(header), rule, *(line(row) for row in rows)]


def _size_rows(runners: list[Runner], set_value: list[float]) -> list[list[str]]:
    def row(label: str, cell: Callable[[Runner], str]) -> list[str]:
        return [label, *(cell(runner) for runner in runners)]

    set_median = _median(set_value)
    care = ("soreness", "treatments", "exercises")
    return [
        row("runs in history", lambda r: str(r.runs)),
        row("  of which archived", lambda r: str(r.records.get("archived_runs", 0))),
        row("shoes", lambda r: str(r.records.get("shoes", 0))),
        row(
            "soreness/treatments/exercises",
            lambda r: "/".join(str(r.records.get(key, 0)) for key in care),
        ),
        row("store file (MB)", lambda r: f"{len(r.data) / 1e6:.2f}"),
        row("entities of the runner", lambda r: str(len(r.entity_ids))),
        row("setup, cold (first)", lambda r: _ms(r.setup_cold)),
        row("setup, re-setup median", lambda r: _ms(_median(r.setup_warm))),
        row(
            "setup, re-setup min-max",
            lambda r: (f"{_ms(min(r.setup_warm))}-{_ms(max(r.setup_warm))}"),
        ),
        row("log_run median", lambda r: _ms(_median(r.log_run))),
        row("log_run p95", lambda r: _ms(_p95(r.log_run))),
        row("input_number.set_value median", lambda _: _ms(set_median)),
        row("input_number.set_value p95", lambda _: _ms(_p95(set_value))),
        row(
            "log_run / set_value (medians)",
            lambda r: (f"{_median(r.log_run) / set_median:.1f}x"),
        ),
        row("states changed per log_run", lambda r: f"{r.states_changed:g}"),
        row("state writes per log_run", lambda r: f"{r.state_writes:g}"),
        row(
            "weekly distance before->after",
            lambda r: (f"{r.weekly_km_before}->{r.weekly_km_after}"),
        ),
        row("store write of history", lambda r: _ms(r.flush)),
        row("  its event-loop stall", lambda r: _ms(r.flush_stall)),
        row("tracemalloc peak (MB)", lambda r: f"{r.tracemalloc_peak_mb:.1f}"),
        row("max RSS after setup (MB)", lambda r: f"{r.maxrss_mb:.0f}"),
    ]


def _care_rows(runners: list[Runner]) -> list[list[str]]:
    def row(label: str, cell: Callable[[Runner], str]) -> list[str]:
        return [label, *(cell(runner) for runner in runners)]

    care = ("soreness", "visits", "treatments", "exercises")
    return [
        row("runs in history", lambda r: str(r.runs)),
        row("  of which archived", lambda r: str(r.records.get("archived_runs", 0))),
        row(
            "soreness/visits/treatments/exercises",
            lambda r: "/".join(str(r.records.get(key, 0)) for key in care),
        ),
        row("store file (MB)", lambda r: f"{len(r.data) / 1e6:.2f}"),
        row("checkpoint in store file, at", lambda r: r.checkpoint_at),
        row("setup, cold (first, no checkpoint)", lambda r: _ms(r.setup_cold)),
        row("setup, re-setup median", lambda r: _ms(_median(r.setup_warm))),
        row(
            "setup, re-setup min-max",
            lambda r: f"{_ms(min(r.setup_warm))}-{_ms(max(r.setup_warm))}",
        ),
        row("log_soreness median", lambda r: _ms(_median(r.log_soreness))),
        row("log_soreness p95", lambda r: _ms(_p95(r.log_soreness))),
        row("phase before->after", lambda r: f"{r.phase_before}->{r.phase_after}"),
    ]


def _targets(results: Results) -> list[tuple[str, bool, str]]:
    small, large = results.runners[0], results.runners[-1]
    small_log, large_log = _median(small.log_run), _median(large.log_run)
    set_median = _median(results.set_value)
    growth = large_log / small_log
    versus = large_log / set_median
    setup_growth = _median(large.setup_warm) / _median(small.setup_warm)
    cold_growth = large.setup_cold / small.setup_cold
    imports = results.imports
    stall_ms = max(imports.stalls) * 1000
    care_small, care_large = results.care[0], results.care[-1]
    small_sore = _median(care_small.log_soreness)
    large_sore = _median(care_large.log_soreness)
    sore_growth = large_sore / small_sore
    sore_p95 = _p95(care_large.log_soreness) / _p95(care_small.log_soreness)
    return [
        (
            f"log_run {large.years} y within {LOG_RUN_GROWTH_MAX}x of {small.years} y",
            growth <= LOG_RUN_GROWTH_MAX,
            f"medians {_ms(large_log)} / {_ms(small_log)} ms = {growth:.2f}x "
            f"(p95 {_p95(large.log_run) / _p95(small.log_run):.2f}x)",
        ),
        (
            f"log_run {large.years} y within {LOG_RUN_VS_INPUT_NUMBER_MAX:g}x of "
            "input_number.set_value",
            versus <= LOG_RUN_VS_INPUT_NUMBER_MAX,
            f"medians {_ms(large_log)} / {_ms(set_median)} ms = {versus:.1f}x",
        ),
        (
            f"setup {large.years} y within {SETUP_GROWTH_MAX:g}x of {small.years} y",
            setup_growth <= SETUP_GROWTH_MAX,
            f"re-setup medians {_ms(_median(large.setup_warm))} / "
            f"{_ms(_median(small.setup_warm))} ms = {setup_growth:.2f}x "
            f"(cold {cold_growth:.2f}x)",
        ),
        (
            f"import at least {IMPORT_ROWS_PER_S_MIN:.0f} rows/s",
            imports.rows_per_s >= IMPORT_ROWS_PER_S_MIN,
            f"{imports.rows_per_s:.0f} rows/s (median of {len(imports.seconds)})",
        ),
        (
            f"no event-loop stall over {IMPORT_STALL_MS_MAX:g} ms during the import",
            stall_ms <= IMPORT_STALL_MS_MAX,
            f"longest {stall_ms:.1f} ms (worst of {len(imports.stalls)})",
        ),
        (
            f"log_soreness {care_large.years} y within {LOG_SORENESS_GROWTH_MAX}x of "
            f"{care_small.years} y (care log)",
            sore_growth <= LOG_SORENESS_GROWTH_MAX,
            f"medians {_ms(large_sore)} / {_ms(small_sore)} ms = {sore_growth:.2f}x "
            f"(p95 {sore_p95:.2f}x)",
        ),
        *_file_targets(results.files),
    ]


def _report_files(files: list[FileImportFigures]) -> None:
    if not files:
        return
    print()
    print(
        "Import of one large activity file (import_activities, outside Home Assistant)"
    )
    header = ["", *(figure.kind.upper() for figure in files)]
    rows = [
        ["file size (MB)", *(f"{figure.file_mb:.1f}" for figure in files)],
        [
            "runs in the file / imported",
            *(f"{figure.runs_written} / {figure.imported}" for figure in files),
        ],
        ["errors", *(" ".join(figure.errors) or "none" for figure in files)],
        ["wall time (s)", *(f"{figure.seconds:.2f}" for figure in files)],
        ["MB/s", *(f"{figure.file_mb / figure.seconds:.1f}" for figure in files)],
        ["tracemalloc peak (MB)", *(f"{figure.peak_mb:.1f}" for figure in files)],
        [
            "  per MB of file",
            *(f"{figure.peak_mb / figure.file_mb:.2f}" for figure in files),
        ],
        [
            "  wall time, traced (s)",
            *(f"{figure.traced_seconds:.2f}" for figure in files),
        ],
    ]
    for line in _table(header, rows):
        print(line)


def _file_targets(files: list[FileImportFigures]) -> list[tuple[str, bool, str]]:
    return [
        (
            f"{figure.kind.upper()} import peak < {FILE_IMPORT_PEAK_MB_MAX:g} MB for a "
            f"{FILE_IMPORT_TARGET_FILE_MB:g} MB file",
            figure.peak_mb < FILE_IMPORT_PEAK_MB_MAX
            and figure.imported == figure.runs_written,
            f"peak {figure.peak_mb:.1f} MB importing a {figure.file_mb:.1f} MB file; "
            f"{figure.imported} of {figure.runs_written} runs in "
            f"{figure.seconds:.2f} s",
        )
        for figure in files
    ]


def _print_targets(targets: list[tuple[str, bool, str]]) -> bool:
    """Print one PASS/FAIL line per target; return whether all passed."""
    print()
    print("Targets")
    for target, passed, detail in targets:
        print(f"{'PASS' if passed else 'FAIL'}  {target}: {detail}")
    return all(passed for _, passed, _ in targets)


def report(results: Results, args: argparse.Namespace) -> bool:
    """Print the figures and one PASS/FAIL line per target; return all passed."""
    runners = results.runners
    print()
    print("History sizes (times in ms)")
    header = ["", *(f"{runner.years} y" for runner in runners)]
    for line in _table(header, _size_rows(runners, results.set_value)):
        print(line)
    print(
        f"log_run of every size and set_value interleaved in one Home Assistant: "
        f"{args.iterations} timed rounds after {args.warmup} warm-up rounds; "
        f"{args.setup_repeats} re-setups (unload + setup) each; state counts over "
        "20 more calls; tracemalloc over a separate setup + 20 log_run"
    )
    care = results.care
    print()
    print("Care-log histories: runs, soreness, visits, ice (times in ms)")
    header = ["", *(f"{runner.years} y" for runner in care)]
    for line in _table(header, _care_rows(care)):
        print(line)
    print(
        f"log_soreness (mild, with a side, now) of every size interleaved: "
        f"{args.iterations} timed rounds after {args.warmup} warm-up rounds; "
        f"{args.setup_repeats} re-setups each from the store file with its checkpoint"
    )
    imports = results.imports
    print()
    print(
        f"Strava import: {imports.rows} rows ({imports.run_rows} runs) into a new "
        f"runner, {len(imports.seconds)} times"
    )
    rows = [
        ["action wall time, median (ms)", _ms(_median(imports.seconds))],
        ["action wall times (ms)", " ".join(_ms(s) for s in imports.seconds)],
        ["rows/s (median)", f"{imports.rows_per_s:.0f}"],
        ["parsing alone, in the executor (ms)", _ms(imports.parse_seconds)],
        [
            "imported / duplicates / non-runs",
            f"{imports.imported} / {imports.duplicates} / {imports.non_runs}",
        ],
        ["runs stored after the import", str(imports.runs_after)],
        ["longest event-loop stall (ms)", " ".join(_ms(s) for s in imports.stalls)],
        ["heartbeats seen", " ".join(str(n) for n in imports.heartbeats)],
    ]
    for line in _table(["", "value"], rows):
        print(line)

    _report_files(results.files)

    targets = _targets(results)
    _print_targets(targets)
    if results.profile:
        print()
        print("Profiles (cProfile, top functions by cumulative time)")
        for line in results.profile:
            print(line)
    return all(passed for _, passed, _ in targets)


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(
        description="Benchmark Ankle Care in an in-process Home Assistant."
    )
    parser.add_argument(
        "--years",
        type=lambda text: sorted({int(part) for part in text.split(",")}),
        default=[1, 5, 20],
        help="history sizes in years, comma-separated (default 1,5,20); "
        "the targets compare the smallest with the largest",
    )
    parser.add_argument(
        "--iterations", type=int, default=200, help="timed rounds (default 200)"
    )
    parser.add_argument(
        "--warmup", type=int, default=20, help="warm-up rounds (default 20)"
    )
    parser.add_argument(
        "--setup-repeats", type=int, default=5, help="re-setups per size (default 5)"
    )
    parser.add_argument(
        "--rows", type=int, default=5000, help="rows of the Strava CSV (default 5000)"
    )
    parser.add_argument(
        "--import-repeats", type=int, default=3, help="imports timed (default 3)"
    )
    parser.add_argument(
        "--file-mb",
        type=float,
        default=60.0,
        help="size of the generated GPX and TCX files imported (default 60; "
        "67 is just under the 64 MiB a file may have; 0 skips them)",
    )
    parser.add_argument(
        "--files-only",
        action="store_true",
        help="only import the large GPX and TCX files (no Home Assistant)",
    )
    parser.add_argument(
        "--care-log",
        action="store_true",
        help="also store the care log (soreness, visits, treatments, exercises) "
        "over the whole history of every --years runner",
    )
    parser.add_argument(
        "--profile", action="store_true", help="print cProfile hotspots"
    )
    parser.add_argument(
        "--profile-lines", type=int, default=25, help="lines per profile"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a target fails"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="show Home Assistant's warnings"
    )
    args = parser.parse_args(argv)
    if (
        args.iterations < 2
        or args.setup_repeats < 1
        or args.rows < 1
        or args.import_repeats < 1
        or args.file_mb < 0
        or (args.files_only and not args.file_mb)
        or len(args.years) < 2
        or min(args.years) < 1
    ):
        parser.error(
            "need --iterations >= 2, --setup-repeats, --rows and --import-repeats "
            ">= 1, at least two --years >= 1, and --file-mb > 0 (with --files-only) "
            "or 0"
        )
    return args


async def run(args: argparse.Namespace) -> bool:
    """Run the benchmark and print the figures; return whether all targets pass."""
    started = perf_counter()
    with tempfile.TemporaryDirectory(prefix="ankle-care-bench-") as tmp:
        files = bench_file_import(Path(tmp), args.file_mb) if args.file_mb else []
        results = None if args.files_only else await run_benchmark(Path(tmp), args)
    if results is None:
        _report_files(files)
        passed = _print_targets(_file_targets(files))
    else:
        results.files = files
        passed = report(results, args)
    print()
    print(
        f"Home Assistant {__version__}, Python {sys.version.split()[0]}, "
        f"{len(os.sched_getaffinity(0))} CPUs, load average "
        f"{os.getloadavg()[0]:.2f}, total {perf_counter() - started:.0f} s"
    )
    return passed


def main() -> int:
    """Run from the command line; exit 1 only with --strict and a failed target."""
    args = parse_args()
    logging.basicConfig(level=logging.WARNING if args.verbose else logging.ERROR)
    passed = asyncio.run(run(args))
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
