"""A tiny invented BIO corpus for the tagger's tests (not seed or corpus text)."""

from __future__ import annotations

from pathlib import Path

# (sentence, [(entity text, label), ...]) — every entity occurs once in its sentence.
SENTENCES: list[tuple[str, list[tuple[str, str]]]] = [
    ("王铁柱今天到青石县考察。", [("王铁柱", "PER"), ("青石县", "LOC")]),
    ("林小溪在白沙镇中学任教。", [("林小溪", "PER"), ("白沙镇中学", "ORG")]),
    ("青石县水利局召开会议。", [("青石县水利局", "ORG")]),
    ("赵大勇和孙晓梅去了南川市。", [("赵大勇", "PER"), ("孙晓梅", "PER"), ("南川市", "LOC")]),
    ("东江电力公司的周明亮说。", [("东江电力公司", "ORG"), ("周明亮", "PER")]),
    ("来自北岭村的吴春花获奖。", [("北岭村", "LOC"), ("吴春花", "PER")]),
    ("南川市教育局表彰了郑秋月。", [("南川市教育局", "ORG"), ("郑秋月", "PER")]),
    ("钱多多从白沙镇回到青石县。", [("钱多多", "PER"), ("白沙镇", "LOC"), ("青石县", "LOC")]),
    ("东江大学的冯子健发表论文。", [("东江大学", "ORG"), ("冯子健", "PER")]),
    ("陈一鸣在北岭村调研。", [("陈一鸣", "PER"), ("北岭村", "LOC")]),
    ("南川市政府与东江电力公司签约。", [("南川市政府", "ORG"), ("东江电力公司", "ORG")]),
    ("褚青青说，青石县的变化很大。", [("褚青青", "PER"), ("青石县", "LOC")]),
    ("卫东升来到南川市。", [("卫东升", "PER"), ("南川市", "LOC")]),
    ("蒋小雨参观了东江大学。", [("蒋小雨", "PER"), ("东江大学", "ORG")]),
    ("沈一帆在青石县水利局工作。", [("沈一帆", "PER"), ("青石县水利局", "ORG")]),
    ("韩梅梅家住白沙镇。", [("韩梅梅", "PER"), ("白沙镇", "LOC")]),
    ("杨小山和朱大海都是北岭村人。", [("杨小山", "PER"), ("朱大海", "PER"), ("北岭村", "LOC")]),
    ("秦岭峰考上了东江大学。", [("秦岭峰", "PER"), ("东江大学", "ORG")]),
    ("尤佳佳到南川市教育局报到。", [("尤佳佳", "PER"), ("南川市教育局", "ORG")]),
    ("许多年后，何晓东回到青石县。", [("何晓东", "PER"), ("青石县", "LOC")]),
]


def tags_of(sentence: str, entities: list[tuple[str, str]]) -> list[str]:
    tags = ["O"] * len(sentence)
    for text, label in entities:
        start = sentence.index(text)
        tags[start] = "B-" + label
        for i in range(start + 1, start + len(text)):
            tags[i] = "I-" + label
    return tags


def write_corpus(path: Path, sentences=SENTENCES) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for sentence, entities in sentences:
            for char, tag in zip(sentence, tags_of(sentence, entities)):
                f.write(f"{char}\t{tag}\n")
            f.write("\n")
    return path
