"""Synthetic newspaper archive built from the seed pages, for benchmarks.

Owns: ``make_pages(n, seed)`` — n page texts that look like the seeds (same
layout damage: `#`/plain headlines, bylines in their three forms, column breaks,
captions, OCR spaces) but recombined and varied: article blocks from different
seed pages are mixed onto one page, person names, digits, years and some place
names are replaced, so that no two pages are identical and the content hash of
every page differs.  ``write_archive(folder, n)`` writes them as files.

Run: ``python bench/synth.py OUT_DIR 1000`` writes 1,000 pages.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞斌蝶立维明山彪畅祥梅林秀蕊兵卉杰文忠邓军林艳牧"
CITIES = ["成都市", "绵阳市", "德阳市", "自贡市", "泸州市", "乐山市", "南充市", "宜宾市", "达州市", "眉山市", "广安市", "遂宁市", "内江市", "资阳市", "雅安市", "巴中市"]
_CITY_RE = re.compile("|".join(map(re.escape, CITIES)))
_BYLINE_NAME_RE = re.compile(r"(?<=记者 )([\u4e00-\u9fff]{2,3})")
_YEAR_RE = re.compile(r"20[12]\d(?=\s?年)")
_NUM_RE = re.compile(r"(?<![\d.])\d{2,4}(?![\d年月日])")


def _blocks(text: str) -> list[str]:
    """Split a page at blank lines that precede a headline-looking or byline line."""
    parts = re.split(r"\n(?=\n*(?:#|□))", text)
    return [p.strip("\n") for p in parts if p.strip()]


def _vary(text: str, rng: random.Random) -> str:
    text = _BYLINE_NAME_RE.sub(lambda m: rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(len(m.group(1)) - 1)), text)
    text = _YEAR_RE.sub(lambda m: str(rng.randint(2012, 2025)), text)
    text = _NUM_RE.sub(lambda m: str(rng.randint(10 ** (len(m.group()) - 1), 10 ** len(m.group()) - 1)), text)
    return _CITY_RE.sub(lambda m: rng.choice(CITIES) if rng.random() < 0.3 else m.group(), text)


def make_pages(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    pages = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    pool = [b for page in pages for b in _blocks(page)]
    out = []
    for i in range(n):
        base = pages[i % len(pages)]
        blocks = _blocks(base)
        # Replace about a third of the page's blocks by blocks of other pages.
        for j in range(len(blocks)):
            if rng.random() < 0.33:
                blocks[j] = rng.choice(pool)
        rng.shuffle(blocks)
        page = "\n\n\n".join(blocks) + "\n"
        out.append(_vary(page, rng) + f"\n\n（第{i + 1}版）\n")
    return out


def write_archive(folder: Path, n: int, seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(make_pages(n, seed)):
        sub = folder / f"{2015 + i // 3000:04d}" / f"{(i // 8) % 366:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"page_{i:06d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    out_dir = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    written = write_archive(out_dir, count)
    print(f"wrote {len(written)} pages, {sum(p.stat().st_size for p in written):,} bytes, to {out_dir}")
