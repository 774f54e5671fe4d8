"""Forms of other papers (issue 12, second round), on invented text: wire tags, padded names,
bylines closing a paragraph, inline 【headlines】, wrapped marked titles, tables."""

from __future__ import annotations

from desktop.pipeline.byline import closing_byline, match_lead, parse_authors
from desktop.pipeline.evidence import shape_of
from desktop.pipeline.headline import headline_parts, join_heading
from desktop.pipeline.lines import split_lines
from desktop.pipeline.model import Author
from desktop.pipeline.segment import segment_page
from tests.pipeline.test_segment_seeds import _assert_accounted


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


# ------------------------------------------------------------ bylines


def test_padded_two_character_names_are_one_name() -> None:
    assert parse_authors("本报记者 柴 禾 通讯员 欧 雯 岑 立") == [
        Author("柴禾", "记者"),
        Author("欧雯", "通讯员"),
        Author("岑立", "通讯员"),
    ]
    assert parse_authors("文/凌 霄") == [Author("凌霄", "作者")]


def test_a_paper_name_before_the_role_word_is_still_a_reporter() -> None:
    assert parse_authors("晚报记者 孟 川") == [Author("孟川", "记者")]
    assert parse_authors("江城日报全媒体记者 滕飞 通讯员 黎明") == [Author("滕飞", "记者"), Author("黎明", "通讯员")]
    assert parse_authors("◎本报记者 阮星") == [Author("阮星", "记者")]


def test_credit_words_after_or_before_names_are_not_names() -> None:
    assert parse_authors("本报记者 项 阳 发自广州") == [Author("项阳", "记者")]
    assert parse_authors("记者邝明报道") == [Author("邝明", "记者")]
    assert parse_authors("解答：甘雨") == [Author("甘雨", "作者")]


def test_a_bracketed_byline_closing_a_paragraph() -> None:
    text = "今年全县新建口袋公园12个，市民休闲有了好去处。（记者 邝 明 通讯员 岑立）"
    at = closing_byline(text)
    assert text[at:] == "（记者 邝 明 通讯员 岑立）"
    assert shape_of(text).byline_at == at
    assert closing_byline("新馆藏书30万册（图片由县图书馆提供）") == 0
    assert closing_byline("会议于2024年召开（2024年）") == 0


def test_the_closing_byline_leaves_the_body_and_closes_the_article() -> None:
    r = segment_page(
        page(
            "# 口袋公园遍布城区",
            "今年全县新建口袋公园12个，市民休闲有了好去处。（记者 邝 明）",
            "5月6日，县体育馆完成改造，向市民免费开放。",
        )
    )
    assert [a.title for a in r.articles] == ["口袋公园遍布城区", ""]
    first = r.articles[0]
    assert first.body == "今年全县新建口袋公园12个，市民休闲有了好去处。"
    assert first.authors == [Author("邝明", "记者")] and first.byline == "记者 邝 明"
    _assert_accounted(r)


# ------------------------------------------------------------ wire tags


def test_wire_tags_of_other_papers() -> None:
    cases = {
        "晚报讯（记者 孟 川）昨日，城南公园开园。": ("晚报讯", "记者 孟 川", "昨日"),
        "晚报讯　昨日傍晚，一场阵雨过后。": ("晚报讯", "", "昨日"),
        "本报 6 月 3 日讯（全媒体记者 滕飞）6 月 3 日，全市开展演练。": ("本报 6 月 3 日讯", "全媒体记者 滕飞", "6 月"),
        "【本报讯】市图书馆昨日（9日）延长开放时间。": ("本报讯", "", "市图书馆"),
        "【本报讯】记者邝明报道：港口货运量创新高。": ("本报讯", "记者邝明报道", "港口"),
        "【本报澳门9日电】澳门入境旅客持续增长。": ("本报澳门9日电", "", "澳门入境"),
        "据新华社开罗5月2日电 当地举行会议。": ("据新华社开罗5月2日电", "", "当地"),
    }
    for text, (source, byline, body) in cases.items():
        tag = match_lead(text)
        assert tag is not None, text
        assert (tag.source, tag.byline) == (source, byline), text
        assert text[tag.body_start :].startswith(body), text
    assert match_lead("本报将联合国家电网公司开展活动。") is None


def test_an_inline_headline_before_the_wire_tag_is_the_title() -> None:
    r = segment_page(
        page(
            "【城南公园今日开园】本报讯（记者 孟 川）5月6日，城南公园正式开园。",
            "【全市开展防汛演练】本报讯（记者 滕飞）5月6日，全市开展防汛演练。",
        )
    )
    assert [a.title for a in r.articles] == ["城南公园今日开园", "全市开展防汛演练"]
    assert r.articles[0].authors == [Author("孟川", "记者")]
    assert r.articles[0].body == "5月6日，城南公园正式开园。"
    assert r.articles[0].dateline == "5月6日"
    _assert_accounted(r)


# ------------------------------------------------------------ headings and tables


def test_a_marked_title_wrapped_inside_a_quotation_is_one_title() -> None:
    lines = split_lines("### 高山茶园产出“云\n### 雾绿” 茶农增收三成\n### 海拔千米的茶山\n")
    parts = [(role, p.text) for role, p in headline_parts(lines)]
    assert parts == [("title", "### 高山茶园产出“云"), ("title", "### 雾绿” 茶农增收三成"), ("subtitle", "### 海拔千米的茶山")]
    assert join_heading([p for role, p in headline_parts(lines) if role == "title"]) == "高山茶园产出“云雾绿” 茶农增收三成"


def test_markdown_table_rows_are_no_headline_and_no_body() -> None:
    assert shape_of("| 品种 | 价格 |").noise and not shape_of("| 品种 | 价格 |").headingish
    r = segment_page(
        page(
            "## 菜价小幅回落",
            "本报讯（记者 柴 禾）本周蔬菜批发价格小幅回落。",
            "| 品种 | 本周 | 上周 |",
            "| 白菜 | 1.1 | 1.2 |",
            "业内人士预计，下周菜价将保持平稳。",
        )
    )
    [a] = r.articles
    assert "白菜" not in a.body and a.body.endswith("保持平稳。")
    _assert_accounted(r)
