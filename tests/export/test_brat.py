"""brat standoff: offsets slice the .txt, fragments across line breaks, the checker finds faults."""

from __future__ import annotations

from pathlib import Path

from export_samples import record_1, record_2
from desktop.export import ExportOptions, export
from desktop.export.brat import check_brat_dir, fragments


def test_export_passes_the_checker(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    stats = export("brat", [record_1(), record_2()], folder)
    assert stats.files == 5 and stats.spans == 19
    assert sorted(p.name for p in folder.iterdir()) == [
        ".newsdesk-export.json", "101.ann", "101.txt", "102.ann", "102.txt", "annotation.conf"]
    assert (folder / "101.txt").read_text(encoding="utf-8") == record_1()["body"]
    assert check_brat_dir(folder) == []


def test_ann_lines_use_code_points_fragments_and_notes(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    export("brat", [record_1()], folder)
    lines = (folder / "101.ann").read_text(encoding="utf-8").splitlines()
    assert "T2\tLOC 8 14\t四川省成都市" in lines  # after 𠮷: code points, not UTF-16
    body = record_1()["body"]
    s = body.index("国网四川")
    assert f"T12\tORG {s} {s + 4};{s + 5} {s + 9}\t国网四川 电力公司" in lines
    money = next(line for line in lines if "\tMONEY " in line).split("\t")[0]
    assert f"#2\tAnnotatorNotes {money}\t47300000000" in lines
    conf = (folder / "annotation.conf").read_text(encoding="utf-8")
    assert conf.startswith("[entities]\nPER\nORG\nLOC\nDATE\nMONEY\nPERCENT\nDOC\n")


def test_checker_finds_planted_problems(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    export("brat", [record_1(), record_2()], folder)
    ann = folder / "102.ann"
    lines = ann.read_text(encoding="utf-8").splitlines()
    assert lines[2] == "T2\tLOC 6 9\t𠮷祥村"
    lines[2] = "T2\tLOC 7 10\t𠮷祥村"  # shifted by one, as UTF-16 offsets read as code points would be
    lines.append("T99\tEVENT 0 2\t20")
    lines.append("#9\tAnnotatorNotes T77\tx")
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "101.txt").unlink()
    problems = check_brat_dir(folder)
    assert any("102.ann:3" in p and "𠮷祥村" in p for p in problems)
    assert any("EVENT is not in annotation.conf" in p for p in problems)
    assert any("T77" in p for p in problems)
    assert any(p.startswith("101.ann: no matching .txt") for p in problems)
    assert len(problems) == 4


def test_checker_flags_missing_conf_and_bad_offsets(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("成都", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tLOC 0 9\t成都\n", encoding="utf-8")
    problems = check_brat_dir(folder)
    assert problems == ["annotation.conf is missing", "a.ann:1: offsets 0 9 outside the text (length 2)"]


def test_fragments_skip_line_breaks() -> None:
    assert fragments("ab\ncd", 0, 5) == [(0, 2), (3, 5)]
    assert fragments("ab\n\ncd", 1, 6) == [(1, 2), (4, 6)]
    assert fragments("ab\n", 0, 3) == [(0, 2)]


def test_sentence_units_and_unsafe_ids(tmp_path: Path) -> None:
    rec = record_2()
    rec["id"] = "../第1版/2"
    folder = tmp_path / "s"
    stats = export("brat", [rec], folder, ExportOptions(unit="sentence"))
    names = sorted(p.name for p in folder.iterdir())
    assert "_第1版_2-s0.txt" in names and all("/" not in n for n in names)
    assert stats.records == 2 and check_brat_dir(folder) == []
