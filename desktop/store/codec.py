"""How values are encoded in columns: JSON text for structured fields, ISO UTC times.

Owns: ``dumps``/``loads`` (compact UTF-8 JSON, None stays NULL) and ``utc_now``.
"""

from __future__ import annotations

import json
from datetime import datetime, UTC
from typing import Any


def dumps(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None, default: Any = None) -> Any:
    if text is None:
        return default
    return json.loads(text)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
