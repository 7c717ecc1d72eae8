"""The run archive: runs older than a cutoff day, kept out of memory.

Recent runs (those that started within the last ``ARCHIVE_AFTER_DAYS`` local days
when the archive was last rewritten) stay in the runner's records. Older runs live
in a second store that is only read when an action needs them (deleting or
importing runs, logging a run before the cutoff, moving runs into the archive).
The records keep an ``ArchiveSummary`` instead: the archived runs' daily totals as
the load history needs them (``ArchivedLoad``), stored as parallel lists.

Every change of the archive reads it, applies the change to all runs and splits
them again at the current cutoff (``change_archive``); it is pure and
blocking-heavy, so the Home Assistant layer runs it in the executor.

Consistency between the two stores: the records are first written marked
"archive pending", then the archive, then the records again (unmarked). Should a
crash stop this in between, the next start finds the mark and reads every archived
run back into the records (a run in both is kept once), so a deleted run does not
come back and a moved one is not lost (see `store.async_take_back_archive`). When
the recent runs change meanwhile, the archive is written back as read; reading the
archive drops every archived run whose id is also among the recent runs, and the
summary is always recomputed from what was read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Any

from .load import ArchivedLoad, LoadHistory
from .records import Run

# Runs that started more than this many local days ago go to the archive ...
ARCHIVE_AFTER_DAYS = 400
# ... once the oldest recent run is this many days past that cutoff (so the
# archive is rewritten about once a month, not every day).
ARCHIVE_SLACK_DAYS = 30


def tz_name(tz: tzinfo) -> str:
    """Return the name a summary records its time zone by (days are local days)."""
    return str(tz)


def archive_cutoff(today: date) -> int:
    """Return the first local day (ordinal) that is not archived, seen from today."""
    return today.toordinal() - ARCHIVE_AFTER_DAYS


def archiving_due(runs: Sequence[Run], tz: tzinfo, today: date) -> bool:
    """Return whether the oldest of the recent runs (in time order) is due."""
    if not runs:
        return False
    oldest = runs[0].start.astimezone(tz).toordinal()
    return oldest < archive_cutoff(today) - ARCHIVE_SLACK_DAYS


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    """What the records keep of the archive: its daily totals and time zone."""

    tz: str
    load: ArchivedLoad

    @property
    def runs(self) -> int:
        """Return how many runs the archive holds."""
        return self.load.runs

    @property
    def before(self) -> int:
        """Return the first local day (ordinal) that is not archived."""
        return self.load.before

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store, columnar."""
        load = self.load
        shoes = sorted(load.shoe_mm)
        return {
            "tz": self.tz,
            "before": load.before,
            "runs": load.runs,
            "days": list(load.days),
            "km": list(load.km),
            "rpe_load": list(load.rpe_load),
            "hard_km": list(load.hard_km),
            "uneven_km": list(load.uneven_km),
            "shoe_ids": shoes,
            "shoe_mm": [load.shoe_mm[shoe] for shoe in shoes],
            "shoe_runs": [load.shoe_runs[shoe] for shoe in shoes],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArchiveSummary:
        """Read a stored summary."""
        shoes: list[str] = data["shoe_ids"]
        return cls(
            tz=data["tz"],
            load=ArchivedLoad(
                before=int(data["before"]),
                runs=int(data["runs"]),
                days=data["days"],
                km=data["km"],
                rpe_load=data["rpe_load"],
                hard_km=data["hard_km"],
                uneven_km=data["uneven_km"],
                shoe_mm=dict(zip(shoes, data["shoe_mm"], strict=True)),
                shoe_runs=dict(zip(shoes, data["shoe_runs"], strict=True)),
            ),
        )


def archive_to_dict(runs: Iterable[Run]) -> dict[str, Any]:
    """Serialise archived runs for the archive store."""
    return {"runs": [run.to_dict() for run in runs]}


def archive_from_dict(data: Mapping[str, Any] | None) -> list[Run]:
    """Read the archived runs (none when the archive store is empty)."""
    if data is None:
        return []
    return [Run.from_dict(item) for item in data.get("runs", ())]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchiveChange[T]:
    """A change of the runs, split again and totalled, ready to swap in.

    ``recent`` are the runs to keep in the records (in time order), ``summary``
    what the records keep of the archive (``None`` without archived runs),
    ``archive`` the archive store's new data and ``history`` a load history of
    both. ``result`` is what the change returned.
    """

    result: T
    recent: list[Run]
    summary: ArchiveSummary | None
    archive: dict[str, Any]
    history: LoadHistory


def change_archive[T](
    stored: Mapping[str, Any] | None,
    recent: list[Run],
    change: Callable[[list[Run], list[Run]], T],
    tz: tzinfo,
    today: date,
) -> ArchiveChange[T]:
    """Apply ``change`` to the recent and archived runs and split them again.

    ``stored`` is the archive store's data, ``recent`` a copy of the recent runs.
    ``change(recent, archived)`` may add runs to either list (they end up on the
    right side of the cutoff whichever it picks) or remove runs from them. The
    runs are then split at ``archive_cutoff(today)``.
    """
    recent_ids = {run.id for run in recent}
    archived = [run for run in archive_from_dict(stored) if run.id not in recent_ids]
    result = change(recent, archived)
    cutoff = archive_cutoff(today)
    old: list[Run] = []
    new: list[Run] = []
    for run in sorted([*archived, *recent], key=lambda run: run.start):
        (old if run.start.astimezone(tz).toordinal() < cutoff else new).append(run)
    summary = (
        ArchiveSummary(tz_name(tz), ArchivedLoad.from_runs(old, tz, cutoff))
        if old
        else None
    )
    history = LoadHistory(tz)
    history.rebuild(new, summary.load if summary is not None else None)
    return ArchiveChange(
        result=result,
        recent=new,
        summary=summary,
        archive=archive_to_dict(old),
        history=history,
    )


__all__ = [
    "ARCHIVE_AFTER_DAYS",
    "ARCHIVE_SLACK_DAYS",
    "ArchiveChange",
    "ArchiveSummary",
    "archive_cutoff",
    "archive_from_dict",
    "archive_to_dict",
    "archiving_due",
    "change_archive",
    "tz_name",
]
