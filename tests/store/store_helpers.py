"""Hand-built pages for the store tests (no dependency on the segmenter)."""

from __future__ import annotations


from desktop.pipeline.model import Article, Author, PageResult, Section, Span
from desktop.store.store import Store

BODY_A = "本报讯 2月20日，成都市青白江区水务局召开会议。李鹏飞出席并讲话，投入473亿元。"
BODY_B = "数据中心项目在绵阳市落地，四川省财政厅支持30万元。"
BODY_C = "大数据产业发展迅速，成都都市圈建设提速。"


def span(body: str, text: str, label: str, value: object = None, origin: str = "auto") -> Span:
    start = body.index(text)
    return Span(start, start + len(text), label, text, value, origin)


def page_result(variant: str = "") -> PageResult:
    a = Article(
        position=0,
        title="青白江区召开水务会议" + variant,
        kicker="引题",
        subtitle="副题",
        byline="□本报记者 李鹏飞",
        authors=[Author("李鹏飞", "记者")],
        source="本报讯",
        dateline="2月20日",
        dateline_iso="2023-02-20",
        sections=[Section("小标题", 0, 3)],
        captions=["图片说明"],
        body=BODY_A,
        spans=[
            span(BODY_A, "2月20日", "DATE", "2023-02-20"),
            span(BODY_A, "成都市青白江区水务局", "ORG"),
            span(BODY_A, "李鹏飞", "PER"),
            span(BODY_A, "473亿元", "MONEY", 47_300_000_000),
        ],
        flags=["truncated"],
    )
    b = Article(position=1, title="数据中心落地绵阳", body=BODY_B,
                spans=[span(BODY_B, "绵阳市", "LOC"), span(BODY_B, "四川省财政厅", "ORG")])
    c = Article(position=2, title="产业观察", body=BODY_C, spans=[span(BODY_C, "成都都市圈", "LOC")])
    return PageResult(text="page text" + variant, articles=[a, b, c])


def add(store: Store, name: str = "p1.txt", hash_: str = "h1", variant: str = ""):
    return store.add_page(name, "raw " + variant, "text " + variant, hash_, page_result(variant))
