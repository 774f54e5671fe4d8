"""Gold of the held-back pages (``held*.txt``): written with the pages, late, in other
papers' styles (a metropolitan daily, an industry paper, a county weekly), and scored
before any rule of the segmenter was changed for them.  Read by ``build_pages_gold.py``.

Decisions: ``实习生`` (a student intern) is role 实习记者; a name in brackets closing an
article (``（某某）``) is that article's author (作者); ``文/记者 某 图/记者 某`` names two
reporters; a footer ``责任编辑：… 美术编辑：…`` is no article; a continuation note
printed at the end of a paragraph is the ``continued_to`` field (page as printed), not body.
"""

from __future__ import annotations

from typing import Any


def A(name: str, role: str) -> dict[str, str]:
    return {"name": name, "role": role}


H1, H2, H3 = "held01_metro.txt", "held02_industry.txt", "held03_weekly.txt"
# Second round, written after the rules were changed for round one, and never tuned on.
H4, H5 = "held04_wire.txt", "held05_township.txt"

HELD_ARTICLES: list[dict[str, Any]] = [
    dict(page=H1, title="老街区变身“网红打卡地”", subtitle="东城区胡同微更新调查",
         byline="文/记者 冉晓丹 图/记者 包天宇", authors=[A("冉晓丹", "记者"), A("包天宇", "记者")],
         sections=["【探访】", "【声音】"], captions=["▲游客在胡同里拍照留念。记者 包天宇 摄"],
         paras=[9, 11, 13, 15, 19, 21, 23], strip_tail="（下转A05版）",
         continued_to="A05版", flags=["continued"]),
    dict(page=H1, title="地铁5号线南延段开通", source="本报讯", byline="记者 欧阳倩",
         authors=[A("欧阳倩", "记者")], strip="本报讯（记者 欧阳倩）", paras=[27, 29]),
    dict(page=H1, title="菜价回落 “菜篮子”更轻松", byline="文/记者 冉晓丹 实习生 苗雨",
         authors=[A("冉晓丹", "记者"), A("苗雨", "实习记者")], paras=[35, 37]),
    dict(page=H2, title="制造业数字化转型按下“快进键”", byline="本报记者 郝建平", authors=[A("郝建平", "记者")],
         sections=["一、平台赋能，中小企业“上云用数”", "二、标杆引领，打造“灯塔工厂”", "三、人才支撑，补齐转型短板"],
         paras=[5, 7, 9, 11, 13, 15, 17, 19]),
    dict(page=H2, title="新能源汽车产销两旺", byline="本报记者 阎可欣", authors=[A("阎可欣", "记者")], paras=[25, 27]),
    dict(page=H2, title="外贸企业积极开拓新兴市场", byline="本报记者 郝建平 通讯员 施颖",
         authors=[A("郝建平", "记者"), A("施颖", "通讯员")], paras=[33]),
    dict(page=H3, title="茶园里的“共富经”", source="本报讯", byline="通讯员 柏涛 甘霖",
         authors=[A("柏涛", "通讯员"), A("甘霖", "作者")], strip="本报讯（通讯员 柏涛）", paras=[5, 7, 9]),
    dict(page=H3, title="镇卫生院开展义诊进村活动", source="本报讯", byline="易萍", authors=[A("易萍", "作者")],
         strip="本报讯 ", paras=[15, 17]),
    dict(page=H3, byline="韦立军", authors=[A("韦立军", "作者")], flags=["title_missing"], paras=[21, 23]),
    dict(page=H3, title="山区孩子有了“云课堂”", source="本报讯", byline="记者 毛雪 通讯员 邬晨",
         authors=[A("毛雪", "记者"), A("邬晨", "通讯员")], strip="本报讯（记者 毛雪 通讯员 邬晨）", paras=[29, 31]),
    dict(page=H4, title="我国新能源发电装机规模再创新高", source="新华社北京4月10日电", dateline="4月10日",
         byline="记者 严晓东", authors=[A("严晓东", "记者")], strip="新华社北京4月10日电（记者 严晓东）", paras=[3, 5]),
    dict(page=H4, title="春播粮食作物已完成意向面积三成", source="新华社北京4月10日电", dateline="4月10日",
         byline="记者 邱雯", authors=[A("邱雯", "记者")], strip="新华社北京4月10日电（记者 邱雯）", paras=[9, 11]),
    dict(page=H4, title="多地推出举措提振文旅消费", source="新华社北京4月10日电", dateline="4月10日",
         strip="新华社北京4月10日电 ", paras=[15, 17]),
    dict(page=H5, title="农机轰鸣田野忙", byline="记者 解凯", authors=[A("解凯", "记者")],
         captions=["图为农机手在田间作业。 解凯 摄"], paras=[5, 7, 11]),
    dict(page=H5, title="小小网格员 服务暖人心", byline="记者 汪楠", authors=[A("汪楠", "记者")], paras=[19, 21]),
    dict(page=H5, title="乡村大舞台 唱出新风尚", byline="通讯员 冷静 记者 汪楠",
         authors=[A("冷静", "通讯员"), A("汪楠", "记者")], paras=[25, 27]),
]
