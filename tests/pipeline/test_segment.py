"""Page segmentation on small synthetic pages: one behaviour per test."""

from __future__ import annotations

from desktop.pipeline.model import Author, PageResult
from desktop.pipeline.segment import segment_page


def page(*lines: str) -> str:
    """A page with a blank line between printed lines (the usual OCR layout)."""
    return "\n\n".join(lines) + "\n"


def text_of(result: PageResult, role: str, position: int = 0) -> list[str]:
    return [result.text[s.start : s.end] for s in result.articles[position].segments if s.role == role]


def test_marked_title_and_subtitle_with_box_byline() -> None:
    r = segment_page(
        page(
            "# 推进产业协同 共建创新高地",
            "## 第二届西部数字经济合作论坛在绵阳举办",
            "□本报记者 何雪峰文 / 图",
            "近日，西部数字经济合作论坛在绵阳举行。",
            "论坛发布了 12 项合作成果，签约金额 86 亿元。",
        )
    )
    [a] = r.articles
    assert a.title == "推进产业协同 共建创新高地"
    assert a.subtitle == "第二届西部数字经济合作论坛在绵阳举办"
    assert a.byline == "本报记者 何雪峰文 / 图"
    assert a.authors == [Author("何雪峰", "记者")]
    assert a.body == "近日，西部数字经济合作论坛在绵阳举行。\n论坛发布了12项合作成果，签约金额86亿元。"
    assert a.flags == []


def test_plain_headline_block_kicker_title_and_wrapped_subtitle() -> None:
    text = (
        "凝心聚力促发展\n共谱山区振兴新篇\n南江县与巴州区签署\n文旅融合发展合作备忘录\n\n"
        "□本报记者 贺兰 文/图\n\n3月8日,两地在南江县举行签约仪式。\n"
    )
    [a] = segment_page(text).articles
    assert a.kicker == "凝心聚力促发展"
    assert a.title == "共谱山区振兴新篇"
    assert a.subtitle == "南江县与巴州区签署文旅融合发展合作备忘录"
    assert a.dateline == "3月8日"
    assert a.dateline_iso is None


def test_one_line_heading_is_the_whole_title_and_dash_starts_a_subtitle() -> None:
    r = segment_page(
        page(
            "绿色矿山 转型有方 某某县 绿色矿山建设观察",
            "□本报记者 钱晨",
            "今年以来，某某县推进绿色矿山建设。",
            "城乡融合 打造宜居乡村 ——某某镇推进人居环境整治纪实",
            "□本报记者 钱晨",
            "春节前，某某镇完成了改厕工作。",
        )
    )
    first, second = r.articles
    assert first.title == "绿色矿山 转型有方 某某县 绿色矿山建设观察"
    assert first.subtitle == ""
    assert second.title == "城乡融合 打造宜居乡村"
    assert second.subtitle == "某某镇推进人居环境整治纪实"
    assert text_of(r, "subtitle", 1) == ["——某某镇推进人居环境整治纪实"]


def test_lead_byline_is_taken_out_of_the_body_and_gives_source_and_dateline() -> None:
    r = segment_page(
        page(
            "智慧社区平台上线 居民办事不出门",
            "本报讯 (陶然 彭琳 记者 曾伟 文/图)2023年4月12日,记者从高新区获悉,智慧社区平台正式上线。",
            "平台已接入 35 项服务。",
        )
    )
    [a] = r.articles
    assert a.source == "本报讯"
    assert a.byline == "陶然 彭琳 记者 曾伟 文/图"
    assert a.authors == [Author("陶然", "通讯员"), Author("彭琳", "通讯员"), Author("曾伟", "记者")]
    assert a.body.startswith("2023年4月12日,记者从高新区获悉")
    assert a.dateline == "2023年4月12日"
    assert a.dateline_iso == "2023-04-12"
    assert text_of(r, "byline") == ["本报讯 (陶然 彭琳 记者 曾伟 文/图)"]


def test_range_or_bare_year_is_not_a_dateline() -> None:
    r = segment_page(page("工作简报", "□本报记者 钱晨", "5 月 1 日至 6 月 30 日,全县开展专项行动。"))
    assert r.articles[0].dateline == ""
    r = segment_page(page("工作简报", "□本报记者 钱晨", "2024年,全县将开展专项行动。"))
    assert r.articles[0].dateline == ""


def test_trailing_bylines_close_articles_and_split_a_plain_headline_off() -> None:
    r = segment_page(
        page(
            "稳就业政策落地见效",
            "□本报记者 钱晨",
            "近日，市人社局出台稳就业措施。",
            "措施涵盖补贴、培训等方面。",
            "古镇焕新颜 游客纷至沓来",
            "春节期间，古镇接待游客 8 万人次。",
            "整修老街 留住乡愁",
            "古镇整修了老街和码头。",
            "黎明辉 文/图",
            "山村通了公交车",
            "今年起，山村开通了公交线路。",
            "通讯员 邱红 特约记者 葛亮",
        ),
        # The hand-set scorer's reading: on this page (bylines printed above the body), the
        # second plain heading followed straight by body is a sub-head.  The line-role model
        # reads it as a headline of its own; the shape alone leaves room for both.
        model=None,
    )
    titles = [a.title for a in r.articles]
    assert titles == ["稳就业政策落地见效", "古镇焕新颜 游客纷至沓来", "山村通了公交车"]
    second, third = r.articles[1], r.articles[2]
    assert second.authors == [Author("黎明辉", "作者")]
    assert [s.title for s in second.sections] == ["整修老街 留住乡愁"]
    assert third.authors == [Author("邱红", "通讯员"), Author("葛亮", "特约记者")]


