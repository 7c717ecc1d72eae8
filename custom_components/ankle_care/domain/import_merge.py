"""Merging imported runs into a runner's log: duplicates, shoes, ids.

Pure and blocking-safe: the Home Assistant layer runs it in the executor, on copies
of the stored runs and shoes, together with the file parsing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from .importers import ImportResult, dedupe_key
from .records import Run, Shoe, new_id


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportMerge:
    """The runs and shoes an import adds, and how many runs it already had."""

    new_runs: list[Run]
    new_shoes: list[Shoe]
    duplicates: int


def merge_import(
    result: ImportResult,
    runs: Sequence[Run],
    shoes: Sequence[Shoe],
    now: datetime,
) -> ImportMerge:
    """Return what an import adds to a log holding `runs` and `shoes`.

    A run counts as already there when a stored run has the same source and source
    id, or the same `dedupe_key` (start to the minute, distance to 10 m). A shoe named
    in the export is matched by name (case-insensitive) or added.
    """
    seen_ids: set[tuple[str, str | None]] = {
        (run.source, run.source_id) for run in runs if run.source_id
    }
    seen_keys = {dedupe_key(run.start, run.distance_km) for run in runs}
    by_name = {shoe.name.casefold(): shoe for shoe in shoes}
    new_runs: list[Run] = []
    new_shoes: list[Shoe] = []
    duplicates = result.duplicates_skipped
    for imported in result.runs:
        source_key = (imported.source, imported.source_id)
        key = imported.dedupe_key
        if (imported.source_id and source_key in seen_ids) or key in seen_keys:
            duplicates += 1
            continue
        seen_ids.add(source_key)
        seen_keys.add(key)
        shoe_id = None
        if imported.shoe_name:
            shoe = by_name.get(imported.shoe_name.casefold())
            if shoe is None:
                shoe = Shoe(id=new_id(), name=imported.shoe_name, added=now)
                by_name[shoe.name.casefold()] = shoe
                new_shoes.append(shoe)
            shoe_id = shoe.id
        new_runs.append(imported.to_run(new_id(), shoe_id=shoe_id))
    return ImportMerge(new_runs=new_runs, new_shoes=new_shoes, duplicates=duplicates)
