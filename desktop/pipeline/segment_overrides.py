"""Line shapes whose role the layout makes plain, over the line-role model's reading.

Owns: ``with_plain_headlines``, applied by ``segment.decide_roles`` to the model's per-line
role scores before the decoder weighs them.

* **A dashed subtitle under a headline.**  Papers without marks print a headline as one or
  two plain lines and a ``——`` subtitle right under them, no blank line between::

      产业援疆结硕果 戈壁沙滩变“绿电”基地        (kicker)
      和田百万千瓦光伏治沙项目首批并网发电        (title)
      ——年发电量预计达 18 亿千瓦时，可带动 3200 余人就业

  The model, trained on pages that mostly mark such blocks with ``#``, can read the
  subtitle as the first line of a body, and the byline under it as the byline that closes
  an article: the article is then cut in two.  A ``——`` line of at most 60 characters that
  ends no sentence, printed together with one or two heading-shaped lines above it, makes
  all of them headline lines, and a byline line printed right under them the byline above
  the article's body.
* **A headline framed by stars.**  A short line between two stars (★ 菜篮子价格平稳 ★) is a
  headline, whatever the model reads; one star before an item is only its bullet.
* **An author's name under a headline.**  A line that is one person's name and nothing else,
  printed right under a line the model reads as a headline, is the article's byline (a
  commentary or an essay signed 柳明哲 under its title), not the first line of its body.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from desktop.pipeline.evidence import PageEvidence
from desktop.pipeline.roles import BYLINE, HEAD

# The model's score given to the role the layout makes plain (log 1: certain).
_PLAIN = 0.0
# At most this many plain lines above a dashed subtitle belong to its headline (kicker, title).
_ABOVE = 2
# A line framed by stars and at most this long is a headline (★ 菜篮子价格平稳 ★); a star
# alone before an item is a bullet (★4月10日至4月12日，市图书馆闭馆…).
_STARS = frozenset("★☆")
_FRAMED_CHARS = 40
# A subtitle may hold a comma (——年发电量预计达 18 亿千瓦时，可带动 3200 余人就业), not a sentence end.
_SUBTITLE_CHARS = 60


def with_plain_headlines(ev: PageEvidence, scores: Sequence[Mapping[str, float]]) -> list[dict[str, float]]:
    """``scores`` (per line, role -> log-probability) with HEAD made certain on the lines of
    each plain headline that ends in a dashed subtitle and on a line framed by stars, and BYLINE
    on a byline right under such a headline and on a name alone under a likely headline (see
    the module doc)."""
    out = [dict(s) for s in scores]
    for k, shape in enumerate(ev.shapes):
        if k == 0 or not (shape.dash and not shape.ends and shape.length <= _SUBTITLE_CHARS) or ev.lines[k].blank_before:
            continue
        above: list[int] = []
        j = k - 1
        while j >= 0 and len(above) < _ABOVE and _plain_heading(ev, j):
            above.append(j)
            if ev.lines[j].blank_before:
                break
            j -= 1
        if not above:
            continue
        for i in (*above, k):
            out[i][HEAD] = _PLAIN
        after = k + 1
        if after < len(ev.shapes) and ev.shapes[after].byline and not ev.lines[after].blank_before:
            out[after][BYLINE] = _PLAIN  # the byline under the headline, above the body
    for k, line in enumerate(ev.lines):
        text = line.text.strip()
        if 2 < len(text) <= _FRAMED_CHARS and text[:1] in _STARS and text[-1:] == text[:1] and not ev.shapes[k].ends:
            out[k][HEAD] = _PLAIN  # ★ 菜篮子价格平稳 ★: a headline framed by stars
    for k, shape in enumerate(ev.shapes):
        if k and shape.lone_name and not ev.lines[k].blank_before and _likeliest(scores[k - 1]) == HEAD:
            out[k][BYLINE] = _PLAIN  # 在全面深化改革中更好统筹发展和安全 / 柳明哲: the author's name
    return out


def _likeliest(row: Mapping[str, float]) -> str:
    return max(row, key=row.__getitem__) if row else ""


def _plain_heading(ev: PageEvidence, k: int) -> bool:
    """Line ``k`` could be a headline line: heading-shaped, no sentence end, no byline, no wire tag."""
    s = ev.shapes[k]
    return s.headingish and not s.dash and not s.ends and not s.byline and s.lead is None and s.note is None and not s.image
