"""Line roles and the evidence score of each role for each line of a page.

Owns: the role vocabulary (``ROLES``), the hand-set weights (``W``) and
``emissions`` (line -> {role: score} for the roles the line can plausibly have).
The decoder (``desktop.pipeline.decode``) adds the scores of how roles follow
one another and picks the best sequence for the whole page.

Roles
-----
``banner``       a column name or page slogan above a headline, of no article
``head``         a line of a headline block (kicker, title or subtitle; which one
                 is decided inside the block by ``headline.headline_parts``)
``title_after``  a headline printed after the body it belongs to
``subhead``      a section head inside an article
``byline``       a byline printed above the body (``□本报记者 某某``, ``记者 某某``)
``lead``         a wire tag (``本报讯（记者 某某）``) opening the first paragraph
``end_byline``   a byline closing an article (``某某 文/图``, ``某某    某某``)
``note_from``    ``（上接第一版）``; ``note_to``: ``（下转第四版）``
``body``         a paragraph (or part of one) of the current article
``new_body``     the first paragraph of an article that has no headline here
``caption``      a photo caption, caption title or credit
``image``        an image placeholder line (``![](…)``)
``noise``        nothing readable

The weights were set by hand and tuned on the development pages as a whole
(``tests/data/pages``), never for one page: each names a piece of evidence any
paper can show.
"""

from __future__ import annotations

import re

from desktop.pipeline.evidence import SHORT_HEADING, PageEvidence, containment
from desktop.pipeline.lines import strip_marks as s_core

_LABEL_RE = re.compile(r"^[【〖\[「][^】〗\]」]{1,12}[】〗\]」]$")

BANNER, HEAD, TITLE_AFTER, SUBHEAD, BYLINE, LEAD, END_BYLINE = (
    "banner", "head", "title_after", "subhead", "byline", "lead", "end_byline",
)  # fmt: skip
NOTE_FROM, NOTE_TO, BODY, NEW_BODY, CAPTION, IMAGE, NOISE = (
    "note_from", "note_to", "body", "new_body", "caption", "image", "noise",
)  # fmt: skip
ROLES: tuple[str, ...] = (
    BANNER, HEAD, TITLE_AFTER, SUBHEAD, BYLINE, LEAD, END_BYLINE,
    NOTE_FROM, NOTE_TO, BODY, NEW_BODY, CAPTION, IMAGE, NOISE,
)  # fmt: skip

# Hand-set weights (log-odds-like points).  Names say what the evidence is.
W: dict[str, float] = {
    "certain": 6.0,  # a pattern that decides the role on its own (wire tag, note, image)
    "head_marked": 1.0,  # '#' or '##' marks a headline more often than not
    "head_level3": -1.0,  # '###' is mostly a sub-head
    "head_then_byline": 3.0,  # a byline, wire tag or continuation note follows the heading
    "head_then_lead_shape": 1.0,  # the next paragraph opens like a piece of news
    "head_inline_subtitle": 2.0,  # 'title ——subtitle' on one line
    "head_plain_body_on_bylined_page": -1.5,  # this paper prints bylines, and none follows
    "head_parallel": -1.5,  # one of a set of look-alike headings: sub-heads
    "head_after_open_sentence": -3.0,  # the previous paragraph stops mid-sentence
    "marked_head_after_open_sentence": -1.0,
    "head_new_subject": 1.0,  # the text after it shares almost no wording with the text before
    "head_first_after_byline": 0.3,  # the first heading inside a bylined run
    "head_page_end": -2.0,  # nothing after it on the page
    "subhead_parallel": 1.5,
    "subhead_level3": 1.0,
    "subhead_balanced": 0.5,
    "subhead_label": 2.5,  # a bracketed label such as 【现场】: a section of the article  # two clauses set apart by a comma or a space
    "subhead_same_subject": 1.0,  # the text after it carries on the subject of the text before
    "subhead_not_before_body": -3.0,
    "banner_short": 1.5,  # four to six characters: a column name
    "banner_set_apart": 1.5,  # a plain line set apart by a blank line above another heading
    "banner_not_above_heading": -4.0,
    "kicker_above_bigger": 1.0,  # '###' right above '#', or printed together with the title
    "kicker_short": -1.5,
    "title_after_overlap": 3.0,  # repeats the wording of the body above it
    "caption_column_break": 2.5,  # a heading-shaped line inside a sentence cut by a column
    "caption_after_image": 3.5,
    "caption_credit": 4.0,  # ends with a credit (某某摄)
    "caption_credit_line": 5.0,  # a bracketed credit of its own ((图片由…提供))
    "caption_last_line": 0.5,  # a heading-shaped line closing an article
    "byline_box": 4.0,
    "byline_above_body": 2.5,
    "end_byline": 2.5,
    "end_byline_names": 2.0,
    "end_byline_lone_name": 1.5,
    "new_body_base": -4.0,
    "new_body_lead_shape": 2.0,
    "new_body_new_subject": 1.5,
    "body_in_heading_shape": -2.0,
    "noise": 3.0,
}
NEW_SUBJECT_MAX_OVERLAP = 0.08  # bigram share of the next text found in the text before: a new subject
SAME_SUBJECT_MIN_OVERLAP = 0.15
SUBJECT_CHARS = 120
NEW_LEAD_MAX_OVERLAP = 0.15  # a paragraph sharing less than this with the one before may open new news
TITLE_AFTER_MIN_OVERLAP = 0.3
TITLE_AFTER_HINT = 0.1  # share of its wording found just above: worth reading the whole article
ARTICLE_CHARS, ARTICLE_LINES = 4000, 40  # how far back a late headline's article is read


