"""The spec's conventions (conventions.py) on invented sentences, one rule at a time."""

from __future__ import annotations

import pytest

from desktop.pipeline.conventions import SpecConventions, spans_with_conf


@pytest.fixture(scope="module")
def conv() -> SpecConventions:
    return SpecConventions.build(
        titles=["书记", "主席", "记者", "局长", "总经理"],
        honorifics=["先生", "女士", "大爷", "嬢"],
        organ_words=["政府", "人民政府", "党委", "政协", "委员会", "局"],
        surnames=["王", "林", "欧阳"],
        province_abbreviations="川渝黔",
        countries=["美国", "日本", "中国"],
        provinces=["贵州", "贵州省"],
        body_heads=["旅行社", "网球队", "公证处"],
    )


def _apply(conv, text, spans, word_ends=None):
    out = conv.apply(text, spans_with_conf([(text.index(t), text.index(t) + len(t), lab) for t, lab in spans]), word_ends)
    return [(text[s:e], lab) for s, e, lab, _ in out]


def test_title_after_or_before_a_name_is_dropped(conv):
    text = "王铁柱书记和记者林小溪来到现场"
    assert _apply(conv, text, [("王铁柱书记", "PER"), ("记者林小溪", "PER")]) == [("王铁柱", "PER"), ("林小溪", "PER")]


def test_surname_with_title_keeps_the_surname(conv):
    assert _apply(conv, "王局长到场", [("王局长", "PER")]) == [("王", "PER")]


def test_bare_surname_takes_its_honorific(conv):
    text = "欧阳先生和林嬢都来了"
    assert _apply(conv, text, [("欧阳", "PER"), ("林", "PER")]) == [("欧阳先生", "PER"), ("林嬢", "PER")]


def test_full_name_keeps_the_honorific_out(conv):
    assert _apply(conv, "王大川先生说", [("王大川", "PER")]) == [("王大川", "PER")]


def test_adjacent_places_are_one_chain(conv):
    text = "他住在贵州省青石县白沙镇"
    got = _apply(conv, text, [("贵州省", "LOC"), ("青石县", "LOC"), ("白沙镇", "LOC")])
    assert got == [("贵州省青石县白沙镇", "LOC")]


def test_a_country_or_a_larger_place_after_a_place_is_not_inside_it(conv):
    assert _apply(conv, "青石县美国商会", [("青石县", "LOC"), ("美国", "LOC")]) == [("青石县", "LOC"), ("美国", "LOC")]
    assert _apply(conv, "青石县贵州省", [("青石县", "LOC"), ("贵州省", "LOC")]) == [("青石县", "LOC"), ("贵州省", "LOC")]


def test_province_abbreviations_join_country_abbreviations_do_not(conv):
    assert _apply(conv, "川渝黔合作", [("川", "LOC"), ("渝", "LOC"), ("黔", "LOC")]) == [("川渝黔", "LOC")]
    assert _apply(conv, "中美关系", [("中", "LOC"), ("美", "LOC")]) == [("中", "LOC"), ("美", "LOC")]


def test_place_before_a_body_is_part_of_it(conv):
    text = "青石县水利局发文"
    assert _apply(conv, text, [("青石县", "LOC"), ("水利局", "ORG")]) == [("青石县水利局", "ORG")]


def test_place_before_an_organ_word_makes_a_body(conv):
    text = "日本政府表示"
    assert _apply(conv, text, [("日本", "LOC")], word_ends={2, 4, 6}) == [("日本政府", "ORG")]


def test_organ_word_must_end_on_a_word_boundary(conv):
    # when jieba reads 政府 as part of a longer word (日本|政|府表示), it is not the organ word
    text = "日本政府表示"
    assert _apply(conv, text, [("日本", "LOC")], word_ends={2, 3, 6}) == [("日本", "LOC")]


