"""Page decoding: every encoding a newsroom produces, and clear refusals."""

from __future__ import annotations

import os

import pytest

from desktop.pipeline.ingest import UndecodableError, content_hash, decode_page

SAMPLE = "# 四川推动普惠金融高质量发展\n\n□本报记者 赵蝶\n\n近日,四川省财政厅出台《通知》，总投资 473 亿元。\n"


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf_16_le"),
        ("utf-16-be", "utf_16_be"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
    ],
)
def test_each_encoding_decodes_to_the_same_text(encoding, expected, seed_texts):
    text = SAMPLE + next(iter(seed_texts.values()))[:2000]
    page = decode_page(text.encode(encoding))
    assert page.text == text
    assert page.encoding == expected


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_are_normalised(newline):
    page = decode_page(SAMPLE.replace("\n", newline).encode("utf-8"))
    assert page.text == SAMPLE
    assert page.raw_text == SAMPLE.replace("\n", newline)


def test_binary_file_is_refused_with_a_reason():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20
    with pytest.raises(UndecodableError, match="binary|undecodable"):
        decode_page(png)
    with pytest.raises(UndecodableError):
        decode_page(os.urandom(4096))


def test_empty_and_blank_files_are_refused():
    with pytest.raises(UndecodableError, match="empty"):
        decode_page(b"")
    with pytest.raises(UndecodableError, match="empty"):
        decode_page(b" \n\r\n\t ")


def test_truncated_utf8_loses_only_the_cut_character():
    data = SAMPLE.encode("utf-8") + "金".encode()[:2]
    page = decode_page(data)
    assert page.text == SAMPLE
    assert page.warnings and "UTF-8" in page.warnings[0]


def test_mixed_utf8_and_gb18030_lines():
    a, b = "第一行是UTF-8编码的中文。", "第二行是GB18030编码的中文。"
    page = decode_page(a.encode("utf-8") + b"\n" + b.encode("gb18030") + b"\n" + a.encode("utf-8"))
    assert page.text == f"{a}\n{b}\n{a}"
    assert "mixed" in page.warnings[0]


def test_control_characters_make_a_file_binary():
    with pytest.raises(UndecodableError, match="control"):
        decode_page(("正文" + "\x01\x02\x03" * 50).encode("utf-8"))


def test_content_hash_is_stable_and_sensitive():
    assert content_hash(b"abc") == content_hash(b"abc")
    assert content_hash(b"abc") != content_hash(b"abd")


def test_utf8_damaged_in_the_middle_keeps_its_text_and_says_so(seed_texts):
    text = next(iter(seed_texts.values()))[:3000]
    data = text.encode("utf-8")
    cut = data.index("本报".encode()) if "本报" in text else 300
    damaged = data[:cut] + b"\xe6" + data[cut:]  # a lone lead byte, as a torn copy leaves
    page = decode_page(damaged)
    assert page.encoding == "utf-8"
    assert page.text.replace("\ufffd", "") == text
    assert "replaced" in page.warnings[0]


def test_gb18030_is_not_mistaken_for_damaged_utf8(seed_texts):
    text = next(iter(seed_texts.values()))[:3000]
    page = decode_page(text.encode("gb18030"))
    assert page.encoding == "gb18030" and page.text == text and not page.warnings
