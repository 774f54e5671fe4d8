"""Hand-made gold for the development pages of the segmenter; running it writes ``<page>.gold.jsonl``.

Owns the human reading of every ``dev*.txt``/``held*.txt`` page in this folder: which
lines make which article, and each article's headline block, byline, authors, source,
flags, continuation notes, sections and captions.  Nothing here comes from the pipeline.
The pages are invented text written in the manner of different papers (national,
provincial, county, financial, evening); the names in them are invented.

Run:  python tests/data/pages/build_pages_gold.py

Records have the fields of ``tests/data/gold/seeds_gold.jsonl`` (without ``spans``:
entity gold for these pages is not written) plus ``continued_from``/``continued_to``.

How an article is written down: ``paras`` are 1-based page line numbers, a tuple is
one paragraph joined across a column break; ``strip`` is the wire tag (and byline in
brackets) removed from the first paragraph, ``strip_tail`` a note removed from the end of the last; ``#`` marks are removed from sub-head lines.
OCR spaces between an ASCII letter/digit and a CJK character are removed.

Decisions where a reader could hesitate
---------------------------------------
* A short heading (a column name such as ``一线见闻``, ``本地简讯``, a two-line slogan of
  four characters a line) set apart above a headline is a page banner, not a kicker; a
  longer phrase above the title is the kicker.
* Two plain heading lines printed together are kicker + title.
* An article that continues on another page has the ``continued`` flag and not
  ``truncated``; one that starts with ``（上接…）`` and no headline of its own here
  also has ``title_missing``.
* A photo block (``![](…)``, its caption title and the caption ending in a credit)
  inside an article gives that article's captions; the image line itself is no text.
* A byline line of names only, separated by runs of spaces, is those names as 作者.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

_ALNUM = r"[0-9A-Za-z]"
_CJK = r"[\u3400-\u9fff]"
_SPACE_FIX = re.compile(rf"(?<={_ALNUM})[ \u3000\xa0]+(?={_CJK})|(?<={_CJK})[ \u3000\xa0]+(?={_ALNUM})")


def fix_spaces(text: str) -> str:
    return _SPACE_FIX.sub("", text)


def A(name: str, role: str) -> dict[str, str]:
    return {"name": name, "role": role}


FIELDS_DEFAULT: dict[str, Any] = dict(
    title="", kicker="", subtitle="", byline="", authors=[], source="", dateline="",
    flags=[], captions=[], sections=[], strip="", strip_tail="", continued_from="", continued_to="",
)

D1, D2, D3, D4 = "dev01_national.txt", "dev02_provincial.txt", "dev03_county.txt", "dev04_financial.txt"
D5, D6, D7, D8 = "dev05_continued.txt", "dev06_sections.txt", "dev07_briefs.txt", "dev08_evening.txt"
D9, D10 = "dev09_bulletins.txt", "dev10_county_briefs.txt"
D11, D12 = "dev11_city_briefs.txt", "dev12_no_blank_lines.txt"

ARTICLES: list[dict[str, Any]] = [
    # ------------------------------------------------ dev01: national daily, marks, sub-heads as '#'
    dict(page=D1, kicker="从“望天田”到“高产田”", title="守牢耕地红线 端稳中国饭碗",
         subtitle="各地扎实推进高标准农田建设", source="本报北京3月12日电", dateline="3月12日",
         byline="记者 孙立群 郑晓帆", authors=[A("孙立群", "记者"), A("郑晓帆", "记者")],
         strip="本报北京3月12日电（记者 孙立群 郑晓帆）",
         sections=["集中连片，夯实粮食生产根基", "科技赋能，提升田间管理水平", "建管并重，让良田长久发挥效益"],
         paras=[7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27],
         continued_to="第四版", flags=["continued"]),
    dict(page=D1, title="春季用工市场持续回暖", source="本报北京3月12日电", dateline="3月12日",
         byline="记者 周雨桐", authors=[A("周雨桐", "记者")], strip="本报北京3月12日电（记者 周雨桐）",
         paras=[33, 35, 37]),
    dict(page=D1, title="一条山路通向致富路", byline="本报记者  吴海涛", authors=[A("吴海涛", "记者")],
         paras=[45, 47, 49]),
    # ------------------------------------------------ dev02: provincial, no marks, photo block
    dict(page=D2, title="全省重点项目集中开工 总投资超两千亿元", byline="本报记者 钟立新",
         authors=[A("钟立新", "记者")], dateline="3月6日", paras=[5, 7, 15],
         captions=["塔吊林立建设忙", "3月6日，在某某新区一处重点项目施工现场，工人们正在加紧作业。孟庆华摄"]),
    dict(page=D2, title="小山村种出“致富果”", byline="本报通讯员 邓晓梅 本报记者 尹晓东 文/图",
         authors=[A("邓晓梅", "通讯员"), A("尹晓东", "记者")], paras=[21, 23, 25]),
    dict(page=D2, kicker="二十年如一日", title="退休教师义务辅导留守儿童", byline="本报记者 庞云飞",
         authors=[A("庞云飞", "记者")], paras=[32, 34, 36]),
    dict(page=D2, title="图书馆延长开放时间", byline="本报记者 钟立新", authors=[A("钟立新", "记者")],
         paras=[42, 44]),
    # ------------------------------------------------ dev03: county, names at the end, headless articles
    dict(page=D3, title="我县召开2024年春耕生产工作推进会", dateline="3月15日", byline="王建国    李春燕    赵明",
         authors=[A("王建国", "作者"), A("李春燕", "作者"), A("赵明", "作者")], paras=[3, 5, 7]),
    dict(page=D3, title="城关镇：老旧小区改造让居民住得更舒心", byline="陈晓峰    何丽",
         authors=[A("陈晓峰", "作者"), A("何丽", "作者")], paras=[13, 15, 17]),
    dict(page=D3, byline="孙颖    周凯", authors=[A("孙颖", "作者"), A("周凯", "作者")],
         flags=["title_missing"], paras=[21, 23]),
    dict(page=D3, title="宋家沟村：小小“积分卡”激发治理新活力", byline="唐志刚    罗雪    冯浩然",
         authors=[A("唐志刚", "作者"), A("罗雪", "作者"), A("冯浩然", "作者")], paras=[29, 31, 33]),
    dict(page=D3, flags=["title_missing"], paras=[37, 39]),
    # ------------------------------------------------ dev04: financial briefs, OCR punctuation swaps
    dict(page=D4, title="一季度新增贷款同比多增 信贷结构持续优化", source="本报讯", byline="记者   梁思远",
         authors=[A("梁思远", "记者")], strip="本报讯（记者   梁思远）", paras=[3, 5, 7]),
    dict(page=D4, title="多家上市银行下调存款利率", source="本报讯", byline="记者 贺婉清",
         authors=[A("贺婉清", "记者")], strip="本报讯（记者 贺婉清）", paras=[11, 13]),
    dict(page=D4, title="基金发行回暖 权益类产品受青睐", source="本报讯", byline="记者　　邵一鸣　实习记者　田甜",
         authors=[A("邵一鸣", "记者"), A("田甜", "实习记者")], strip="本报讯（记者　　邵一鸣　实习记者　田甜）",
         paras=[17, 19]),
    dict(page=D4, title="保险资金加大长期投资力度", source="本报讯", byline="记者 韦嘉",
         authors=[A("韦嘉", "记者")], strip="本报讯（记者 韦嘉）", paras=[23, 25]),
    dict(page=D4, title="汽车消费贷款需求旺盛", source="本报讯", byline="记者 梁思远",
         authors=[A("梁思远", "记者")], strip="本报讯（记者 梁思远）", paras=[29]),
    dict(page=D4, title="期货市场服务实体经济能力增强", source="本报讯", byline="记者　鲁文博",
         authors=[A("鲁文博", "记者")], strip="本报讯（记者　鲁文博）", paras=[33, 35]),
    # ------------------------------------------------ dev05: continuation notes
    dict(page=D5, continued_from="第一版", flags=["title_missing", "continued"], paras=[3, 5, 7]),
    dict(page=D5, title="夜间经济点亮城市烟火气", continued_from="第一版", flags=["continued"],
         paras=[13, 15, 17]),
    dict(page=D5, title="城市更新改出幸福感", byline="本报记者 苏晓雯", authors=[A("苏晓雯", "记者")],
         continued_to="第八版", flags=["continued"], paras=[23, 25, 27]),
    dict(page=D5, title="全民健身赛事活动丰富多彩", byline="本报记者 段明辉", authors=[A("段明辉", "记者")],
         paras=[35, 37]),
    # ------------------------------------------------ dev06: long report, sub-heads marked like headlines
    dict(page=D6, title="坚持“三农”工作重中之重 加快建设农业强省", subtitle="全省农业农村工作综述",
         byline="本报记者 夏春林 韩雨萌", authors=[A("夏春林", "记者"), A("韩雨萌", "记者")],
         sections=["优化结构，夯实现代农业发展基础", "深化改革，激活乡村振兴内生动力", "补齐短板，建设宜居宜业和美乡村"],
         captions=["# 金秋时节收获忙", "去年9月，某某市农民驾驶收割机收获水稻。本报记者 韩雨萌摄"],
         paras=[11, 13, 15, 17, 19, 21, 23, 31, 33, 35, 37]),
    dict(page=D6, title="省农业农村厅召开专题会议部署春季农业生产", byline="本报记者 韩雨萌",
         authors=[A("韩雨萌", "记者")], dateline="3月10日", paras=[43, 45]),
    # ------------------------------------------------ dev07: briefs, no blank lines at all
    dict(page=D7, title="城南片区新增两条公交线路", source="本报讯", strip="本报讯 ", paras=[3]),
    dict(page=D7, title="“口袋公园”开门迎客", source="本报讯", strip="本报讯 ", paras=[5]),
    dict(page=D7, title="市图书馆举办古籍修复展", source="本报讯", byline="记者 邹静怡", dateline="3月16日",
         authors=[A("邹静怡", "记者")], strip="本报讯（记者 邹静怡）", paras=[7]),
    dict(page=D7, title="春季招聘会提供岗位3000余个", source="本报讯", byline="通讯员 范志勇 记者 彭雪",
         dateline="3月17日", authors=[A("范志勇", "通讯员"), A("彭雪", "记者")],
         strip="本报讯（通讯员 范志勇 记者 彭雪）", paras=[9]),
    dict(page=D7, title="老年大学春季班开课", source="本报讯", strip="本报讯 ", paras=[11]),
    dict(page=D7, title="消防开放日走进校园", source="本报讯", byline="记者 彭雪", dateline="3月15日",
         authors=[A("彭雪", "记者")], strip="本报讯（记者 彭雪）", paras=[13]),
    # ------------------------------------------------ dev08: evening paper, plain headlines
    dict(page=D8, kicker="养老不离家 幸福在身边", title="家门口的养老服务站开张了",
         subtitle="某某街道探索社区嵌入式养老新模式", byline="记者 谭明亮 通讯员 叶小舟",
         authors=[A("谭明亮", "记者"), A("叶小舟", "通讯员")], captions=["（谭明亮 摄）"],
         paras=[7, 9, 13, 15]),
    dict(page=D8, title="夜市摊主用上“电子秤码”", byline="记者 覃佳", authors=[A("覃佳", "记者")], paras=[21, 23]),
    dict(page=D8, byline="记者 覃佳 通讯员 马小川", authors=[A("覃佳", "记者"), A("马小川", "通讯员")],
         dateline="3月12日", flags=["title_missing"], paras=[25, 27]),
    # ------------------------------------------------ dev09: brief columns of bulleted items without headlines
    # The column names (城事速览, 一句话新闻) are banners; each bulleted item is an article of
    # its own (title_missing), a credit in brackets at its end is
    # that item's byline.
    dict(page=D9, title="老旧小区加装电梯提速", byline="本报记者 卢嘉怡", authors=[A("卢嘉怡", "记者")],
         paras=[7, 9, 11]),
    dict(page=D9, flags=["title_missing"], dateline="9月10日", paras=[15]),
    dict(page=D9, flags=["title_missing"], paras=[17]),
    dict(page=D9, flags=["title_missing"], byline="柯文静", authors=[A("柯文静", "作者")],
         strip_tail="（柯文静）", paras=[19]),
    dict(page=D9, flags=["title_missing"], dateline="9月11日", byline="记者 谭悦", authors=[A("谭悦", "记者")],
         strip_tail="（记者 谭悦）", paras=[21]),
    dict(page=D9, flags=["title_missing"], paras=[25]),
    dict(page=D9, flags=["title_missing"], byline="通讯员 樊立", authors=[A("樊立", "通讯员")],
         strip_tail="（通讯员 樊立）", paras=[27]),
    dict(page=D9, title="秋季消费季启动", source="本报讯", byline="记者 卢嘉怡", dateline="9月11日",
         authors=[A("卢嘉怡", "记者")], strip="本报讯（记者 卢嘉怡）", paras=[31]),
    # ------------------------------------------------ dev10: county paper, '#' headlines, two bulleted columns
    dict(page=D10, title="青河县夏粮收购工作全面启动", source="本报讯", byline="记者 闫晨曦", dateline="6月1日",
         authors=[A("闫晨曦", "记者")], strip="本报讯（记者 闫晨曦）", paras=[7, 9]),
    dict(page=D10, flags=["title_missing"], dateline="5月30日", paras=[13]),
    dict(page=D10, flags=["title_missing"], paras=[15]),
    dict(page=D10, flags=["title_missing"], paras=[17]),
    dict(page=D10, flags=["title_missing"], paras=[19]),
    dict(page=D10, flags=["title_missing"], dateline="5月31日", byline="通讯员 姬晓红", authors=[A("姬晓红", "通讯员")],
         strip_tail="（通讯员 姬晓红）", paras=[21]),
    dict(page=D10, flags=["title_missing"], dateline="6月5日", paras=[25]),
    dict(page=D10, flags=["title_missing"], paras=[27]),
    dict(page=D10, title="乡村路修到家门口", source="本报讯", byline="通讯员 郜婷", authors=[A("郜婷", "通讯员")],
         strip="本报讯（通讯员 郜婷）", paras=[31]),
    # ------------------------------------------------ dev11: city daily, '#' headlines, '■' both as a byline mark
    # and as the bullet of headless brief items, a '##' kicker above the first headline
    dict(page=D11, kicker="打通便民服务“最后一公里”", title="社区食堂开到居民家门口", source="本报讯",
         byline="记者 杭雨霏 通讯员 简柏舟", authors=[A("杭雨霏", "记者"), A("简柏舟", "通讯员")], dateline="4月7日",
         strip="本报讯（记者 杭雨霏 通讯员 简柏舟）", paras=[9, 11, 13]),
    dict(page=D11, flags=["title_missing"], dateline="4月6日", paras=[17]),
    dict(page=D11, flags=["title_missing"], paras=[19]),
    dict(page=D11, flags=["title_missing"], byline="记者 卓一帆", authors=[A("卓一帆", "记者")],
         strip_tail="（记者 卓一帆）", paras=[21]),
    dict(page=D11, flags=["title_missing"], dateline="4月7日", paras=[23]),
    dict(page=D11, flags=["title_missing"], dateline="4月10日", paras=[27]),
    dict(page=D11, flags=["title_missing"], paras=[29]),
    dict(page=D11, title="老旧管网改造惠及两万户", source="本报讯", byline="记者 卓一帆", authors=[A("卓一帆", "记者")],
         dateline="4月7日", strip="本报讯（记者 卓一帆）", paras=[33, 35]),
    dict(page=D11, title="春日赏花游带火乡村民宿", byline="本报记者 杭雨霏", authors=[A("杭雨霏", "记者")],
         paras=[41, 43]),
    # ------------------------------------------------ dev12: economic daily as pdftotext gives it: no blank
    # lines and no marks; kicker/title/subtitle, a closing byline in brackets, a credited caption between
    # two articles (the photo of the one above), numbered sub-heads, a continuation note
    dict(page=D12, title="前三季度全省外贸进出口增长7.2%", byline="本报记者 向嘉禾", authors=[A("向嘉禾", "记者")],
         paras=[4, 5, 6]),
    dict(page=D12, kicker="数据多跑路 企业少跑腿", title="小微企业贷款“秒批”成常态", subtitle="我省数字普惠金融发展观察",
         source="本报讯", byline="记者 隋晓岚", authors=[A("隋晓岚", "记者")], dateline="10月14日",
         strip="本报讯（记者 隋晓岚）", paras=[10, 11, 12]),
    dict(page=D12, title="新能源汽车产业链加快集聚", byline="记者 季鸿远 通讯员 庄彦",
         authors=[A("季鸿远", "记者"), A("庄彦", "通讯员")], strip_tail="（记者 季鸿远 通讯员 庄彦）",
         captions=["图为10月15日，工人在一家汽车零部件企业的生产线上作业。 钮嘉树 摄"], paras=[14, 15, 16]),
    dict(page=D12, title="重大项目建设跑出“加速度”", source="本报讯", byline="记者 向嘉禾", authors=[A("向嘉禾", "记者")],
         strip="本报讯（记者 向嘉禾）", sections=["一、强化要素保障", "二、优化审批服务", "三、压实推进责任"],
         continued_to="第三版", flags=["continued"], strip_tail="（下转第三版）", paras=[19, 20, 21, 22, 23, 24, 25]),
]

# Pages written late, in other styles, and scored before any rule was changed for them.
try:
    from held_gold import HELD_ARTICLES  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - before the held-back pages exist
    HELD_ARTICLES = []


def build_body(spec: dict[str, Any]) -> str:
    lines = (HERE / spec["page"]).read_text(encoding="utf-8").split("\n")
    paragraphs: list[str] = []
    for item in spec["paras"]:
        numbers = item if isinstance(item, tuple) else (item,)
        parts = []
        for n in numbers:
            line = lines[n - 1].strip()
            assert line, f"{spec['page']}: line {n} is empty"
            parts.append(line.lstrip("#").strip())
        paragraphs.append("".join(parts))
    if spec["strip"]:
        assert paragraphs[0].startswith(spec["strip"]), (spec["page"], paragraphs[0][:40])
        paragraphs[0] = paragraphs[0][len(spec["strip"]):]
    if spec["strip_tail"]:
        assert paragraphs[-1].endswith(spec["strip_tail"]), (spec["page"], paragraphs[-1][-40:])
        paragraphs[-1] = paragraphs[-1][: -len(spec["strip_tail"])]
    paragraphs = [fix_spaces(p) for p in paragraphs]
    for section in spec["sections"]:
        assert section in paragraphs, f"section {section!r} is not a body paragraph"
    return "\n".join(paragraphs)


def build_records(specs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    pages: dict[str, list[dict[str, Any]]] = {}
    for spec in specs:
        spec = {**FIELDS_DEFAULT, **spec}
        records = pages.setdefault(spec["page"], [])
        records.append(
            {
                "page": spec["page"],
                "position": len(records),
                "title": fix_spaces(spec["title"]),
                "kicker": spec["kicker"],
                "subtitle": spec["subtitle"],
                "byline": spec["byline"],
                "authors": spec["authors"],
                "source": spec["source"],
                "dateline": spec["dateline"],
                "flags": spec["flags"],
                "captions": spec["captions"],
                "sections": spec["sections"],
                "continued_from": spec["continued_from"],
                "continued_to": spec["continued_to"],
                "body": build_body(spec),
            }
        )
    return pages


def main() -> None:
    for page, records in build_records(ARTICLES + HELD_ARTICLES).items():
        out = HERE / (Path(page).stem + ".gold.jsonl")
        with out.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"wrote {len(records)} articles to {out.name}", file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
