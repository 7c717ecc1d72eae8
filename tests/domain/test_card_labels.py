"""The dashboard card's words are Ankle Care's `common.card_<key>` texts.

The card (`frontend/src/labels.ts`) keeps its English words in `LABELS`, the text
it shows while the translations load or when a language lacks one; in the user's
language it shows `common.card_<key>` of the integration's translations. Both must
say the same in English, with the same `{placeholders}`, and en.json holds no card
text the card does not ask for. (`test_translation_parity.py` checks that every
language has every `card_` key with the English placeholders.)
"""

from __future__ import annotations

import json
import re

from custom_components.ankle_care.texts import TEXT_LANGUAGES

from .en import COMMON, ROOT

LABELS_TS = ROOT / "frontend" / "src" / "labels.ts"
PREFIX = "card_"
_BLOCK = re.compile(r"export const LABELS = \{(.*?)\n\} as const;", re.DOTALL)
_ENTRY = re.compile(r'^\s*(\w+):\s*"((?:[^"\\]|\\.)*)",?\s*$', re.MULTILINE)


def _labels() -> dict[str, str]:
    """Return `LABELS` of labels.ts: each key and its English text."""
    block = _BLOCK.search(LABELS_TS.read_text(encoding="utf-8"))
    assert block, f"no `export const LABELS = {{ … }} as const;` in {LABELS_TS}"
    # A long text may start on the line after its key: join those first.
    body = re.sub(r":\s*\n\s*\"", ': "', block.group(1))
    entries = _ENTRY.findall(body)
    keys = re.findall(r"^\s*(\w+):", body, re.MULTILINE)
    assert [key for key, _ in entries] == keys, "an entry that is not one plain string"
    # A double-quoted string without template parts reads as JSON does.
    return {key: json.loads(f'"{text}"') for key, text in entries}


LABELS = _labels()
CARD = {
    key.removeprefix(PREFIX): text
    for key, text in COMMON.items()
    if key.startswith(PREFIX)
}


def test_labels_are_read() -> None:
    assert len(LABELS) > 80
    assert LABELS["may_run_question"] == "May I run today?"
    assert LABELS["may_run_up_to"] == "up to {distance}"


def test_every_label_has_its_english_text_in_en_json() -> None:
    missing = sorted(set(LABELS) - set(CARD))
    assert missing == [], f"add common.{PREFIX}<key> to en.json for: {missing}"
    differing = {
        key: (text, CARD[key]) for key, text in LABELS.items() if CARD[key] != text
    }
    assert differing == {}, "LABELS and en.json say different things"


def test_no_card_text_without_a_label() -> None:
    unused = sorted(set(CARD) - set(LABELS))
    assert unused == [], f"common.{PREFIX}<key> that LABELS does not have: {unused}"


def test_card_texts_follow_the_order_of_labels() -> None:
    assert list(CARD) == list(LABELS)


def test_the_card_knows_the_languages_ankle_care_has() -> None:
    # The card reads a region's base language when Ankle Care has that one only
    # ("es-419" reads Spanish); its list must be the translation files' and the
    # integration's own (`texts.TEXT_LANGUAGES`).
    source = (ROOT / "frontend" / "src" / "translations.ts").read_text("utf-8")
    found = re.search(r"TEXT_LANGUAGES: readonly string\[\] = \[([^\]]*)\]", source)
    assert found, "no TEXT_LANGUAGES list in translations.ts"
    card = sorted(re.findall(r'"(\w+)"', found.group(1)))
    files = sorted(path.stem for path in (ROOT / "translations").glob("*.json"))
    assert card == files == sorted(TEXT_LANGUAGES)
