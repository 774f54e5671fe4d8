"""Each kind of layout damage of issue 12, on invented text (no development-page strings)."""

from __future__ import annotations

from desktop.pipeline.model import FLAGS, Author
from desktop.pipeline.segment import line_roles, segment_page


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def seg_texts(result, position: int, role: str) -> list[str]:
    return [result.text[s.start : s.end] for s in result.articles[position].segments if s.role == role]


# ------------------------------------------------------------ 1. sub-heads printed like headlines


def test_sub_heads_marked_like_headlines_stay_inside_their_article() -> None:
    r = segment_page(
        page(
            "# 稳住外资基本盘 激发开放新活力",
            "本报武汉5月8日电（记者 葛明轩）记者从省商务厅获悉，一季度全省实际使用外资同比增长12%。",
            "外资企业对本地营商环境的评价持续提高。",
            "# 简化流程，提升审批效率",
            "全省推行外资项目“一站式”审批，平均办理时间缩短一半。",
            "# 搭建平台，拓宽合作渠道",
            "各地举办投资推介活动，促成一批合作项目落地。",
            "# 强化服务，稳定企业预期",
            "商务部门建立外资企业联系制度，及时解决企业诉求。",
            "# 城市书房延长开放时间",
            "本报武汉5月8日电（记者 邵婷）即日起，全市城市书房每晚开放至22时。",
        )
    )
    assert [a.title for a in r.articles] == ["稳住外资基本盘 激发开放新活力", "城市书房延长开放时间"]
    first = r.articles[0]
    assert [s.title for s in first.sections] == ["简化流程，提升审批效率", "搭建平台，拓宽合作渠道", "强化服务，稳定企业预期"]
    assert first.source == "本报武汉5月8日电" and first.dateline == "5月8日"
    assert first.authors == [Author("葛明轩", "记者")]


def test_a_marked_heading_followed_by_a_byline_is_a_new_article_even_inside_a_run_of_body() -> None:
    r = segment_page(
        page(
            "# 春季植树活动启动",
            "□本报记者 魏青",
            "全市义务植树活动昨日启动，各区共设植树点30个。",
            "# 老旧电梯更新提速",
            "□本报记者 安然",
            "今年全市计划更新老旧电梯800台。",
        )
    )
    assert [a.title for a in r.articles] == ["春季植树活动启动", "老旧电梯更新提速"]


# ------------------------------------------------------------ 2. continuation notes


def test_continuation_notes_become_fields_and_the_continued_flag() -> None:
    r = segment_page(
        page(
            "（上接第二版】",
            "项目建成后，每年可处理生活垃圾36万吨，发电量超过一亿千瓦时。",
            "# 湿地公园迎来候鸟",
            "（上接第一版）",
            "今年冬季，湿地公园观测到的候鸟数量超过两万只。",
            "# 社区食堂开到家门口",
            "□本报记者 温可",
            "社区食堂每天提供早中晚三餐，老人就餐可享受优惠，",
            "（下转第六版〕",
        )
    )
    assert "continued" in FLAGS
    a, b, c = r.articles
    assert (a.continued_from, a.title, sorted(a.flags)) == ("第二版", "", ["continued", "title_missing"])
    assert (b.continued_from, b.title, b.flags) == ("第一版", "湿地公园迎来候鸟", ["continued"])
    assert (c.continued_to, c.flags) == ("第六版", ["continued"])
    assert "下转" not in c.body and "上接" not in a.body + b.body
    assert seg_texts(r, 2, "note") == ["（下转第六版〕"]


def test_a_continuation_note_closing_a_paragraph_is_split_off_the_body() -> None:
    r = segment_page(page("## 河道整治见成效", "□本报记者 温可", "整治后的河道水质明显好转，下一步将，（下转B03版）"))
    [a] = r.articles
    assert a.continued_to == "B03版" and a.flags == ["continued"]
    assert a.body == "整治后的河道水质明显好转，下一步将，"
    assert seg_texts(r, 0, "note") == ["（下转B03版）"]


# ------------------------------------------------------------ 3. banners and photo blocks


def test_column_banner_image_and_credit_caption_are_no_article() -> None:
    r = segment_page(
        page(
            "# 民生关注",
            "# 百姓心声",
            "# 背街小巷换新颜",
            "□本报记者 屈航",
            "今年以来，全区完成背街小巷改造46条。",
            "![](img/lane.png)",
            "# 小巷焕然一新",
            "改造后的小巷干净整洁，居民在树下聊天。屈航摄",
            "下一步，全区将把改造经验推广到更多街巷。",
        )
    )
    [a] = r.articles
    assert a.title == "背街小巷换新颜" and a.kicker == "" and a.subtitle == ""
    assert [(b.kind, b.text) for b in r.blocks] == [
        ("banner", "# 民生关注"),
        ("banner", "# 百姓心声"),
        ("image", "![](img/lane.png)"),
    ]
    assert a.captions == ["# 小巷焕然一新", "改造后的小巷干净整洁，居民在树下聊天。屈航摄"]
    assert a.body == "今年以来，全区完成背街小巷改造46条。\n下一步，全区将把改造经验推广到更多街巷。"


