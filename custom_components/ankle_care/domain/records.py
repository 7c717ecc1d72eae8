"""The runner's records: runs, soreness, treatments, visits, exercises and shoes.

Every record has a stable id and a timezone-aware timestamp. Records serialise to plain
JSON-compatible dicts for the store and back; unknown keys are ignored so that older
code can read newer files within the same major version.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol, Self
import uuid

KM_PER_MILE = 1.609344

MAX_RUN_KM = 500
"""The longest run accepted, logged or imported (`limits.MAX_DISTANCE_KM`)."""

EARLIEST_RECORD_TIME = datetime(1990, 1, 1, tzinfo=UTC)
"""No record is older, logged or imported (`limits.EARLIEST_TIME`)."""


def new_id() -> str:
    """Return a new stable record id."""
    return uuid.uuid4().hex


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware")
    return value


def _parse_time(value: str) -> datetime:
    return _aware(datetime.fromisoformat(value))


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def pop_by_id[T: _HasId](items: list[T], record_id: str) -> T | None:
    """Remove and return the record with this id, or None when there is none."""
    for index, item in enumerate(items):
        if item.id == record_id:
            return items.pop(index)
    return None


class Surface(StrEnum):
    """Running surfaces named by the article: hard, soft or uneven."""

    ROAD = "road"
    TRACK = "track"
    TREADMILL = "treadmill"
    TRAIL = "trail"
    GRASS = "grass"
    MIXED = "mixed"


class Location(StrEnum):
    """Where the ankle hurts; the article localises causes by place."""

    BACK_OF_ANKLE = "back_of_ankle"
    OUTER_ANKLE = "outer_ankle"
    INNER_ANKLE = "inner_ankle"
    FRONT_OF_ANKLE = "front_of_ankle"
    HEEL = "heel"
    BONE_SPOT = "bone_spot"


class Side(StrEnum):
    """Which ankle."""

    LEFT = "left"
    RIGHT = "right"


class TreatmentKind(StrEnum):
    """The RICE parts that can be logged."""

    ICE = "ice"
    COMPRESSION = "compression"
    ELEVATION = "elevation"
    REST = "rest"


SYMPTOM_FLAGS: tuple[str, ...] = (
    "morning_stiffness",
    "pain_on_push_off",
    "worse_on_uneven_ground",
    "eases_when_warmed_up",
    "persistent_ache",
    "worse_after_running",
    "pain_when_weight_bearing",
    "swelling",
    "visible_deformity",
    "cannot_bear_weight",
    "numbness_or_tingling",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """One run. Distances are kept in kilometres whatever the runner's unit."""

    id: str
    start: datetime
    distance_km: float
    duration_minutes: float | None = None
    rpe: int | None = None
    surface: Surface = Surface.ROAD
    shoe_id: str | None = None
    note: str | None = None
    source: str = "manual"
    source_id: str | None = None

    def __post_init__(self) -> None:
        """Reject naive timestamps."""
        _aware(self.start)

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        return {
            "id": self.id,
            "start": self.start.isoformat(),
            "distance_km": self.distance_km,
            "duration_minutes": self.duration_minutes,
            "rpe": self.rpe,
            "surface": self.surface.value,
            "shoe_id": self.shoe_id,
            "note": self.note,
            "source": self.source,
            "source_id": self.source_id,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Read a stored run."""
        return cls(
            id=data["id"],
            start=_parse_time(data["start"]),
            distance_km=float(data["distance_km"]),
            duration_minutes=data.get("duration_minutes"),
            rpe=data.get("rpe"),
            surface=Surface(data.get("surface", Surface.ROAD)),
            shoe_id=data.get("shoe_id"),
            note=data.get("note"),
            source=data.get("source", "manual"),
            source_id=data.get("source_id"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Soreness:
    """How the ankle feels at one moment: severity 0 (pain-free) to 10, and answers."""

    id: str
    time: datetime
    severity: int
    location: Location | None = None
    side: Side | None = None
    symptoms: frozenset[str] = field(default_factory=frozenset)
    note: str | None = None

    def __post_init__(self) -> None:
        """Validate the record."""
        _aware(self.time)
        if not 0 <= self.severity <= 10:
            raise ValueError("severity must be between 0 and 10")
        unknown = self.symptoms.difference(SYMPTOM_FLAGS)
        if unknown:
            raise ValueError(f"unknown symptoms: {sorted(unknown)}")

    def has(self, symptom: str) -> bool:
        """Return whether the runner answered yes to a symptom question."""
        return symptom in self.symptoms

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        return {
            "id": self.id,
            "time": self.time.isoformat(),
            "severity": self.severity,
            "location": self.location.value if self.location else None,
            "side": self.side.value if self.side else None,
            "symptoms": sorted(self.symptoms),
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Read a stored soreness entry."""
        return cls(
            id=data["id"],
            time=_parse_time(data["time"]),
            severity=int(data["severity"]),
            location=Location(data["location"]) if data.get("location") else None,
            side=Side(data["side"]) if data.get("side") else None,
            symptoms=frozenset(data.get("symptoms", ())),
            note=data.get("note"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Treatment:
    """A logged RICE treatment."""

    id: str
    time: datetime
    treatment: TreatmentKind
    duration_minutes: float | None = None
    numbness_or_tingling: bool | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        """Reject naive timestamps."""
        _aware(self.time)

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        return {
            "id": self.id,
            "time": self.time.isoformat(),
            "treatment": self.treatment.value,
            "duration_minutes": self.duration_minutes,
            "numbness_or_tingling": self.numbness_or_tingling,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Read a stored treatment."""
        return cls(
            id=data["id"],
            time=_parse_time(data["time"]),
            treatment=TreatmentKind(data["treatment"]),
            duration_minutes=data.get("duration_minutes"),
            numbness_or_tingling=data.get("numbness_or_tingling"),
            note=data.get("note"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ProfessionalVisit:
    """A visit to a medical professional for one ankle.

    `cleared_to_run` says the professional cleared the ankle for running; without it
    the runner follows the professional's plan.
    """

    id: str
    time: datetime
    side: Side | None = None
    cleared_to_run: bool = False
    note: str | None = None

    def __post_init__(self) -> None:
        """Reject naive timestamps."""
        _aware(self.time)

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        return {
            "id": self.id,
            "time": self.time.isoformat(),
            "side": self.side.value if self.side else None,
            "cleared_to_run": self.cleared_to_run,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Read a stored visit."""
        return cls(
            id=data["id"],
            time=_parse_time(data["time"]),
            side=Side(data["side"]) if data.get("side") else None,
            cleared_to_run=bool(data.get("cleared_to_run", False)),
            note=data.get("note"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Exercise:
    """A prevention exercise done."""

    id: str
    time: datetime
    exercise: str
    sets: int | None = None
    reps: int | None = None
    seconds: int | None = None

    def __post_init__(self) -> None:
        """Reject naive timestamps."""
        _aware(self.time)

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        return {
            "id": self.id,
            "time": self.time.isoformat(),
            "exercise": self.exercise,
            "sets": self.sets,
            "reps": self.reps,
            "seconds": self.seconds,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Read a stored exercise."""
        return cls(
            id=data["id"],
            time=_parse_time(data["time"]),
            exercise=data["exercise"],
            sets=data.get("sets"),
            reps=data.get("reps"),
            seconds=data.get("seconds"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Shoe:
    """A pair of running shoes; `max_km` overrides the runner's wear limit."""

    id: str
    name: str
    added: datetime
    max_km: float | None = None
    retired: bool = False

    def __post_init__(self) -> None:
        """Reject naive timestamps."""
        _aware(self.added)

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        return {
            "id": self.id,
            "name": self.name,
            "added": self.added.isoformat(),
            "max_km": self.max_km,
            "retired": self.retired,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Read a stored shoe."""
        return cls(
            id=data["id"],
            name=data["name"],
            added=_parse_time(data["added"]),
            max_km=data.get("max_km"),
            retired=bool(data.get("retired", False)),
        )


@dataclass(slots=True, kw_only=True)
class RunnerRecords:
    """Everything stored for one runner, each collection kept in time order."""

    runs: list[Run] = field(default_factory=list)
    soreness: list[Soreness] = field(default_factory=list)
    treatments: list[Treatment] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    shoes: list[Shoe] = field(default_factory=list)
    visits: list[ProfessionalVisit] = field(default_factory=list)
    default_shoe_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Serialise every collection for the store."""
        return {
            "runs": [run.to_dict() for run in self.runs],
            "soreness": [entry.to_dict() for entry in self.soreness],
            "treatments": [entry.to_dict() for entry in self.treatments],
            "exercises": [entry.to_dict() for entry in self.exercises],
            "shoes": [shoe.to_dict() for shoe in self.shoes],
            "visits": [visit.to_dict() for visit in self.visits],
            "default_shoe_id": self.default_shoe_id,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RunnerRecords:
        """Read every collection from the store, in time order."""
        return cls(
            runs=sorted(
                (Run.from_dict(item) for item in data.get("runs", ())),
                key=lambda run: run.start,
            ),
            soreness=sorted(
                (Soreness.from_dict(item) for item in data.get("soreness", ())),
                key=lambda entry: entry.time,
            ),
            treatments=sorted(
                (Treatment.from_dict(item) for item in data.get("treatments", ())),
                key=lambda entry: entry.time,
            ),
            exercises=sorted(
                (Exercise.from_dict(item) for item in data.get("exercises", ())),
                key=lambda entry: entry.time,
            ),
            shoes=[Shoe.from_dict(item) for item in data.get("shoes", ())],
            visits=sorted(
                (ProfessionalVisit.from_dict(item) for item in data.get("visits", ())),
                key=lambda visit: visit.time,
            ),
            default_shoe_id=data.get("default_shoe_id"),
        )

    def add_run(self, run: Run) -> None:
        """Add a run, keeping the runs in time order."""
        bisect.insort(self.runs, run, key=lambda item: item.start)

    def add_soreness(self, entry: Soreness) -> None:
        """Add a soreness entry, keeping the log in time order."""
        bisect.insort(self.soreness, entry, key=lambda item: item.time)

    def add_treatment(self, entry: Treatment) -> None:
        """Add a treatment, keeping the log in time order."""
        bisect.insort(self.treatments, entry, key=lambda item: item.time)

    def latest_treatment(
        self, kind: TreatmentKind, since: datetime
    ) -> Treatment | None:
        """Return the latest treatment of a kind logged at or after `since`."""
        for entry in reversed(self.treatments):
            if entry.time < since:
                return None
            if entry.treatment is kind:
                return entry
        return None

    def add_visit(self, visit: ProfessionalVisit) -> None:
        """Add a professional visit, keeping the visits in time order."""
        bisect.insort(self.visits, visit, key=lambda item: item.time)

    def add_exercise(self, entry: Exercise) -> None:
        """Add an exercise, keeping the log in time order."""
        bisect.insort(self.exercises, entry, key=lambda item: item.time)

    def counts(self) -> dict[str, int]:
        """Return how many records each collection holds (safe for diagnostics)."""
        return {
            "runs": len(self.runs),
            "soreness": len(self.soreness),
            "treatments": len(self.treatments),
            "exercises": len(self.exercises),
            "shoes": len(self.shoes),
            "visits": len(self.visits),
        }


__all__ = [
    "EARLIEST_RECORD_TIME",
    "KM_PER_MILE",
    "MAX_RUN_KM",
    "SYMPTOM_FLAGS",
    "Exercise",
    "Location",
    "ProfessionalVisit",
    "Run",
    "RunnerRecords",
    "Shoe",
    "Side",
    "Soreness",
    "Surface",
    "Treatment",
    "TreatmentKind",
    "new_id",
    "pop_by_id",
]