def _apply_words(conv, text, spans, words):
    """``words``: the jieba words of ``text`` as (word, tag), in order."""
    assert "".join(w for w, _ in words) == text
    out = conv.apply(text, spans_with_conf([(text.index(t), text.index(t) + len(t), lab) for t, lab in spans]), None, (), words)
    return [(text[s:e], lab) for s, e, lab, _ in out]


def test_a_place_then_nouns_then_a_body_head_is_one_body(conv):
    words = [("他们", "r"), ("在", "p"), ("青石县", "ns"), ("白鹭", "n"), ("旅行社", "n"), ("工作", "vn")]
    assert _apply_words(conv, "他们在青石县白鹭旅行社工作", [("青石县", "LOC")], words) == [("青石县白鹭旅行社", "ORG")]
    words = [("由", "p"), ("芬兰", "ns"), ("男子", "b"), ("网球队", "n"), ("夺冠", "v")]
    assert _apply_words(conv, "由芬兰男子网球队夺冠", [("芬兰", "LOC")], words) == [("芬兰男子网球队", "ORG")]
    words = [("到", "v"), ("长河市", "ns"), ("东城区", "ns"), ("公证处", "n")]
    assert _apply_words(conv, "到长河市东城区公证处", [("长河市东城区", "LOC")], words) == [("长河市东城区公证处", "ORG")]


def test_a_verb_a_name_or_distance_between_place_and_head_leaves_the_place_alone(conv):
    words = [("青石县", "ns"), ("新建", "v"), ("旅行社", "n")]
    assert _apply_words(conv, "青石县新建旅行社", [("青石县", "LOC")], words) == [("青石县", "LOC")]
    words = [("芬兰", "ns"), ("赫尔辛基", "ns"), ("网球队", "n")]  # a second place: rule 3's business, not this one
    assert _apply_words(conv, "芬兰赫尔辛基网球队", [("芬兰", "LOC")], words) == [("芬兰", "LOC")]
    words = [("青石县", "ns"), ("农业", "n"), ("生产", "vn"), ("资料", "n"), ("公证处", "n")]
    assert _apply_words(conv, "青石县农业生产资料公证处", [("青石县", "LOC")], words) == [("青石县", "LOC")]
    words = [("青石县", "ns"), ("的", "uj"), ("旅行社", "n")]
    assert _apply_words(conv, "青石县的旅行社", [("青石县", "LOC")], words) == [("青石县", "LOC")]
    words = [("青石县", "ns"), ("内", "n"), ("旅行社", "n")]
    assert _apply_words(conv, "青石县内旅行社", [("青石县", "LOC")], words) == [("青石县", "LOC")]


def test_places_in_a_list_keep_their_shared_head_apart(conv):
    words = [("白沙村", "ns"), ("、", "x"), ("青石村", "ns"), ("旅行社", "n")]
    out = _apply_words(conv, "白沙村、青石村旅行社", [("白沙村", "LOC"), ("青石村", "LOC")], words)
    assert out == [("白沙村", "LOC"), ("青石村", "LOC")]


def test_a_body_head_never_runs_into_the_next_span(conv):
    words = [("芬兰", "ns"), ("白鹭", "n"), ("网球队", "n")]  # 白鹭 read as a name by the tagger
    text = "芬兰白鹭网球队"
    out = conv.apply(text, spans_with_conf([(0, 2, "LOC"), (2, 4, "PER")]), None, (), words)
    assert [(s, e, lab) for s, e, lab, _ in out] == [(0, 2, "LOC"), (2, 4, "PER")]


def test_something_in_between_leaves_the_place_alone(conv):
    assert _apply(conv, "川渝两省政协", [("川渝", "LOC")]) == [("川渝", "LOC")]


def test_other_labels_pass_through_and_confidence_is_the_weakest_part(conv):
    text = "2023年青石县白沙镇"
    spans = [(0, 5, "DATE", 0.99), (5, 8, "LOC", 0.9), (8, 11, "LOC", 0.6)]
    assert conv.apply(text, spans) == [(0, 5, "DATE", 0.99), (5, 11, "LOC", 0.6)]


