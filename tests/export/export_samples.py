"""Sample records for the export tests: Chinese in every field, 𠮷 before spans, a span across a line break."""

from __future__ import annotations

from typing import Any

BODY_1 = (
    "𠮷利公司总部位于四川省成都市。2月20日，四川省财政厅与成都市签订《产业合作框架协议》，"
    "涉及总投资473亿元。\n"
    "本报记者　李鹏飞\n"
    "广汉市金鱼镇一季度工业增加值增长34.3%！智能配\n"
    "电系统采购项目由国网四川\n电力公司承担？温先生说：“很好。”"
)

BODY_2 = "2023年，𠮷祥村在成都都市圈内新建了清风路社区服务中心，投入30 万元。\n\n刘嬢表示满意。"


def span(body: str, text: str, label: str, origin: str = "auto", value: Any = None,
         nth: int = 0, confidence: float | None = None) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return {"start": start, "end": start + len(text), "label": label, "text": text,
            "value": value, "origin": origin, "confidence": confidence,
            "suggested": origin if origin in ("auto", "imported") else None}


def make_record(rid: Any, page: str, body: str, spans: list[dict[str, Any]],
                status: str = "unreviewed", position: int = 0) -> dict[str, Any]:
    return {
        "id": rid,
        "page": page,
        "position": position,
        "title": "四川省财政厅与成都市签订协议",
        "kicker": "产业合作",
        "subtitle": "涉及总投资473亿元",
        "byline": "□本报记者 李鹏飞文 / 图",
        "authors": [{"name": "李鹏飞", "role": "记者"}, {"name": "王卉", "role": "通讯员"}],
        "source": "本报讯",
        "dateline": "2月20日",
        "dateline_iso": "2023-02-20",
        "continued_from": "",
        "continued_to": "",
        "sections": [{"title": "本报记者　李鹏飞", "start": body.find("本报"), "end": body.find("本报") + 8}]
        if "本报" in body else [],
        "captions": ["群众院坝会", "（图片由金牛区委宣传部提供）"],
        "body": body,
        "spans": spans,
        "flags": ["title_misplaced"],
        "tags": ["财经", "成都"],
        "status": status,
        "reviewer": "张编辑",
        "reviewed_at": "2023-02-21T10:00:00",
    }


def record_1(status: str = "reviewed") -> dict[str, Any]:
    b = BODY_1
    return make_record(101, "四川经济日报_2023-02-21_第3版.txt", b, [
        span(b, "𠮷利公司", "ORG", "human"),
        span(b, "四川省成都市", "LOC"),
        span(b, "2月20日", "DATE", "auto", "2023-02-20"),
        span(b, "四川省财政厅", "ORG", "human"),
        span(b, "成都市", "LOC", "auto", None, nth=1),
        span(b, "产业合作框架协议", "DOC", "imported"),
        span(b, "473亿元", "MONEY", "auto", 47300000000),
        span(b, "李鹏飞", "PER", "human"),
        span(b, "广汉市金鱼镇", "LOC"),
        span(b, "一季度", "DATE"),
        span(b, "34.3%", "PERCENT", "auto", 0.343),
        span(b, "国网四川\n电力公司", "ORG", "human"),
        span(b, "温先生", "PER"),
    ], status=status)


def record_2(status: str = "unreviewed") -> dict[str, Any]:
    b = BODY_2
    return make_record(102, "四川经济日报_2023-02-22_第1版.txt", b, [
        span(b, "2023年", "DATE", "auto", {"start": "2023-01-01", "end": "2023-12-31"}),
        span(b, "𠮷祥村", "LOC", "human"),
        span(b, "成都都市圈", "LOC"),
        span(b, "清风路社区", "LOC", "human"),
        span(b, "30 万元", "MONEY", "auto", 300000),
        span(b, "刘嬢", "PER"),
    ], status=status, position=1)
