"""Segmentation and extraction together (``process_text``) on arbitrary text never
crash and always give spans inside their article body, text == body[start:end],
without overlaps, and valid segment offsets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.pipeline.process import process_text

PIECES = ["#", "# ", "□", "——", "\n", "\n\n", "\n\n\n", "　", " ", "。", "，", "：", "（", "）", "本报讯", "记者 ",
          "□本报记者 王伟", "成都市", "青白江区", "李鹏飞", "2023年", "3月5日", "12亿元", "30%", "第3版",
          "四川省财政厅", "图为", "（上接第1版）", "◆", "●", "\u3000\u3000", "ー", "𠮷", "😀"]

texts = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=12),
        st.text(alphabet="0123456789.,%", max_size=8),
        st.text(max_size=6),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_process_text_invariants(text: str) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # process_text takes normalised line ends
    result = process_text(text)
    for art in result.articles:
        body = art.body
        prev_end = -1
        for sp in sorted(art.spans, key=lambda s: (s.start, s.end)):
            assert 0 <= sp.start < sp.end <= len(body), (sp, len(body))
            assert sp.text == body[sp.start:sp.end], sp
            assert sp.start >= prev_end, f"overlap at {sp}"
            prev_end = sp.end
        for sec in art.sections:
            assert 0 <= sec.start <= sec.end <= len(body), sec
    assert result.text == text
    for block in result.blocks:  # page blocks outside articles: offsets into the page text
        assert 0 <= block.start <= block.end <= len(text), block
        assert block.text == text[block.start:block.end] or block.text.strip() in text, block