# ------------------------------------------------------------ 4. an article with no headline


def test_body_after_a_closing_byline_is_an_article_of_its_own() -> None:
    r = segment_page(
        page(
            "## 果园里的丰收季",
            "秋天到了，果园里的苹果挂满枝头。",
            "果农们忙着采摘、装箱，发往各地。",
            "龙海    钱玲",
            "昨日，县图书馆新馆对外开放，新馆藏书30万册。",
            "新馆设有少儿阅读区和自习区。",
            "邵阳    汤敏",
            "## 乡村公路通到家门口",
            "全镇新修村道18公里。",
        )
    )
    assert [a.title for a in r.articles] == ["果园里的丰收季", "", "乡村公路通到家门口"]
    middle = r.articles[1]
    assert middle.flags == ["title_missing"]
    assert middle.authors == [Author("邵阳", "作者"), Author("汤敏", "作者")]


def test_a_new_lead_after_a_bylined_article_that_a_closing_byline_proves_new() -> None:
    r = segment_page(
        page(
            "城郊农庄迎来赏花客",
            "记者 常宁",
            "周末，城郊农庄的油菜花竞相开放，吸引大批市民前来观赏。",
            "农庄负责人说，今年游客数量比去年多了三成。",
            "4月2日上午，市急救中心新增的10辆负压救护车投入使用。",
            "新救护车配备了呼吸机、除颤仪等设备。",
            "记者 常宁 通讯员 包雨",
        )
    )
    assert [a.title for a in r.articles] == ["城郊农庄迎来赏花客", ""]
    assert r.articles[1].authors == [Author("常宁", "记者"), Author("包雨", "通讯员")]
    assert r.articles[0].authors == [Author("常宁", "记者")]


# ------------------------------------------------------------ 5. bylines and OCR punctuation


def test_names_at_the_end_separated_by_runs_of_spaces_are_authors() -> None:
    r = segment_page(page("## 夏粮收购有序开展", "全县已收购小麦3万吨。", "周涛    吴佳颖    孟凡"))
    assert r.articles[0].authors == [Author("周涛", "作者"), Author("吴佳颖", "作者"), Author("孟凡", "作者")]


def test_wire_tag_with_full_width_brackets_and_runs_of_spaces() -> None:
    r = segment_page(page("## 债市收益率小幅下行", "本报讯（记者   夏雨桐　实习记者　路遥）本周债市收益率小幅下行.机构预计仍将震荡."))
    [a] = r.articles
    assert a.source == "本报讯"
    assert a.authors == [Author("夏雨桐", "记者"), Author("路遥", "实习记者")]
    assert a.body == "本周债市收益率小幅下行.机构预计仍将震荡."
    assert a.flags == []  # '.' for '。' ends the sentence


def test_ocr_punctuation_swaps_do_not_cut_or_merge_articles() -> None:
    r = segment_page(
        page(
            "## 理财产品收益回升",
            "本报讯（记者 秦川）本月理财产品平均收益率回升（环比上升5个基点》.",
            "业内人士称『稳健』仍是主基调.",
            "## 黄金价格创新高",
            "本报讯（记者 秦川）国际金价本周再创新高.",
        )
    )
    assert [a.title for a in r.articles] == ["理财产品收益回升", "黄金价格创新高"]
    assert r.articles[0].body.endswith("业内人士称『稳健』仍是主基调.")


def test_credited_and_bracketed_bylines() -> None:
    r = segment_page(
        page(
            "菜市场里的新变化",
            "文/记者 祁峰 图/记者 卓然",
            "记者走访发现，多家菜市场完成了智慧化改造。",
            "小区快递柜全覆盖",
            "本报讯 全区已有300个小区安装了智能快递柜。",
            "（鲍兰）",
        )
    )
    assert r.articles[0].authors == [Author("祁峰", "记者"), Author("卓然", "记者")]
    assert r.articles[1].authors == [Author("鲍兰", "作者")]
    assert "鲍兰" not in r.articles[1].body


