"""Merging imported runs into a runner's log: the same run, shoes, ids.

Pure and blocking-safe: the Home Assistant layer runs it in the executor, on copies
of the stored runs and shoes, together with the file parsing. Which runs are one,
and what a merged run keeps, is `importers/matching.py`'s rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from .importers import ImportedRun, ImportResult
from .importers.matching import (
    STRAVA,
    MatchOutcome,
    RunIndex,
    merged_fields,
    outcome,
)
from .records import Run, Shoe, new_id


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportMerge:
    """What an import adds and changes, and how many runs it already had.

    `changed_runs` are stored runs (same ids) that took a more faithful file's
    numbers or the CSV row's shoe, name and Strava id; `merged` counts the runs
    found again from another source (in the import or against the log),
    `duplicates` those found again from the same kind of source.
    """

    new_runs: list[Run]
    changed_runs: list[Run]
    new_shoes: list[Shoe]
    merged: int
    duplicates: int


class _Shoes:
    """Shoes by name (case-insensitive), adding the ones an export names."""

    def __init__(self, shoes: Sequence[Shoe], now: datetime) -> None:
        self.by_name = {shoe.name.casefold(): shoe for shoe in shoes}
        self.new: list[Shoe] = []
        self.now = now

    def id_for(self, name: str | None) -> str | None:
        if not name:
            return None
        shoe = self.by_name.get(name.casefold())
        if shoe is None:
            shoe = Shoe(id=new_id(), name=name, added=self.now)
            self.by_name[shoe.name.casefold()] = shoe
            self.new.append(shoe)
        return shoe.id


def _merge_stored(existing: Run, incoming: ImportedRun, shoes: _Shoes) -> Run:
    """Return a stored run merged with the same run imported again."""
    fields = merged_fields(existing, incoming)
    if fields is None:  # logged by hand or captured: never replaced
        return existing
    shoe_id = existing.shoe_id
    if shoe_id is None or (incoming.source == STRAVA and incoming.shoe_name):
        shoe_id = shoes.id_for(incoming.shoe_name) or shoe_id
    return replace(fields.apply(existing), shoe_id=shoe_id)


def merge_import(
    result: ImportResult,
    runs: Sequence[Run],
    shoes: Sequence[Shoe],
    now: datetime,
) -> ImportMerge:
    """Return what an import adds to, and changes in, a log of `runs` and `shoes`.

    Each imported run is looked up among the stored runs (and the ones this
    import adds): a match from the same kind of source is a duplicate, one from
    another source is merged (`importers/matching.py`), anything else is new. A
    shoe named in the export is matched by name (case-insensitive) or added.
    """
    index: RunIndex[Run] = RunIndex()
    for run in runs:
        index.add(run)
    shoe_book = _Shoes(shoes, now)
    new_runs: dict[str, Run] = {}
    changed: dict[str, Run] = {}
    merged = result.merged
    duplicates = result.duplicates_skipped
    for imported in result.runs:
        existing = index.find(imported)
        if existing is None:
            run = imported.to_run(
                new_id(), shoe_id=shoe_book.id_for(imported.shoe_name)
            )
            index.add(run)
            new_runs[run.id] = run
            continue
        if outcome(existing, imported) is MatchOutcome.DUPLICATE:
            duplicates += 1
            continue
        merged += 1
        updated = _merge_stored(existing, imported, shoe_book)
        if updated == existing:
            continue
        index.replace(existing, updated)
        if updated.id in new_runs:
            new_runs[updated.id] = updated
        else:
            changed[updated.id] = updated
    return ImportMerge(
        new_runs=list(new_runs.values()),
        changed_runs=list(changed.values()),
        new_shoes=shoe_book.new,
        merged=merged,
        duplicates=duplicates,
    )
