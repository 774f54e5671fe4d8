"""The compiled gazetteer and LOC finding (gazetteer.py, places.py)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from desktop.pipeline.gazetteer import Gazetteer, load_gazetteer, resolve_code
from desktop.pipeline.places import find_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_codes_of_full_names_and_aliases(gaz):
    assert gaz.lookup("广汉市") == ("510681",)
    assert gaz.lookup("广汉") == ("510681",)
    assert gaz.lookup("四川") == ("510000",)
    assert gaz.lookup("成都市") == ("510100",)
    assert gaz.lookup("日本") == ()  # a country: a place without a division code
    assert gaz.lookup("不是地名") is None


def test_common_words_are_not_aliases(gaz):
    for word in ("平原", "合作", "新建", "开发区"):
        assert word not in gaz.aliases


def test_towns_and_villages_keep_their_suffix_and_drop_phrases(gaz):
    assert "金鱼镇" in gaz.towns
    assert "唐家寺社区" in gaz.villages
    assert "公益社区" not in gaz.villages  # reads as a phrase (公益 + 社区)


def test_resolve_code_uses_the_places_named_before():
    codes = ("110105", "220104")  # 朝阳区 in Beijing and in Changchun
    assert resolve_code(codes, []) is None
    assert resolve_code(codes, ["220100"]) == "220104"
    assert resolve_code(("510681",), []) == "510681"


def test_cache_round_trip(gaz):
    clone = pickle.loads(pickle.dumps(gaz))
    assert clone.lookup("广汉市") == ("510681",)


def _places(text: str, gaz: Gazetteer) -> list[tuple[str, str | None]]:
    return [(text[m.start : m.end], m.code) for m in find_places(text, gaz)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("近日,广元市朝天区朝天镇清风路社区副主任", [("广元市朝天区朝天镇清风路社区", "510812")]),
        ("在广汉市金鱼镇社工站", [("广汉市金鱼镇", "510681")]),
        ("将在渝中区贺龙广场启幕", [("渝中区贺龙广场", "500103")]),
        ("停在弥牟镇蜀韵南小区消防通道上", [("弥牟镇蜀韵南小区", None)]),
        ("为助推成渝地区双城经济圈建设", [("成渝地区双城经济圈", None)]),
        ("围绕成渝中线科创走廊", [("成渝中线科创走廊", None)]),
        ("在成都都市圈范围内", [("成都都市圈", "510100")]),
        ("成德眉资四市产业协同", [("成德眉资", None)]),
        ("川渝两省政协已确定", [("川渝", None)]),
        ("习近平总书记来川视察", [("川", "510000")]),
        ("2024重庆体育科技嘉年华", [("重庆", "500000")]),
        ("四川省乡村振兴", [("四川省", "510000")]),
        ("未来川剧演出", []),
        ("在广阔的平原上,安居乐业", []),
    ],
)
def test_find_places(gaz, text, expected):
    assert _places(text, gaz) == expected


def test_a_village_name_alone_needs_its_suffix(gaz):
    # "唐家寺" without 社区 is not a place; with it, it is.
    assert _places("唐家寺的居民", gaz) == []
    assert _places("唐家寺社区的居民", gaz) == [("唐家寺社区", None)]


# The gazetteer built from jionlp 1.5.31's package data (jionlp/dictionary/china_location.zip and
# world_location.txt, the files resources/gazetteer now ships byte for byte), counted before the
# dependency was dropped: divisions, their codes, aliases, towns, villages, countries.
JIONLP_1_5_31_COUNTS = (3376, 3390, 2739, 28392, 283529, 374)
JIONLP_1_5_31_CODES = Path(__file__).parents[1] / "data" / "gazetteer" / "jionlp-1.5.31-codes.txt"


def test_shipped_gazetteer_keeps_its_coverage() -> None:
    """The data shipped in resources/gazetteer gives what jionlp 1.5.31's package data gave:
    no division, code, alias, town, village or country lost, and every division code kept."""
    from desktop.pipeline.gazetteer import build_gazetteer
    from desktop.resources import gazetteer_zip

    zip_path = gazetteer_zip()
    assert "resources" in zip_path.parts or "_resources" in zip_path.parts
    g = build_gazetteer(zip_path, zip_path.with_name("world_location.txt"))
    codes = {c for cs in g.admin.values() for c in cs}
    counts = (len(g.admin), len(codes), len(g.aliases), len(g.towns), len(g.villages), len(g.countries))
    assert all(a >= b for a, b in zip(counts, JIONLP_1_5_31_COUNTS)), counts
    previous = set(JIONLP_1_5_31_CODES.read_text(encoding="utf-8").split())
    assert len(previous) == JIONLP_1_5_31_COUNTS[1]
    assert not previous - codes, sorted(previous - codes)[:10]


def test_a_named_road_is_a_place_a_counted_or_pointed_way_is_not(gaz):
    text = "沿芙蓉大道向东，转入滨江路。这条路和那段路都修好了，一条路通到村口。"
    got = [name for name, _ in _places(text, gaz)]
    assert "芙蓉大道" in got and "滨江路" in got
    assert not any(name.endswith("路") and name[0] in "这那一" for name in got)
    assert _places("他的思路很清晰，走出一条新路。", gaz) == []


def test_prefecture_short_names_are_aliases_whatever_jieba_tags_them(gaz):
    # jieba files 合肥 as a noun, 遵义 as a verb and 金华 as a proper noun; they are cities
    assert gaz.lookup("合肥") == ("340100",)
    assert gaz.lookup("遵义") == ("520300",)
    assert gaz.lookup("金华") == ("330700",)
    for word in ("白银", "日照"):  # silver, sunlight: common words, in the stoplist
        assert word not in gaz.aliases
    assert "比如" not in gaz.aliases  # a county's short name that is a common word stays out


def test_a_range_mark_between_two_places_ends_the_chain(gaz):
    assert _places("溪口镇至龙潭乡公路改建", gaz) == [("溪口镇", None), ("龙潭乡", None)]


def test_a_named_land_form_is_a_place_a_counted_one_is_not(gaz):
    assert _places("科考队赴雅浦海沟考察", gaz) == [("雅浦海沟", None)]
    assert _places("穿越这片沙漠", gaz) == []
