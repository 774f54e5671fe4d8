"""The learned line-role model: gold line roles, training, the shipped model file, fallbacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.pipeline.evaluate import score_segmentation
from desktop.pipeline.evidence import PageEvidence
from desktop.pipeline.lines import split_lines
from desktop.pipeline.segment import line_roles, segment_page
from desktop.pipeline.segment_features import CLASS_FEATURE, FEATURE_VERSION, page_features
from desktop.pipeline.segment_gold import gold_line_roles, load_dev_pages, page_group
from desktop.pipeline.segment_model import RoleModel, default_model, model_path
from desktop.pipeline.segment_train import data_digest, train, training_items

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "pages"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def dev_pages():
    return load_dev_pages(PAGES, SEEDS)


def test_gold_line_roles_cut_every_development_page_into_its_gold_articles(dev_pages) -> None:
    """The training labels are right: cutting a page by its gold roles gives the gold articles."""
    assert len(dev_pages) >= 29
    for page in dev_pages:
        assert len(page.roles) == len(page.lines)
        score = score_segmentation(page.gold, segment_page(page.text, roles=page.roles))
        assert score["matched"] == score["gold"] == score["predicted"], page.name


def test_gold_roles_of_an_invented_page() -> None:
    text = (
        "本版编辑 某某\n\n# 老街换新颜\n□本报记者 柯岚\n\n老街改造完成，商户陆续回归。\n\n"
        "改造共投入资金两千万元。\n\n## 夜市开张\n\n晚报讯（记者 温故）夜市昨晚开张，人气很旺。\n"
    )
    gold = [
        {"title": "老街换新颜", "byline": "本报记者 柯岚", "body": "老街改造完成，商户陆续回归。\n改造共投入资金两千万元。"},
        {"title": "夜市开张", "byline": "记者 温故", "source": "晚报讯", "body": "夜市昨晚开张，人气很旺。"},
    ]
    # The editor line is of no article: a heading-shaped line right above a headline is a banner.
    assert gold_line_roles(text, gold) == ["banner", "head", "byline", "body", "body", "head", "lead"]


def test_a_body_line_of_a_new_article_with_nothing_above_it_is_new_body() -> None:
    text = "## 春耕备耕忙\n\n各地抓紧春耕备耕。\n\n4月2日，市图书馆新馆开放。\n"
    gold = [
        {"title": "春耕备耕忙", "body": "各地抓紧春耕备耕。"},
        {"title": "", "body": "4月2日，市图书馆新馆开放。", "flags": ["title_missing"]},
    ]
    assert gold_line_roles(text, gold) == ["head", "body", "new_body"]


def test_pages_of_one_paper_are_one_group() -> None:
    assert page_group("000_393dcde445c1e241.txt") == page_group("004_14c3287801999b99.txt") == "seeds"
    assert page_group("blind04_evening_paper.txt") == "blind04_evening_paper"


def test_features_describe_shape_not_words() -> None:
    text = "# 春风行动送岗位\n\n□本报记者 严冬\n\n招聘会提供岗位三千个。\n\n## 秋收时节\n\n今年粮食再获丰收。\n"
    features = page_features(PageEvidence(split_lines(text)))
    assert len(features) == 5 and all(f[CLASS_FEATURE].startswith("c=") for f in features)
    used = {ch for f in features for name in f for ch in name}
    assert not used & set(text.replace("#", "").replace(" ", "").replace("\n", "")) - set("=|")
    other = "# 秋收时节粮满仓\n\n□本报记者 夏至\n\n今年粮食再获丰收了。\n"
    assert page_features(PageEvidence(split_lines(other)))[1] == page_features(
        PageEvidence(split_lines("# 春风行动送岗位\n\n□本报记者 严冬\n\n招聘会提供岗位三千个。\n"))
    )[1]  # a byline line between the same shapes: the same features, whatever its words


def test_a_model_trained_on_a_few_pages_segments_another(tmp_path: Path, dev_pages) -> None:
    train_pages = [p for p in dev_pages if p.name.startswith(("dev0", "held0"))]
    items = training_items(train_pages, n_variants=1, seed=3)
    assert len(items) > len(train_pages)  # the variants are there
    params = {"c1": 0.05, "c2": 0.05, "max_iterations": 40, "variants": 1, "seed": 3, "decoder": "joint", "move_weight": 1.0}
    model = train(items, tmp_path / "m.crfsuite", params)
    assert json.loads((tmp_path / "m.json").read_text())["feature_version"] == FEATURE_VERSION
    held = next(p for p in dev_pages if p.name.startswith("blind11"))
    score = score_segmentation(held.gold, segment_page(held.text, model=model))
    assert score["matched"] >= 3
    roles = line_roles(held.text, model=model)
    assert len(roles) == len(held.lines) and {r.role for r in roles} <= set(model.labels)


def test_the_shipped_model_is_built_from_the_current_pages_and_features(dev_pages) -> None:
    model = default_model()
    assert model is not None and model.path == model_path()
    assert model.meta["feature_version"] == FEATURE_VERSION
    assert model.meta["data_sha256_16"] == data_digest(dev_pages), (
        "the development pages or their gold changed: rebuild the model "
        "(python -m desktop.pipeline.segment_train --cv --out resources/models/segmenter.crfsuite)"
    )
    assert model.path.stat().st_size < 1_000_000
    assert (model.path.parent / "segmenter.md").is_file()


def test_a_model_of_other_features_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    src = model_path()
    (tmp_path / "old.crfsuite").write_bytes(src.read_bytes())
    (tmp_path / "old.json").write_text(json.dumps({"feature_version": FEATURE_VERSION + 1}))
    with pytest.raises(ValueError, match="rebuild"):
        RoleModel(tmp_path / "old.crfsuite")
    with pytest.raises(FileNotFoundError):
        RoleModel(tmp_path / "missing.crfsuite")


def test_without_a_model_the_hand_set_scorer_still_cuts_pages() -> None:
    text = "# 老街换新颜\n\n□本报记者 柯岚\n\n老街改造完成。\n\n# 夜市开张\n\n□本报记者 温故\n\n夜市昨晚开张。\n"
    assert [a.title for a in segment_page(text, model=None).articles] == ["老街换新颜", "夜市开张"]


def test_an_empty_page_has_no_roles() -> None:
    model = default_model()
    assert model is not None
    ev = PageEvidence(split_lines(""))
    assert model.tag(ev) == [] and model.log_probs(ev) == []
    assert segment_page("").articles == []
