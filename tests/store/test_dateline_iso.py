"""The rule for ``dateline_iso`` lives in the store (``field_values.field_value``): a calendar
date written YYYY-MM-DD, or nothing.  The store refuses anything else, whoever writes."""

from __future__ import annotations

import pytest

from desktop.store.errors import StoreError
from desktop.store.field_values import field_value
from desktop.store.store import Store


@pytest.mark.parametrize("value", ["2023-4-12", "12 April 2023", "2023/04/12", "2023-02-30", "2023-13-01", "２０２３-04-12"])
def test_a_malformed_date_is_refused_and_nothing_changes(filled: Store, value: str) -> None:
    aid = filled.article_ids()[0]
    before, n_events = filled.get_article(aid).dateline_iso, len(filled.events(aid))
    with pytest.raises(StoreError) as err:
        filled.set_field(aid, "dateline_iso", value)
    assert err.value.code == "date_not_iso"
    assert filled.get_article(aid).dateline_iso == before and len(filled.events(aid)) == n_events


def test_a_date_is_stored_trimmed_and_blank_means_none(filled: Store) -> None:
    aid = filled.article_ids()[0]
    filled.set_field(aid, "dateline_iso", " 2024-02-29 ")
    assert filled.get_article(aid).dateline_iso == "2024-02-29"
    filled.set_field(aid, "dateline_iso", "   ")
    assert filled.get_article(aid).dateline_iso is None


def test_the_rule_itself() -> None:
    assert field_value("dateline_iso", None) is None and field_value("dateline_iso", "") is None
    assert field_value("title", None) == "" and field_value("title", " 标题 ") == " 标题 "
    for name, value, code in [("dateline_iso", 20230412, "field_not_text"), ("title", 3, "field_not_text"), ("body", "x", "not_editable_field")]:
        with pytest.raises(StoreError) as err:
            field_value(name, value)
        assert err.value.code == code
