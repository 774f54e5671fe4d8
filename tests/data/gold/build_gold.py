"""Hand-made gold standard for the four seed pages; running it writes seeds_gold.jsonl.

Owns the human annotations (article fields, body paragraph layout, entity spans) of
``seeds/*.txt`` and the code that turns them into ``seeds_gold.jsonl`` next to this
file.  Nothing here comes from the automatic pipeline: bodies are assembled from page
lines chosen by hand, entities were listed by reading every sentence (spec §3).

Run:  python tests/data/gold/build_gold.py            (writes the gold file)
      python tests/data/gold/build_gold.py --review   (also prints every span in context)

How an article is written down
------------------------------
* ``paras``: the body paragraphs in reading order; each item is a 1-based line number of
  the page, or a tuple of line numbers joined with no space (column-break repair).
  Sub-head lines (listed in ``sections``) are paragraphs too; ``#`` marks are stripped.
* ``strip``: for ``本报讯 (…)`` leads, the exact prefix removed from the first paragraph.
* After joining, OCR spaces between an ASCII letter/digit and a CJK character are removed
  (``2023 年`` -> ``2023年``); nothing else is changed.
* ``spans``: (pattern, label, value, occurrence).  ``pattern`` is the surface text, or a
  context with the entity in brackets (``来[川]视察``).  ``occurrence`` is ``"all"`` (every
  occurrence not already inside a longer span of the same article; longer patterns are
  placed first) or an int / list of ints (indexes among all occurrences of the pattern).
  The script asserts every pattern is found, and that spans never overlap.

Decisions taken where the page or the spec leaves room
------------------------------------------------------
Fields
* ``byline`` is the printed byline without the ``□`` bullet; for in-lead bylines it is the
  text inside the parentheses (``记者 胡斌``).  ``source`` is 本报讯 only when printed.
* ``dateline`` is set when the lead opens with (or, after a teaser, states) the day of the
  news, ``X月X日`` (year unknown, so no ISO form): 2月20日 ×3 on page 001, 5月10日 (三星堆镇),
  3月20日 ×2 on page 004.  Left empty for the ranged ``8月10日至11月18日`` (康立维) and the
  ``2024年`` that opens the 胡斌 article (it is the year of the planned work, not the news).
* Titles: one printed line = the whole title, spaces between phrases kept; digit/CJK OCR
  spaces removed as in the body (``川渝政协2024年将聚焦…``).  The four-line block on page 001
  is kicker 携手相向资源互补 / title 共建区域协同发展新样板 / subtitle (the two wrapped lines
  joined).  The 塘坝镇 line ``A ——B`` is title A + subtitle B.
* Page 003 ``李国`` after the 内江 article is a lone trailing name -> author 李国 (作者), kept
  as printed although it is probably a cut 李国华.  No flag for it.
* 弥牟镇 (page 001): the block at lines 61-65 (``日常通行和消防安全…``) continues line 77
  (``…影响到居民的``); it is moved there.  The sections otherwise keep their printed order.
  Line 59 ends with a dangling ``八`` whose continuation is not on the page; it is kept.
  No flag exists for reordered paragraphs.
* 金牛区 lines 55/57/59/61: 55 ends with ``；`` inside a list of measures and 57 continues the
  list, so they form one paragraph.  Page 004 line 7 ends with ``,`` and is joined to line 9.
Spans
* Organisations/places named inside titles of persons are annotated, the title words are
  not (花桥镇党委 / 李林森 in ``花桥镇党委书记李林森``; 广安区人大 in ``广安区人大代表``;
  全国政协 in ``全国政协委员``).  ORG/LOC inside event names are annotated (广安区 in
  广安区七届人大三次会议, 中国共产主义青年团, 国家体育总局 in 国家体育总局科普基地展).
* ``德阳市政府协副主席`` is an OCR slip for 德阳市政协: ``德阳市政府协`` is ORG as printed.
* Descriptive facility nouns after a place are not part of the LOC (卡龙村 in
  卡龙村野生菌基地, 青羊区 in 青羊区工伤预防(成飞)体验基地, 天府旌城 in
  天府旌城公园城市2号展厅, 天府数谷 in 天府数谷服务中心, 龙珠社区 in 龙珠社区劝导站,
  天印 in 天印市级返乡农民工创业园); proper-named sites are (成飞产业园,
  清波社区微澜·青锋驿站, 弥牟镇蜀韵南小区, 渝中区贺龙广场).  广汉航站中心 and 三星堆博物馆,
  visited as places, are LOC.  Offices/stations acting as bodies are ORG (金鱼镇社工站,
  广汉市乡村振兴工作站, 金雁街道基层治理指挥中心, 镇智慧治理中心, 镇指挥中心).
* Short place forms standing for a place are LOC: 青羊 (青羊特色, 人文青羊), 塘坝, 潼南 (in
  潼南先行区, the designation word left out), 渝西, 新胜/卧佛/五桂 (neighbouring towns),
  川 and 渝 (住渝、住川), 川渝, 成渝 (成渝直连物流通道), 广汉, 浙江 (in the slogan 智慧浙江),
  涪江 (a river, in 涪江奔腾计划).  ``成都眉资`` (as printed, for 成德眉资) is LOC.
  Not annotated: 清风 in 清风模式 / 智慧清风小程序 (model and app names), 潼 in 潼心共治,
  我国, 全国, 全省, 省外.
* 成都 in ``成都某环保设备有限公司`` (an anonymised company) is LOC; the company is not ORG.
* Bare organ words referring to one body are ORG: 财政厅, 管委会, 组委会, 市场监督管理局,
  区人代会, 局机关纪委, 区政府; generic ones are not (工会, 人大 in general statements,
  领导小组, 联席会, 政府, 财政部门, 金融机构).  川渝省政协 is ORG (organ word right after
  the place).  区政府 in ``区政府工作报告`` (a report type) is not annotated.
* DATE values: ``2023年2月底`` -> "2023-02", ``2023年底`` -> "2023", ``2021—2023年`` ->
  {"start": "2021", "end": "2023"}; year-less dates -> null.  ``7·28`` (name of a flood) and
  the year in ``2023年桑葚采摘节`` are names, not DATE.  ``50万+`` has no currency: not MONEY.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"
OUT = Path(__file__).resolve().parent / "seeds_gold.jsonl"
LABELS = ("PER", "ORG", "LOC", "DATE", "MONEY", "PERCENT", "DOC")

P0 = "000_393dcde445c1e241.txt"
P1 = "001_1535d97c22f0c3db.txt"
P3 = "003_696d517fedbf55c9.txt"
P4 = "004_14c3287801999b99.txt"

_ALNUM = r"[0-9A-Za-z]"
_CJK = r"[\u3400-\u9fff]"
_SPACE_FIX = re.compile(rf"(?<={_ALNUM})[ \u3000\xa0]+(?={_CJK})|(?<={_CJK})[ \u3000\xa0]+(?={_ALNUM})")


def fix_spaces(text: str) -> str:
    """Remove OCR spaces between an ASCII letter/digit and a CJK character."""
    return _SPACE_FIX.sub("", text)


def A(name: str, role: str) -> dict[str, str]:
    return {"name": name, "role": role}


# --------------------------------------------------------------------------- page 000
ARTICLES: list[dict[str, Any]] = [
    dict(
        page=P0,
        title="开展供需精准对接 赋能产业链融通发展",
        subtitle="第四届成都都市圈产业生态圈建设暨企业供需对接云共享大会举行",
        byline="本报记者 李鹏飞文 / 图",
        authors=[A("李鹏飞", "记者")],
        paras=[9, 11, (13, 15), 17, (19, 23, 25)],
        spans=[
            ("成都都市圈", "LOC", None, "all"),
            ("德阳市", "LOC", None, "all"),
            ("《[2023数智赋能都市圈产业协同发展清单]》", "DOC", None, "all"),
            ("473亿元", "MONEY", 47_300_000_000, "all"),
            ("32亿元", "MONEY", 3_200_000_000, "all"),
            ("成都", "LOC", None, "all"),
            ("德阳", "LOC", None, "all"),
            ("眉山", "LOC", None, "all"),
            ("资阳", "LOC", None, "all"),
            ("国铁瑞能(成都)电力设备有限公司", "ORG", None, "all"),
            ("四川交子电力设备有限公司", "ORG", None, "all"),
            ("《[智慧预制舱及智能配电系统采购项目]》", "DOC", None, "all"),
            ("四川普菲特新材料科技有限公司", "ORG", None, "all"),
            ("霸州市京华金属制品有限公司", "ORG", None, "all"),
            ("《[贵安华为云数据中心高端B3地块项目一期岩棉夹芯彩钢板供应]》", "DOC", None, "all"),
            ("四川超锐机电设备制造有限责任公司", "ORG", None, "all"),
            ("四川恒成智能装备有限公司", "ORG", None, "all"),
            ("《[汽轮机叶片智能成型制造]》", "DOC", None, "all"),
            ("四川羽佳模塑有限公司", "ORG", None, "all"),
            ("成都航天模塑股份有限公司", "ORG", None, "all"),
            ("《[商用汽车配件模具订购协议]》", "DOC", None, "all"),
            ("四川省郫县豆瓣股份有限公司", "ORG", None, "all"),
            ("成都东部新区", "LOC", None, "all"),
            ("眉山眉东新城", "LOC", None, "all"),
            ("资阳市临空经济区", "LOC", None, "all"),
            ("德阳凯州新城", "LOC", None, "all"),
            ("《[成都眉资同城化暨成都都市圈产业建圈强链攻坚行动计划(2023—2025年)]要求", "DOC", None, "all"),
            ("成都眉资", "LOC", None, "all"),
            ("成德眉资", "LOC", None, "all"),
            ("超[2400亿元]", "MONEY", 240_000_000_000, "all"),
        ],
    ),
    dict(
        page=P0,
        title="加大小微、“三农”主体融资支持力度 四川推动普惠金融高质量发展",
        byline="本报记者 赵蝶",
        authors=[A("赵蝶", "记者")],
        paras=[31, 33, 35, 37],
        spans=[
            ("四川省财政厅", "ORG", None, "all"),
            ("《[关于印发落实中央财政支持普惠金融发展政策实施细则的通知]》", "DOC", None, "all"),
            ("30万元", "MONEY", 300_000, "all"),
            ("400万元", "MONEY", 4_000_000, "all"),
            ("5.95%", "PERCENT", 5.95, "all"),
            ("4.95%", "PERCENT", 4.95, "all"),
            ("给予[50%]贴息", "PERCENT", 50.0, "all"),
            ("2023年", "DATE", "2023", "all"),
            ("4亿元", "MONEY", 400_000_000, "all"),
            ("1—11月", "DATE", None, "all"),
            ("65亿元", "MONEY", 6_500_000_000, "all"),
            ("34.3%", "PERCENT", 34.3, "all"),
            ("40%", "PERCENT", 40.0, "all"),
            ("30%", "PERCENT", 30.0, "all"),
            ("广元市昭化区", "LOC", None, "all"),
            ("南充市高坪区", "LOC", None, "all"),
            ("达州市大竹县", "LOC", None, "all"),
            ("财政厅", "ORG", None, "all"),
            ("1亿元", "MONEY", 100_000_000, "all"),
            ("高于[50%](", "PERCENT", 50.0, "all"),
            ("含[50%])", "PERCENT", 50.0, "all"),
            ("70%", "PERCENT", 70.0, "all"),
            ("的[1%]向", "PERCENT", 1.0, "all"),
        ],
    ),
    dict(
        page=P0,
        title="成都市青羊区：多维赋能 构建工伤预防新格局",
        byline="本报记者 李国华",
        authors=[A("李国华", "记者")],
        flags=["title_misplaced"],
        sections=["高位布局 多元联动 夯实协作根基", "厚植保障 建好阵地 构建支撑基点", "持续深耕 以心暖“新” 完善服务体系"],
        paras=[41, 43, 45, 47, 49, 51, 53, 55, 57, 59, 61],
        spans=[
            ("2023年9月", "DATE", "2023-09", "all"),
            ("成都市青羊区人社局", "ORG", None, "all"),
            ("青羊区人社局", "ORG", None, "all"),
            ("具有[青羊]特色", "LOC", None, "all"),
            ("人文[青羊]·", "LOC", None, "all"),
            ("青羊区委", "ORG", None, "all"),
            ("区政府", "ORG", None, "all"),
            ("区人社局", "ORG", None, "all"),
            ("区新科局", "ORG", None, "all"),
            ("区财政局", "ORG", None, "all"),
            ("区住建局", "ORG", None, "all"),
            ("区卫健局", "ORG", None, "all"),
            ("区应急局", "ORG", None, "all"),
            ("区总工会", "ORG", None, "all"),
            ("成飞产业园", "LOC", None, "all"),
            ("成都市", "LOC", None, "all"),
            ("市场监督管理局", "ORG", None, "all"),
            ("清波社区微澜·青锋驿站", "LOC", None, "all"),
            ("青羊区", "LOC", None, "all"),
        ],
    ),
    dict(
        page=P0,
        title="持续纠治“四风” 提升行政效能 成都市青白江区水务局开展作风整顿“百日行动”成效明显",
        byline="本报记者 康立维",
        authors=[A("康立维", "记者")],
        paras=[69, 71, (73, 75, 77, 79), 81],
        spans=[
            ("8月10日至11月18日", "DATE", None, "all"),
            ("青白江区水务局", "ORG", None, "all"),
            ("局机关纪委", "ORG", None, "all"),
        ],
    ),
    dict(
        page=P0,
        title="广汉市金鱼镇：社工“小站点” 汇聚“大能量”",
        byline="徐小茜 本报记者 高明山 李鹏飞文 / 图",
        authors=[A("徐小茜", "通讯员"), A("高明山", "记者"), A("李鹏飞", "记者")],
        sections=["聚焦需求 搭建平台", "链接资源 反哺社区", "统筹整合 持续发展"],
        paras=[89, (91, 93), 95, (97, 99), 101, (103, 105), 107, 109],
        spans=[
            ("广汉市金鱼镇社工站", "ORG", None, "all"),
            ("包大爷", "PER", None, "all"),
            ("金鱼镇社工站", "ORG", None, "all"),
            ("市民政局", "ORG", None, "all"),
            ("广汉市慈善总会", "ORG", None, "all"),
            ("金鱼镇党员志愿服务队", "ORG", None, "all"),
            ("和兴社区居民委员会", "ORG", None, "all"),
            ("金鱼镇", "LOC", None, "all"),
        ],
    ),
    dict(
        page=P0,
        title="广元市朝天区：数字赋能 社区治理插上“智慧翅膀”",
        byline="冉金鹭 马强 本报记者 魏彪",
        authors=[A("冉金鹭", "通讯员"), A("马强", "通讯员"), A("魏彪", "记者")],
        paras=[115, (117, 119), (121, 123), 125, 127],
        spans=[
            ("广元市朝天区朝天镇清风路社区", "LOC", None, "all"),
            ("徐银侨", "PER", None, "all"),
            ("2023年", "DATE", "2023", "all"),
            ("朝天区", "LOC", None, "all"),
            ("智慧[浙江]", "LOC", None, "all"),
            ("杭州市滨江区", "LOC", None, "all"),
            ("清风路社区", "LOC", None, "all"),
        ],
    ),
]


# --------------------------------------------------------------------------- page 001
ARTICLES += [
    dict(
        page=P1,
        title="民生实事票决制 看广安区2023年民生实事项目有哪些?",
        byline="廖小兵 王卉 杨涛 沈文杰 记者 沈仁平 文/图",
        authors=[A("廖小兵", "通讯员"), A("王卉", "通讯员"), A("杨涛", "通讯员"), A("沈文杰", "通讯员"),
                 A("沈仁平", "记者")],
        source="本报讯",
        dateline="2月20日",
        strip="本报讯 (廖小兵 王卉 杨涛 沈文杰 记者 沈仁平 文/图)",
        paras=[7, 9, 11, (15, 17), (19, 21), 23],
        spans=[
            ("2月20日", "DATE", None, "all"),
            ("四川广安市广安区委目标绩效办", "ORG", None, "all"),
            ("2月17日", "DATE", None, "all"),
            ("区委目标绩效办", "ORG", None, "all"),
            ("2023年", "DATE", "2023", "all"),
            ("2022年11月", "DATE", "2022-11", "all"),
            ("2022年", "DATE", "2022", "all"),
            ("6000万元", "MONEY", 60_000_000, "all"),
            ("官盛小学校", "ORG", None, "all"),
            ("《[中共四川省委办公厅印发〈关于在县乡两级开展民生实事项目人大代表票决制工作的指导意见(试行)〉的通知]》",
             "DOC", None, "all"),
            ("区人代会", "ORG", None, "all"),
            ("广安区人民政府", "ORG", None, "all"),
            ("[广安区人大]代表、花桥镇", "ORG", None, "all"),
            ("花桥镇党委", "ORG", None, "all"),
            ("李林森", "PER", None, "all"),
            ("广安区", "LOC", None, "all"),
        ],
    ),
    dict(
        page=P1,
        title="稳岗扩岗专项贷款为小微企业助力",
        byline="本报记者 胡斌",
        authors=[A("胡斌", "记者")],
        paras=[29, (31, 33), 35, (37, 39), (41, 43), 45],
        spans=[
            ("四川省人社厅", "ORG", None, "all"),
            ("中国银行股份有限公司四川省分行", "ORG", None, "all"),
            ("中国银行", "ORG", None, "all"),
            ("3000万元", "MONEY", 30_000_000, "all"),
            ("不超过[4%]的", "PERCENT", 4.0, "all"),
            ("3.65%", "PERCENT", 3.65, "all"),
            ("2023年2月底", "DATE", "2023-02", "all"),
        ],
    ),
    dict(
        page=P1,
        title="成都市青白江区弥牟镇 “微”网格撬动基层“大治理”",
        byline="罗正材 文/图",
        authors=[A("罗正材", "作者")],
        sections=["“我”为群众办实事 “微网实格”传递温暖", "元宵佳节送关爱 “微网实格”凝聚邻里情",
                  "强化智慧赋能 “小格子”拥有大智慧", "精细治理“微网格” 为民服务不停歇"],
        paras=[51, 53, 55, 57, 59, 67, 69, 71, 73, 75, (77, 61), 63, 65, 79, 81, 83, 85, 87, 89],
        spans=[
            ("弥牟镇唐家寺社区小组居民议事会", "ORG", None, "all"),
            ("弥牟镇唐家寺社区", "LOC", None, "all"),
            ("唐家寺社区", "LOC", None, "all"),
            ("弥牟镇蜀韵南小区", "LOC", None, "all"),
            ("弥牟镇三星社区", "LOC", None, "all"),
            ("弥牟镇国光社区", "LOC", None, "all"),
            ("三星社区", "LOC", None, "all"),
            ("弥牟镇", "LOC", None, "all"),
            ("刘嬢", "PER", None, "all"),
            ("刘建蓉", "PER", None, "all"),
            ("茶树街", "LOC", None, "all"),
            ("温先生", "PER", None, "all"),
            ("陈颖", "PER", None, "all"),
            ("镇智慧治理中心", "ORG", None, "all"),
            ("林婆婆", "PER", None, "all"),
            ("张沂", "PER", None, "all"),
            ("钟婆婆", "PER", None, "all"),
            ("周婷", "PER", None, "all"),
            ("王元碧", "PER", None, "all"),
        ],
    ),
    dict(
        page=P1,
        kicker="携手相向资源互补",
        title="共建区域协同发展新样板",
        subtitle="德阳天府数谷、天府旌城与成都高新区新经济产业局签署《产业合作框架协议》",
        byline="姜强 吴宏 本报记者 李鹏飞 文/图",
        authors=[A("姜强", "通讯员"), A("吴宏", "通讯员"), A("李鹏飞", "记者")],
        dateline="2月20日",
        paras=[(102, 104), 106, 108, (110, 112), 114, 116, 118],
        spans=[
            ("2月20日", "DATE", None, "all"),
            ("四川德阳天府数谷管理委员会", "ORG", None, "all"),
            ("德阳天府旌城管理委员会", "ORG", None, "all"),
            ("成都高新区新经济产业局", "ORG", None, "all"),
            ("《[产业合作框架协议]》", "DOC", None, "all"),
            ("成都高新区党工委", "ORG", None, "all"),
            ("卢铁城", "PER", None, "all"),
            ("德阳市政府协", "ORG", None, "all"),
            ("德阳市政府", "ORG", None, "all"),
            ("卿伟", "PER", None, "all"),
            ("市政府服务和大数据管理局", "ORG", None, "all"),
            ("刘泽球", "PER", None, "all"),
            ("旌阳区委", "ORG", None, "all"),
            ("德阳天府数谷党工委", "ORG", None, "all"),
            ("德阳天府旌城党工委", "ORG", None, "all"),
            ("谢斌", "PER", None, "all"),
            ("李得立", "PER", None, "all"),
            ("管委会", "ORG", None, "all"),
            ("姜俊", "PER", None, "all"),
            ("王健民", "PER", None, "all"),
            ("2022年10月", "DATE", "2022-10", "all"),
            ("德阳市人民政府", "ORG", None, "all"),
            ("成都高新区管委会", "ORG", None, "all"),
            ("《[战略合作框架协议]》", "DOC", None, "all"),
            ("习近平", "PER", None, "all"),
            ("来[川]视察", "LOC", None, "all"),
            ("成渝地区双城经济圈", "LOC", None, "all"),
            ("成都都市圈", "LOC", None, "all"),
            ("成德眉资", "LOC", None, "all"),
            ("德阳市", "LOC", None, "all"),
            ("成都高新区", "LOC", None, "all"),
            ("旌阳区", "LOC", None, "all"),
            ("德阳天府数谷", "LOC", None, "all"),
            ("德阳天府旌城", "LOC", None, "all"),
            ("天府旌城", "LOC", None, "all"),
            ("天府数谷", "LOC", None, "all"),
        ],
    ),
    dict(
        page=P1,
        title="广汉市金雁街道 智慧赋码 为企业安全生产保驾护航",
        byline="宋武乔 记者 高明山 李鹏飞",
        authors=[A("宋武乔", "通讯员"), A("高明山", "记者"), A("李鹏飞", "记者")],
        source="本报讯",
        dateline="2月20日",
        strip="本报讯 (宋武乔 记者 高明山 李鹏飞)",
        sections=["专属“身份码” 实现一企一策个性化管理", "高效“检查码” 加强安全生产全方位监管",
                  "动态“风险码” 推动安全风险智能化监测"],
        paras=[122, 124, 126, 128, 130, 132, 134, 136, 138, 140],
        spans=[
            ("2月20日", "DATE", None, "all"),
            ("四川广汉市金雁街道", "LOC", None, "all"),
            ("金雁街道基层治理指挥中心", "ORG", None, "all"),
            ("金雁街道", "LOC", None, "all"),
            ("广汉市应急管理局", "ORG", None, "all"),
            ("96%", "PERCENT", 96.0, "all"),
        ],
    ),
]

# --------------------------------------------------------------------------- page 003
ARTICLES += [
    dict(
        page=P3,
        title="精准发力 打造“藤蔓式”招商网络 四川确保招商工作标准不降力度不减",
        byline="本报记者 赵蝶",
        authors=[A("赵蝶", "记者")],
        paras=[7, (9, 11), 13, (15, 17), (19, 21), 23],
        spans=[
            ("党中央", "ORG", None, "all"),
            ("国务院", "ORG", None, "all"),
            ("四川省委", "ORG", None, "all"),
            ("省政府", "ORG", None, "all"),
            ("二季度", "DATE", None, "all"),
            ("四川省经济合作局", "ORG", None, "all"),
            ("《[关于积极应对新冠肺炎疫情影响做好招商引资工作的通知]》", "DOC", None, "all"),
            ("《[通知]》", "DOC", None, "all"),
        ],
    ),
    dict(
        page=P3,
        title="成都市金牛区为一流营商环境打造再加码 延伸服务链条 突破政务服务“瓶颈”",
        byline="刘畅 本报记者 李祥",
        authors=[A("刘畅", "通讯员"), A("李祥", "记者")],
        captions=["（图片由金牛区委宣传部提供）"],
        sections=["金牌帮办 建强“预服务”专班", "靠前服务 开拓“预服务”路径", "审管联动 强化“预服务”保障"],
        paras=[29, 31, 33, 35, 37, 39, (41, 45), 47, 49, (51, 53), (55, 57, 59, 61), 63, 65, 67, 69, 71],
        spans=[
            ("成都市金牛区", "LOC", None, "all"),
            ("4月底", "DATE", None, "all"),
            ("8.9%", "PERCENT", 8.9, "all"),
            ("《[金牛区拓展“金帮办”政务服务实施方案]》", "DOC", None, "all"),
            ("《[企业服务一本通]》", "DOC", None, "all"),
            ("100%", "PERCENT", 100.0, "all"),
            ("金牛区", "LOC", None, "all"),
        ],
    ),
    dict(
        page=P3,
        title="四川松潘县燕云乡 激活“红色引擎” 助力乡村振兴",
        byline="梁吉梅 钟林秀 本报记者 高明山 文/图",
        authors=[A("梁吉梅", "通讯员"), A("钟林秀", "通讯员"), A("高明山", "记者")],
        flags=["truncated"],
        paras=[79, 81, (83, 85), 87, (89, 91)],
        spans=[
            ("四川阿坝州松潘县燕云乡", "LOC", None, "all"),
            ("燕云乡", "LOC", None, "all"),
            ("近[700万元]", "MONEY", 7_000_000, "all"),
            ("卡龙村", "LOC", None, "all"),
        ],
    ),
    dict(
        page=P3,
        title="四川广汉市三星堆镇 党建带团建 焕发青春新活力",
        byline="朱蕊 本报记者 高明山 李鹏飞",
        authors=[A("朱蕊", "通讯员"), A("高明山", "记者"), A("李鹏飞", "记者")],
        dateline="5月10日",
        sections=["关爱留守儿童 护航青少年健康成长", "显露奉献本色 投身防疫一线不退缩", "主动服务大局 助力乡村振兴有成效"],
        paras=[99, 101, 103, 105, 107, (109, 111), 113, 115],
        spans=[
            ("5月10日", "DATE", None, "all"),
            ("习近平", "PER", None, "all"),
            ("中国共产主义青年团", "ORG", None, "all"),
            ("四川广汉市三星堆镇", "LOC", None, "all"),
            ("三星堆镇团委", "ORG", None, "all"),
            ("三星堆镇", "LOC", None, "all"),
            ("广汉航站中心", "LOC", None, "all"),
            ("三星堆博物馆", "LOC", None, "all"),
            ("[广汉]历史文化", "LOC", None, "all"),
            ("广汉市乡村振兴工作站", "ORG", None, "all"),
            ("德阳科贸技术学院", "ORG", None, "all"),
        ],
    ),
    dict(
        page=P3,
        title="内江市纪委监委驻市委组织部 纪检监察组强化年轻干部教育管理监督 培树优良作风 系好廉洁“安全带”",
        byline="李国",
        authors=[A("李国", "作者")],
        paras=[119, (121, 123), 125],
        spans=[
            ("内江市纪委监委驻市委组织部纪检监察组", "ORG", None, "all"),
            ("市纪委", "ORG", None, "all"),
            ("[川渝]互派", "LOC", None, "all"),
            ("内江市委组织部", "ORG", None, "all"),
        ],
    ),
    dict(
        page=P3,
        title="“护安”亮剑 筑牢安全防护墙 成都市青白江区 “护安2022”监管执法专项行动侧记",
        byline="张忠超文/图",
        authors=[A("张忠超", "作者")],
        paras=[133, 135, 137, 139, (141, 143), 145, 147],
        spans=[
            ("成都市青白江区应急管理局", "ORG", None, "all"),
            ("青白江区应急管理局", "ORG", None, "all"),
            ("应急管理部", "ORG", None, "all"),
            ("[成都]某环保", "LOC", None, "all"),
        ],
    ),
]

# --------------------------------------------------------------------------- page 004
ARTICLES += [
    dict(
        page=P4,
        title="川渝政协 2024 年将聚焦“卫生健康一体化”等联动出力 为助推成渝地区双城经济圈建设务实建言",
        byline="记者 胡斌",
        authors=[A("胡斌", "记者")],
        source="本报讯",
        strip="本报讯(记者 胡斌)",
        paras=[(7, 9), (11, 13), (15, 17), 19],
        spans=[
            ("2024年", "DATE", "2024", "all"),
            ("2020年", "DATE", "2020", "all"),
            ("四川省政协办公厅", "ORG", None, "all"),
            ("四川省政协", "ORG", None, "all"),
            ("重庆市政协", "ORG", None, "all"),
            ("川渝省政协", "ORG", None, "all"),
            ("川渝", "LOC", None, "all"),
            ("成渝地区双城经济圈", "LOC", None, "all"),
            ("巴蜀文旅走廊", "LOC", None, "all"),
            ("重庆", "LOC", None, "all"),
            ("全国政协", "ORG", None, "all"),
            ("住[渝]、", "LOC", None, "all"),
            ("住[川]全国", "LOC", None, "all"),
            ("成渝中线科创走廊", "LOC", None, "all"),
            ("成渝", "LOC", None, "all"),
        ],
    ),
    dict(
        page=P4,
        title="解锁体育科技新玩法! 2024 重庆体育科技嘉年华即将启幕",
        byline="记者 李艳",
        authors=[A("李艳", "记者")],
        source="本报讯",
        dateline="3月20日",
        strip="本报讯(记者 李艳)",
        paras=[23, (25, 27), (29, 31), (33, 35), 37],
        spans=[
            ("国家体育总局", "ORG", None, "all"),
            ("3月20日", "DATE", None, "all"),
            ("重庆市体育局", "ORG", None, "all"),
            ("4月19日至21日", "DATE", None, "all"),
            ("渝中区贺龙广场", "LOC", None, "all"),
            ("重庆邮电大学", "ORG", None, "all"),
            ("组委会", "ORG", None, "all"),
            ("重庆", "LOC", None, "all"),
            ("1月初", "DATE", None, "all"),
            ("4月上旬", "DATE", None, "all"),
        ],
    ),
    dict(
        page=P4,
        title="",
        byline="记者 马工牧",
        authors=[A("马工牧", "记者")],
        source="本报讯",
        dateline="3月20日",
        flags=["title_missing"],
        strip="本报讯(记者 马工牧)",
        paras=[39, 41, 43, 45, 47],
        spans=[
            ("3月20日", "DATE", None, "all"),
            ("云南省科技厅", "ORG", None, "all"),
            ("2023年底", "DATE", "2023", "all"),
            ("建行云南省分行", "ORG", None, "all"),
            ("中国人民银行云南省分行", "ORG", None, "all"),
            ("云南省", "LOC", None, "all"),
            ("近[1200亿元]", "MONEY", 120_000_000_000, "all"),
            ("17.42%", "PERCENT", 17.42, "all"),
            ("9.49个百分点", "PERCENT", 9.49, "all"),
            ("2021—2023年", "DATE", {"start": "2021", "end": "2023"}, "all"),
            ("约[1700万元]", "MONEY", 17_000_000, "all"),
            ("122亿元", "MONEY", 12_200_000_000, "all"),
            ("50%", "PERCENT", 50.0, "all"),
            ("3.61亿元", "MONEY", 361_000_000, "all"),
            ("344万元", "MONEY", 3_440_000, "all"),
            ("470余万元", "MONEY", 4_700_000, "all"),
            ("380亿元", "MONEY", 38_000_000_000, "all"),
        ],
    ),
    dict(
        page=P4,
        title="丰富“荟聚一塘”党建品牌 聚力打造高质量发展新引擎",
        subtitle="重庆市潼南区塘坝镇强化党建引领为经济社会高质量发展提供有力保证",
        byline="通讯员 张邓 特约记者 何军林",
        authors=[A("张邓", "通讯员"), A("何军林", "特约记者")],
        captions=["群众院坝会", "塘坝镇“学习新思想、建设新潼南、强国伴我行”知识竞赛", "机关党总支开展主题党日活动"],
        sections=["凝心铸魂强信念 激活发展新动力", "变革重塑强治理 服务基层暖民心", "固本强基促发展 乡村振兴增活力"],
        paras=[51, 53, 55, 57, 59, 61, 63, 65, (67, 73), 75, 77, 79, (81, 83), 85, 87, (89, 95), 98, 100,
               102, 104, (106, 112), 114, 116, 118, 120, 122, 124],
        spans=[
            ("重庆市潼南区塘坝镇", "LOC", None, "all"),
            ("塘坝镇镇党委", "ORG", None, "all"),
            ("塘坝镇党委", "ORG", None, "all"),
            ("塘坝镇", "LOC", None, "all"),
            ("塘坝", "LOC", None, "all"),
            ("陈志伟", "PER", None, "all"),
            ("天印村", "LOC", None, "all"),
            ("重庆市", "LOC", None, "all"),
            ("龙珠社区", "LOC", None, "all"),
            ("觉山村", "LOC", None, "all"),
            ("镇指挥中心", "ORG", None, "all"),
            ("潼南", "LOC", None, "all"),
            ("金山村", "LOC", None, "all"),
            ("半街社区", "LOC", None, "all"),
            ("苏家村", "LOC", None, "all"),
            ("小仑村", "LOC", None, "all"),
            ("店子村", "LOC", None, "all"),
            ("1258万元", "MONEY", 12_580_000, "all"),
            ("涪江", "LOC", None, "all"),
            ("天印", "LOC", None, "all"),
            ("新胜", "LOC", None, "all"),
            ("卧佛", "LOC", None, "all"),
            ("五桂", "LOC", None, "all"),
            ("渝西", "LOC", None, "all"),
        ],
    ),
]

# --------------------------------------------------------------------------- machinery
FIELDS_DEFAULT: dict[str, Any] = {
    "kicker": "",
    "subtitle": "",
    "source": "",
    "dateline": "",
    "flags": [],
    "captions": [],
    "sections": [],
    "strip": "",
}


def page_lines(page: str) -> list[str]:
    text = (SEEDS / page).read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def build_body(spec: dict[str, Any]) -> str:
    lines = page_lines(spec["page"])
    paragraphs: list[str] = []
    for item in spec["paras"]:
        numbers = item if isinstance(item, tuple) else (item,)
        parts = []
        for n in numbers:
            line = lines[n - 1].strip()
            assert line, f"{spec['page']}: line {n} is empty"
            parts.append(line.lstrip("#").strip())
        paragraphs.append("".join(parts))
    if spec.get("strip"):
        assert paragraphs[0].startswith(spec["strip"]), (spec["page"], paragraphs[0][:40])
        paragraphs[0] = paragraphs[0][len(spec["strip"]):]
    paragraphs = [fix_spaces(p) for p in paragraphs]
    for section in spec.get("sections", []):
        assert section in paragraphs, f"section {section!r} is not a body paragraph"
    return "\n".join(paragraphs)


def _occurrences(body: str, pattern: str) -> list[tuple[int, int]]:
    """(start, end) of the bracketed part (or the whole pattern) for each occurrence."""
    if "[" in pattern:
        pre, rest = pattern.split("[", 1)
        inner, post = rest.split("]", 1)
    else:
        pre, inner, post = "", pattern, ""
    context = pre + inner + post
    found: list[tuple[int, int]] = []
    pos = body.find(context)
    while pos != -1:
        start = pos + len(pre)
        found.append((start, start + len(inner)))
        pos = body.find(context, pos + 1)
    return found


def _inner(pattern: str) -> str:
    return pattern.split("[", 1)[1].split("]", 1)[0] if "[" in pattern else pattern


def build_spans(body: str, entries: list[tuple[str, str, Any, Any]], where: str) -> list[dict[str, Any]]:
    placed: list[dict[str, Any]] = []

    def overlapping(start: int, end: int) -> list[dict[str, Any]]:
        return [s for s in placed if s["start"] < end and start < s["end"]]

    order = sorted(range(len(entries)), key=lambda i: -len(_inner(entries[i][0])))
    for i in order:
        pattern, label, value, occ = entries[i]
        assert label in LABELS, (where, pattern, label)
        if label == "MONEY":
            assert isinstance(value, int), (where, pattern)
        if label == "PERCENT":
            assert isinstance(value, float), (where, pattern)
        hits = _occurrences(body, pattern)
        assert hits, f"{where}: {pattern!r} not found in body"
        if occ == "all":
            chosen = []
            for start, end in hits:
                others = overlapping(start, end)
                if others:
                    # only allowed: this occurrence lies wholly inside a longer span
                    assert all(o["start"] <= start and end <= o["end"] for o in others), (
                        f"{where}: {pattern!r} at {start} crosses {others}"
                    )
                    continue
                chosen.append((start, end))
            assert chosen, f"{where}: every occurrence of {pattern!r} is inside another span"
        else:
            indexes = occ if isinstance(occ, list) else [occ]
            chosen = [hits[k] for k in indexes]
        for start, end in chosen:
            assert not overlapping(start, end), f"{where}: {pattern!r} at {start} overlaps"
            placed.append(
                {"start": start, "end": end, "label": label, "text": body[start:end], "value": value}
            )
    placed.sort(key=lambda s: (s["start"], s["end"]))
    return placed


def build_records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    position: dict[str, int] = {}
    for spec in ARTICLES:
        spec = {**FIELDS_DEFAULT, **spec}
        page = spec["page"]
        pos = position.get(page, 0)
        position[page] = pos + 1
        body = build_body(spec)
        where = f"{page}#{pos}"
        records.append(
            {
                "page": page,
                "position": pos,
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
                "body": body,
                "spans": build_spans(body, spec["spans"], where),
            }
        )
    return records


def review(records: list[dict[str, Any]]) -> None:
    for rec in records:
        print(f"\n=== {rec['page']} #{rec['position']} {rec['title']!r}")
        print(rec["body"])
        print("--- spans")
        for s in rec["spans"]:
            b = rec["body"]
            ctx = b[max(0, s["start"] - 6):s["start"]] + "[" + s["text"] + "]" + b[s["end"]:s["end"] + 6]
            print(f"  {s['label']:7} {s['text']}  {s['value']!r}  ..{ctx.replace(chr(10), '/')}..")


def main(argv: list[str]) -> None:
    records = build_records()
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if "--review" in argv:
        review(records)
    counts: dict[str, int] = {}
    for rec in records:
        for s in rec["spans"]:
            counts[s["label"]] = counts.get(s["label"], 0) + 1
    print(f"wrote {len(records)} articles to {OUT}; spans: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