def _heading_roles(ev: PageEvidence, k: int) -> dict[str, float]:
    s = ev.shapes[k]
    line = ev.lines[k]
    nxt = ev.next_index(k)
    nxt_shape = ev.shapes[nxt] if nxt is not None else None
    after = ev.next_after_headings(k)
    after_shape = ev.shapes[after] if after is not None else None
    scores: dict[str, float] = {}

    # --- a line of a headline block
    head = W["head_marked"] if s.level in (1, 2) else (W["head_level3"] if s.level >= 3 else 0.0)
    if after is None:
        head += W["head_page_end"]
    elif ev.is_bylineish(after) or (after_shape is not None and after_shape.note and after_shape.note[0] == "from"):
        head += W["head_then_byline"]
    elif ev.bodyish(after):
        if after_shape is not None and after_shape.lead_shape:
            head += W["head_then_lead_shape"]
        if ev.bylined_page and not s.dash:
            head += W["head_plain_body_on_bylined_page"]
    if " ——" in line.text or "　——" in line.text:
        head += W["head_inline_subtitle"]
    if ev.parallel[k]:
        head += W["head_parallel"]
    if not ev.prev_ends(k):
        # A marked headline after a cut sentence: the article above was cut at the page edge.
        head += W["head_after_open_sentence"] if s.level == 0 else W["marked_head_after_open_sentence"]
    before_text = ev.window_before(k)
    after_text = ev.window_after(k)
    # Does the text after the heading carry on the subject of the text before it?
    carry = containment(after_text[:SUBJECT_CHARS], before_text) if before_text and after_text else None
    if carry is not None and carry < NEW_SUBJECT_MAX_OVERLAP:
        head += W["head_new_subject"]
    if k > 0 and ev.is_top_byline_run_start(k):
        head += W["head_first_after_byline"]
    scores[HEAD] = head

    # --- a section head inside the article
    if nxt is not None and nxt_shape is not None and ev.bodyish(nxt) and not s.dash:
        sub = 0.0
        if ev.parallel[k]:
            sub += W["subhead_parallel"]
        if s.level >= 3:
            sub += W["subhead_level3"]
        if _LABEL_RE.match(s_core(line.text)):
            sub += W["subhead_label"]
        if s.separators:
            sub += W["subhead_balanced"]
        if carry is not None and carry >= SAME_SUBJECT_MIN_OVERLAP:
            sub += W["subhead_same_subject"]
        if not ev.prev_ends(k):
            sub += W["head_after_open_sentence"]
        scores[SUBHEAD] = sub

    # --- a banner above a headline, or a kicker (scored as 'head' when it is one)
    if nxt is not None and nxt_shape is not None and nxt_shape.headingish and not s.dash and not nxt_shape.dash and not s.lone_name:
        banner = 0.0
        together = ev.lines[nxt].blank_before == 0 and ev.uses_blank_lines and (s.level > 0) == (nxt_shape.level > 0)
        if s.length <= SHORT_HEADING and not together:
            banner += W["banner_short"]
        if s.level == 0 and ev.lines[nxt].blank_before > 0:
            banner += W["banner_set_apart"]
        if s.level > 0 and nxt_shape.level > 0 and s.level <= nxt_shape.level and s.length > SHORT_HEADING:
            banner -= 2.0  # a long marked line above a smaller one is the title
        scores[BANNER] = banner
        # Above another heading the line is a kicker or the top of the block: the evidence
        # that follows the block is shared with the lines below it.
        kicker = 0.0
        if (s.level > nxt_shape.level > 0) or (s.level == 0 and nxt_shape.level == 0 and ev.lines[nxt].blank_before == 0):
            kicker += W["kicker_above_bigger"]
        if s.length <= SHORT_HEADING:
            kicker += W["kicker_short"]
        if after is not None and ev.is_bylineish(after):
            kicker += W["head_then_byline"] / 2
        scores[HEAD] = kicker

    # --- a headline printed after its own body
    late = late_title_overlap(ev, k, before_text, after_text)
    if late is not None:
        scores[TITLE_AFTER] = W["title_after_overlap"] + late

    # --- a caption title
    cap = 0.0
    if k > 0 and ev.shapes[k - 1].image:
        cap += W["caption_after_image"]
    if k > 0 and s.level == 0 and not ev.prev_ends(k) and nxt is not None and ev.bodyish(nxt) and s.separators == 0:
        cap += W["caption_column_break"]
    if nxt_shape is not None and nxt_shape.credit:
        cap += 1.0
    if nxt is None or not ev.bodyish(nxt):
        cap += W["caption_last_line"]
    scores[CAPTION] = cap - 1.0

    if s.lone_name:
        scores[END_BYLINE] = W["end_byline_lone_name"] if ev.prev_ends(k) else -2.0
    scores[BODY] = W["body_in_heading_shape"]
    return scores


