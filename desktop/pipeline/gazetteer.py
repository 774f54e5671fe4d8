"""Administrative divisions and countries: the compiled gazetteer and its loading.

Owns: ``Gazetteer`` (dictionaries keyed by name, built from JioNLP's data files
shipped in resources/gazetteer, ``china_location.zip`` and ``world_location.txt``),
``load_gazetteer`` (process-wide,
with a pickle cache in the user cache dir keyed by the zip's size and mtime) and
``resolve_code`` (pick the division code of an ambiguous name from its context),
``code_of_name`` (the code of a whole place name read as a chain of names).

What it holds:
* ``admin``: full names of provinces, cities and counties -> their 6-digit codes;
* ``aliases``: short forms (四川, 成都, 广汉) -> codes, without the ones that are
  common words (listed in ``resources/lexicon/place_alias_stoplist.txt``, or, for a
  county's short name, tagged by jieba as a non-place word);
* ``towns`` / ``villages``: town and community/village names (no codes), kept only
  when they end with their level suffix (镇, 乡, 街道 …; 社区, 村 …), because the
  bare names repeat all over the country;
* ``countries``: short and full country names;
* ``world_cities``: the capitals and main cities of other countries (伦敦, 迪拜, 布达佩斯;
  no code), without Chinese divisions and the names of the stoplist (汉堡, 米兰, 河内);
* ``province_abbr``: one-character province abbreviations (川, 渝 …) and
  ``city_initials``: the first character of each prefecture-level city, by province.
"""

from __future__ import annotations

import os
import pickle
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from desktop.pipeline.jieba_words import JiebaWords, jieba_words
from desktop.resources import gazetteer_zip, resource_path

_CACHE_VERSION = 7
TOWN_SUFFIXES: tuple[str, ...] = ("街道", "镇", "乡", "苏木")
VILLAGE_SUFFIXES: tuple[str, ...] = ("社区", "村", "居委会", "嘎查")
# One-character abbreviations of provincial divisions that are rarely ordinary words.
PROVINCE_ABBR: dict[str, str] = {
    "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000",
    "辽": "210000", "沪": "310000", "苏": "320000", "浙": "330000", "皖": "340000",
    "闽": "350000", "赣": "360000", "鲁": "370000", "豫": "410000", "鄂": "420000",
    "湘": "430000", "粤": "440000", "桂": "450000", "琼": "460000", "渝": "500000",
    "川": "510000", "蜀": "510000", "黔": "520000", "滇": "530000", "藏": "540000",
    "陕": "610000", "陇": "620000", "港": "810000", "澳": "820000",
}  # fmt: skip
_COMMON_WORD_TAGS = frozenset("a v d ad vn m q c p u r t f i b s z mq j l e o y k g x".split())
_NAME_TAGS = frozenset(("nr", "nrt", "nrfg", "nz", "n"))
_NAME_TAG_MAX_FREQ = 200


