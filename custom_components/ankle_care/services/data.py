"""Actions about the runner's data as a whole: export, import and delete (admins)."""

from __future__ import annotations

from datetime import datetime
import json
import os
from typing import Any

from homeassistant.core import ServiceCall, ServiceResponse
from homeassistant.util import dt as dt_util
from homeassistant.util.file import WriteError, write_utf8_file

from ..domain.export import RECORD_TYPES
from ..door import invalid_input
from . import fields
from .validation import require_admin, runtime


def _write_export(call: ServiceCall, path: str, text: str) -> str | None:
    """Write the export (in the executor); None when the path is not allowed."""
    if not call.hass.config.is_allowed_path(path):
        return None
    if os.path.isdir(path):
        stamp = dt_util.now().strftime("%Y%m%d-%H%M%S")
        path = os.path.join(path, f"ankle_care_export_{stamp}.json")
    if not os.path.isdir(os.path.dirname(path) or "."):
        raise FileNotFoundError(path)
    write_utf8_file(path, text, private=True)
    return path


async def async_export_data(call: ServiceCall) -> ServiceResponse:
    """Respond with every record of the runner; optionally write it to a file."""
    await require_admin(call)
    document = await runtime(call).door.async_export()
    response: dict[str, Any] = document
    if (path := call.data.get(fields.PATH)) is not None:
        path = os.path.expanduser(path)
        text = json.dumps(document, indent=2, ensure_ascii=False)
        try:
            written = await call.hass.async_add_executor_job(
                _write_export, call, path, text
            )
        except (OSError, ValueError, WriteError) as err:
            raise invalid_input(
                "export_write_failed", path=path, error=type(err).__name__
            ) from None
        if written is None:
            raise invalid_input("path_not_allowed", path=path)
        response = {**document, fields.FILE: written}
    return response


async def async_import_data(call: ServiceCall) -> ServiceResponse:
    """Merge an export into the runner; respond with what was added."""
    await require_admin(call)
    data = runtime(call)
    document: Any = call.data[fields.DATA]
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError:
            raise invalid_input(
                "import_data_invalid", reason="not_json", where="data"
            ) from None
    return await data.door.async_import_data(document)


def _moment(value: datetime | None) -> datetime | None:
    """Return a time in UTC; a naive one is local time."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt_util.get_default_time_zone())
    return dt_util.as_utc(value)


async def async_delete_data(call: ServiceCall) -> ServiceResponse:
    """Delete records by type and time range (all without either)."""
    await require_admin(call)
    data = runtime(call)
    record_type: str | None = call.data.get(fields.RECORD_TYPE)
    if record_type is not None and record_type not in RECORD_TYPES:
        raise invalid_input(
            "unknown_record_type", value=record_type, allowed=", ".join(RECORD_TYPES)
        )
    deleted = await data.door.async_delete_data(
        record_type,
        _moment(call.data.get(fields.START)),
        _moment(call.data.get(fields.END)),
    )
    response: dict[str, Any] = {"deleted": deleted}
    return response
