"""A body's short form in brackets after its full name (short_forms.py)."""

from __future__ import annotations

from desktop.pipeline.short_forms import bracketed_short_forms


def _forms(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str, float | None]]:
    found = [(text.index(t), text.index(t) + len(t), lab, 0.9) for t, lab in spans]
    return [(text[s:e], lab, c) for s, e, lab, c in bracketed_short_forms(text, found)]


def test_a_short_form_in_brackets_takes_the_full_names_label_and_confidence():
    text = "青石金融管理局（青金局）表示"
    assert _forms(text, [("青石金融管理局", "ORG")]) == [("青石金融管理局", "ORG", 0.9), ("青金局", "ORG", 0.9)]
    text = "青石原子能机构(QAEA)表示"
    assert _forms(text, [("青石原子能机构", "ORG")]) == [("青石原子能机构", "ORG", 0.9), ("QAEA", "ORG", 0.9)]


def test_brackets_that_hold_no_abbreviation_are_left_alone():
    for text in ("青石药业（苏州）有限公司", "青石药业（简称）", "青石药业（2024）", "青石药业（ok）"):
        assert _forms(text, [("青石药业", "ORG")]) == [("青石药业", "ORG", 0.9)]
    assert _forms("王小明（青局）", [("王小明", "PER")]) == [("王小明", "PER", 0.9)]  # only bodies and places


def test_a_short_form_found_under_another_label_takes_the_full_names():
    text = "青石房屋委员会（房委会）公布"
    spans = [(0, 7, "ORG", 0.9), (8, 11, "PER", 0.6)]
    assert bracketed_short_forms(text, spans) == [(0, 7, "ORG", 0.9), (8, 11, "ORG", 0.9)]


def test_names_listed_before_a_body_that_share_its_trade_word_are_bodies():
    from desktop.pipeline.short_forms import listed_siblings

    text = "6月14日，青峰证券、白鹭证券和江淮汇通证券股份有限公司同日获批"
    body = (text.index("江淮"), text.index("同日"), "ORG", 0.9)
    found = [text[s:e] for s, e, _, _ in listed_siblings(text, [body])]
    assert found == ["青峰证券", "白鹭证券", "江淮汇通证券股份有限公司"]
    text = "他在银行和青石银行股份有限公司工作"  # a clause, no list of names
    body = (text.index("青石"), text.index("工作"), "ORG", 0.9)
    assert [text[s:e] for s, e, _, _ in listed_siblings(text, [body])] == ["青石银行股份有限公司"]
