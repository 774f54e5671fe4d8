"""The entity extractor end to end: DOC, ORG/LOC composition, resolution, robustness."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.pipeline.entities import EntityExtractor, extract_spans
from desktop.pipeline.model import LABELS


@pytest.fixture(scope="module")
def extractor() -> EntityExtractor:
    ex = EntityExtractor()
    ex.warm_up()
    return ex


def _spans(extractor: EntityExtractor, text: str, label: str) -> list[str]:
    return [s.text for s in extractor.extract(text) if s.label == label]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会上,发布了《2023 数智赋能都市圈产业协同发展清单》。", ["2023 数智赋能都市圈产业协同发展清单"]),
        ("(以下简称《通知》)。《通知》提出", ["通知", "通知"]),
        (
            "根据《中共四川省委办公厅印发〈关于开展票决制工作的指导意见(试行)〉的通知》(川委办〔2021〕26号)文件",
            ["中共四川省委办公厅印发〈关于开展票决制工作的指导意见(试行)〉的通知"],
        ),
        (
            "认真落实《成都眉资同城化暨成都都市圈产业建圈强链攻坚行动计划(2023—2025年)要求,按照思路",
            ["成都眉资同城化暨成都都市圈产业建圈强链攻坚行动计划(2023—2025年)"],
        ),
        ("空的书名号《》不算", []),
    ],
)
def test_doc_titles(extractor, text, expected):
    assert _spans(extractor, text, "DOC") == expected


def test_doc_covers_what_is_inside(extractor):
    text = "签订《四川省财政厅2023年合作协议》"
    assert [(s.label, s.text) for s in extractor.extract(text)] == [("DOC", "四川省财政厅2023年合作协议")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8 月 10 日至 11 月 18 日,成都市青白江区水务局结合实际", ["成都市青白江区水务局"]),
        ("近日,四川省财政厅会同省相关部门出台", ["四川省财政厅"]),
        ("区人社局牵头,区新科局、区财政局参加", ["区人社局", "区新科局", "区财政局"]),
        ("青羊区委、区政府高度重视", ["青羊区委", "区政府"]),
        ("记者从广安区委目标绩效办获悉", ["广安区委目标绩效办"]),
        ("镇指挥中心核实情况后", ["镇指挥中心"]),
        ("记者从重庆市体育局获悉", ["重庆市体育局"]),
        ("市纪委监委通报", ["市纪委监委"]),
        ("成都高新区管委会签约", ["成都高新区管委会"]),
        ("川渝政协 2024 年将聚焦", ["川渝政协"]),
        ("国铁瑞能(成都)电力设备有限公司和四川交子电力设备有限公司签订",
         ["国铁瑞能(成都)电力设备有限公司", "四川交子电力设备有限公司"]),
        ("推荐给中国银行股份有限公司四川省分行,由中国银行进行评估", ["中国银行股份有限公司四川省分行", "中国银行"]),
        ("建行云南省分行优化内部架构", ["建行云南省分行"]),
        ("将联合中国人民银行云南省分行等部门", ["中国人民银行云南省分行"]),
        ("携手广汉市慈善总会、和兴社区居民委员会", ["广汉市慈善总会", "和兴社区居民委员会"]),
        ("由重庆市体育局、重庆邮电大学主办", ["重庆市体育局", "重庆邮电大学"]),
        ("财政厅已下达奖补资金", ["财政厅"]),
        ("财政部门给予贴息,金融机构,该局干部,全区,部门", []),
        ("川渝两省政协已确定", []),
        ("支持农村商业银行、农村信用社", []),
    ],
)
def test_org_composition(extractor, text, expected):
    assert _spans(extractor, text, "ORG") == expected


def test_two_province_abbreviations_before_a_numeral_stay_a_place(extractor):
    spans = extractor.extract("川渝两省政协已确定")
    assert [(s.label, s.text) for s in spans] == [("LOC", "川渝")]


def test_loc_values_are_division_codes(extractor):
    spans = extractor.extract("在广汉市金鱼镇社工站,德阳市举行")
    assert [(s.label, s.text, s.value) for s in spans] == [
        ("LOC", "广汉市金鱼镇", "510681"),
        ("LOC", "德阳市", "510600"),
    ]


def test_values_of_numbers_and_dates(extractor):
    text = "2023 年,省级财政已预拨贴息资金 4 亿元,同比增长 34.3%"
    got = [(s.label, s.text, s.value) for s in extractor.extract(text)]
    assert got == [
        ("DATE", "2023 年", "2023"),
        ("MONEY", "4 亿元", 400_000_000),
        ("PERCENT", "34.3%", 34.3),
    ]


def test_seed_pages_give_every_label(extractor, seed_texts):
    labels = {s.label for text in seed_texts.values() for s in extractor.extract(text)}
    assert labels == set(LABELS)


def _check_invariants(text, spans):
    last_end = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= last_end
        assert s.text == text[s.start : s.end]
        assert s.label in LABELS
        assert s.origin == "auto"
        last_end = s.end


_ALPHABET = st.sampled_from(list("四川省成都市区县镇社区村人社局委政府有限公司年月日号至—亿万元%百分之《》〈〉()（）,，。、 \n0123456789刘嬢先生说书记0.") + ["𠮷", "\x00", "\ud7ff"])


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_ALPHABET, max_size=80).map("".join)))
def test_any_text_gives_valid_spans(text):
    _check_invariants(text, extract_spans(text))


def test_seed_spans_are_valid(extractor, seed_texts):
    for text in seed_texts.values():
        _check_invariants(text, extractor.extract(text))


def test_empty_and_non_chinese_text(extractor):
    assert extractor.extract("") == []
    assert extractor.extract("   \n ") == []
