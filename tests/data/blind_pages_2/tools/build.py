#!/usr/bin/env python3
"""Build blind_pages_2 pages + gold from annotated sources (src/NN_style.src).

Source line kinds (prefix + '|'):
  N|text   page noise (folio, masthead, banner, ad): printed, in no article
  A|       start of a new article (not printed)
  M|k=v    article metadata: title kicker subtitle byline authors(name:role,...) source
           dateline flags(comma) continued_from continued_to
  T|text   printed line of the article that is not body (headline, byline line)
  P|text   body paragraph (printed on one line unless @wrap)
  C|text   continuation of the previous body paragraph (column break / wrap), joined w/o space
  S|text   sub-head: printed; body paragraph and `sections` (leading #/■ removed)
  Q|text   caption / credit line of the article: printed; goes to `captions`
  X|text   printed, belongs to the article, neither body nor caption
  (empty)  printed empty line;   %...  comment
Inline: [[text|LABEL]] or [[text|LABEL|json-value]] = span; {{text}} = printed, not body.
Directives: @wrap N (hard-wrap P/C/X lines at display width N, ASCII = 1/2), @indent S
Usage: python3 tools/build.py [NN ...]
"""
import json, re, sys, os, glob

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = {"PER", "ORG", "LOC", "DATE", "MONEY", "PERCENT", "DOC"}
ROLES = {"记者", "特约记者", "实习记者", "通讯员", "作者"}
FLAGS = {"title_missing", "title_misplaced", "truncated", "continued"}
FOREIGN = ("港元", "美元", "欧元", "日元", "英镑", "卢布", "坚戈", "澳门元", "新台币", "韩元")
CJK = re.compile(r"[\u3400-\u9fff〇]")
ALNUM = re.compile(r"[A-Za-z0-9]")
TOKEN = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")


def parse_inline(s):
    """-> list of (char, span_id or None, excluded?) and span defs {id: (label, value|MISSING)}"""
    chars, spans, pos, sid = [], {}, 0, 0
    for m in TOKEN.finditer(s):
        for ch in s[pos:m.start()]:
            chars.append((ch, None, False))
        if m.group(1) is not None:
            parts = m.group(1).split("|")
            assert len(parts) in (2, 3) and parts[1] in LABELS, m.group(0)
            sid += 1
            spans[sid] = (parts[1], json.loads(parts[2]) if len(parts) == 3 else "AUTO")
            for ch in parts[0]:
                chars.append((ch, sid, False))
        else:
            for ch in m.group(2):
                chars.append((ch, None, True))
        pos = m.end()
    for ch in s[pos:]:
        chars.append((ch, None, False))
    return chars, spans


def printed(s):
    return "".join(c for c, _, _ in parse_inline(s)[0])


def cn_num(s):
    return float(s)


def money_value(t):
    if any(f in t for f in FOREIGN):
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:余|多)?(千|百|万|亿|万亿)?(?:余|多)?元", t)
    if not m:
        raise ValueError("money needs explicit value: " + t)
    v = float(m.group(1)) * {None: 1, "百": 100, "千": 1000, "万": 1e4, "亿": 1e8, "万亿": 1e12}[m.group(2)]
    v = round(v, 2)
    return int(v) if v == int(v) and m.group(2) else (int(v) if v == int(v) else v)


def ymd(y, m=None, d=None):
    s = "%04d" % int(y)
    if m:
        s += "-%02d" % int(m)
    if d:
        s += "-%02d" % int(d)
    return s


def date_value(t):
    if not re.search(r"\d{4}", t):
        return None
    suf = r"(?:底|初|末|年度|上半年|下半年|一季度|二季度|三季度|四季度|上旬|中旬|下旬)*"
    m = re.fullmatch(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?" + suf, t)
    if m:
        return ymd(*m.groups())
    m = re.fullmatch(r"(\d{4})—(\d{4})年", t) or re.fullmatch(r"(\d{4})年(?:至|—|-|到)(\d{4})年", t)
    if m:
        return {"start": ymd(m.group(1)), "end": ymd(m.group(2))}
    m = re.fullmatch(r"(\d{4})年(\d{1,2})(?:月)?(?:—|至|-)(\d{1,2})月", t)
    if m:
        return {"start": ymd(m.group(1), m.group(2)), "end": ymd(m.group(1), m.group(3))}
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:—|至)(\d{1,2})日", t)
    if m:
        return {"start": ymd(*m.groups()[:3]), "end": ymd(m.group(1), m.group(2), m.group(4))}
    raise ValueError("date needs explicit value: " + t)


