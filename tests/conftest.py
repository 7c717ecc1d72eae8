"""Shared fixtures for the tests of Ankle Care."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_homeassistant_custom_component.syrupy import HomeAssistantSnapshotExtension
from syrupy.assertion import SnapshotAssertion
from syrupy.location import PyTestLocation

# The browser test has its own virtualenv and configuration (tests/browser/pytest.ini).
collect_ignore = ["browser"]


class AnkleCareSnapshotExtension(HomeAssistantSnapshotExtension):
    """Keep snapshots in `snapshots/` beside the tests on every release.

    The two test environments ship different syrupy versions whose default
    folders differ; one folder keeps one set of snapshots for both.
    """

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        """Return the folder of the snapshot files."""
        return str(Path(test_location.filepath).parent / "snapshots")


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Return the snapshot assertion with the Ankle Care extension."""
    return snapshot.use_extension(AnkleCareSnapshotExtension)
