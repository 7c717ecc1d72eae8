"""A runner's data taken out and put back: the export document, its merge, deletion.

Pure and blocking-safe (no Home Assistant): the door builds the export from the
book and the archived runs, checks an import document before anything changes,
merges it by id and by content, and picks the records a deletion removes.

The document (schema ``ankle_care.export``, version 1) is plain JSON::

    {"schema": "ankle_care.export", "version": 1, "exported_at": "<ISO time>",
     "runner": {"name": ..., "unit": "km" | "mi"},
     "settings": {<the runner's options>},
     "reminders": {"enabled": true},
     "default_shoe_id": <shoe id or null>,
     "shoes": [...], "runs": [...], "soreness": [...], "treatments": [...],
     "visits": [...], "exercises": [...]}

Each record is written as the store writes it (`records.py`'s ``to_dict``), runs
with the archived ones, every list in time order. A later version only adds keys
within version 1; a change of meaning bumps the version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
import json
import math
from typing import Any, Final

from .importers.matching import RunIndex
from .records import (
    Exercise,
    ProfessionalVisit,
    Run,
    RunnerRecords,
    Shoe,
    Soreness,
    Treatment,
)
from .settings import Settings

EXPORT_SCHEMA: Final = "ankle_care.export"
EXPORT_VERSION: Final = 1

RUNS: Final = "runs"
SORENESS: Final = "soreness"
TREATMENTS: Final = "treatments"
VISITS: Final = "visits"
EXERCISES: Final = "exercises"
SHOES: Final = "shoes"
RECORD_TYPES: Final = (RUNS, SORENESS, TREATMENTS, VISITS, EXERCISES, SHOES)
"""The record types, as named in the document and by `delete_data`."""

# The options an export carries (every setting of `Settings`).
SETTING_KEYS: Final = frozenset(item.name for item in fields(Settings))

type Record = Run | Soreness | Treatment | ProfessionalVisit | Exercise | Shoe


class ExportDocumentError(ValueError):
    """An import document that cannot be used; `reason` is a stable key."""

    def __init__(self, reason: str, where: str = "-") -> None:
        """Name what is wrong (`reason`) and where (`where`, e.g. `runs[3]`)."""
        super().__init__(f"{reason} at {where}")
        self.reason = reason
        self.where = where


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportBounds:
    """What an imported record may hold (the door passes its own limits)."""

    earliest: datetime
    latest: datetime
    max_distance_km: float
    max_text: int
    max_name: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportDocument:
    """A checked import document, records parsed."""

    settings: dict[str, Any]
    reminders_enabled: bool | None
    default_shoe_id: str | None
    runs: list[Run]
    soreness: list[Soreness]
    treatments: list[Treatment]
    visits: list[ProfessionalVisit]
    exercises: list[Exercise]
    shoes: list[Shoe]


@dataclass(slots=True, kw_only=True)
class DataMerge:
    """What an import adds: new records of each type and the shoe ids it maps."""

    runs: list[Run] = field(default_factory=list)
    soreness: list[Soreness] = field(default_factory=list)
    treatments: list[Treatment] = field(default_factory=list)
    visits: list[ProfessionalVisit] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    shoes: list[Shoe] = field(default_factory=list)
    default_shoe_id: str | None = None

    def counts(self) -> dict[str, int]:
        """Return how many records of each type are added."""
        return {
            RUNS: len(self.runs),
            SORENESS: len(self.soreness),
            TREATMENTS: len(self.treatments),
            VISITS: len(self.visits),
            EXERCISES: len(self.exercises),
            SHOES: len(self.shoes),
        }


def build_export(
    *,
    runner: Mapping[str, Any],
    settings: Mapping[str, Any],
    records: RunnerRecords,
    runs: Iterable[Run],
    reminders_enabled: bool,
    exported_at: datetime,
) -> dict[str, Any]:
    """Return the export document of one runner (`runs`: archived ones too)."""
    return {
        "schema": EXPORT_SCHEMA,
        "version": EXPORT_VERSION,
        "exported_at": exported_at.isoformat(),
        "runner": dict(runner),
        "settings": {
            key: value for key, value in settings.items() if key in SETTING_KEYS
        },
        "reminders": {"enabled": reminders_enabled},
        "default_shoe_id": records.default_shoe_id,
        SHOES: [shoe.to_dict() for shoe in records.shoes],
        RUNS: [run.to_dict() for run in sorted(runs, key=lambda run: run.start)],
        SORENESS: [entry.to_dict() for entry in records.soreness],
        TREATMENTS: [entry.to_dict() for entry in records.treatments],
        VISITS: [visit.to_dict() for visit in records.visits],
        EXERCISES: [entry.to_dict() for entry in records.exercises],
    }


def _check_value(value: Any, where: str, bounds: ExportBounds) -> None:
    """Refuse numbers that are not finite, texts too long or not valid Unicode."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ExportDocumentError("not_finite", where)
    if isinstance(value, str):
        if len(value) > bounds.max_text:
            raise ExportDocumentError("text_too_long", where)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ExportDocumentError("invalid_text", where) from None
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check_value(key, where, bounds)
            _check_value(item, f"{where}.{key}", bounds)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_value(item, f"{where}[{index}]", bounds)
    elif value is not None and not isinstance(value, bool | int | float):
        raise ExportDocumentError("not_json", where)


