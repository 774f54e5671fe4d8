"""Bodies named by a proper name and a head word: ORG spans no place or prefix announces.

Owns: ``find_named_bodies``.  A word jieba reads as a proper name (a person's name, a
brand or other proper noun, a Latin word) directly followed by a head that only a body
has: 龙泉 + 派出所, 邵逸夫 + 基金会, amd + 公司, 波音 + 公司 (前线 + 歌舞团 is not one: 前线
is a plain noun).  A place jieba knows counts only before the institutions of a town
(青崖 + 派出所), or a word jieba calls a place that the gazetteer does not know before a
company's trade word (青峰 + 药业, 华盛 + 控股).  jieba glues a head to the title after it
(公司总裁): the head part counts.  The name must start where a word may start a name: at
the start, after punctuation, a function word, a verb or a time word — after a plain noun
the name may be longer than the one word, so nothing is said.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

# jieba tags of a word that names something of its own.
_NAME_TAGS = frozenset(("nr", "nrt", "nrfg", "nz", "eng"))
# Heads that only a body has (a company, a foundation, a police station, a troupe …).
_HEADS = (
    "股份有限公司", "有限公司", "公司", "集团", "基金会", "派出所", "旅行社", "出版社", "杂志社", "报社",
    "电视台", "广播电台", "俱乐部", "研究所", "研究院", "研究中心", "医院", "大学", "学院", "中学", "小学",
    "歌舞团", "艺术团", "话剧团", "京剧团", "剧团", "交响乐团", "乐团", "合唱团", "银行", "事务所",
    "律师事务所", "会计师事务所", "协会", "学会", "商会", "联合会", "通讯社", "新闻社",
)
_HEAD_SET = frozenset(_HEADS)
# Words that end a company's name after its trade name (青峰 + 药业, 华盛 + 控股): no head of a
# body on their own, so not in ``_HEADS`` (the word after them is not read as a title).
# Not 科技, 股份 or 物业: 提高科技, 国有股份, 智慧物业 are words of their own.
_COMPANY_WORDS = frozenset(("药业", "制药", "实业", "置业", "控股", "乳业", "酒业"))
# Heads of the institutions of a town or village, named after it (青崖 + 派出所); after other
# heads a place name is a place's bodies in general (美国公司).
_LOCAL_HEADS = frozenset(("派出所", "中学", "小学", "医院", "卫生院", "幼儿园", "敬老院"))
# jieba tags of the word before the name after which a name may start.
_BEFORE_TAGS = frozenset(("x", "p", "c", "uj", "ul", "ud", "uv", "uz", "ug", "v", "vn", "d", "t", "f", "r", "m", "q"))
_MAX_NAME = 6
# Punctuation that joins the parts of one foreign name (乔治·梅森, 佩诺—里加): the name started earlier.
_NAME_JOINERS = frozenset("·•・—-－")


_HEAD_LENGTHS = sorted({len(h) for h in _HEADS}, reverse=True)


def _head_part(word: str, titles: Container[str]) -> int:
    """Length of the head that ``word`` is or starts (公司 in 公司总裁 when 总裁 is a title), or 0."""
    if word in _HEAD_SET:
        return len(word)
    for n in _HEAD_LENGTHS:
        if n < len(word) and word[:n] in _HEAD_SET and word[n:] in titles:
            return n
    return 0


def ends_with_body_head(name: str) -> bool:
    """``name`` is a name of two or more characters + a body head (李嘉诚基金会, 波音公司)."""
    return any(len(name) - n >= 2 and name[-n:] in _HEAD_SET for n in _HEAD_LENGTHS)


def find_named_bodies(
    tagged: Sequence[tuple[str, str]], titles: Container[str], places: Container[str] = ()
) -> list[tuple[int, int]]:
    """(start, end) of every proper name + body head in the jieba words ``tagged``; ``places``
    are the place names the gazetteer knows (a word jieba calls a place that is none of them is
    an unknown name: 青峰 + 药业)."""
    found: list[tuple[int, int]] = []
    pos = 0
    starts = []
    for word, _tag in tagged:
        starts.append(pos)
        pos += len(word)
    for k in range(len(tagged)):
        name, tag = tagged[k]
        if tag in _NAME_TAGS and ends_with_body_head(name):  # jieba glued them: 李嘉诚基金会/nr
            found.append((starts[k], starts[k] + len(name)))
            continue
        if k + 1 == len(tagged):
            break
        if tag not in _NAME_TAGS and tag != "ns" or not 2 <= len(name) <= (_MAX_NAME if tag != "eng" else 12):
            continue
        if tag == "eng" and not name.isalpha():
            continue
        if k > 0 and (tagged[k - 1][1] not in _BEFORE_TAGS or tagged[k - 1][0][-1] in _NAME_JOINERS):
            continue
        head_word = tagged[k + 1][0]
        head = _head_part(head_word, titles) or (len(head_word) if head_word in _COMPANY_WORDS else 0)
        if not head:
            continue
        if tag == "ns" and head_word not in _LOCAL_HEADS and (name in places or head_word not in _COMPANY_WORDS):
            continue
        end, j = starts[k + 1] + head, k + 2
        # A body of the body (科隆大学 + 医院), when the first head is a whole word.
        while head == len(tagged[j - 1][0]) and j < len(tagged) and tagged[j][0] in _HEAD_SET:
            end, j = starts[j] + len(tagged[j][0]), j + 1
        found.append((starts[k], end))
    return found
