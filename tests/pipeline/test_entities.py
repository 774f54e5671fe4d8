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
    spans = extractor.extract("在广汉市金鱼镇举办,德阳市举行")
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


# --- General rules for local places, regions and organs (examples not from the seed pages) ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # <name> + 社区/村/街道/镇/街/site word, the name a word of its own
        ("住在城东社区的居民", ["城东社区"]),
        ("来到桃源村，村民们正忙着", ["桃源村"]),
        ("游客走进东坡纪念馆参观", ["东坡纪念馆"]),
        ("在南门广场举行", ["南门广场"]),
        # a chain of division + local name with no gazetteer entry
        ("武侯区玉林街道芳草社区居民", ["武侯区玉林街道芳草社区"]),
        # a community followed by a named site with a middle dot
        ("依托青杠社区邻里·阳光驿站开展服务", ["青杠社区邻里·阳光驿站"]),
        # province alias + prefecture alias + its level character
        ("四川凉山州西昌市", ["四川凉山州西昌市"]),
        # a city + initials of other cities of its province name one region
        ("成都德眉资四市", ["成都德眉资"]),
        # province abbreviation + direction
        ("打造渝东北文旅品牌", ["渝东北"]),
        ("滇西地区", ["滇西"]),
    ],
)
def test_local_places_and_regions(extractor, text, expected):
    assert _spans(extractor, text, "LOC") == expected


@pytest.mark.parametrize(
    "text",
    [
        "推进美丽乡村建设，打造特色小镇和智慧社区",
        "各社区、各村要加强管理",
        "城乡社区和农村社区",
        "这个小区的业主回到家乡",
        "建设新农村，改造城中村",
        "助力社区治理，打造公益社区",
        "陕西省",  # 陕 + 西 is the province itself, not a region
    ],
)
def test_generic_place_words_are_not_places(extractor, text):
    assert all(not s.text.endswith(("社区", "村", "小镇", "小区", "家乡")) for s in extractor.extract(text) if s.label == "LOC")


def test_town_name_glued_to_a_dictionary_word_is_not_read(extractor):
    # 群众|和|社区: 众和社区 is a real community name but here it is read across words
    assert _spans(extractor, "感染了群众和社区的工作人员", "LOC") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("大邑县新场镇社工站举办活动", ["大邑县新场镇社工站"]),
        ("青杠村党员志愿服务队出发了", ["青杠村党员志愿服务队"]),
        ("经锦江区人代会表决", ["锦江区人代会"]),
        ("县机关工委和局机关党委", ["县机关工委", "局机关党委"]),
        ("市纪委监委驻市卫健委纪检监察组开展检查", ["市纪委监委驻市卫健委纪检监察组"]),
        ("乐山市委宣传部相关负责人", ["乐山市委宣传部"]),
        ("教育部、财政部联合印发", ["教育部", "财政部"]),
        ("到红星小学参观", ["红星小学"]),
        # adjacent places are one prefix
        ("四川绵阳科技城管理委员会", ["四川绵阳科技城管理委员会"]),
    ],
)
def test_composed_organs(extractor, text, expected):
    assert _spans(extractor, text, "ORG") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“青鸟计划”组委会主任王小明昨天说", ["“青鸟计划”组委会"]),  # a quoted name and its head
        ("向致公党中央致以敬意", ["致公党中央"]),  # a party's central organ
        ("芬兰—中国友好协会会长到访", ["芬兰—中国友好协会"]),  # a pair of places and their body
        ("青石县人大内务司法委员会的同志到法院调查", ["青石县人大内务司法委员会"]),  # a unit of a body
        ("住在绵阳市白鹭宾馆的游客", ["绵阳市白鹭宾馆"]),  # a hotel named after its place
    ],
)
def test_bodies_named_with_their_parts(extractor, text, expected):
    assert _spans(extractor, text, "ORG") == expected


@pytest.mark.parametrize(
    "text",
    [
        "住建部门和教育部门",  # generic departments, not 教育部
        "某科技有限公司",  # an anonymised company
        "指导两地毗邻地区政协",  # generic: many bodies
        "完善青杠村党群服务中心功能",  # a facility
        "大会批准了县政府工作报告",  # the document, not the body
        "新建一所公办小学",
        "第十届全国大学生数学竞赛",  # the students, not a school
        "村里的小学生放学了",
    ],
)
def test_generic_or_facility_organs_are_not_org(extractor, text):
    assert _spans(extractor, text, "ORG") == []


