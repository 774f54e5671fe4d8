"""Putting tagger and rule spans together (combine.py), case by case."""

from __future__ import annotations

from desktop.pipeline.combine import merge_entity_spans


def test_agreement_keeps_one_span_and_a_sure_tagger_chooses_the_label():
    assert merge_entity_spans([(0, 3, "LOC", 0.95)], [(0, 3, "LOC", 0.9)]) == [(0, 3, "LOC", 0.95)]
    assert merge_entity_spans([(0, 3, "ORG", 0.95)], [(0, 3, "LOC", 0.04)]) == [(0, 3, "ORG", 0.95)]
    assert merge_entity_spans([(0, 3, "ORG", 0.6)], [(0, 3, "LOC", 0.3)]) == [(0, 3, "LOC", 0.3)]


def test_a_longer_tagger_span_around_one_rule_span_wins_when_sure_enough():
    body = [(0, 9, "ORG", 0.9)]  # 加拿大海军舰艇编队 around the rules' 加拿大
    assert merge_entity_spans(body, [(0, 3, "LOC", 0.1)]) == body
    assert merge_entity_spans([(0, 9, "ORG", 0.4)], [(0, 3, "LOC", 0.1)]) == [(0, 3, "LOC", 0.1)]


def test_a_tagger_span_over_two_rule_spans_loses():
    rules = [(0, 4, "ORG", 0.2), (5, 9, "ORG", 0.3)]  # 区应急局 和 区总工会
    assert merge_entity_spans([(0, 9, "ORG", 0.99)], rules) == rules


def test_a_rule_span_around_the_tagger_span_wins():
    assert merge_entity_spans([(3, 6, "LOC", 0.99)], [(0, 6, "LOC", 0.7)]) == [(0, 6, "LOC", 0.7)]


def test_crossing_spans_need_a_sure_tagger():
    assert merge_entity_spans([(2, 6, "ORG", 0.95)], [(0, 4, "LOC", 0.5)]) == [(2, 6, "ORG", 0.95)]
    assert merge_entity_spans([(2, 6, "ORG", 0.6)], [(0, 4, "LOC", 0.5)]) == [(0, 4, "LOC", 0.5)]


def test_spans_alone_are_kept_and_the_result_never_overlaps():
    model = [(0, 2, "PER", 0.7), (10, 12, "LOC", 0.2)]
    rules = [(4, 8, "ORG", 0.6)]
    out = merge_entity_spans(model, rules, alone_min=0.5)
    assert out == [(0, 2, "PER", 0.7), (4, 8, "ORG", 0.6)]
    assert all(a[1] <= b[0] for a, b in zip(out, out[1:]))


def test_a_tagger_span_past_the_head_of_a_rule_org_loses_unless_it_completes_a_word():
    # 市纪委监委|通报: the rule ORG ends on a word boundary, the tagger runs into the next word
    assert merge_entity_spans([(0, 7, "ORG", 0.95)], [(0, 5, "ORG", 0.9)], word_ends={1, 3, 5, 7}) == [(0, 5, "ORG", 0.9)]
    # 法国世界杯组委|会: the rule cut the word 组委会, the tagger completes it
    assert merge_entity_spans([(0, 8, "ORG", 0.95)], [(0, 7, "ORG", 0.9)], word_ends={2, 5, 8}) == [(0, 8, "ORG", 0.95)]


def test_a_less_sure_tagger_org_alone_stands_only_when_it_ends_like_a_body():
    text = "据青石药材协会介绍，大马力拖拉机已经全部检修完毕"
    body = (1, 7, "ORG", 0.55)  # 青石药材协会: ends in 会
    run = (10, 20, "ORG", 0.55)  # 大马力拖拉机已经全部: no body ends so
    assert text[1:7] == "青石药材协会" and text[10:20] == "大马力拖拉机已经全部"
    assert merge_entity_spans([body, run], [], text=text) == [body]
    assert merge_entity_spans([(1, 7, "ORG", 0.45)], [], text=text) == []  # below ORG_ALONE_MIN
    assert merge_entity_spans([(1, 7, "LOC", 0.55)], [], text=text) == []  # other labels: ALONE_MIN
    assert merge_entity_spans([body], []) == []  # without the text nothing is known of its end


def test_a_tagger_span_from_a_place_over_an_event_verb_loses_to_the_place():
    # 北京召开委员会: the tagger's ORG runs from the rules' 北京 over 召开 (starting at 2)
    rules = [(0, 2, "LOC", 0.1)]
    assert merge_entity_spans([(0, 7, "ORG", 0.99)], rules, verb_starts={2}) == rules
    assert merge_entity_spans([(0, 7, "ORG", 0.99)], rules) == [(0, 7, "ORG", 0.99)]  # no verb there


def test_a_sure_tagger_span_past_a_rule_org_wins_when_it_names_a_unit_of_that_body():
    text = "青石县人大内务司法委员会的同志"
    rule = [(0, 5, "ORG", 0.1)]  # 青石县人大; the tagger reads on to the unit's head
    unit = (0, 12, "ORG", 0.95)
    assert text[0:5] == "青石县人大" and text[0:12] == "青石县人大内务司法委员会"
    ends = {3, 5, 7, 9, 12, 13, 15}
    assert merge_entity_spans([unit], rule, word_ends=ends, text=text) == [unit]
    assert merge_entity_spans([(0, 12, "ORG", 0.7)], rule, word_ends=ends, text=text) == rule  # not sure enough
    assert merge_entity_spans([(0, 12, "ORG", 0.95)], rule, word_ends={3, 5, 7, 9, 15}, text=text) == rule  # ends inside a word


def test_a_tagger_span_past_a_rule_org_over_a_linking_word_or_into_a_verb_loses():
    text = "青石县政府有关部委负责人"  # some ministries of it: 有关 links, no unit
    rule = [(0, 5, "ORG", 0.9)]
    assert merge_entity_spans([(0, 9, "ORG", 0.95)], rule, word_ends={3, 5, 7, 9, 12}, text=text) == rule
    text = "青石县足球队组队才半年"  # 组队 (form a team) ends in 队 but names no body
    rule = [(0, 6, "ORG", 0.9)]
    assert merge_entity_spans([(0, 8, "ORG", 0.95)], rule, word_ends={3, 6, 8, 9}, text=text) == rule


def test_a_tagger_span_over_a_colon_or_a_sentence_end_is_no_name():
    text = "青峰药业：子公司获批"
    assert merge_entity_spans([(0, 8, "ORG", 0.99)], [], text=text) == []
    assert merge_entity_spans([(0, 4, "ORG", 0.99)], [], text=text) == [(0, 4, "ORG", 0.99)]
    text = "中俄友好、和平与发展委员会"  # a list mark may stand inside a name
    assert merge_entity_spans([(0, 13, "ORG", 0.99)], [], text=text) == [(0, 13, "ORG", 0.99)]