def auto_value(label, text):
    if label == "MONEY":
        return money_value(text)
    if label == "DATE":
        return date_value(text)
    if label == "PERCENT":
        m = re.match(r"[\d.]+", text)
        if not m:
            raise ValueError("percent needs explicit value: " + text)
        return float(m.group(0))
    return None


def normalize(chars):
    """drop excluded chars, strip, drop OCR spaces between ASCII alnum and CJK"""
    cs = [(c, i) for c, i, ex in chars if not ex]
    while cs and cs[0][0] in " \u3000\t":
        cs.pop(0)
    while cs and cs[-1][0] in " \u3000\t":
        cs.pop()
    out, k = [], 0
    while k < len(cs):
        if cs[k][0] == " ":
            j = k
            while j < len(cs) and cs[j][0] == " ":
                j += 1
            left = out[-1][0] if out else ""
            right = cs[j][0] if j < len(cs) else ""
            if (ALNUM.match(left) and CJK.match(right)) or (CJK.match(left) and ALNUM.match(right)):
                k = j
                continue
            out.extend(cs[k:j])
            k = j
            continue
        out.append(cs[k])
        k += 1
    return out


def clean_heading(s):
    s = printed(s).strip().lstrip("#").strip()
    s = re.sub(r"^■\s*", "", s)
    return "".join(c for c, _ in normalize([(c, None, False) for c in s]))


def width(ch):
    return 0.5 if ord(ch) < 128 else 1.0


def wrap(line, w):
    out, cur, cw = [], "", 0.0
    for ch in line:
        if cw + width(ch) > w:
            out.append(cur)
            cur, cw = "", 0.0
        cur += ch
        cw += width(ch)
    if cur:
        out.append(cur)
    return out


