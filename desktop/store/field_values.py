"""The rule for what an article field may hold, in one place (pure: no SQL, no Qt).

Owns: ``field_value(name, value)``, the value ``Store.set_field`` stores for an
editable field, or a ``StoreError`` saying why it refuses.  Text fields take text
(``None`` becomes ""); ``dateline_iso`` is a calendar date written YYYY-MM-DD, or
nothing (empty or blank becomes ``None``).  The store applies it to every write; the
fields panel calls it before pushing an edit, so the editor is told at once and the
field shows the stored value again.  This module imports no database layer, so the
window may use it without loading one.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desktop.store.errors import StoreError
from desktop.store.records import EDITABLE_FIELDS

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits only (\d takes ２０２３)


def _iso_date(value: str) -> bool:
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:  # 2023-02-30, 2023-13-01
        return False
    return True


def field_value(name: str, value: Any) -> str | None:
    """The value stored for field ``name`` given ``value``; raises ``StoreError`` when refused."""
    if name not in EDITABLE_FIELDS:
        raise StoreError(
            f"{name!r} is not an editable field; editable: {', '.join(EDITABLE_FIELDS)}", code="not_editable_field", field=name
        )
    if name == "dateline_iso":
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
    elif value is None:
        return ""
    if not isinstance(value, str):
        raise StoreError(f"{name} must be text, not {type(value).__name__}", code="field_not_text", field=name)
    if name == "dateline_iso":
        value = value.strip()
        if not _iso_date(value):
            raise StoreError(f"dateline_iso must be a date written YYYY-MM-DD, not {value!r}", code="date_not_iso", value=value)
    return value