def test_anonymised_company_keeps_its_place(extractor):
    assert _spans(extractor, "对南京某化工有限公司开展检查", "LOC") == ["南京"]


def test_short_form_of_a_town_named_in_full(extractor):
    text = "白马镇位于江边。近年来,白马镇党委带领群众,推动白马各项事业发展。"
    assert _spans(extractor, text, "LOC").count("白马") == 1


def test_short_form_at_the_start_of_a_quoted_name_is_not_split(extractor):
    text = "青杠社区居民使用“青杠智慧云”平台。"
    assert "青杠" not in _spans(extractor, text, "LOC")


def test_two_abbreviations_before_a_transport_word_are_a_region(extractor):
    assert _spans(extractor, "加快建设成渝高铁", "LOC") == ["成渝"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("两江新区、雄安新区建设", ["两江新区", "雄安新区"]),
        ("粤港澳大湾区", ["粤港澳大湾区"]),
        ("国家级新区和城市新区", []),
    ],
)
def test_named_new_areas(extractor, text, expected):
    assert _spans(extractor, text, "LOC") == expected


def test_name_with_a_function_character_inside_one_word(extractor):
    # 太和 contains 和, which is allowed only because jieba reads 太和 as one word
    assert _spans(extractor, "会上,太和镇党委书记说", "ORG") == ["太和镇党委"]


def test_enumerated_bare_town_names(extractor):
    # every item is a gazetteer town without its 镇 (新胜镇, 卧佛镇, 五桂镇)
    assert _spans(extractor, "联合新胜、卧佛、五桂举办活动", "LOC") == ["新胜", "卧佛", "五桂"]


@pytest.mark.parametrize("text", ["坚持民主、团结、和平、发展", "川菜、湘菜、粤菜", "加强党建、教育、医疗"])
def test_enumerations_of_common_words_are_not_towns(extractor, text):
    assert _spans(extractor, text, "LOC") == []


def _rule_orgs(text: str) -> list[str]:
    from desktop.pipeline.rules import RuleFinders

    return [s.text for s in RuleFinders().spans(text) if s.label == "ORG"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("华为与比亚迪签署协议", ["华为", "比亚迪"]),
        ("字节跳动、宁德时代和沙特阿美均在名单中", ["字节跳动", "宁德时代", "沙特阿美"]),
        ("腾讯研究院发布报告", ["腾讯研究院"]),  # the organs that follow a known name belong to it
        ("世卫组织和国际奥委会发表声明", ["世卫组织", "国际奥委会"]),
        ("美国民主党与共和党", ["美国民主党", "共和党"]),
        ("据路透社报道", ["路透社"]),
    ],
)
def test_known_organisations_named_on_their_own(text, expected):
    assert _rule_orgs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "中华为民族复兴奋斗",  # 华为 is not a word here
        "早餐喝一碗小米粥",  # a brand that is a common word is listed only as 小米集团
        "大众汽车之外，大众也关心价格",  # the second 大众 is the public
        "联想到去年的情况",
    ],
)
def test_known_organisation_needs_a_whole_word(text):
    assert _rule_orgs(text) == (["大众汽车"] if text.startswith("大众汽车") else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("深圳市南山区粤海街道办事处组织志愿者", ["深圳市南山区粤海街道办事处"]),
        ("青岛海关查获一批冻品", ["青岛海关"]),
        ("县供销社开展助农活动", ["县供销社"]),
    ],
)
def test_local_offices_named_with_their_place(text, expected):
    assert _rule_orgs(text) == expected


def test_an_organ_chain_does_not_run_into_ordinary_words():
    # 合作协议 holds 作协 and 另外办理 holds 外办: short forms that are not organ words here
    assert _rule_orgs("市商务局与中国科学技术大学签署合作协议") == ["市商务局", "中国科学技术大学"]
    assert _rule_orgs("县政务服务中心另外办理了手续") == ["县政务服务中心"]


def _rule_places(text: str) -> list[str]:
    from desktop.pipeline.rules import RuleFinders

    return [s.text for s in RuleFinders().spans(text) if s.label == "LOC"]


def test_cities_of_other_countries_are_places():
    assert _rule_places("新开通至布达佩斯和卡萨布兰卡的航线") == ["布达佩斯", "卡萨布兰卡"]
    assert _rule_places("午餐吃了一个汉堡") == []  # a city name that is a common word
    assert _rule_places("大家都叫她米兰") == []  # or a person's name