def build(src):
    name = os.path.basename(src)[:-4]
    lines = open(src, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    wrapw, indent = None, ""
    page, arts, cur = [], [], None
    warns = []
    for ln in lines:
        if ln.startswith("%"):
            continue
        if ln.startswith("@wrap "):
            wrapw = float(ln.split()[1]); continue
        if ln.startswith("@indent "):
            indent = ln[len("@indent "):]; continue
        if ln == "":
            page.append(""); continue
        kind, _, txt = ln.partition("|")
        if kind == "N":
            page.append(txt); continue
        if kind == "A":
            cur = {"meta": {}, "paras": [], "captions": [], "sections": []}
            arts.append(cur); continue
        assert cur is not None, ln
        if kind == "M":
            k, _, v = txt.partition("=")
            cur["meta"][k] = v; continue
        if kind in "PCX":
            p = printed(txt)
            if kind in "PC" and indent and kind == "P":
                p = indent + p
            if wrapw:
                wl = [x.strip(" ") for x in wrap(p, wrapw)]
                if sum(width(ch) for ch in wl[-1]) >= wrapw - 2:
                    print("  warn: wrapped paragraph ends with a (nearly) full line: " + wl[-1])
                page.extend(wl)
            else:
                page.append(p)
            if kind == "P":
                cur["paras"].append(txt)
            elif kind == "C":
                cur["paras"][-1] += txt
            continue
        if kind == "T":
            page.append(printed(txt)); continue
        if kind == "S":
            page.append(printed(txt))
            h = clean_heading(txt)
            cur["sections"].append(h)
            cur["paras"].append(re.sub(r"^\s*(#+|■)\s*", "", txt)); continue
        if kind == "Q":
            page.append(printed(txt))
            cur["captions"].append(printed(txt).strip()); continue
        raise ValueError("bad line: " + ln)
    page_text = "\n".join(page) + "\n"
    recs = []
    for pos, a in enumerate(arts):
        body_parts, spans = [], []
        off = 0
        for para in a["paras"]:
            chars, sdef = parse_inline(para)
            norm = normalize(chars)
            text = "".join(c for c, _ in norm)
            # spans
            seen = {}
            for k, (c, sid) in enumerate(norm):
                if sid is not None:
                    seen.setdefault(sid, [k, k])[1] = k
            for sid, (s, e) in sorted(seen.items(), key=lambda x: x[1][0]):
                label, val = sdef[sid]
                stext = text[s:e + 1]
                if val == "AUTO":
                    val = auto_value(label, stext)
                spans.append({"start": off + s, "end": off + e + 1, "label": label, "text": stext, "value": val})
            body_parts.append(text)
            off += len(text) + 1
        body = "\n".join(body_parts)
        m = a["meta"]
        authors = []
        if m.get("authors"):
            for x in m["authors"].split(","):
                n, r = x.split(":")
                authors.append({"name": n, "role": r})
        rec = {"page": name + ".txt", "position": pos,
               "title": m.get("title", ""), "kicker": m.get("kicker", ""), "subtitle": m.get("subtitle", ""),
               "byline": m.get("byline", ""), "authors": authors, "source": m.get("source", ""),
               "dateline": m.get("dateline", ""),
               "flags": [f for f in m.get("flags", "").split(",") if f],
               "captions": a["captions"], "sections": a["sections"], "body": body, "spans": spans,
               "continued_from": m.get("continued_from", ""), "continued_to": m.get("continued_to", "")}
        unknown = set(m) - {"title", "kicker", "subtitle", "byline", "authors", "source", "dateline", "flags",
                             "continued_from", "continued_to"}
        assert not unknown, unknown
        recs.append(rec)
    return name, page_text, recs


# ---------------------------------------------------------------- checks
def squash(s):
    return re.sub(r"[ \u3000\t]", "", s)


def rest_match(rest, lines, j, depth=0):
    if rest == "":
        return True
    for jj in range(j, min(j + 25, len(lines))):
        l = lines[jj]
        if not l:
            continue
        if rest.startswith(l) and rest_match(rest[len(l):], lines, jj + 1):
            return True
        if l.startswith(rest):
            return True
    return False


def in_page(p, lines):
    p = squash(p)
    for i, l in enumerate(lines):
        if p in l:
            return True
        for k in range(min(len(l), len(p)), 0, -1):
            if l.endswith(p[:k]) and rest_match(p[k:], lines, i + 1):
                return True
    return False


def check(name, page_text, recs):
    errs, warns = [], []
    lines = [squash(l) for l in page_text.split("\n")]
    for r in recs:
        tag = "%s#%d" % (name, r["position"])
        b = r["body"]
        if list(r.keys()) != ["page", "position", "title", "kicker", "subtitle", "byline", "authors", "source",
                              "dateline", "flags", "captions", "sections", "body", "spans", "continued_from",
                              "continued_to"]:
            errs.append(tag + " fields")
        last = -1
        for s in r["spans"]:
            if b[s["start"]:s["end"]] != s["text"]:
                errs.append("%s span text %r" % (tag, s))
            if s["start"] < last:
                errs.append("%s overlap/unsorted %r" % (tag, s))
            last = s["end"]
            if s["text"] != s["text"].strip() or not s["text"]:
                errs.append("%s span ws %r" % (tag, s))
            if s["label"] not in LABELS:
                errs.append(tag + " label")
            if s["label"] in ("PER", "ORG", "LOC", "DOC") and s["value"] is not None:
                errs.append(tag + " value on " + s["text"])
            if s["label"] == "DATE" and s["value"] is not None and not re.search(r"\d{4}", s["text"]):
                errs.append(tag + " date value without year " + s["text"])
            if s["label"] == "DATE" and s["value"] is None and re.search(r"\d{4}年", s["text"]):
                errs.append(tag + " date missing value " + s["text"])
            if s["label"] == "MONEY" and s["text"].endswith("元") and not any(f in s["text"] for f in FOREIGN) \
                    and not isinstance(s["value"], (int, float)):
                errs.append(tag + " money value " + s["text"])
            if s["label"] == "PERCENT" and not isinstance(s["value"], float):
                errs.append(tag + " percent value " + s["text"])
            if "\n" in s["text"]:
                errs.append(tag + " span across paragraphs")
        for p in b.split("\n"):
            if not p or p != p.strip():
                errs.append("%s empty/ws paragraph" % tag)
            if not in_page(p, lines):
                errs.append("%s body paragraph not in page: %s" % (tag, p[:40]))
        for f in ("title", "kicker", "subtitle", "byline"):
            if r[f] and squash(r[f]) not in squash("".join(lines)):
                errs.append("%s %s not in page: %s" % (tag, f, r[f]))
        for c in r["captions"] + r["sections"]:
            if not in_page(c, lines):
                errs.append("%s caption/section not in page: %s" % (tag, c))
        for sct in r["sections"]:
            if sct not in b.split("\n"):
                errs.append(tag + " section not a body paragraph: " + sct)
        for a in r["authors"]:
            if a["role"] not in ROLES or not a["name"] or " " in a["name"]:
                errs.append(tag + " author " + str(a))
            if a["name"] not in squash(r["byline"]):
                errs.append(tag + " author not in byline " + a["name"])
        for f in r["flags"]:
            if f not in FLAGS:
                errs.append(tag + " flag " + f)
        if r["title"] == "" and "title_missing" not in r["flags"]:
            errs.append(tag + " no title but not flagged")
        if r["dateline"] and squash(r["dateline"]) not in squash(b) and not re.match(r"\d{4}-", r["dateline"]):
            warns.append(tag + " dateline not in body: " + r["dateline"])
        for a in r["authors"]:
            if a["name"] in b:
                errs.append(tag + " author name in body (end byline not excluded?) " + a["name"])
        if re.search(r"（[^）]{0,6}记者", b):
            errs.append(tag + " byline-like text in body")
        if any(x in b for x in ("[[", "]]", "{{", "}}", "|")):
            errs.append(tag + " markup left in body")
        # lint: unannotated repeats of annotated strings (PER/ORG/LOC/DOC) in the same page
    allspans = {}
    for r in recs:
        for s in r["spans"]:
            if s["label"] in ("PER", "ORG", "LOC", "DOC") and len(s["text"]) >= 2:
                allspans.setdefault(s["text"], s["label"])
    for r in recs:
        cov = set()
        for s in r["spans"]:
            cov.update(range(s["start"], s["end"]))
        for t, lab in allspans.items():
            for m in re.finditer(re.escape(t), r["body"]):
                if not (set(range(m.start(), m.end())) & cov):
                    warns.append("%s#%d unannotated %s %s: …%s…" % (name, r["position"], lab, t,
                                                                   r["body"][max(0, m.start() - 8):m.end() + 8]))
    return errs, warns


def main():
    want = sys.argv[1:]
    review = "--review" in want
    want = [w for w in want if w != "--review"]
    total = {}
    allerr = 0
    for src in sorted(glob.glob(os.path.join(ROOT, "src", "*.src"))):
        nn = os.path.basename(src)[:2]
        if want and nn not in want:
            continue
        name, page_text, recs = build(src)
        errs, warns = check(name, page_text, recs)
        with open(os.path.join(ROOT, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(page_text)
        with open(os.path.join(ROOT, name + ".gold.jsonl"), "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        cnt = {}
        for r in recs:
            for s in r["spans"]:
                cnt[s["label"]] = cnt.get(s["label"], 0) + 1
        print("%s: %d chars, %d articles, %d spans %s" % (name, len(page_text), len(recs),
                                                           sum(cnt.values()), json.dumps(cnt, ensure_ascii=False)))
        for e in errs:
            print("  ERROR", e)
        for w in warns:
            print("  warn", w)
        allerr += len(errs)
        if review:
            for r in recs:
                print("  --- #%d %s | k=%s | s=%s | by=%s %s | src=%s | dl=%s | fl=%s | cap=%s | sec=%s | cont=%s/%s" % (
                    r["position"], r["title"], r["kicker"], r["subtitle"], r["byline"],
                    [(a["name"], a["role"]) for a in r["authors"]], r["source"], r["dateline"], r["flags"],
                    r["captions"], r["sections"], r["continued_from"], r["continued_to"]))
                print("     " + " ".join("%s:%s%s" % (s["label"], s["text"],
                                                      "" if s["value"] is None else "=" + json.dumps(s["value"], ensure_ascii=False))
                                         for s in r["spans"]))
    sys.exit(1 if allerr else 0)


if __name__ == "__main__":
    main()
