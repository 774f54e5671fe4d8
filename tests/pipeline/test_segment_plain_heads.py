"""Layouts of papers that print no marks (blind pages of 2026-12-04), on invented pages."""

from __future__ import annotations

from desktop.pipeline.byline import match_lead
from desktop.pipeline.evidence import shape_of
from desktop.pipeline.headline import join_heading
from desktop.pipeline.lines import Piece
from desktop.pipeline.segment import segment_page

PLAIN_HEADLINE_PAGE = """青石晚报　　2024年5月6日　星期一

产业帮扶结硕果 荒坡变身“果园”
青石县万亩蓝莓基地首批果实上市
——预计年产值可达 3.2 亿元，带动 1800 余户增收
本报记者 林小溪　王大川

本报青石5月5日讯　随着第一批蓝莓装车运往省城，青石县白鹭镇万亩蓝莓基地正式进入采摘期。基地规划面积 1.2 万亩，由青石果业发展有限公司投资建设，总投资约 6.8 亿元。
“基地从种下第一株苗到首批挂果用了三年。”公司总经理陈明介绍，采摘高峰期每天需要 600 多名工人，其中大多数来自周边村镇。
近年来，青石县把特色种植作为乡村振兴的重要抓手，出台多项扶持政策，推动种植基地向规模化、标准化发展。

县城新增两条公交线路
5月1日起，青石县城新开通 2 条公交线路，覆盖城东、城西 18 个社区，单程票价 1 元。县交通运输局相关负责人介绍，新线路主要解决居民到医院和农贸市场的出行问题。（记者 王大川）
"""


def test_a_plain_headline_with_a_dashed_subtitle_and_a_byline_is_one_article():
    articles = segment_page(PLAIN_HEADLINE_PAGE).articles
    first = articles[0]
    assert first.kicker == "产业帮扶结硕果 荒坡变身“果园”"
    assert first.title == "青石县万亩蓝莓基地首批果实上市"
    assert first.subtitle == "预计年产值可达3.2亿元，带动1800余户增收"
    assert [a.name for a in first.authors] == ["林小溪", "王大川"]
    assert first.body.startswith("随着第一批蓝莓装车运往省城")
    assert "title_missing" not in first.flags
    assert [a.title for a in articles] == ["青石县万亩蓝莓基地首批果实上市", "县城新增两条公交线路"]


def test_a_lead_opened_by_its_byline_and_reported():
    tag = match_lead("记者 林 溪 通讯员 青卫宣 报道　记者近日从青石县卫健委了解到，今年起")
    assert tag is not None and tag.byline == "记者 林 溪 通讯员 青卫宣 报道"
    assert match_lead("据报道，昨天下午") is None


def test_a_byline_without_brackets_after_the_wire_tag():
    text = "本报讯 记者 梁 浩 通讯员 青体宣 3 月 9 日晚，联赛第 3 轮开赛"
    tag = match_lead(text)
    assert tag is not None and tag.byline == "记者 梁 浩 通讯员 青体宣" and text[tag.body_start :].startswith("3 月 9 日晚")
    tag = match_lead("本报讯 记者 梁 浩 北京时间3 月 10 日晚，比赛落幕")
    assert tag is not None and tag.byline == "记者 梁 浩"
    tag = match_lead("本报讯 记者从县教育局获悉，今年全县新建学校 3 所")
    assert tag is not None and tag.byline == "" and tag.body_start == 4


def test_stars_and_item_numbers_are_not_part_of_a_headline():
    def heading(text: str) -> str:
        return join_heading([Piece(0, len(text), text)])

    assert heading("★ 菜篮子价格平稳 ★") == "菜篮子价格平稳"
    assert heading("①青石县启动草原防火检查") == "青石县启动草原防火检查"
    assert heading("★星光大道") == "★星光大道"  # one star is no frame


def test_a_note_that_the_text_goes_on_from_another_page():
    assert shape_of("（紧接第1版）").note == ("from", "第1版")


SIGNED_ESSAY_PAGE = """青石日报　　理论·评论

让“夜经济”亮起来更要暖起来
文/韩 松
入夏以来，青石的夜晚格外热闹。老街、河畔等街区游人如织，夜市的烟火气越来越浓。
“夜经济”亮起来了，如何让它“暖”起来，是城市管理者需要回答的问题。

在改革中更好统筹发展和安全
柳明哲
发展和安全是一体之两翼、驱动之双轮。统筹发展和安全，要坚持底线思维，增强发展的韧性。
统筹发展和安全，还要提高治理能力，完善风险监测预警体系。
┌────────────────┐
│ 名言 │ 治大国若烹小鲜 │
└────────────────┘
"""


def test_an_authors_name_under_a_headline_is_its_byline_and_a_row_of_a_box_is_no_text():
    articles = segment_page(SIGNED_ESSAY_PAGE).articles
    assert [a.title for a in articles] == ["让“夜经济”亮起来更要暖起来", "在改革中更好统筹发展和安全"]
    essay = articles[1]
    assert [(a.name, a.role) for a in essay.authors] == [("柳明哲", "作者")]
    assert essay.body.startswith("发展和安全") and "名言" not in essay.body



def test_a_line_framed_by_stars_is_a_headline_whatever_the_model_reads():
    from desktop.pipeline.evidence import PageEvidence
    from desktop.pipeline.lines import split_lines
    from desktop.pipeline.segment_overrides import with_plain_headlines

    text = "★ 菜篮子价格平稳 蔬菜均价环比下降 ★\n★4月10日至12日，市图书馆闭馆进行设备检修。\n"
    ev = PageEvidence(split_lines(text))
    scores = with_plain_headlines(ev, [{"subhead": -0.1, "body": -2.0}, {"body": -0.1}])
    assert scores[0]["head"] == 0.0  # framed: a headline
    assert "head" not in scores[1]  # a star before an item is its bullet