def test_a_country_and_its_city_are_one_place(extractor):
    assert _spans(extractor, "这家公司在阿联酋迪拜开出首店", "LOC") == ["阿联酋迪拜"]


@pytest.mark.parametrize("text", ["要统一企业标准，规范市场秩序", "打造宜家宜业的美好城市"])
def test_known_organisation_names_that_are_phrases_are_not_listed(text):
    assert _rule_orgs(text) == []


def _score_gold_file(extractor: EntityExtractor, name: str) -> dict:
    from pathlib import Path

    from desktop.pipeline.ner_data import read_examples
    from desktop.pipeline.tagger_training import corpus_labels, score_corpus

    path = Path(__file__).resolve().parents[1] / "data" / "gold" / name
    examples = read_examples(path)
    return score_corpus(extractor, examples, corpus_labels(path, examples), "corpus")  # gold in the spec convention


def test_modern_news_keeps_its_quality(extractor):
    """The development set of modern business and international news (tests/data/gold/modern_news.jsonl,
    model card: 0.921 micro F1 with the shipped model, 0.706 before its names were known): a floor well
    under today's score, so that a retrained model or a changed list that loses modern names fails here."""
    report = _score_gold_file(extractor, "modern_news.jsonl")
    assert report["micro"]["f1"] >= 0.88
    assert report["labels"]["ORG"]["f1"] >= 0.88


def test_held_out_modern_news_keeps_its_quality(extractor):
    """tests/data/gold/modern_news_test.jsonl, written blind to the name lists and never tuned on
    (model card: 0.814 micro F1, 0.741 before the lists): a floor under today's score."""
    assert _score_gold_file(extractor, "modern_news_test.jsonl")["micro"]["f1"] >= 0.78


def test_held_out_news_of_other_papers_keeps_its_quality(extractor):
    """tests/data/gold/regional_news_test.jsonl, ten kinds of page written blind to the extractor
    and scored once (model card: 0.788 micro F1, 0.772 before the fourth pass): a floor under it."""
    assert _score_gold_file(extractor, "regional_news_test.jsonl")["micro"]["f1"] >= 0.76


def test_held_out_news_of_eight_more_kinds_of_paper_keeps_its_quality(extractor):
    """tests/data/gold/other_papers_test.jsonl, written blind and scored once (model card: 0.774
    micro F1, 0.751 before the fourth pass): a floor under it."""
    assert _score_gold_file(extractor, "other_papers_test.jsonl")["micro"]["f1"] >= 0.75


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("巴拉圭队在加时赛中击败挪威队", ["巴拉圭队", "挪威队"]),
        ("芬兰男子排球队昨日抵达", ["芬兰男子排球队"]),
        ("意大利女排和巴西国家队会师决赛", ["意大利女排", "巴西国家队"]),
        ("大连万达队主场迎战", ["大连万达队"]),  # a sponsor's name between the place and 队
        ("韩国代表队共有十二名选手", ["韩国代表队"]),
    ],
)
def test_teams_named_after_their_place(text, expected):
    assert _rule_orgs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "挪威队员在赛后接受采访",  # 队员: the players, not the team
        "巴西队长射门得分",
        "美国部队撤出该地区",  # 部队 is no team and names no place's team
        "土耳其军队举行演习",
        "该队在小组赛中出局",  # no place
    ],
)
def test_team_words_that_name_no_team(text):
    assert _rule_orgs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("海关查获一批走私手表", ["海关"]),
        ("统战部副部长出席座谈会", ["统战部"]),
        ("妇联和团委联合举办活动", ["妇联", "团委"]),
        ("人大常委会审议了草案", ["人大常委会"]),
    ],
)
def test_bare_bodies_that_name_one_body(text, expected):
    assert _rule_orgs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "各级纪委要依法监督",  # a generic reference
        "各地海关加强查验",
        "我国海关加强查验",  # a country's customs named loosely
        "十二届人大常委会第三次会议",  # a numbered term: not the bare name
    ],
)
def test_bare_bodies_after_a_qualifier_or_inside_a_word_are_not_org(text):
    assert _rule_orgs(text) == []


def test_a_numbered_congress_continues_the_name_of_its_body():
    assert _rule_orgs("民盟第十三次全国代表大会在京开幕") == ["民盟第十三次全国代表大会"]
    assert _rule_orgs("中华全国总工会第十八次代表大会") == ["中华全国总工会第十八次代表大会"]