def test_lone_trailing_name_is_the_author() -> None:
    r = segment_page(
        page(
            "## 强化监督 护航发展",
            "今年以来，区纪委开展专项监督。",
            "周建",
            "## 另一条新闻的标题",
            "正文内容在这里。",
        )
    )
    assert r.articles[0].byline == "周建"
    assert r.articles[0].authors == [Author("周建", "作者")]
    assert "周建" not in r.articles[0].body


def test_headline_printed_after_its_body_is_moved_back() -> None:
    r = segment_page(
        page(
            "# 第一篇 春耕生产有序推进",
            "□本报记者 钱晨",
            "各地抓住时节开展春耕。",
            "□本报记者 邹平",
            "县医院新建的急诊大楼投入使用，急诊大楼设有抢救室和留观病房。",
            "县医院急诊大楼投入使用",
            "## 乡村学校迎来新校舍",
            "□本报记者 钱晨",
            "山区学校的新校舍建成，学生搬进新教室。",
        )
    )
    assert len(r.articles) == 3
    moved = r.articles[1]
    assert moved.title == "县医院急诊大楼投入使用"
    assert moved.flags == ["title_misplaced"]
    assert r.articles[2].title == "乡村学校迎来新校舍"
    assert r.articles[2].flags == []


def test_article_without_headline_is_kept_and_flagged() -> None:
    r = segment_page(
        page(
            "体育嘉年华即将开幕",
            "本报讯(记者 艾青)嘉年华将于下月开幕。",
            "本报讯(记者 马力)3月2日,记者从省科技厅获悉,科技贷款持续增长。",
            "截至去年底,贷款余额超过 500 亿元。",
        )
    )
    assert [a.title for a in r.articles] == ["体育嘉年华即将开幕", ""]
    assert r.articles[1].flags == ["title_missing"]
    assert r.articles[1].dateline == "3月2日"


def test_column_break_paragraph_is_joined() -> None:
    text = "## 标题一则\n\n据了解,该项目总投资 3 亿元,建成后年产值可\n\n\n\n达 10 亿元。\n\n下一段。\n"
    [a] = segment_page(text).articles
    assert a.body == "据了解,该项目总投资3亿元,建成后年产值可达10亿元。\n下一段。"
    assert a.flags == []


def test_caption_inside_a_column_break_is_removed_and_the_paragraph_joined() -> None:
    text = page("## 标题二则", "去年以来,全镇新建便民服务站 6 个,推动", "志愿者上门服务", "服务延伸到每一个村组。")
    [a] = segment_page(text).articles
    assert a.body == "去年以来,全镇新建便民服务站6个,推动服务延伸到每一个村组。"
    assert a.captions == ["志愿者上门服务"]


def test_photo_credit_is_a_caption_and_banner_is_a_page_block() -> None:
    r = segment_page(
        page(
            "奋进新征程 建功新时代",
            "社区食堂开张 老人吃饭不犯愁",
            "□本报记者 钱晨",
            "社区食堂每天供应午餐。",
            "（图片由某某区融媒体中心提供）",
        )
    )
    [a] = r.articles
    assert a.captions == ["（图片由某某区融媒体中心提供）"]
    assert "图片由" not in a.body
    assert [(b.kind, b.text) for b in r.blocks] == [("banner", "奋进新征程 建功新时代")]


def test_marked_and_plain_sub_heads_are_sections_of_the_body() -> None:
    r = segment_page(
        page(
            "## 农业园区提质增效",
            "□本报记者 钱晨",
            "园区今年提质增效。",
            "### 科技赋能 种出好品质",
            "园区引进了智能温室。",
            "品牌引领 卖出好价钱",
            "园区注册了农产品商标。",
        )
    )
    [a] = r.articles
    assert [s.title for s in a.sections] == ["科技赋能 种出好品质", "品牌引领 卖出好价钱"]
    for s in a.sections:
        assert a.body[s.start : s.end] == s.title
    assert a.body.split("\n")[1] == "科技赋能 种出好品质"
    assert [r.text[s.start : s.end] for s in a.segments if s.role == "section"] == [
        "### 科技赋能 种出好品质",
        "品牌引领 卖出好价钱",
    ]


def test_article_cut_at_the_page_edge_is_truncated() -> None:
    r = segment_page(page("## 标题三则", "园区去年投资 700 万元,建设标准化", "## 下一篇", "完整的一句话。"))
    assert r.articles[0].flags == ["truncated"]
    assert r.articles[1].flags == []


def test_degenerate_inputs() -> None:
    for text in ["", "   \n\n\t", "12345", "。。。", "#\n##\n□", "\u202e\u200f𠮷\x00\x07"]:
        result = segment_page(text)
        assert result.text == text
        for a in result.articles:
            for s in a.segments:
                assert 0 <= s.start < s.end <= len(text)
    assert segment_page("").articles == []
    assert segment_page("12345").articles[0].body == "12345"
