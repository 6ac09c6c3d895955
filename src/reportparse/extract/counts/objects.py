"""What is counted: the noun phrase after the unit or before the number, by jieba's words."""

from __future__ import annotations

from collections.abc import Sequence

from ...segment import Token, tokens, word_tag
from .words import CountLexicon

_DATE_HEADS = ("年度", "年", "月份", "月", "日", "号")  # after a number that ends a window
_VERB_TAGS = frozenset({"v", "vd", "vi", "vq", "vg"})
_NON_OBJECT_TAGS = frozenset({"p", "c", "d", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "m"})
_TAIL_TAGS = frozenset({"p", "d", "ad"})
_ADVERB_TAGS = frozenset({"d", "ad"})


# --- what is counted? ------------------------------------------------------------------------


def object_span(
    folded: str,
    start: int,
    end: int,
    kind: str,
    lo: int,
    hi: int,
    lx: CountLexicon,
    *,
    listed: bool,
) -> tuple[int, int] | None:
    """Where the counted object stands: after the unit when a noun follows, else before.

    ``start``, ``end``: the count; ``lo``, ``hi``: the bounds of the search. ``listed``:
    ``lo`` is the end of the previous count, so a 、 there makes this count the next item
    of a list (委务会3次、整改落实工作领导小组会议5次).
    """
    if kind == "duration":
        for word in ("时间", "的时间"):
            if folded.startswith(word, end) and end + len(word) <= hi:
                return (end + len(word) - 2, end + len(word))
        return None
    if kind not in ("person", "percent"):
        after = _object_after(folded, end, hi, lx, adverbial=kind == "event")
        if after is not None:
            return after
    return _object_before(folded, lo, start, lx, listed=listed, kind=kind)


def _object_after(
    folded: str, start: int, hi: int, lx: CountLexicon, *, adverbial: bool
) -> tuple[int, int] | None:
    """细化157条[整改措施], 2000件印有…标识的[执勤棉服坎肩]: the noun phrase after the unit.

    A 的 after a verb closes a relative clause, and the head noun after it is counted; a 的
    right after a noun is possessive (4起[事故]的直接责任人), and that noun is counted.
    ``adverbial``: the unit counts events (两次下调利率), so a verb after it is what was done.
    """
    brk = lx.break_after.search(folded, start, hi)
    if brk is not None:
        hi = brk.start()
    de = folded.find("的", start, hi)
    if de > start and _quotes_balanced(folded, start, de):
        if _is_nominal(folded, start, de):
            hi = de
        else:
            start = folded.rfind("的", start, hi) + 1
    cut_after = lx.cut_after
    if hi <= start or cut_after.match(folded, start, hi) or _opens_verb_phrase(folded, start, hi):
        return None
    if adverbial and _starts_with_verb(folded, start, hi, lx):
        return None
    cut = cut_after.search(folded, start + 1, hi)
    if cut is not None:
        hi = cut.start()
    if hi - start > 2 or lx.function_char.search(folded, start, hi):
        verb_follows = cut is not None and cut.group() != "的"
        hi = _noun_end(folded, start, hi, lx, verb_follows=verb_follows)
    return (start, hi) if hi - start >= 2 else None


def _is_nominal(folded: str, start: int, end: int) -> bool:
    """True when ``folded[start:end]`` is nouns only (事故, 部门): no verb makes it a clause."""
    return all(
        tok.tag[:1] in ("n", "j")
        and tok.tag != "nr"
        and (word_tag(tok.word[:2]) or "n")[:1] != "v"  # 符合条件 is a noun to jieba
        for tok in tokens(folded[start:end])
    )


def _starts_with_verb(folded: str, start: int, hi: int, lx: CountLexicon) -> bool:
    words = tokens(folded[start:hi])
    return bool(words) and _is_verb(words[0], lx)


def _opens_verb_phrase(folded: str, start: int, hi: int) -> bool:
    """分两期|组织培训: two verbs in a row after the unit are what was done, not what is counted."""
    if hi - start < 4:
        return False
    first, second = word_tag(folded[start : start + 2]), word_tag(folded[start + 2 : start + 4])
    return first in _VERB_TAGS and second is not None and second[:1] == "v"


