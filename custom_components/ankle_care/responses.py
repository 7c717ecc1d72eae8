"""Response data of the actions, and what entities and responses share.

The responses are plain JSON built from the runner's snapshot; their texts (the next
step, the article's sentences, the not-medical-advice note) come from the `common`
translations in Home Assistant's language (`texts.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from homeassistant.util import dt as dt_util

from .const import UNIT_KM
from .domain.load import RiskFactor
from .domain.records import KM_PER_MILE
from .domain.recovery import NEXT_STEP_QUOTES, PhaseStatus
from .domain.snapshot import Snapshot
from .domain.triage import article_quotes
from .texts import NOT_MEDICAL_ADVICE, Texts


def local_iso(value: datetime | None) -> str | None:
    """Return a timestamp in the runner's local time, ISO formatted."""
    return dt_util.as_local(value).isoformat() if value else None


def ankle_summaries(phase: PhaseStatus) -> list[dict[str, Any]]:
    """Return every ankle's phase, may-run answer, cause and referral."""
    return [
        {
            "side": ankle.side.value if ankle.side else None,
            "phase": ankle.phase.value,
            "since": local_iso(ankle.since),
            "may_run": ankle.may_run,
            "severity": ankle.current.severity if ankle.current else None,
            "likely_cause": ankle.assessment.cause.value,
            "referral": ankle.referral.value if ankle.referral else None,
            "next_step": ankle.next_step,
            "day_of_care": ankle.day_of_care,
        }
        for ankle in phase.ankles
    ]


def risk_factors(
    factors: Iterable[RiskFactor], digits: int | None = None
) -> list[dict[str, Any]]:
    """Return every risk factor with its value, threshold and level.

    Args:
        factors: The load summary's risk factors.
        digits: Round the values to this many digits (the sensor attribute does);
            None keeps them as computed (the action response).

    """
    return [
        {
            "factor": factor.key,
            "value": (
                factor.value
                if digits is None or factor.value is None
                else round(factor.value, digits)
            ),
            "threshold": factor.threshold,
            "level": factor.level.value,
        }
        for factor in factors
    ]


def assessment_response(snapshot: Snapshot, texts: Texts) -> dict[str, Any]:
    """Return the current assessment: likely cause, red flags and recovery phase."""
    assessment = snapshot.assessment
    phase = snapshot.phase
    current = phase.current
    return {
        "severity": current.severity if current else None,
        "likely_cause": assessment.cause.value,
        "reasons": list(assessment.reasons),
        "red_flags": [flag.value for flag in assessment.red_flags],
        "article": [
            texts(f"article_{quote}")
            for quote in article_quotes(
                [assessment.cause, *assessment.reasons, *assessment.red_flags]
            )
        ],
        "side": phase.side.value if phase.side else None,
        "recovery_phase": phase.phase.value,
        "phase_since": phase.since.isoformat() if phase.since else None,
        "referral": phase.referral.value if phase.referral else None,
        "day_of_care": phase.day_of_care,
        "phase_reasons": list(phase.reasons),
        "next_step": phase.next_step,
        "next_step_text": texts(f"next_step_{phase.next_step}"),
        "next_step_article": texts(f"article_{NEXT_STEP_QUOTES[phase.next_step]}"),
        "may_run": phase.may_run,
        "ankles": ankle_summaries(phase),
        "disclaimer": texts(NOT_MEDICAL_ADVICE),
    }


def _in_unit(km: float | None, unit: str) -> float | None:
    if km is None:
        return None
    return round(km if unit == UNIT_KM else km / KM_PER_MILE, 2)


def risk_response(snapshot: Snapshot, unit: str, texts: Texts) -> dict[str, Any]:
    """Return the training-load risk summary with every factor behind it."""
    load = snapshot.load
    return {
        "injury_risk": load.risk.value,
        "factors": risk_factors(load.risk_factors),
        "load_ratio": load.load_ratio,
        "acwr_method": load.acwr_method.value,
        "weekly_distance": _in_unit(load.weekly_distance_km, unit),
        "weekly_distance_change": load.weekly_change_pct,
        "safe_distance_today": _in_unit(load.safe_distance_today_km, unit),
        "unit": unit,
        "disclaimer": texts(NOT_MEDICAL_ADVICE),
    }
