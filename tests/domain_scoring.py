"""Per-field precision, recall and F1 of a Report's domain layer against a hand gold file.

The gold format is that of ``../shared/gold/seed_domain.json`` (the samples' golds in
``tests/data/domain_*.json`` follow it): ``meta`` fields as ``{value, accept}`` or null,
``contacts``, ``rectifications`` matched by ``node_start`` with ``measures`` matched by start,
``indicators`` matched by span with ``name_accept``, and ``indicators_optional`` left unscored.

A wrong value counts as a false positive and a false negative; ``None`` where the gold has a
value is a false negative; a value where the gold has ``None`` is a false positive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportparse import Report
from reportparse.export import META_COLUMNS as META_FIELDS

# the gold names a street address behind 邮政信箱 "postal_address"; the library's kind is address
CONTACT_KINDS = {"postal_address": "address"}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _judge(tally: Tally, predicted: Any, gold: Any, accept: list[Any]) -> None:
    """One value: right (tp), missing (fn), spurious (fp) or wrong (fp and fn)."""
    if predicted is None:
        if gold is not None and None not in accept:
            tally.fn += 1
        return
    if predicted == gold or predicted in accept:
        tally.tp += 1
    elif gold is None:
        tally.fp += 1
    else:
        tally.fp += 1
        tally.fn += 1


def score(report: Report, gold: dict[str, Any]) -> dict[str, Tally]:
    """Tallies per field: meta.<field>, meta (all fields), contacts, items, problem, opinion,
    group, status, measures and indicators."""
    tallies: dict[str, Tally] = {}

    def tally(name: str) -> Tally:
        return tallies.setdefault(name, Tally())

    _score_meta(report, gold, tally)

    predicted = {r.span.start: r for r in report.rectifications}
    gold_items = {g["node_start"]: g for g in gold["rectifications"]}
    items = tally("items")
    items.tp += len(predicted.keys() & gold_items.keys())
    items.fp += len(predicted.keys() - gold_items.keys())
    items.fn += len(gold_items.keys() - predicted.keys())
    for start, g in gold_items.items():
        r = predicted.get(start)
        _judge(tally("problem"), r and r.problem, g["problem"], [])
        _judge(tally("opinion"), r and r.opinion, g.get("opinion"), [])
        _judge(tally("group"), r and r.group, g.get("group"), g.get("group_accept", []))
        _judge(tally("status"), r and r.status, g.get("status"), g.get("status_accept", []))
        _judge(tally("deadline"), r and r.deadline, g.get("deadline"), g.get("deadline_accept", []))
        gold_starts = {m["start"] for m in g["measures"]}
        found_starts = {m.span.start for m in r.measures} if r else set()
        accepted = [{m["start"] for m in option} for option in g.get("measures_accept", [])]
        if found_starts in accepted:
            gold_starts = found_starts
        tally("measures").add(
            Tally(
                len(found_starts & gold_starts),
                len(found_starts - gold_starts),
                len(gold_starts - found_starts),
            )
        )
    for start in predicted.keys() - gold_items.keys():
        tally("problem").fp += 1
        tally("measures").fp += len(predicted[start].measures)

    _score_indicators(report, gold, tally)
    return tallies


def _score_meta(report: Report, gold: dict[str, Any], tally: Callable[[str], Tally]) -> None:
    """meta.<field> and meta (each field judged by value, with its accepted answers), contacts."""
    for name in META_FIELDS:
        entry = gold["meta"].get(name)
        value = None if entry is None else entry["value"]
        accept = [] if entry is None else entry.get("accept", [])
        one = Tally()
        _judge(one, getattr(report.meta, name), value, accept)
        tally(f"meta.{name}").add(one)
        tally("meta").add(one)

    gold_contacts = Counter(
        (CONTACT_KINDS.get(c["kind"], c["kind"]), c["text"]) for c in gold["contacts"]
    )
    found_contacts = Counter((c.kind, c.text) for c in report.meta.contacts)
    both = sum((gold_contacts & found_contacts).values())
    tally("contacts").add(
        Tally(both, sum(found_contacts.values()) - both, sum(gold_contacts.values()) - both)
    )


def _score_indicators(report: Report, gold: dict[str, Any], tally: Callable[[str], Tally]) -> None:
    """indicators: each count with a role against the gold role of the figure it overlaps."""
    # a count answers a gold indicator when their spans overlap (the seed's gold spans are
    # the counts' own; a sample's gold anchors the figure itself, 85.7% in 整改完成率85.7%)
    optional = [(o["start"], o["end"]) for o in gold.get("indicators_optional", [])]
    gold_roles = [
        ((i["start"], i["end"]), [i["name"], *i.get("name_accept", [])]) for i in gold["indicators"]
    ]
    indicators = tally("indicators")
    answered: set[tuple[int, int]] = set()
    for count in report.indicators:
        span = (count.span.start, count.span.end)
        match = next((g for g in gold_roles if _overlap(g[0], span)), None)
        if match is not None and count.indicator in match[1]:
            indicators.tp += 1
            answered.add(match[0])
        elif match is not None or not any(_overlap(o, span) for o in optional):
            indicators.fp += 1
    indicators.fn += sum(1 for key, _ in gold_roles if key not in answered)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def resolve_sample_gold(text: str, readable: dict[str, Any]) -> dict[str, Any]:
    """A sample's hand gold (anchored by strings of the sample) in the seed gold's shape.

    Each anchor must occur in the text (``in`` exactly once); a missing anchor is a mistake in
    the gold file and raises, so a gold cannot silently drift from its sample."""
    items = []
    for item in readable["rectifications"]:
        node_start = _find(text, item["at"])
        measures, pos = [], node_start
        for prefix in item["measures"]:
            pos = _find(text, prefix, pos)
            measures.append({"start": pos})
        items.append({**item, "node_start": node_start, "measures": measures})
    return {
        "meta": _meta_gold(readable),
        "contacts": readable["contacts"],
        "rectifications": items,
        "indicators": _anchored(text, readable["indicators"]),
        "indicators_optional": _anchored(text, readable["indicators_optional"]),
    }


def score_by_problem(report: Report, text: str, expected: dict[str, Any]) -> dict[str, Tally]:
    """Tallies of a report against an expectation that names items by their problem text
    (``tests/data/domain_variants/*.json``): meta and contacts as ``score``; items matched by
    problem text exactly, each matched item's opinion, group, status and deadline judged by
    value and its measures by number; indicators by the figure each anchors."""
    tallies: dict[str, Tally] = {}

    def tally(name: str) -> Tally:
        return tallies.setdefault(name, Tally())

    gold = {
        "meta": _meta_gold(expected),
        "contacts": expected["contacts"],
        "indicators": _anchored(text, expected["indicators"]),
        "indicators_optional": _anchored(text, expected["indicators_optional"]),
    }
    _score_meta(report, gold, tally)
    unmatched = list(report.rectifications)
    for g in expected["rectifications"]:
        r = next((item for item in unmatched if item.problem == g["problem"]), None)
        if r is not None:
            unmatched.remove(r)
        tally("items").add(Tally(1, 0, 0) if r else Tally(0, 0, 1))
        _judge(tally("opinion"), r and r.opinion, g["opinion"], [])
        _judge(tally("group"), r and r.group, g["group"], g.get("group_accept", []))
        _judge(tally("status"), r and r.status, g["status"], g.get("status_accept", []))
        _judge(tally("deadline"), r and r.deadline, g["deadline"], g.get("deadline_accept", []))
        found = len(r.measures) if r else 0
        tally("measures").add(
            Tally(
                min(found, g["measures"]),
                max(0, found - g["measures"]),
                max(0, g["measures"] - found),
            )
        )
    for r in unmatched:
        tally("items").fp += 1
        tally("measures").fp += len(r.measures)
    _score_indicators(report, gold, tally)
    return tallies


def _meta_gold(readable: dict[str, Any]) -> dict[str, Any]:
    """The meta fields of a readable gold, each as ``{value[, accept]}`` or None."""
    meta = {}
    for name in META_FIELDS:
        value = readable["meta"].get(name)
        meta[name] = value if value is None or isinstance(value, dict) else {"value": value}
    return meta


def _find(text: str, needle: str, start: int = 0) -> int:
    at = text.find(needle, start)
    if at < 0:
        raise ValueError(f"gold anchor {needle!r} is not in the text after {start}")
    return at


def _anchored(text: str, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each entry's figure (``at``) found inside its context (``in``, which must occur once)."""
    out = []
    for entry in entries:
        if text.count(entry["in"]) != 1:
            raise ValueError(f"gold context {entry['in']!r} must occur exactly once")
        start = _find(text, entry["at"], _find(text, entry["in"]))
        out.append({**entry, "start": start, "end": start + len(entry["at"])})
    return out


def table(tallies: dict[str, Tally]) -> str:
    """The tallies as an aligned text table (printed by the tests under ``-s``)."""
    lines = [f"{'field':<24}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>7}{'R':>7}{'F1':>7}"]
    for name, t in tallies.items():
        lines.append(
            f"{name:<24}{t.tp:>4}{t.fp:>4}{t.fn:>4}{t.precision:>7.2f}{t.recall:>7.2f}{t.f1:>7.2f}"
        )
    return "\n".join(lines)
