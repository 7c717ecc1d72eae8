"""The English translations as the integration ships them (`translations/en.json`).

The domain returns keys; the texts people see are these translations. Domain tests
that check a text check it here, by the key the domain gives.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent.parent / "custom_components" / "ankle_care"
STRINGS: dict[str, Any] = json.loads((ROOT / "translations" / "en.json").read_text())
COMMON: dict[str, str] = STRINGS["common"]


def article(quote: str) -> str:
    """Return the article's sentence with this `ArticleQuote` key."""
    return COMMON[f"article_{quote}"]
