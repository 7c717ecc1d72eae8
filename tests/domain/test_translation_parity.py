"""Every translation says what en.json says: the same keys, the same placeholders.

German, French, Spanish and Dutch are full translations of `translations/en.json`:
each file has exactly its key paths, every text takes exactly the `{placeholders}`
of its English text (Home Assistant drops a text whose placeholders differ and
shows the English one), and every text has the shape hassfest checks.
"""

from __future__ import annotations

import json
import re
import string
from typing import Any

import pytest

from .en import ROOT, STRINGS

TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("de", "fr", "es", "nl")
# hassfest's checks of every text (`cv.string_with_no_html`, no URLs).
_HTML = re.compile(r"<[a-z].*?>", re.IGNORECASE)
_URL = re.compile(r"((https?|mqtts?)://|www\.)[a-z0-9]+", re.IGNORECASE)


def _flat(strings: Any, path: str = "") -> dict[str, Any]:
    """Return every text by its key path ("common.voice_failed")."""
    if not isinstance(strings, dict):
        return {path: strings}
    flat: dict[str, Any] = {}
    for key, value in strings.items():
        flat |= _flat(value, f"{path}.{key}" if path else key)
    return flat


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


ENGLISH = _flat(STRINGS)


def _load(language: str) -> dict[str, Any]:
    path = TRANSLATIONS / f"{language}.json"
    return _flat(json.loads(path.read_text(encoding="utf-8")))


def test_the_translations_are_english_and_the_four_languages() -> None:
    assert {path.stem for path in TRANSLATIONS.glob("*.json")} == {"en", *LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_of_english_and_no_other(language: str) -> None:
    translated = _load(language)
    assert sorted(set(ENGLISH) - set(translated)) == [], "missing"
    assert sorted(set(translated) - set(ENGLISH)) == [], "not in en.json"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_takes_the_placeholders_of_english(language: str) -> None:
    translated = _load(language)
    differing = {
        path: (sorted(_placeholders(text)), sorted(_placeholders(ENGLISH[path])))
        for path, text in translated.items()
        if path in ENGLISH
        and isinstance(text, str)
        and _placeholders(text) != _placeholders(ENGLISH[path])
    }
    assert differing == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_has_the_shape_hassfest_checks(language: str) -> None:
    for path, text in _load(language).items():
        assert isinstance(text, str), path
        assert text, path  # a person never sees an empty text
        assert text == text.strip(), path
        assert not _HTML.search(text), path
        assert not _URL.search(text), path
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field]
        assert all(field.isidentifier() for field in fields), path
        if path.startswith("entity.") and ".state." in path:
            assert not fields, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_written_out(language: str) -> None:
    """No text is a key name or a core reference a custom integration cannot use."""
    for path, text in _load(language).items():
        assert "[%key:" not in text, path
        assert text != path.rsplit(".", 1)[-1] or text == ENGLISH[path], path
