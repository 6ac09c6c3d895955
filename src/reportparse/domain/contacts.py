"""Text -> Contacts: the phones, addresses, postcodes, e-mails, websites and mailboxes a report
gives for its feedback, each labelled (电话：…, 邮编…) or, for e-mails and web addresses, bare."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from ..chars import alternation
from ..lexicon import load_records
from ..models import Contact, ContactKind
from ..source import SourceText
from ..span import Span

_PHONE = regex.compile(
    r"(?:\(0\d{2,3}\)|0\d{2,3}[-—－]?)?\d{7,8}(?:[-转]\d{1,5})?(?!\d)|1[3-9]\d{9}(?!\d)|\d{5}(?!\d)"
)
_POSTCODE = regex.compile(r"\d{6}(?!\d)")
_VALUE_STOP = regex.compile(r"[;；,，。\n]")
_NEXT_PHONE = regex.compile(r"\s*[、/或,，]\s*")

# a label that starts the next value (…常德道119号邮编300050), not a word inside this one
# (北京市1001信箱)
_NEXT_LABEL = regex.compile(
    "(?:"
    + alternation([row["label"] for row in load_records("contact_labels")])
    + r")(?=\s*[:：\d])"
)


@dataclass(frozen=True)
class _Patterns:
    """The contact formulas, compiled once from the lexicon tables."""

    kinds: dict[str, str]  # each label's kind of contact
    contact: re.Pattern[str]
    email: regex.Pattern[str]
    website: regex.Pattern[str]
    mailbox: regex.Pattern[str]


@cache
def _patterns() -> _Patterns:
    rows = load_records("contact_labels")
    labels = alternation([row["label"] for row in rows])
    return _Patterns(
        kinds={row["label"]: row["kind"] for row in rows},
        # the stdlib engine scans a literal alternation over the whole text faster
        contact=re.compile(rf"(?P<label>{labels})\s*(?:[:：]|为|是)?\s*"),
        email=regex.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"),
        website=regex.compile(r"(?:https?://|www\.)[A-Za-z0-9./?=&_%#:~-]*[A-Za-z0-9/]"),
        mailbox=regex.compile(r"^[^\s，。,;；]{0,12}?\d+(?:号)?信箱"),
    )


def extract_contacts(source: SourceText) -> list[Contact]:
    """Phones, addresses, postcodes, e-mails, websites and mailboxes, in document order: every
    labelled one (电话：…, 邮编…), and e-mails and web addresses wherever they stand."""
    text, folded = source.text, source.folded
    p = _patterns()
    contacts: list[Contact] = []
    taken: list[tuple[int, int]] = []
    for hit in p.contact.finditer(folded):
        label = hit.group("label")
        label_span = Span.of(*hit.span("label"))
        values = _contact_values(folded, hit.end(), p.kinds[label])
        for kind, start, end in values:
            contacts.append(
                Contact(
                    kind=kind,
                    text=text[start:end],
                    span=Span.of(start, end),
                    label=text[label_span.start : label_span.end],
                    label_span=label_span,
                )
            )
            taken.append((start, end))
    # most reports give no bare address: a look for a character each needs (an e-mail's @, the
    # h of http or the w of www) is cheaper than its scan
    bare_kinds: tuple[tuple[ContactKind, regex.Pattern[str], str], ...] = (
        ("email", p.email, "@"),
        ("website", p.website, "hw"),
    )
    for kind, pattern, needs in bare_kinds:
        if not any(ch in folded for ch in needs):
            continue
        for bare in pattern.finditer(folded):
            if not any(s <= bare.start() < e for s, e in taken):
                start, end = bare.span()
                contacts.append(
                    Contact(kind=kind, text=text[start:end], span=Span.of(start, end), label=None)
                )
                taken.append((start, end))
    contacts.sort(key=lambda c: c.span.start)
    return contacts


def _contact_values(folded: str, pos: int, kind: str) -> list[tuple[ContactKind, int, int]]:
    """The value(s) right after a label: several phone numbers may follow one 电话."""
    p = _patterns()
    if kind == "phone":
        found: list[tuple[ContactKind, int, int]] = []
        while True:
            hit = _PHONE.match(folded, pos)
            if hit is None:
                return found
            found.append(("phone", *hit.span()))
            sep = _NEXT_PHONE.match(folded, hit.end())
            if sep is None:
                return found
            pos = sep.end()
    if kind == "postcode":
        hit = _POSTCODE.match(folded, pos)
        return [("postcode", *hit.span())] if hit else []
    if kind in ("email", "website"):
        hit = (p.email if kind == "email" else p.website).match(folded, pos)
        if hit is None and kind == "email":
            hit = p.website.match(folded, pos)
            kind = "website" if hit else kind
        return [(kind, *hit.span())] if hit else []  # type: ignore[list-item]
    stop = _VALUE_STOP.search(folded, pos)
    end = stop.start() if stop else len(folded)
    label = _NEXT_LABEL.search(folded, pos, end)
    if label is not None and label.start() > pos:
        end = label.start()
    start, end = trimmed(folded, pos, end)
    if end - start < 4 or end - start > 60:
        return []
    value_kind: ContactKind = "mailbox" if p.mailbox.match(folded[start:end]) else "address"
    return [(value_kind, start, end)]


def trimmed(folded: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the whitespace at either end."""
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return start, end