@dataclass
class Gazetteer:
    admin: dict[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    chain_only: frozenset[str] = frozenset()
    towns: frozenset[str] = frozenset()
    villages: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    world_cities: frozenset[str] = frozenset()
    city_initials: dict[str, frozenset[str]] = field(default_factory=dict)  # char -> province codes
    first_char_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    max_town_len: int = 0
    max_village_len: int = 0

    def lookup(self, name: str) -> tuple[str, ...] | None:
        """Codes of a division name or alias (empty tuple for a country or a world city); None if unknown."""
        codes = self.admin.get(name)
        if codes is not None:
            return codes
        codes = self.aliases.get(name)
        if codes is not None:
            return codes
        if name in self.countries or name in self.world_cities:
            return ()
        return None


def resolve_code(codes: tuple[str, ...], context: list[str]) -> str | None:
    """The code among ``codes`` that fits the places named before (``context``, nearest last)."""
    if len(codes) == 1:
        return codes[0]
    for known in reversed(context):
        for prefix_len in (4, 2):
            if known[2:] == "0000" and prefix_len == 4:
                continue
            fitting = [c for c in codes if c[:prefix_len] == known[:prefix_len]]
            if len(fitting) == 1:
                return fitting[0]
    return None


def code_of_name(name: str, gaz: Gazetteer, context: list[str]) -> str | None:
    """Division code of a place name read as a chain of gazetteer names (四川省 + 广汉市 + 金鱼镇).

    The name is read left to right, longest known division name or alias first;
    the code of the deepest division found wins, ambiguous names resolved with
    ``context`` (codes of places named before, nearest last) and the chain so far.
    None when no part of the name is a coded division.
    """
    code: str | None = None
    chain = list(context)
    i, n = 0, len(name)
    while i < n:
        for size in gaz.first_char_lengths.get(name[i], ()):
            if i + size <= n:
                codes = gaz.lookup(name[i : i + size])
                if codes is not None:
                    found = resolve_code(codes, chain) if codes else None
                    if found is not None:
                        code = found
                        chain.append(found)
                    i += size
                    break
        else:
            i += 1
    return code


def _read_lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]


def _alias_is_common_word(alias: str, tags: JiebaWords) -> bool:
    entry = tags.entry(alias)
    if entry is None:
        return False
    freq, tag = entry
    if tag == "ns":
        return False
    if tag in _NAME_TAGS:
        return freq > _NAME_TAG_MAX_FREQ
    return True


_PHRASE_START_TAGS = frozenset(("v", "vn", "a", "ad", "d", "p", "c", "r", "m", "b"))


def _local_name_is_distinctive(name: str, suffixes: tuple[str, ...], tags: JiebaWords) -> bool:
    """False for town/village names that read as ordinary phrases (公益社区, 新建金山村, 化农村)."""
    suffix = next(s for s in suffixes if name.endswith(s))
    stem = name[: -len(suffix)]
    if _alias_is_common_word(stem, tags):
        return False
    head = tags.entry(stem[:2])
    if len(stem) > 2 and head is not None and head[1] in _PHRASE_START_TAGS:
        return False
    tail = tags.entry(name[-2:])  # 农村, 乡村, 城镇: the suffix glued to a common word
    return not (len(suffix) == 1 and tail is not None and tail[1] != "ns" and tail[0] > 1000)