def _time_of(record: Record) -> datetime:
    if isinstance(record, Run):
        return record.start
    if isinstance(record, Shoe):
        return record.added
    return record.time


def _check_record(record: Record, where: str, bounds: ExportBounds) -> None:
    if not bounds.earliest <= _time_of(record) <= bounds.latest:
        raise ExportDocumentError("time_out_of_range", where)
    if isinstance(record, Run) and not 0 < record.distance_km <= bounds.max_distance_km:
        raise ExportDocumentError("distance_out_of_range", where)
    if isinstance(record, Shoe) and not 0 < len(record.name) <= bounds.max_name:
        raise ExportDocumentError("text_too_long", where)
    for name in ("duration_minutes", "max_km"):
        value = getattr(record, name, None)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int | float) or value <= 0
        ):
            raise ExportDocumentError("number_out_of_range", where)
    for name in ("rpe", "sets", "reps", "seconds"):
        value = getattr(record, name, None)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 0
        ):
            raise ExportDocumentError("number_out_of_range", where)


def _parse_list[R: Record](
    data: Mapping[str, Any],
    key: str,
    parse: Callable[[Mapping[str, Any]], R],
    bounds: ExportBounds,
) -> list[R]:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise ExportDocumentError("not_a_list", key)
    parsed: list[R] = []
    ids: set[str] = set()
    for index, item in enumerate(items):
        where = f"{key}[{index}]"
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            raise ExportDocumentError("bad_record", where)
        try:
            record = parse(item)
        except (KeyError, TypeError, ValueError, OverflowError):
            raise ExportDocumentError("bad_record", where) from None
        _check_record(record, where, bounds)
        if record.id in ids:
            raise ExportDocumentError("duplicate_id", where)
        ids.add(record.id)
        parsed.append(record)
    return parsed


def parse_export(data: Any, bounds: ExportBounds) -> ExportDocument:
    """Check an import document and parse its records; raise `ExportDocumentError`."""
    if not isinstance(data, Mapping) or data.get("schema") != EXPORT_SCHEMA:
        raise ExportDocumentError("wrong_schema", "schema")
    version = data.get("version")
    if isinstance(version, bool) or version != EXPORT_VERSION:
        raise ExportDocumentError("wrong_version", "version")
    _check_value(dict(data), "document", bounds)
    settings = data.get("settings", {})
    if not isinstance(settings, Mapping):
        raise ExportDocumentError("bad_settings", "settings")
    settings = {key: value for key, value in settings.items() if key in SETTING_KEYS}
    try:
        Settings.from_options(settings)
    except (TypeError, ValueError, OverflowError):
        raise ExportDocumentError("bad_settings", "settings") from None
    reminders = data.get("reminders", {})
    enabled = reminders.get("enabled") if isinstance(reminders, Mapping) else None
    if enabled is not None and not isinstance(enabled, bool):
        raise ExportDocumentError("bad_record", "reminders")
    default_shoe_id = data.get("default_shoe_id")
    shoes = _parse_list(data, SHOES, Shoe.from_dict, bounds)
    if default_shoe_id is not None and default_shoe_id not in {s.id for s in shoes}:
        raise ExportDocumentError("bad_record", "default_shoe_id")
    return ExportDocument(
        settings=settings,
        reminders_enabled=enabled,
        default_shoe_id=default_shoe_id,
        shoes=shoes,
        runs=_parse_list(data, RUNS, Run.from_dict, bounds),
        soreness=_parse_list(data, SORENESS, Soreness.from_dict, bounds),
        treatments=_parse_list(data, TREATMENTS, Treatment.from_dict, bounds),
        visits=_parse_list(data, VISITS, ProfessionalVisit.from_dict, bounds),
        exercises=_parse_list(data, EXERCISES, Exercise.from_dict, bounds),
    )


def content_key(record: Record) -> str:
    """Return what a record holds apart from its id (times in UTC), comparable."""
    data = record.to_dict()
    del data["id"]
    for name in ("time", "start", "added"):
        if name in data:
            data[name] = _time_of(record).astimezone(UTC).isoformat()
    return json.dumps(data, sort_keys=True)


def _new_records[R: Soreness | Treatment | ProfessionalVisit | Exercise](
    imported: Sequence[R], existing: Sequence[R]
) -> list[R]:
    ids = {record.id for record in existing}
    contents = {content_key(record) for record in existing}
    new: list[R] = []
    for record in imported:
        content = content_key(record)
        if record.id in ids or content in contents:
            continue
        ids.add(record.id)
        contents.add(content)
        new.append(record)
    return new


def _merge_runs(
    imported: Sequence[Run], existing: Sequence[Run], shoe_ids: Mapping[str, str]
) -> list[Run]:
    """Return the runs not yet there: by id, else as `importers/matching.py` says."""
    ids = {run.id for run in existing}
    index: RunIndex[Run] = RunIndex()
    for run in existing:
        index.add(run)
    new: list[Run] = []
    for run in imported:
        if run.id in ids or index.find(run) is not None:
            continue
        ids.add(run.id)
        index.add(run)
        shoe_id = shoe_ids.get(run.shoe_id or "", run.shoe_id)
        new.append(replace(run, shoe_id=shoe_id) if shoe_id != run.shoe_id else run)
    return new


def merge_export(
    document: ExportDocument,
    runs: Sequence[Run],
    records: RunnerRecords,
) -> DataMerge:
    """Return what `document` adds to a runner's `runs` and other `records`.

    `runs` are every run, archived ones too.
    Shoes merge by id, else by name (case-insensitive; the runs follow the shoe
    already there). Runs merge by id, else by the importers' rule (the same Strava
    id, or overlapping times and distances within 5 %: the same run from another
    source is not added twice); the other records by id and by content. Importing the same document twice adds nothing.
    """
    shoe_ids: dict[str, str] = {}
    by_id = {shoe.id for shoe in records.shoes}
    by_name = {shoe.name.casefold(): shoe.id for shoe in records.shoes}
    merge = DataMerge()
    for shoe in document.shoes:
        if shoe.id in by_id:
            continue
        known = by_name.get(shoe.name.casefold())
        if known is not None:
            shoe_ids[shoe.id] = known
            continue
        by_id.add(shoe.id)
        by_name[shoe.name.casefold()] = shoe.id
        merge.shoes.append(shoe)
    merge.runs = _merge_runs(document.runs, runs, shoe_ids)
    merge.soreness = _new_records(document.soreness, records.soreness)
    merge.treatments = _new_records(document.treatments, records.treatments)
    merge.visits = _new_records(document.visits, records.visits)
    merge.exercises = _new_records(document.exercises, records.exercises)
    if records.default_shoe_id is None and document.default_shoe_id is not None:
        merge.default_shoe_id = shoe_ids.get(
            document.default_shoe_id, document.default_shoe_id
        )
    return merge


def within(at: datetime, start: datetime | None, end: datetime | None) -> bool:
    """Return whether `at` lies in the inclusive range (an open end is unbounded)."""
    return (start is None or at >= start) and (end is None or at <= end)


def split_for_deletion[R: Record](
    records: Iterable[R], start: datetime | None, end: datetime | None
) -> tuple[list[R], list[R]]:
    """Return (kept, deleted): deleted are those whose own time is in the range."""
    kept: list[R] = []
    deleted: list[R] = []
    for record in records:
        (deleted if within(_time_of(record), start, end) else kept).append(record)
    return kept, deleted


def deleted_types(record_type: str | None) -> tuple[str, ...]:
    """Return the record types a deletion covers (every one when none is named)."""
    if record_type is None:
        return RECORD_TYPES
    if record_type not in RECORD_TYPES:
        raise ValueError(record_type)
    return (record_type,)


__all__ = [
    "EXPORT_SCHEMA",
    "EXPORT_VERSION",
    "RECORD_TYPES",
    "DataMerge",
    "ExportBounds",
    "ExportDocument",
    "ExportDocumentError",
    "build_export",
    "content_key",
    "deleted_types",
    "merge_export",
    "parse_export",
    "split_for_deletion",
    "within",
]