def test_idempotent(conv):
    text = "青石县水利局和王铁柱书记在白沙镇"
    first = conv.apply(text, spans_with_conf([(0, 3, "LOC"), (3, 6, "ORG"), (7, 12, "PER"), (13, 16, "LOC")]))
    assert conv.apply(text, first) == first


def test_a_document_title_covers_the_names_inside_it_but_not_a_name_that_is_the_whole_title(conv):
    text = "《青石县白沙镇规划》和《南川日报》"
    spans = spans_with_conf([(1, 4, "LOC"), (4, 7, "LOC"), (12, 16, "ORG")])
    got = conv.apply(text, spans, doc_titles=[(1, 9), (12, 16)])
    assert [(text[s:e], lab) for s, e, lab, _ in got] == [("南川日报", "ORG")]


def test_a_lone_character_is_a_name_only_with_a_title_or_honorific_after_it(conv):
    text = "王强大起来了，林书记来了"
    assert _apply(conv, text, [("王", "PER"), ("林", "PER")]) == [("林", "PER")]


def test_generic_area_words_are_not_places():
    conv = SpecConventions.build(titles=[], honorifics=[], organ_words=[], surnames=[], province_abbreviations="",
                                 generic_places=["城中", "农村", "智慧"])
    text = "改造城中村，建设农村和智慧社区，走进青石村"
    spans = [(text.index(t), text.index(t) + len(t), "LOC", None) for t in ("城中村", "农村", "智慧社区", "青石村")]
    assert [text[s:e] for s, e, _, _ in conv.apply(text, spans)] == ["青石村"]


def test_a_bare_organ_word_after_a_generic_qualifier_is_not_a_body(conv):
    text = "各级政府和委员会，青石县政府"
    spans = spans_with_conf([(2, 4, "ORG"), (5, 8, "ORG"), (9, 14, "ORG")])
    assert [text[s:e] for s, e, _, _ in conv.apply(text, spans)] == ["委员会", "青石县政府"]


def test_a_count_of_places_is_not_part_of_a_place(conv):
    text = "东坪、西坪、南坪三县联动，北溪两镇也来了"
    got = _apply(conv, text, [("东坪", "LOC"), ("西坪", "LOC"), ("南坪三县", "LOC"), ("北溪", "LOC"), ("两镇", "LOC")])
    assert got == [("东坪", "LOC"), ("西坪", "LOC"), ("南坪", "LOC"), ("北溪", "LOC")]
    # the tagger's own cut, place + count as two spans, does not join into one place
    assert _apply(conv, "南坪三县", [("南坪", "LOC"), ("三县", "LOC")]) == [("南坪", "LOC")]
    # a number inside a name stays: it is no count
    assert _apply(conv, "青石二七区", [("青石二七区", "LOC")]) == [("青石二七区", "LOC")]
    assert _apply(conv, "三河市", [("三河市", "LOC")]) == [("三河市", "LOC")]


def test_a_word_ending_in_a_body_head_or_a_verbal_noun_before_it_still_makes_a_body(conv):
    words = [("在", "p"), ("青石县", "ns"), ("白鹭旅行社", "nt")]  # jieba kept name and head as one word
    assert _apply_words(conv, "在青石县白鹭旅行社", [("青石县", "LOC")], words) == [("青石县白鹭旅行社", "ORG")]
    words = [("青石县", "ns"), ("开发", "vn"), ("旅行社", "n")]
    assert _apply_words(conv, "青石县开发旅行社", [("青石县", "LOC")], words) == [("青石县开发旅行社", "ORG")]
    words = [("青石县", "ns"), ("两家", "m"), ("旅行社", "n")]  # a count: the place's two agencies
    assert _apply_words(conv, "青石县两家旅行社", [("青石县", "LOC")], words) == [("青石县", "LOC")]