def build_gazetteer(zip_path: Path, world_path: Path | None) -> Gazetteer:
    """Parse the JioNLP data files into a ``Gazetteer`` (about a second; see ``load_gazetteer``)."""
    with zipfile.ZipFile(zip_path) as zf:
        text = zf.read(zf.namelist()[0]).decode("utf-8")
    admin: dict[str, set[str]] = {}
    aliases: dict[str, set[str]] = {}
    alias_depth: dict[str, int] = {}  # 0 province, 1 prefecture, 2 county
    towns: set[str] = set()
    villages: set[str] = set()
    city_initials: dict[str, set[str]] = {}
    for line in text.splitlines():
        stripped = line.lstrip("\t")
        depth = len(line) - len(stripped)
        parts = stripped.split("\t")
        name = parts[0].strip()
        if not name:
            continue
        if depth <= 2:
            code = parts[1] if len(parts) > 1 and parts[1].isdigit() else None
            if code is None:
                continue
            admin.setdefault(name, set()).add(code)
            if len(parts) > 2 and len(parts[2]) >= 2 and parts[2] != name:
                aliases.setdefault(parts[2], set()).add(code)
                alias_depth[parts[2]] = min(depth, alias_depth.get(parts[2], depth))
            if depth == 1 and code[2:4] != "00" and code[4:] == "00":
                city_initials.setdefault(name[0], set()).add(code[:2] + "0000")
        elif depth == 3 and name.endswith(TOWN_SUFFIXES) and len(name) >= 3:
            towns.add(name)
        elif depth == 4 and name.endswith(VILLAGE_SUFFIXES) and len(name) >= 3:
            villages.add(name)
    stoplist = frozenset(_read_lines(resource_path("lexicon", "place_alias_stoplist.txt")))
    tags = jieba_words()
    towns = {t for t in towns if _local_name_is_distinctive(t, TOWN_SUFFIXES, tags)}
    villages = {v for v in villages if _local_name_is_distinctive(v, VILLAGE_SUFFIXES, tags)}
    # A province's or prefecture's short name is kept whatever jieba tags it (合肥 n, 遵义 v, 金华 nz:
    # its tags of city names are noise); the few that are common words are in the stoplist (白银,
    # 日照).  A county's short name is kept only when jieba files it as no common word (比如, 公安).
    kept_aliases = {
        a: tuple(sorted(c))
        for a, c in aliases.items()
        if a not in admin and a not in stoplist and (alias_depth[a] <= 1 or not _alias_is_common_word(a, tags))
    }
    countries: set[str] = set()
    cities: set[str] = set()
    if world_path is not None and world_path.is_file():
        for line in world_path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 2 and not line.endswith(":"):
                countries.update(c for c in cols[:2] if len(c) >= 2)
                cities.update(c for col in cols[2:4] for c in col.split("/") if len(c) >= 2)
    # Not jieba's common-word test of the aliases: it files 莫斯科, 柏林 and 首尔 as names or adverbs.
    # The cities that are common words or names are in the stoplist instead (汉堡, 米兰, 河内).
    world_cities = {c for c in cities if c not in countries and c not in admin and c not in aliases and c not in stoplist}
    gaz = Gazetteer(
        admin={n: tuple(sorted(c)) for n, c in admin.items()},
        aliases=kept_aliases,
        chain_only=frozenset(n for n in admin if n in stoplist),
        towns=frozenset(towns),
        villages=frozenset(villages),
        countries=frozenset(countries),
        world_cities=frozenset(world_cities),
        city_initials={c: frozenset(p) for c, p in city_initials.items()},
        max_town_len=max(map(len, towns), default=0),
        max_village_len=max(map(len, villages), default=0),
    )
    lengths: dict[str, set[int]] = {}
    for name in (*gaz.admin, *gaz.aliases, *gaz.countries, *gaz.world_cities):
        if len(name) >= 2:
            lengths.setdefault(name[0], set()).add(len(name))
    gaz.first_char_lengths = {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}
    return gaz


def _world_path(zip_path: Path) -> Path:
    return zip_path.with_name("world_location.txt")


def _cache_file(zip_path: Path) -> Path:
    """Keyed by the zip's and the stoplist's size and mtime, so editing either rebuilds."""
    st = zip_path.stat()
    stop = resource_path("lexicon", "place_alias_stoplist.txt").stat()
    key = f"v{_CACHE_VERSION}-{st.st_size}-{int(st.st_mtime)}-{stop.st_size}-{int(stop.st_mtime)}"
    return Path(platformdirs.user_cache_dir("newsdesk")) / f"gazetteer-{key}.pickle"


_lock = threading.Lock()
_loaded: Gazetteer | None = None


def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: from the pickle cache when valid, else built and cached."""
    global _loaded
    with _lock:
        if _loaded is not None:
            return _loaded
        zip_path = gazetteer_zip()
        cache = _cache_file(zip_path)
        gaz: Gazetteer | None = None
        try:
            with open(cache, "rb") as f:
                candidate = pickle.load(f)
            if isinstance(candidate, Gazetteer):
                gaz = candidate
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            gaz = None
        if gaz is None:
            gaz = build_gazetteer(zip_path, _world_path(zip_path))
            _write_cache(cache, gaz)
        _loaded = gaz
        return gaz


def _write_cache(cache: Path, gaz: Gazetteer) -> None:
    """Write atomically; a read-only or full cache dir only costs the next start a rebuild."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass
