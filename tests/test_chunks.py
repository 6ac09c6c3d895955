"""reportparse.chunk: structure-aware chunks for retrieval, on cases, samples, the corpus and
generated outlines."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from langchain_core.documents import Document

import reportparse
from reportparse import Chunk, chunk

from .chunk_checks import check_chunks
from .conftest import SAMPLES, corpus_files, needs_shared, read_exact


def spans(chunks: list[Chunk]) -> list[str]:
    return [c.text for c in chunks]


# --- the joining rules, on small reports whose chunks are checked by hand ---------------------

SECTIONS = "一、甲\n" + "子" * 50 + "。\n二、乙\n" + "丑" * 50 + "。\n"


def test_numbered_top_level_sections_never_share_a_chunk() -> None:
    report = reportparse.parse(SECTIONS)
    assert spans(chunk(report, max_chars=800, min_chars=800)) == [
        "一、甲\n" + "子" * 50 + "。",
        "二、乙\n" + "丑" * 50 + "。",
    ]


SIBLINGS = (
    "一、总体\n(一)甲\n" + "子" * 30 + "。\n"
    "(二)乙\n" + "丑" * 30 + "。\n"
    "(三)丙\n" + "寅" * 150 + "。"
)  # fmt: skip


@pytest.mark.parametrize(
    ("min_chars", "expected"),
    [
        pytest.param(
            0,
            ["一、总体", "(一)甲\n" + "子" * 30 + "。", "(二)乙\n" + "丑" * 30 + "。",
             "(三)丙\n" + "寅" * 150 + "。"],
            id="min-0-every-node-its-own-chunk",
        ),
        pytest.param(
            50,
            ["一、总体\n(一)甲\n" + "子" * 30 + "。\n(二)乙\n" + "丑" * 30 + "。",
             "(三)丙\n" + "寅" * 150 + "。"],
            id="min-50-small-siblings-joined-up-to-max",
        ),
        pytest.param(
            200,
            ["一、总体\n(一)甲\n" + "子" * 30 + "。\n(二)乙\n" + "丑" * 30 + "。",
             "(三)丙\n" + "寅" * 150 + "。"],
            id="min-200-still-no-chunk-over-max",
        ),
    ],
)  # fmt: skip
def test_min_chars_decides_which_siblings_are_joined(min_chars: int, expected: list[str]) -> None:
    # the section (235 characters) is too long for 160 and is opened; its children are joined
    # while one of the two is smaller than min_chars and the pair fits max_chars
    report = reportparse.parse(SIBLINGS)
    assert spans(chunk(report, max_chars=160, min_chars=min_chars)) == expected


def test_pieces_of_min_chars_or_more_keep_a_chunk_of_their_own() -> None:
    report = reportparse.parse(SIBLINGS)
    chunks = chunk(report, max_chars=200, min_chars=30)
    # 甲 and 乙 are 35 characters each (not small): each is a chunk; the heading 一、总体 (4) is
    # small, so it leads into 甲's chunk
    assert spans(chunks) == [
        "一、总体\n(一)甲\n" + "子" * 30 + "。",
        "(二)乙\n" + "丑" * 30 + "。",
        "(三)丙\n" + "寅" * 150 + "。",
    ]
    assert [c.breadcrumbs for c in chunks] == [[], ["一、总体"], ["一、总体"]]


def test_a_short_heading_leads_into_the_first_chunk_of_a_long_child() -> None:
    text = "一、总体\n(一)甲\n" + ("子" * 40 + "。") * 5
    chunks = chunk(reportparse.parse(text), max_chars=100, min_chars=20)
    assert chunks[0].text == "一、总体\n(一)甲\n" + ("子" * 40 + "。") * 2
    assert chunks[0].breadcrumbs == []
    assert [c.text for c in chunks[1:]] == ["子" * 40 + "。" + "子" * 40 + "。", "子" * 40 + "。"]
    assert [c.breadcrumbs for c in chunks[1:]] == [["一、总体", "(一)甲"]] * 2
    # the body is a paragraph of its own (1.1.p1), cut in three
    assert [c.node_paths for c in chunks] == [["1", "1.1", "1.1.p1"], ["1.1.p1"], ["1.1.p1"]]


def test_a_long_paragraph_is_cut_at_sentence_ends_and_its_tail_evened_out() -> None:
    sentences = ["甲" * 44 + "。", "乙" * 44 + "！", "丙" * 9 + "？"]
    report = reportparse.parse("".join(sentences))
    # as full as possible would give 90 + 10; the small tail is evened out: 45 + 55
    chunks = chunk(report, max_chars=90, min_chars=20)
    assert spans(chunks) == [sentences[0], sentences[1] + sentences[2]]
    assert [c.ends_at for c in chunks] == ["sentence", "node"]
    # a tail of min_chars or more is left as it is
    chunks = chunk(report, max_chars=90, min_chars=10)
    assert spans(chunks) == [sentences[0] + sentences[1], sentences[2]]


QUOTE = "“乙乙。" + "乙" * 36 + "”"  # 40 characters: it runs past 100 from 70


@pytest.mark.parametrize(
    ("text", "expected", "ends_at"),
    [
        pytest.param(
            "甲" * 50 + "，" + "乙" * 60 + "。",
            ["甲" * 50 + "，", "乙" * 60 + "。"],
            ["clause", "node"],
            id="long-sentence-cut-at-its-comma",
        ),
        pytest.param(
            "甲" * 120 + "。",
            ["甲" * 100, "甲" * 20 + "。"],
            ["hard", "node"],
            id="long-sentence-without-comma-cut-hard",
        ),
        pytest.param(
            "甲" * 95 + "12345678。",
            ["甲" * 95, "12345678。"],
            ["hard", "node"],
            id="hard-cut-moved-before-a-number",
        ),
        pytest.param(
            "甲" * 90 + "《乙乙乙乙乙乙乙乙乙乙乙乙》。",
            ["甲" * 90, "《乙乙乙乙乙乙乙乙乙乙乙乙》。"],
            ["hard", "node"],
            id="hard-cut-moved-before-a-title",
        ),
        pytest.param(
            "甲" * 70 + QUOTE + "丙。",
            ["甲" * 70, QUOTE + "丙。"],
            ["hard", "node"],
            id="no-cut-at-a-full-stop-inside-quotes",
        ),
        pytest.param(
            "甲" * 60 + "共计1,234,567元，" + "乙" * 50 + "。",
            ["甲" * 60 + "共计1,234,567元，", "乙" * 50 + "。"],
            ["clause", "node"],
            id="no-cut-at-a-comma-inside-a-number",
        ),
        pytest.param(
            "甲" * 40 + "。”" + "乙" * 70 + "。",
            ["甲" * 40 + "。”", "乙" * 70 + "。"],
            ["sentence", "node"],
            id="sentence-end-takes-its-closing-quote",
        ),
    ],
)  # fmt: skip
def test_where_a_too_long_text_is_cut(text: str, expected: list[str], ends_at: list[str]) -> None:
    chunks = chunk(reportparse.parse(text), max_chars=100, min_chars=0)
    assert spans(chunks) == expected
    assert [c.ends_at for c in chunks] == ends_at


def test_chunk_carries_title_source_and_the_mentions_inside_it(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "县局关于整改情况的通报\n一、总体情况\n2023年3月召开会议5次，制定《整改方案》。\n"
        "二、下步打算\n持续整改，完成12项任务。\n",
        encoding="utf-8",
    )
    report = reportparse.parse_file(path)
    chunks = chunk(report, max_chars=800)
    assert [c.text for c in chunks] == [
        "县局关于整改情况的通报\n一、总体情况\n2023年3月召开会议5次，制定《整改方案》。",
        "二、下步打算\n持续整改，完成12项任务。",
    ]
    first, second = chunks
    assert first.title == second.title == "县局关于整改情况的通报"
    assert first.source == str(path)
    assert [c.text for c in first.counts] == ["会议5次"]
    assert [d.text for d in first.dates] == ["2023年3月"]
    assert [d.name for d in first.documents] == ["整改方案"]
    assert [c.text for c in second.counts] == ["12项任务"]
    assert second.dates == [] and second.documents == []


def test_embed_text_puts_the_breadcrumbs_before_the_text() -> None:
    text = "一、总体\n(一)甲\n" + ("子" * 40 + "。") * 5
    last = chunk(reportparse.parse(text), max_chars=100, min_chars=20)[-1]
    assert last.embed_text() == "一、总体\n(一)甲\n" + "子" * 40 + "。"


def test_as_document_is_a_langchain_document_with_json_metadata() -> None:
    report = reportparse.parse("一、总体\n召开会议5次，制定《整改方案》。\n二、打算\n持续整改。")
    chunks = chunk(report)
    document = Document(**chunks[0].as_document())
    assert document.page_content == "一、总体\n召开会议5次，制定《整改方案》。"
    metadata = json.loads(json.dumps(document.metadata, ensure_ascii=False))
    assert metadata == document.metadata
    assert metadata["breadcrumbs"] == [] and metadata["node_paths"] == ["1", "1.p1"]
    assert (metadata["start"], metadata["end"]) == (0, 21)
    assert [c["text"] for c in metadata["counts"]] == ["会议5次"]
    assert metadata["documents"][0]["name"] == "整改方案"


def test_empty_and_blank_reports_have_no_chunks() -> None:
    assert chunk(reportparse.parse("")) == []
    assert chunk(reportparse.parse(" \n\u3000\n")) == []


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        pytest.param({"max_chars": 0}, ValueError, id="max-zero"),
        pytest.param({"max_chars": 80.5}, ValueError, id="max-float"),
        pytest.param({"min_chars": -1}, ValueError, id="min-negative"),
        pytest.param({"min_chars": True}, ValueError, id="min-bool"),
    ],
)
def test_bad_sizes_are_refused(arguments: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        chunk(reportparse.parse("一、总体"), **arguments)  # type: ignore[arg-type]


def test_a_string_is_not_a_report() -> None:
    with pytest.raises(TypeError, match="Report"):
        chunk("一、总体")  # type: ignore[arg-type]


# --- the contract on real reports ---------------------------------------------------------------

SIZES = [pytest.param(800, 200, id="800-200"), pytest.param(300, 100, id="300-100"),
         pytest.param(120, 0, id="120-0")]  # fmt: skip


@pytest.mark.parametrize(("max_chars", "min_chars"), SIZES)
@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_chunk_contract_on_samples(path: Path, max_chars: int, min_chars: int) -> None:
    report = reportparse.parse(read_exact(path))
    check_chunks(report, chunk(report, max_chars=max_chars, min_chars=min_chars), max_chars)


@needs_shared
@pytest.mark.parametrize(("max_chars", "min_chars"), SIZES)
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_chunk_contract_on_corpus(path: Path, max_chars: int, min_chars: int) -> None:
    report = reportparse.parse(read_exact(path))
    check_chunks(report, chunk(report, max_chars=max_chars, min_chars=min_chars), max_chars)


@needs_shared
def test_seed_breadcrumbs_as_written(seed_text: str) -> None:
    chunks = chunk(reportparse.parse(seed_text), max_chars=300)
    inside = [c for c in chunks if c.node_paths[0].startswith("1.1")]
    assert inside and inside[-1].breadcrumbs == [
        "一、履行主体责任情况",
        "(一)强化政治担当,明确整改方向",
    ]


@needs_shared
def test_langchain_takes_every_corpus_chunk() -> None:
    for path in corpus_files():
        for one in chunk(reportparse.parse(read_exact(path))):
            document = Document(**one.as_document())
            assert document.page_content == one.text
            json.dumps(document.metadata)


# --- generated outlines -------------------------------------------------------------------------

CN = "一二三四五六七八九"
WORDS = ["整改", "会议", "制度", "责任", "落实", "推进", "“两个维护”", "《工作方案》", "2.45万名",
         "1,200元", "17次", "(试行)", "第一时间"]  # fmt: skip
ENDS = ["。", "；", "！", "，", "、", "：", ""]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    return "".join(parts) + draw(st.sampled_from(ENDS))


@st.composite
def bodies(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(sentences(), min_size=1, max_size=8)))


def markers(level: int, number: int) -> str:
    return [f"{CN[number]}、", f"（{CN[number]}）", f"{number + 1}.", f"（{number + 1}）"][level]


@st.composite
def outlines(draw: st.DrawFn, level: int = 0) -> str:
    lines = []
    for number in range(draw(st.integers(1 if level else 0, 4))):
        lines.append(markers(level, number) + draw(st.sampled_from(WORDS)))
        for _ in range(draw(st.integers(0, 2))):
            lines.append(draw(bodies()))
        if level < 3 and draw(st.booleans()):
            lines.append(draw(outlines(level + 1)))
    return "\n".join(lines)


@st.composite
def reports(draw: st.DrawFn) -> str:
    title = draw(st.sampled_from(["", "关于整改情况的通报\n"]))
    lead = draw(st.sampled_from(["", "根据统一部署，现将整改情况通报如下。\n"]))
    tail = draw(st.sampled_from(["", "\n欢迎监督。\n2023年9月28日"]))
    return title + lead + draw(outlines()) + tail


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(), st.integers(8, 400), st.integers(0, 400))
def test_chunk_contract_on_generated_outlines(text: str, max_chars: int, min_chars: int) -> None:
    report = reportparse.parse(text)
    check_chunks(report, chunk(report, max_chars=max_chars, min_chars=min_chars), max_chars)


# --- the example of docs/chunks.md --------------------------------------------------------------


def test_docs_example_runs_and_says_what_it_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each line ``expression  # literal`` of the page's example gives that literal."""
    page = (SAMPLES.parent / "docs" / "chunks.md").read_text(encoding="utf-8")
    code = page.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(SAMPLES.parent)
    namespace: dict[str, object] = {}
    checked = 0
    for line in code.splitlines():
        statement, _, comment = line.partition("  # ")
        exec(statement, namespace)
        try:
            compile(statement, "<docs>", "eval")  # an expression, not an assignment
            expected = ast.literal_eval(comment.strip())
        except (ValueError, SyntaxError):
            continue
        assert eval(statement, namespace) == expected, line
        checked += 1
    assert checked == 5