def test_a_unit_named_right_after_a_body_belongs_to_it(conv):
    words = [("据", "p"), ("青石县政府", "nt"), ("新闻处", "n"), ("说", "v")]
    assert _apply_words(conv, "据青石县政府新闻处说", [("青石县政府", "ORG")], words) == [("青石县政府新闻处", "ORG")]
    words = [("白鹭旅行社", "nt"), ("财务室", "n")]
    assert _apply_words(conv, "白鹭旅行社财务室", [("白鹭旅行社", "ORG")], words) == [("白鹭旅行社财务室", "ORG")]


def test_words_that_name_no_unit_stay_outside_the_body(conv):
    words = [("青石县政府", "nt"), ("干部", "n"), ("说", "v")]
    assert _apply_words(conv, "青石县政府干部说", [("青石县政府", "ORG")], words) == [("青石县政府", "ORG")]
    words = [("白鹭旅行社", "nt"), ("总部", "n")]
    assert _apply_words(conv, "白鹭旅行社总部", [("白鹭旅行社", "ORG")], words) == [("白鹭旅行社", "ORG")]
    words = [("青石县", "ns"), ("新闻处", "n")]  # only after a body, not after a place
    assert _apply_words(conv, "青石县新闻处", [("青石县", "LOC")], words) == [("青石县", "LOC")]


def test_a_body_head_hidden_by_the_cut_still_ends_the_body(conv):
    words = [("在", "p"), ("芬兰", "ns"), ("网", "n"), ("球队", "n")]  # jieba cut 网球队 apart
    assert _apply_words(conv, "在芬兰网球队", [("芬兰", "LOC")], words) == [("芬兰网球队", "ORG")]
    words = [("芬兰", "ns"), ("白鹭", "n"), ("旅行社总经理", "n"), ("说", "v")]  # the head glued to a title
    assert _apply_words(conv, "芬兰白鹭旅行社总经理说", [("芬兰", "LOC")], words) == [("芬兰白鹭旅行社", "ORG")]


def test_a_hidden_head_after_a_count_an_adjective_or_a_verb_leaves_the_place_alone(conv):
    for text, words in (
        ("青石县一家旅行社", [("青石县", "ns"), ("一家", "m"), ("旅行社", "n")]),
        ("青石县著名旅行社", [("青石县", "ns"), ("著名", "a"), ("旅行社", "n")]),
        ("芬兰组建网球队", [("芬兰", "ns"), ("组建", "v"), ("网", "n"), ("球队", "n")]),
    ):
        assert _apply_words(conv, text, [(text[:3] if text[2] == "县" else text[:2], "LOC")], words)[0][1] == "LOC"


def test_a_unit_that_jieba_cut_from_its_head_still_belongs_to_the_body(conv):
    words = [("由", "p"), ("青石日报社", "nt"), ("影视", "n"), ("部", "n"), ("摄制", "v")]
    assert _apply_words(conv, "由青石日报社影视部摄制", [("青石日报社", "ORG")], words) == [("青石日报社影视部", "ORG")]
    words = [("青石县政府", "nt"), ("播控", "v"), ("中心", "n")]
    assert _apply_words(conv, "青石县政府播控中心", [("青石县政府", "ORG")], words) == [("青石县政府播控中心", "ORG")]
    words = [("青石县政府", "nt"), ("的", "uj"), ("部", "n")]  # a function word is no unit's name
    assert _apply_words(conv, "青石县政府的部", [("青石县政府", "ORG")], words) == [("青石县政府", "ORG")]


def test_a_person_name_glued_to_a_body_head_is_the_body(conv):
    assert _apply(conv, "柯德文基金会捐款", [("柯德文基金会", "PER")]) == [("柯德文基金会", "ORG")]
    assert _apply(conv, "柯德文捐款", [("柯德文", "PER")]) == [("柯德文", "PER")]