def test_line_roles_name_every_line() -> None:
    text = page("# 民生关注", "# 百姓心声", "# 小区加装电梯", "□本报记者 屈航", "今年全区加装电梯120部。", "（下转第三版）")
    roles = [(text[r.start : r.end], r.role) for r in line_roles(text)]
    assert roles == [
        ("# 民生关注", "banner"),
        ("# 百姓心声", "banner"),
        ("# 小区加装电梯", "head"),
        ("□本报记者 屈航", "byline"),
        ("今年全区加装电梯120部。", "body"),
        ("（下转第三版）", "note_to"),
    ]


# ------------------------------------------------------------ brief columns of bulleted items


def test_a_brief_column_of_bulleted_items_gives_one_article_an_item() -> None:
    r = segment_page(
        page(
            "渔港码头迎来开海季",
            "本报记者 乔思远",
            "8月16日，东海伏季休渔期结束，沿海各渔港的上千艘渔船陆续出海。渔政部门提前完成了船只安全检查。",
            "渔民代表表示，今年的休渔期让近海渔业资源得到了较好恢复。",
            "本地短讯",
            "△8月15日，北湾区举行重点项目签约仪式，12个项目总投资54亿元。",
            "△近日，南岭职业学院新建的实训大楼交付使用，可容纳学生2000人。",
            "△西岸街道开展夏季防溺水宣传活动，发放宣传资料3000余份。（通讯员 魏思琪）",
            "夜间经济点亮老城",
            "本报讯（记者 乔思远）老城区步行街近日推出夜间消费活动，吸引市民游客前来体验。",
        )
    )
    titles = [a.title for a in r.articles]
    assert titles == ["渔港码头迎来开海季", "", "", "", "夜间经济点亮老城"], titles
    items = r.articles[1:4]
    assert all(a.flags == ["title_missing"] for a in items)
    assert [a.body[:7] for a in items] == ["△8月15日，", "△近日，南岭职", "△西岸街道开展"]
    assert items[2].authors == [Author("魏思琪", "通讯员")] and items[2].body.endswith("3000余份。")
    assert "本地短讯" not in "".join(a.body for a in r.articles)  # the column name is no text of an article


def test_a_bulleted_item_closed_by_its_credit_keeps_the_credit_as_its_byline() -> None:
    """A line that starts with a bullet of the markup set (●, ◆ …) used to skip the closing-byline
    reading that plain paragraphs get: the credit stayed in the body and the item was 'truncated'."""
    from desktop.pipeline.evidence import shape_of

    line = "●城西净水厂扩建工程完工，日供水能力提高到15万吨。（通讯员 鲍宁）"
    assert shape_of(line).byline_at == line.index("（通讯员")
    assert shape_of("●一是加强组织领导").byline_at == 0


def test_a_page_hard_wrapped_at_a_narrow_column_width_keeps_its_articles() -> None:
    """pdftotext of a newspaper gives column-wide lines of a dozen characters: short lines
    without punctuation that are body, not headings, even where a lead's byline is cut (the
    byline is then read over the two lines)."""
    paragraphs = [
        "老旧小区加装电梯",
        "今年再推进三百台",
        "本报讯（记者 邓文山 通讯员 付小青）记者11日从市住建局获悉，今年全市计划在老旧小区加装电梯300台，"
        "目前已有126台完成备案，其中58台已经开工建设。",
        "据了解，去年全市共完成加装电梯241台，惠及居民近万户。今年将优先支持有老年人居住的楼栋。",
        "雨花区新增两处口袋公园",
        "本报讯（记者 蒋丽华）近日，雨花区圭塘街道两处口袋公园建成开放，总面积约3200平方米。",
        "据介绍，今年雨花区还将利用边角地新建口袋公园12处。",
        "夜间经济点亮消费新场景",
        "本报讯（记者 王海霞）随着气温回升，我市多个夜间消费街区人气渐旺，带动餐饮消费超过1.2亿元。",
    ]
    lines = []
    for p in paragraphs:
        lines += [p] if len(p) <= 12 else [p[i : i + 14] for i in range(0, len(p), 14)]
    result = segment_page("\n".join(lines) + "\n")
    titles = [a.title for a in result.articles]
    assert len(result.articles) == 3, titles
    assert titles[1:] == ["雨花区新增两处口袋公园", "夜间经济点亮消费新场景"]
    assert result.articles[0].title == "今年再推进三百台"  # (the line above it: kicker or banner)
    first = result.articles[0]
    # the lead's bracketed byline, cut by the line break, is read over both lines
    assert first.source == "本报讯" and first.authors == [Author("邓文山", "记者"), Author("付小青", "通讯员")]
    assert first.body.replace("\n", "").startswith("记者11日从市住建局获悉，今年全市计划在老旧小区加装电梯300台")
    assert "1.2亿元" in result.articles[2].body.replace("\n", "")