def _noun_end(folded: str, start: int, hi: int, lx: CountLexicon, *, verb_follows: bool) -> int:
    """End of the noun phrase opening ``folded[start:hi]``, by jieba's words and tags.

    A verb ends it only where no noun follows (网格员|开展|全覆盖), so verbs inside a compound
    stay (远程在线课堂, 执法司法理念), unless it is a two-character verb right after a noun
    (国债|支持灾后): that is a predicate. Function words and time words end it; so does a
    trailing run of single characters holding a personal name (直接责任人|芦艾林); quoted
    words are kept whole. ``verb_follows``: a verb ends the window, so a verbal noun right
    before it belongs to the predicate (措施|调整增加为).
    """
    words = tokens(folded[start:hi])
    name_tail = _name_tail(words)
    depth = 0
    for i, tok in enumerate(words):
        if tok.word in "“‘《":
            depth += 1
        elif tok.word in "”’》":
            depth -= 1
        if depth > 0 or tok.tag == "x":
            continue
        j = i
        while j < len(words) and words[j].tag in _VERB_TAGS:
            j += 1  # 国家|自主|创新|示范区: a run of verbs before a noun is a modifier
        if j > i:
            nxt = words[j].tag if j < len(words) else ""
        else:
            nxt = words[i + 1].tag if i + 1 < len(words) else ""
        if tok.tag == "c" and i > 0 and nxt.startswith(("n", "j")) and tok.word in "或和及与":
            continue  # 示范区或高新区: one object of two kinds
        if tok.tag in _NON_OBJECT_TAGS and i > 0:
            if tok.tag == "p" and i > 1 and words[i - 1].tag in ("v", "vn"):
                return start + words[i - 1].start  # 开发区|升级为: the verb goes with 为
            return start + tok.start
        if tok.tag in _VERB_TAGS and not nxt.startswith(("n", "vn", "x", "j", "l")):
            return start + tok.start
        if (
            i > 0
            and _is_verb(tok, lx)
            and words[i - 1].tag[:1] == "n"
            and len(words[i - 1].word) > 1
        ):
            modifier = (  # 国家|自主创新|示范区, but not 政法委|整改落实|情况
                nxt[:1] == "n"
                and j < len(words)
                and len(words[j].word) > 1
                and words[j].word not in lx.light_heads
            )
            if (any(_is_verb(w, lx) for w in words[i + 1 :]) and not modifier) or (
                words[-1].tag == "vn" and len(words) - 1 > i  # 国债|支持基础设施建设
            ):
                return start + tok.start
        if i > 0 and i in name_tail:
            return start + tok.start
    if verb_follows and len(words) > 1 and words[-1].tag == "vn":
        return start + words[-1].start
    return hi


def _name_tail(words: Sequence[Token]) -> range:
    """The ``i`` for which ``words[i:]`` is two or more one-character words holding a personal
    name (芦|艾|林): a trailing run of single characters, up to its last name character."""
    n = len(words)
    first = n
    while first > 0 and len(words[first - 1].word) == 1:
        first -= 1
    if first >= n - 1:
        return range(0)  # no run of two single characters at the end (the usual case)
    last_name = max((k for k in range(first, n) if words[k].tag.startswith("nr")), default=-1)
    return range(first, min(last_name, n - 2) + 1)


def _is_verb(tok: Token, lx: CountLexicon) -> bool:
    """A governing verb: from the verb list, or a jieba verb of two or more characters.

    One-character verbs are mostly suffixes or directions inside nouns (赤字|率, 下|社区).
    """
    if tok.word in lx.governing:
        return True
    return tok.tag in _VERB_TAGS and len(tok.word) > 1 and tok.word not in lx.keep_words


def _object_before(
    folded: str, lo: int, end: int, lx: CountLexicon, *, listed: bool, kind: str
) -> tuple[int, int] | None:
    """召开[市委政法委全体会议]17次, 查摆[问题]70余条: the noun phrase right before the number.

    A linking word before the number (增长, 为, 平均为, 拟按) is dropped and its subject is
    the object (居民消费价格上涨0.2%); a comparison (比上年增加1.1万亿元) counts a difference
    with no object here. Otherwise the object follows the last governing verb of
    lexicon/count_verbs.txt that no 的 follows (制定细化[整改措施]; 召开涉及整改的会议 keeps
    the clause). Other verbs inside the window are modifiers (推动改革促进发展整改事项); a
    window that ends in a verb counts the activity for people and events (入户走访2100余户)
    and nothing for other units (事故造成43人, 今年先发行1万亿元).
    """
    if end <= lo:
        return None
    if listed and folded[lo] == "、":  # 整改事项35个、[推动改革促进发展整改事项]26个
        lo += 1
    brk = lx.break_before_reversed.search(folded[lo:end][::-1])
    if brk is not None:
        lo = end - brk.start()
        if folded[lo - 1].isdigit():
            lo += next((len(w) for w in _DATE_HEADS if folded.startswith(w, lo, end)), 0)
    if end <= lo or folded[end - 1] == "、":  # 降低准备金率、两次: a list item, not the object
        return None
    tail = _tail_start(folded, lo, end, lx.tail)  # 价格上涨, 失业率平均为, 提高到
    linked = tail < end
    end = tail
    words = tokens(folded[lo:end])
    n = len(words)
    while n and (words[n - 1].tag in _TAIL_TAGS or words[n - 1].word in "（("):
        n, linked = n - 1, True  # 赤字率拟按, 凡有
    if n == 0 or (
        folded.find("比", lo, end) >= 0 and any(w.word == "比" and w.tag == "p" for w in words[:n])
    ):
        return None
    end = lo + words[n - 1].end
    if linked and (words[n - 1].word in lx.tail_words or _is_verb(words[n - 1], lx)):
        return None
    lead = None if folded.startswith(lx.keep, lo, end) else lx.lead.match(folded, lo, end)
    start = lo if lead is None else lead.end()
    verbs = _governing_verbs(folded, start, end, words[:n], lo, lx, initial=not listed)
    if not verbs:
        if not _is_verb(words[n - 1], lx):
            return _trim(folded, lo, end, lx)
        verbs = [(lo + words[n - 1].start, end)]
    free = [v for v in verbs if folded.find("的", v[1], end) < 0]
    rest = free[-1][1] if free else verbs[0][1]
    if folded.find("的", rest, end) < 0:  # 制定修订[行政法规]: skip a run of verbs
        while (nxt := lx.verb.match(folded, rest, end)) is not None:
            rest = nxt.end()
    if rest >= end:  # the window ends with its verb
        if linked or kind not in ("person", "event") or end - lo > 4:
            return None
        if folded.endswith(lx.result_verbs, lo, end):
            return None  # 火灾造成12人: the people are the result, not an activity
        return _trim(folded, lo, end, lx)  # 入户走访2100余户, 参会120人: the activity is counted
    return _trim(folded, rest, end, lx)