def test_an_ordinal_between_a_place_and_its_head_numbers_the_body(conv):
    words = [("青石县", "ns"), ("第二", "m"), ("旅行社", "n"), ("的", "uj")]
    assert _apply_words(conv, "青石县第二旅行社的", [("青石县", "LOC")], words) == [("青石县第二旅行社", "ORG")]
    words = [("青石县", "ns"), ("二", "m"), ("旅行社", "n")]  # a count, not an ordinal
    assert _apply_words(conv, "青石县二旅行社", [("青石县", "LOC")], words) == [("青石县", "LOC")]


def test_after_a_list_mark_a_name_of_its_own_before_the_head_still_makes_a_body(conv):
    words = [("甲", "n"), ("、", "x"), ("青石县", "ns"), ("白鹭", "n"), ("旅行社", "n")]
    assert _apply_words(conv, "甲、青石县白鹭旅行社", [("青石县", "LOC")], words) == [("青石县白鹭旅行社", "ORG")]
    words = [("甲", "n"), ("、", "x"), ("青石县", "ns"), ("白鹭旅行社", "nt")]
    assert _apply_words(conv, "甲、青石县白鹭旅行社", [("青石县", "LOC")], words) == [("青石县白鹭旅行社", "ORG")]
    words = [("甲县", "ns"), ("、", "x"), ("青石县", "ns"), ("旅行社", "n")]  # the two places' agencies
    assert _apply_words(conv, "甲县、青石县旅行社", [("青石县", "LOC")], words) == [("青石县", "LOC")]


def test_a_school_or_hospital_attached_to_a_body_belongs_to_it(conv):
    words = [("青石大学", "nt"), ("附属", "b"), ("第一", "m"), ("医院", "n"), ("说", "v")]
    assert _apply_words(conv, "青石大学附属第一医院说", [("青石大学", "ORG")], words) == [("青石大学附属第一医院", "ORG")]
    words = [("青石大学", "nt"), ("附属", "b"), ("单位", "n"), ("很多", "m")]  # no school, no hospital
    assert _apply_words(conv, "青石大学附属单位很多", [("青石大学", "ORG")], words) == [("青石大学", "ORG")]


def test_a_body_right_after_a_body_and_named_after_a_place_is_its_branch(conv):
    words = [("青石电网", "nz"), ("白鹭", "ns"), ("公司", "n"), ("说", "v")]
    spans = [("青石电网", "ORG"), ("白鹭公司", "ORG")]
    assert _apply_words(conv, "青石电网白鹭公司说", spans, words) == [("青石电网白鹭公司", "ORG")]
    words = [("青石电网", "nz"), ("、", "x"), ("白鹭", "ns"), ("公司", "n")]  # a list: two bodies
    spans = [("青石电网", "ORG"), ("白鹭公司", "ORG")]
    assert _apply_words(conv, "青石电网、白鹭公司", spans, words) == [("青石电网", "ORG"), ("白鹭公司", "ORG")]
    words = [("中共中央", "nt"), ("国务院", "nt")]  # the second is named after no place
    spans = [("中共中央", "ORG"), ("国务院", "ORG")]
    assert _apply_words(conv, "中共中央国务院", spans, words) == [("中共中央", "ORG"), ("国务院", "ORG")]


def test_a_party_and_the_word_central_after_it_are_its_central_organ(conv):
    words = [("向", "p"), ("青石党", "nt"), ("中央", "n"), ("致敬", "v")]
    assert _apply_words(conv, "向青石党中央致敬", [("青石党", "ORG")], words) == [("青石党中央", "ORG")]
    words = [("青石县政府", "nt"), ("中央", "n"), ("广场", "n")]  # a government is no party
    assert _apply_words(conv, "青石县政府中央广场", [("青石县政府", "ORG")], words) == [("青石县政府", "ORG")]


