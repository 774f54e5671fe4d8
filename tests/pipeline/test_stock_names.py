"""Companies named by their listing (stock_names.py) on invented sentences."""

from __future__ import annotations

from desktop.pipeline.stock_names import find_stock_names


def _names(text: str, words: list[str]) -> list[str]:
    assert "".join(words) == text
    starts, pos = set(), 0
    for w in words:
        starts.add(pos)
        pos += len(w)
    starts.add(len(text))
    return [text[s:e] for s, e in find_stock_names(text, starts)]


def test_a_short_name_before_its_stock_code():
    assert _names("青峰航运（601999）公告", ["青峰", "航运", "（", "601999", "）", "公告"]) == ["青峰航运"]
    assert _names("白鹭控股(01999.HK)上涨", ["白鹭", "控股", "(", "01999", ".", "HK", ")", "上涨"]) == ["白鹭控股"]
    # a long run of Han characters: the short name starts on a word boundary
    words = ["行业", "龙头", "企业", "白鹭", "股份", "（", "002999", "）"]
    assert _names("行业龙头企业白鹭股份（002999）", words) == ["白鹭股份"]


def test_the_short_name_a_company_is_given_and_its_other_mentions():
    text = "青峰科技股份有限公司（简称“青峰科技”，688999）称，青峰科技、白鹭微电涨停"
    words = ["青峰", "科技", "股份", "有限公司", "（", "简称", "“", "青峰", "科技", "”", "，", "688999", "）", "称", "，",
             "青峰", "科技", "、", "白鹭", "微电", "涨停"]
    assert _names(text, words) == ["青峰科技", "青峰科技", "青峰科技"]


def test_brackets_without_a_code_name_nothing():
    assert _names("青峰航运（苏州）有限公司", ["青峰", "航运", "（", "苏州", "）", "有限公司"]) == []
    assert _names("会议（2024）召开", ["会议", "（", "2024", "）", "召开"]) == []  # a year, not a code
    assert _names("青峰（601999）", ["青峰", "（", "601999", "）"]) == ["青峰"]
    assert _names("（601999）", ["（", "601999", "）"]) == []  # no name before it