def _tail_start(folded: str, lo: int, end: int, tail: tuple[str, ...]) -> int:
    """Start of the run of up to four linking words ending ``folded[lo:end]`` (end if none).

    Each step takes the longest word that fits, as the alternation matched backwards would.
    """
    pos = end
    for _ in range(4):
        if not folded.endswith(tail, lo, pos):
            break
        pos -= next(len(w) for w in tail if folded.endswith(w, lo, pos))
    return pos


def _governing_verbs(
    folded: str,
    start: int,
    end: int,
    words: Sequence[Token],
    base: int,
    lx: CountLexicon,
    *,
    initial: bool,
) -> list[tuple[int, int]]:
    """Governing verbs of ``folded[start:end]``: listed ones (not inside a domain noun such as
    城镇新增就业), and, when ``initial``, a clause-initial verb of jieba's (明确举一反三整改事项);
    a list item after 、 has its verb before the list (、推动改革促进发展整改事项26个)."""
    # listed verbs inside a word of the domain's nouns (城镇新增就业) are part of that noun
    terms = [(base + w.start, base + w.end) for w in words if w.word in lx.noun_terms]
    found = [
        m.span()
        for m in lx.verb.finditer(folded, start, end)
        if m.group() not in lx.link_words
        and not (terms and any(s <= m.start() and m.end() <= e for s, e in terms))
    ]
    # 发展改革委已优先考虑[营口电厂]: a verb after an adverb
    for k in [k for k, w in enumerate(words[:-1], 1) if w.tag in _ADVERB_TAGS]:
        if _is_verb(words[k], lx) and base + words[k].start >= start:
            span = (base + words[k].start, base + words[k].end)
            if not any(s <= span[0] < e for s, e in found):
                found.append(span)
    found.sort()
    if start == base:
        first = words[0] if words else None
    else:
        first = next((w for w in words if base + w.start >= start), None)
    if (
        initial
        and first is not None
        and _is_verb(first, lx)
        and base + first.start + len(first.word) < end
    ):
        span = (base + first.start, base + first.end)
        if not any(s <= span[0] < e for s, e in found):
            found.insert(0, span)
    return found


def _trim(folded: str, lo: int, end: int, lx: CountLexicon) -> tuple[int, int] | None:
    """Drop leading function words (全市累计, 各类); None when a function word ends it."""
    if not folded.startswith(lx.keep, lo, end):
        lead = lx.lead.match(folded, lo, end)
        if lead is not None:
            lo = lead.end()
    if end - lo < 2 or folded.endswith(lx.stop_tail, lo, end):
        return None
    return (lo, end)


def _quotes_balanced(folded: str, lo: int, hi: int) -> bool:
    """True when ``folded[lo:hi]`` opens no quotation or title it does not close."""
    return all(folded.count(a, lo, hi) == folded.count(b, lo, hi) for a, b in ("“”", "‘’", "《》"))


QUOTES = '“‘"'


def unquote(obj: str) -> str:
    """“飞地” -> 飞地: a wholly quoted term is the term; 《…》 titles keep their brackets."""
    for a, b in ("“”", "‘’", '""'):
        if len(obj) > 2 and obj[0] == a and obj[-1] == b and obj.count(a) == 1:
            return obj[1:-1]
    return obj