def test_a_head_right_after_a_quoted_name_is_the_body_of_that_name(conv):
    words = [("“", "x"), ("白鹭", "n"), ("计划", "n"), ("”", "x"), ("委员会", "n"), ("成立", "v")]
    text = "“白鹭计划”委员会成立"
    assert _apply_words(conv, text, [("委员会", "ORG")], words) == [("“白鹭计划”委员会", "ORG")]
    words = [("『", "x"), ("白鹭", "n"), ("』", "x"), ("旅行社", "n")]
    assert _apply_words(conv, "『白鹭』旅行社", [("旅行社", "ORG")], words) == [("『白鹭』旅行社", "ORG")]
    # a sentence in quotes, or a name that is more than a bare head, is left alone
    text = "他说“我们要去，马上”委员会"
    words = [("他", "r"), ("说", "v"), ("“", "x"), ("我们", "r"), ("要", "v"), ("去", "v"), ("，", "x"), ("马上", "d"), ("”", "x"), ("委员会", "n")]
    assert _apply_words(conv, text, [("委员会", "ORG")], words) == [("委员会", "ORG")]
    words = [("“", "x"), ("白鹭", "n"), ("”", "x"), ("青石县政府", "nt")]
    assert _apply_words(conv, "“白鹭”青石县政府", [("青石县政府", "ORG")], words) == [("青石县政府", "ORG")]


def test_a_place_a_dash_and_a_body_named_after_a_place_are_one_body_of_the_pair(conv):
    words = [("芬兰", "ns"), ("—", "x"), ("中国", "ns"), ("友好", "a"), ("委员会", "n"), ("主席", "n")]
    text = "芬兰—中国友好委员会主席"
    spans = [("芬兰", "LOC"), ("中国友好委员会", "ORG")]
    assert _apply_words(conv, text, spans, words) == [("芬兰—中国友好委员会", "ORG")]
    text = "芬兰—中国航线"  # two places, no body
    words = [("芬兰", "ns"), ("—", "x"), ("中国", "ns"), ("航线", "n")]
    assert _apply_words(conv, text, [("芬兰", "LOC"), ("中国", "LOC")], words) == [("芬兰", "LOC"), ("中国", "LOC")]


def test_a_name_right_before_a_land_form_is_that_place(conv):
    text = "赴马里亚纳海沟科考"
    assert _apply(conv, text, [("马里亚纳", "PER")]) == [("马里亚纳海沟", "LOC")]
    text = "马里亚纳说"
    assert _apply(conv, text, [("马里亚纳", "PER")]) == [("马里亚纳", "PER")]


def test_a_body_right_after_a_body_and_ending_as_a_branch_is_its_branch(conv):
    words = [("青峰邮政", "nz"), ("集团", "n"), ("毕节", "n"), ("市", "n"), ("分公司", "n")]
    spans = [("青峰邮政集团", "ORG"), ("毕节市分公司", "ORG")]
    assert _apply_words(conv, "青峰邮政集团毕节市分公司", spans, words) == [("青峰邮政集团毕节市分公司", "ORG")]


def test_a_country_after_a_word_of_place_and_the_foreign_name_after_it_are_one_place(conv):
    words = [("工厂", "n"), ("在", "p"), ("日本", "ns"), ("青森", "nrt"), ("投产", "v")]
    text = "工厂在日本青森投产"
    assert _apply_words(conv, text, [("日本", "LOC")], words) == [("日本青森", "LOC")]
    words = [("在", "p"), ("美国", "ns"), ("新", "a"), ("泽西", "nrt"), ("州", "n"), ("的", "uj")]
    assert _apply_words(conv, "在美国新泽西州的", [("美国", "LOC")], words) == [("美国新泽西州", "LOC")]
    # without a word of place the name may be a person's
    words = [("访问", "v"), ("美国", "ns"), ("巴菲特", "nrt")]
    assert _apply_words(conv, "访问美国巴菲特", [("美国", "LOC"), ("巴菲特", "PER")], words) == [
        ("美国", "LOC"),
        ("巴菲特", "PER"),
    ]