def late_title_overlap(
    ev: PageEvidence,
    k: int,
    before_text: str,
    after_text: str,
    overlaps: tuple[float, float] | None = None,
) -> float | None:
    """How much more of heading ``k``'s wording is in the article above than in the text
    below, when it stands where a headline printed after its body stands (after a finished
    body, before the next headline or byline) and repeats that article's wording; else None.
    ``overlaps``: the heading's containment in ``before_text`` and ``after_text`` if known."""
    nxt = ev.next_index(k)
    nxt_shape = ev.shapes[nxt] if nxt is not None else None
    ends_block = nxt is None or (nxt_shape is not None and (nxt_shape.headingish or ev.is_bylineish(nxt)))
    if not (before_text and ends_block and ev.prev_ends(k)):
        return None
    text = ev.lines[k].text
    before_overlap, after_overlap = overlaps or (containment(text, before_text), containment(text, after_text))
    if before_overlap < TITLE_AFTER_HINT:
        return None
    article_text = ev.window_before(k, ARTICLE_CHARS, ARTICLE_LINES)
    whole_overlap = containment(text, article_text)
    if whole_overlap >= TITLE_AFTER_MIN_OVERLAP and whole_overlap > after_overlap:
        return whole_overlap - after_overlap
    return None


def _body_roles(ev: PageEvidence, k: int) -> dict[str, float]:
    s = ev.shapes[k]
    scores = {BODY: 0.0}
    if ev.shapes[k].lead_shape and ev.prev_ends(k):
        new = W["new_body_base"]
        if s.lead_shape:
            new += W["new_body_lead_shape"]
        before = ev.window_before(k)
        if before and containment(ev.lines[k].text[:SUBJECT_CHARS], before) < NEW_LEAD_MAX_OVERLAP:
            new += W["new_body_new_subject"]
        scores[NEW_BODY] = new
    return scores


def emissions(ev: PageEvidence, k: int) -> dict[str, float]:
    """Evidence score of each plausible role of line ``k``."""
    s = ev.shapes[k]
    certain = W["certain"]
    if s.noise:
        return {NOISE: W["noise"]}
    if s.image:
        return {IMAGE: certain}
    if s.note:
        return {NOTE_FROM if s.note[0] == "from" else NOTE_TO: certain}
    if s.lead:
        return {LEAD: certain}
    if s.box:
        return {BYLINE: W["byline_box"], END_BYLINE: 0.0}
    if s.byline or s.names:
        nxt = ev.next_index(k)
        above_body = nxt is not None and (ev.bodyish(nxt) or ev.shapes[nxt].lead is not None)
        scores = {END_BYLINE: W["end_byline"] if s.byline else W["end_byline_names"]}
        if above_body:
            scores[BYLINE] = W["byline_above_body"] if (k > 0 and ev.shapes[k - 1].headingish) else 0.5
        return scores
    if s.credit:
        weight = W["caption_credit_line"] if s.length <= 40 else W["caption_credit"]
        scores = {CAPTION: weight}
        scores.update({role: v - 2.0 for role, v in _body_roles(ev, k).items()})
        return scores
    if s.headingish:
        return _heading_roles(ev, k)
    return _body_roles(ev, k)
