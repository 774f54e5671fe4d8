"""PER spans: the rules' evidence (persons.py) and the extractor with its tagger."""

from __future__ import annotations

import pytest

from desktop.pipeline.entities import EntityExtractor


@pytest.fixture(scope="module")
def extractor() -> EntityExtractor:
    ex = EntityExtractor()
    ex.warm_up()
    return ex


def _per(extractor: EntityExtractor, text: str) -> list[str]:
    return [s.text for s in extractor.extract(text) if s.label == "PER"]


@pytest.mark.parametrize(
    "text",
    [
        "今天白天小雨转多云,明天多云,气温回升。",
        "创建文明城市,倡导文明新风。",
        "6项功能整合社区人口数据,和人民群众一起。",
        "高度重视安全生产,群众安全感不断提升。",
    ],
)
def test_weather_and_common_words_are_not_names(extractor, text):
    assert _per(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“每次看到刘嬢,就觉得心里踏实。”", ["刘嬢"]),
        ("诧异之余,温先生显得有点好奇。", ["温先生"]),
        ("居民包大爷说道", ["包大爷"]),
        ("“林婆婆,一会儿记得来吃汤圆哈!”", ["林婆婆"]),
        ("花桥镇党委书记李林森参与了票选。", ["李林森"]),
        ("现场微网格员陈颖说。", ["陈颖"]),
        ("习近平总书记来川视察", ["习近平"]),
        ("社区副主任徐银侨像往常一样", ["徐银侨"]),
        # common modern surnames outside the 百家姓 (卿, 冼)
        ("区政府副区长卿晓明出席", ["卿晓明"]),
    ],
)
def test_names_with_evidence(extractor, text, expected):
    assert _per(extractor, text) == expected


def test_appositive_and_later_mentions(extractor):
    text = "刘建蓉,弥牟镇唐家寺社区小组居民议事会成员。大家都信任她,刘建蓉也乐于助人。"
    assert _per(extractor, text) == ["刘建蓉", "刘建蓉"]


def test_the_rules_alone_take_no_name_without_evidence():
    # Issue 11 changed this: the learned tagger takes names that ordinary news prose gives
    # without a title or a verb of saying (below); the rules alone still demand evidence.
    rules = EntityExtractor(model=None)
    assert _per(rules, "王强大起来了。") == []
    assert _per(rules, "张晓梅和李建国昨天参加了会议。") == []


def test_the_tagger_finds_names_without_context_evidence(extractor):
    assert _per(extractor, "张晓梅和李建国昨天参加了会议。") == ["张晓梅", "李建国"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("图为村民在采摘茶叶。 柯晓峰摄", "柯晓峰"),  # a caption's photo credit, glued to the name
        ("本报记者 龚雨桐文 / 图", "龚雨桐"),  # 文/图 glued: the name is not 龚雨
        ("本报记者欧阳秋文/图", "欧阳秋"),  # after a role word; 文 starts the credit, not the name
        ("当天的比赛 詹一鸣/文", "詹一鸣"),
    ],
)
def test_a_name_glued_to_its_credit_is_found_whole(text, name):
    from desktop.pipeline.persons import PersonFinder

    finder = PersonFinder()
    assert name in [text[a:b] for a, b in finder.find(text, [])]


@pytest.mark.parametrize("text", ["黄山风光摄影展开幕", "他每天拍摄照片", "收费标准/文件", "中国队/图表"])
def test_credit_words_inside_other_words_make_no_name(text):
    from desktop.pipeline.persons import PersonFinder

    assert PersonFinder().find(text, []) == []


def _rule_names(text: str) -> list[str]:
    return [s.text for s in EntityExtractor(model=None).extract(text) if s.label == "PER"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("卢森堡首相弗里登说，双方合作潜力巨大。", ["弗里登"]),  # invented sentences, real-looking names
        ("该组织总干事阿泽维多在日内瓦表示", ["阿泽维多"]),
        ("阿曼王储塔里克·本·海塞姆会见代表团", ["塔里克·本·海塞姆"]),
        ("球队主教练伊万科维奇率队抵达", ["伊万科维奇"]),
        ("首相弗里登在会上指出，弗里登政府将……", ["弗里登", "弗里登"]),  # later mentions too
    ],
)
def test_a_transliterated_name_after_a_title(text, names):
    assert _rule_names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "他代表巴西队出战",  # a country after 代表 is no name
        "联合国秘书长威尔逊逊色不少",  # the run does not end cleanly: no cut-off name is taken
        "市长热线当天接到来电",
        "总统府发表声明",
        "主任科员马上到岗",
    ],
)
def test_no_transliterated_name_without_a_clean_end(text):
    assert _rule_names(text) == []


def _rule_persons(text: str) -> list[str]:
    from desktop.pipeline.rules import RuleFinders

    return [s.text for s in RuleFinders().spans(text) if s.label == "PER"]


def test_a_last_character_jieba_glued_to_the_verb_of_saying_ends_the_name():
    # rjieba cuts 苏姿丰说 as 苏姿 / 丰说: the 丰 is the name's.
    assert _rule_persons("总裁苏姿丰说。") == ["苏姿丰"]


def test_an_adverb_after_a_name_is_not_its_last_character():
    assert "李明便" not in _rule_persons("李明便说好。")
    assert _rule_persons("张伟再说一遍。") == []  # 再说 is a word: no evidence, no name


def test_a_familiar_form_of_a_surname_is_a_name_with_evidence():
    assert _rule_persons("民警小李帮她找回了钱包。") == ["小李"]
    assert _rule_persons("司机老王说，路不好走。") == ["老王"]
    assert _rule_persons("老师说今天放假。") == []  # a word, not 老 + 师
    assert _rule_persons("小李帮她找回了钱包。") == []  # no title, no verb of saying: no evidence


def test_a_name_without_a_chinese_surname_after_a_title():
    assert _rule_persons("日本首相岸田文雄与美国总统会谈。") == ["岸田文雄"]
    # the part of a foreign name before its dot is no whole name
    assert "弗兰克" not in _rule_persons("分会主席弗兰克·佩斯塔纳出席。")


def test_a_surname_and_some_is_a_person_the_paper_does_not_name():
    assert _rule_persons("2022年,李某在网上虚构身份。") == ["李某"]
    assert _rule_persons("被告人钱某某集资诈骗案宣判。") == ["钱某某"]
    assert _rule_persons("欧阳某某称不知情。") == ["欧阳某某"]
    # 某 + a noun or measure word is no person: 某地, 某些, 某种, 某公司
    assert _rule_persons("从某种意义上说,王某地的情况不同,为某公司服务,李某些人。") == []


def test_a_name_after_a_title_jieba_glued_to_its_surname():
    # rjieba cuts 种植户龙光辉 as 种植 / 户龙 / 光辉 and 传承人王有根 as 传承 / 人王 / 有 / 根
    assert _rule_persons("种植户龙光辉说。") == ["龙光辉"]
    assert _rule_persons("非遗代表性传承人王有根今年72岁。") == ["王有根"]
    assert _rule_persons("看到党员干部们忙碌的身影。") == []  # 干部 is a word, no name after 党员


def test_a_candidate_listed_with_a_name_is_a_name():
    assert _rule_persons("会副主任吴小燕、张立新参加视察。") == ["吴小燕", "张立新"]
    assert _rule_persons("吴小燕、张立新参加视察。") == []  # no evidence for either