def test_a_place_and_its_port_are_one_place(conv):
    words = [("在", "p"), ("青石", "ns"), ("港", "j"), ("完成", "v")]
    text = "在青石港完成"
    assert _apply_words(conv, text, [("青石", "LOC"), ("港", "LOC")], words) == [("青石港", "LOC")]
    words = [("青石", "ns"), ("港口", "n"), ("建设", "vn")]  # 港口 is a word of its own: no port's name
    assert _apply_words(conv, "青石港口建设", [("青石", "LOC")], words) == [("青石", "LOC")]


def test_a_venue_named_after_a_place_is_one_place_with_it(conv):
    words = [("在", "p"), ("青石", "ns"), ("大剧院", "n"), ("演出", "v")]
    assert _apply_words(conv, "在青石大剧院演出", [("青石", "LOC")], words) == [("青石大剧院", "LOC")]
    words = [("在", "p"), ("青石", "ns"), ("白鹭", "nz"), ("体育中心", "n"), ("举行", "v")]
    assert _apply_words(conv, "在青石白鹭体育中心举行", [("青石", "LOC")], words) == [("青石白鹭体育中心", "LOC")]
    words = [("青石", "ns"), ("的", "uj"), ("大剧院", "n")]  # a function word between: no name of the venue
    assert _apply_words(conv, "青石的大剧院", [("青石", "LOC")], words) == [("青石", "LOC")]


def test_a_latin_name_shaped_like_a_product_is_no_body(conv):
    for text, name in (("iPhone在中国热销", "iPhone"), ("基金（REITs）盘活资产", "REITs"), ("IBM发布财报", "IBM")):
        kept = [t for t, _ in _apply(conv, text, [(name, "ORG")])]
        assert kept == ([name] if name == "IBM" else [])


def test_a_rivers_reaches_or_basin_are_one_place_with_it(conv):
    words = [("青石江", "ns"), ("中下游", "f"), ("地区", "n")]
    assert _apply_words(conv, "青石江中下游地区", [("青石江", "LOC")], words) == [("青石江中下游", "LOC")]
    words = [("青石", "ns"), ("上游", "f")]  # a place that is no river keeps its name
    assert _apply_words(conv, "青石上游", [("青石", "LOC")], words) == [("青石", "LOC")]


def test_a_department_named_with_two_fields_keeps_its_and(conv):
    words = [("从", "p"), ("青石市", "ns"), ("住房", "n"), ("保障", "v"), ("和", "c"), ("房产", "n"), ("管理局", "n")]
    text = "从青石市住房保障和房产管理局"
    spans = [("青石市", "LOC"), ("房产管理局", "ORG")]
    assert _apply_words(conv, text, spans, words) == [("青石市住房保障和房产管理局", "ORG")]
    words = [("由", "p"), ("县", "n"), ("文化", "n"), ("和", "c"), ("广电", "j"), ("体育局", "n")]
    assert _apply_words(conv, "由县文化和广电体育局", [("广电体育局", "ORG")], words) == [("县文化和广电体育局", "ORG")]
    # two bodies, a person's title, or no department: the 和 joins two things
    words = [("市政府", "n"), ("和", "c"), ("教育局", "n")]
    assert _apply_words(conv, "市政府和教育局", [("市政府", "ORG"), ("教育局", "ORG")], words) == [
        ("市政府", "ORG"),
        ("教育局", "ORG"),
    ]
    words = [("芬兰", "ns"), ("总统", "n"), ("和", "c"), ("议会", "n")]
    assert _apply_words(conv, "芬兰总统和议会", [("芬兰", "LOC"), ("议会", "ORG")], words)[0] == ("芬兰", "LOC")


def test_no_name_ends_with_a_rooms_or_a_buildings_word(conv):
    assert _apply(conv, "二楼为托育室", [("托育室", "PER")]) == []
    assert _apply(conv, "基里延科说", [("基里延科", "PER")]) == [("基里延科", "PER")]
