"""Pydantic models of a parsed report: the outline tree, its diagnostics and the mentions."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union

import regex
from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from .span import Span

SCHEMA_VERSION = "1.0"
_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")

MarkerStyle = Literal[
    "cn_dun",  # 一、
    "cn_paren",  # (一) （一）
    "arabic_dot",  # 1. 1． 1、 1。
    "arabic_paren",  # (1) （1）
    "arabic_half_paren",  # 1) 1）
    "circled",  # ① ②
    "cn_shi",  # 一是 二是 (inline enumeration)
    "cn_di",  # 第一， 第二，
    "cn_qi",  # 其一， 其二，
    "cn_part",  # 第一部分
    "cn_zhang",  # 第一章
    "cn_jie",  # 第一节
    "cn_tiao",  # 第一条
    "decimal",  # 1.1 1.2.3 (multi-level decimal numbering)
]

DiagnosticCode = Literal[
    "numbering_gap",  # 一、 then 三、
    "numbering_repeat",  # 二、 then 二、
    "numbering_out_of_order",  # 三、 then 二、
    "numbering_unexpected_start",  # a list that opens at 3 without a 1 or a run to continue
    "numbering_restart",  # 1. 2. 3. then 1. again under the same parent
    "empty_input",  # nothing but whitespace
    "control_characters",  # NUL or other C0 controls in the text
    "decode_repaired",  # a file cut inside its last character: the broken tail became U+FFFD
    "page_furniture",  # page numbers, running headers and footers of a PDF page, left out
    "limit_reached",  # max_nodes nodes opened: the rest of the text stays in the last node
]


class Marker(BaseModel):
    """The numbering marker that opens a node, exactly as written."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    style: MarkerStyle = Field(description="Numbering convention, e.g. 'cn_dun' for 一、.")
    text: str = Field(description="The marker as written, e.g. '(一)', '1。', '一是'.")
    ordinal: int = Field(description="Its number: 一、 -> 1, (十二) -> 12, ③ -> 3.")
    span: Span = Field(description="Where the marker stands in the text.")


class Title(BaseModel):
    """The document title: its leading line(s), possibly split over several lines."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    text: str = Field(description="The title text as written (line breaks included).")
    span: Span


class Diagnostic(BaseModel):
    """Something odd about the document worth a reader's attention; never an exception."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    code: DiagnosticCode
    message: str
    span: Span


class BaseNode(BaseModel):
    """What every node has; use ``isinstance(x, BaseNode)`` (``Node`` is a type union)."""

    model_config = ConfigDict(defer_build=True)

    span: Span = Field(description="The whole node: marker, heading, body and children.")
    marker: Marker | None = Field(default=None, description="None for unnumbered paragraphs.")
    heading: str | None = Field(
        default=None,
        description="Heading after the marker: the rest of its line or first sentence.",
    )
    heading_span: Span | None = Field(default=None, description="Where the heading stands.")
    level: int = Field(description="Depth in the tree; top-level nodes are 1.")
    path: str = Field(description="Stable dotted path of ordinals, e.g. '2.6.10.1'.")
    children: list[Node] = Field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        """This node's descendants, depth-first in document order (not the node itself)."""
        for child in self.children:
            yield child
            yield from child.walk()

    def __repr__(self) -> str:
        from .export import node_repr

        return node_repr(self)

    __str__ = __repr__


class Section(BaseNode):
    """A numbered block that starts a line: 一、, (一), 1., (1), a line-initial 一是…"""

    kind: Literal["section"] = "section"


class Point(BaseNode):
    """A numbered point found inside running text: 一是…二是…, 第一，…, or a marker after 。."""

    kind: Literal["point"] = "point"


class Paragraph(BaseNode):
    """A run of text without a marker of its own (one line of the source)."""

    kind: Literal["paragraph"] = "paragraph"


Node = Annotated[Union[Section, Point, Paragraph], Field(discriminator="kind")]  # noqa: UP007


class Mention(BaseModel):
    """Something found in the text, with its exact source string and where it sits in the tree."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    span: Span
    text: str = Field(description="Exactly report.text[span.start:span.end].")
    node_path: str | None = Field(
        default=None, description="Path of the innermost node containing it, if any."
    )


class Count(Mention):
    """A quantity: 召开全体会议17次, 2.45万名网格员, 近90万人, 降幅21%."""

    kind: Literal["count"] = "count"
    value: int | float = Field(
        description="Normalised number: 万/亿 expanded, 两 -> 2; the lower end of a range."
    )
    value_max: int | float | None = Field(
        default=None,
        description="Upper end of a range (2-3次, 两到三年 -> 3); None for a single number.",
    )
    unit: str | None = Field(description="Measure word as written: 条, 次, 人次, 个月, %.")
    object: str | None = Field(default=None, description="What is counted, e.g. 整改措施.")
    approx: str | None = Field(default=None, description="Approximation word: 余, 多, 近, 约…")
    duration: bool = Field(default=False, description="True for lengths of time: 三个月, 四年来.")
    indicator: str | None = Field(
        default=None,
        description="Role of a headline figure (problems_found, completion_rate, funds…) "
        "from lexicon/indicator_roles.txt; None for every other count.",
    )


DateKind = Literal["point", "range", "since", "relative", "named"]
DatePrecision = Literal["year", "month", "day"]


class DateMention(Mention):
    """A date or period: 2021年1月8日, 2020年9月22日以来, 2020年5月至7月, 今年."""

    kind: DateKind
    value: str | None = Field(
        description="ISO-like value: '2020', '2020-09', '2020-09-22', ranges as 'A/B'; "
        "None when a relative date cannot be resolved."
    )
    precision: DatePrecision | None = Field(default=None, description="Finest unit in the value.")


DocumentKind = Literal["regulation", "periodical", "article", "other"]


class DocumentRef(Mention):
    """A named document in 《…》 with what was done to it and by whom."""

    name: str = Field(
        description="The title inside the outer brackets; a wrapped title without its line breaks."
    )
    kind: DocumentKind = "other"
    action: str | None = Field(default=None, description="Verb acting on it: 制定, 印发, 废止…")
    issuer: str | None = Field(default=None, description="Body written right before it: 市委…")


class Slogan(Mention):
    """A quoted numbered formula: “四个意识”, “两个维护”, “一岗双责”."""

    name: str = Field(default="", description="The formula without its quotation marks.")


ContactKind = Literal["phone", "address", "postcode", "email", "website", "mailbox"]


class Contact(BaseModel):
    """A way to reach the reporting body, from the closing lines: 电话022-…, 邮编300050."""

    model_config = ConfigDict(frozen=True)

    kind: ContactKind
    text: str = Field(description="The number, address or e-mail exactly as written.")
    span: Span
    label: str | None = Field(default=None, description="The label before it: 电话, 邮编…")
    label_span: Span | None = None


class ReportMeta(BaseModel):
    """Who reports on which inspection: the opening formula, the title and the closing lines.

    Every scalar field is ``None`` when the text does not say it; ``spans[field]`` is where a
    field that is set was read (an ``int`` or a date value is read from its written form).
    """

    model_config = ConfigDict(frozen=True)

    issuer: str | None = Field(default=None, description="The body that reports: 市委政法委.")
    subject: str | None = Field(default=None, description="The unit inspected: 县水利局党组.")
    inspection: str | None = Field(default=None, description="巡视, 巡察, 审计, 督察, 督查.")
    inspection_kind: str | None = Field(
        default=None, description="常规, 专项, 机动, 提级, 联动, 回头看."
    )
    inspector_level: str | None = Field(
        default=None, description="Level of the inspecting body as written: 中央, 省委, 市委…"
    )
    term: str | None = Field(default=None, description="The 届 as written: 十九届, 十一届.")
    round: int | None = Field(default=None, description="第八轮 -> 8.")
    batch: int | None = Field(default=None, description="第一批 -> 1.")
    team: str | None = Field(default=None, description="中央第十巡视组, 市委巡视六组.")
    period: str | None = Field(
        default=None, description="Inspection period as a date value: '2021-05-08/2021-07-05'."
    )
    feedback_date: str | None = Field(default=None, description="When the team fed back.")
    date: str | None = Field(default=None, description="Signature or publication date.")
    contacts: list[Contact] = Field(default_factory=list)
    spans: dict[str, Span] = Field(
        default_factory=dict, description="Where each scalar field that is set was read."
    )


RectificationStatus = Literal["done", "in_progress", "ongoing"]


class Measure(BaseModel):
    """One answer to a problem: an 一是… point, a numbered child, or the item's own body."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="Exactly report.text[span.start:span.end].")
    span: Span
    node_path: str | None = Field(description="The node the measure is (or the item's own).")


class Rectification(BaseModel):
    """A problem being rectified with the measures that answer it: an outline node that
    states it, or a problem stated in running text (a 针对…问题 clause, a 问题N： record, a row
    of a problem table)."""

    model_config = ConfigDict(frozen=True)

    problem: str = Field(description="The problem as stated, outer quotes stripped.")
    problem_span: Span
    opinion: str | None = Field(default=None, description="The rectification opinion, if given.")
    opinion_span: Span | None = None
    group: str | None = Field(
        default=None, description="The enclosing category heading, exactly as written."
    )
    group_span: Span | None = None
    measures: list[Measure] = Field(default_factory=list)
    status: RectificationStatus | None = Field(
        default=None, description="What the item itself says of its state."
    )
    status_span: Span | None = None
    deadline: str | None = Field(default=None, description="Date value of a stated deadline.")
    node_path: str = Field(
        description="Path of the node that states the problem (in running text: its paragraph; "
        "in a table: the line of its problem cell)."
    )
    span: Span = Field(
        description="The whole item: the node, or in running text the statement with its "
        "answer and record lines, in a table the row."
    )


SourceFormat = Literal["text", "markdown", "docx", "pdf", "html"]


class Source(BaseModel):
    """Where a report came from: the file (or name) it was read from and how it was decoded."""

    model_config = ConfigDict(frozen=True)

    path: str | None = Field(default=None, description="File path or a caller's name for it.")
    format: SourceFormat | None = Field(
        default=None, description="Container format that was read; None when nothing was read."
    )
    encoding: str | None = Field(
        default=None, description="Character encoding the text was decoded from, when it was."
    )
    sha256: str | None = Field(default=None, description="SHA-256 of the bytes that were read.")
    metadata: dict[str, str] = Field(
        default_factory=dict,
        description="What the container says about the report: a page's <title> and 发布时间, "
        "a Word file's core properties, a PDF's metadata.",
    )


class ParseFailure(BaseModel):
    """An item of a batch that could not be parsed, in the place its report would have taken."""

    model_config = ConfigDict(frozen=True)

    source: Source | None = Field(default=None, description="The item that failed.")
    error_type: str = Field(description="Name of the exception class, e.g. 'DecodeError'.")
    message: str = Field(description="What went wrong, in one line.")


class Report(BaseModel):
    """A parsed report: the exact input text, its outline and everything extracted from it."""

    model_config = ConfigDict(defer_build=True)

    schema_version: str = SCHEMA_VERSION
    text: str = Field(description="Exactly the text that was parsed; every span indexes into it.")
    title: Title | None = None
    children: list[Node] = Field(default_factory=list, description="Top-level nodes in order.")
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    documents: list[DocumentRef] = Field(default_factory=list)
    slogans: list[Slogan] = Field(default_factory=list)
    reference_date: datetime.date | None = Field(
        default=None, description="Date that relative dates (今年, 明年) were resolved against."
    )
    source: Source | None = Field(
        default=None, description="Provenance: set by parse_file, None for a parsed string."
    )
    meta: ReportMeta = Field(
        default_factory=ReportMeta, description="Issuer, inspection, round, team, contacts…"
    )
    rectifications: list[Rectification] = Field(
        default_factory=list, description="The problems being rectified, in document order."
    )

    @model_serializer(mode="wrap", when_used="json")
    def _json_safe(self, handler: SerializerFunctionWrapHandler) -> Any:
        """Lone surrogates (from badly decoded input) cannot be written as UTF-8 JSON: they
        become U+FFFD there, one character for one, so every offset stays valid."""
        data = handler(self)
        if _LONE_SURROGATE.search(self.text) is None:
            return data
        return _replace_surrogates(data)

    @property
    def indicators(self) -> list[Count]:
        """The counts that are headline figures (``indicator`` set), in document order.

        Derived from ``counts``, so it is not serialised a second time."""
        return [count for count in self.counts if count.indicator is not None]

    def walk(self) -> Iterator[Node]:
        """Every node, depth-first in document order."""
        for child in self.children:
            yield child
            yield from child.walk()

    def node_at(self, path: str) -> Node | None:
        """The node with this dotted path, or None."""
        for node in self.walk():
            if node.path == path:
                return node
        return None

    def node_text(self, node: BaseNode, *, children: bool = True) -> str:
        """A node's text as written (nodes hold spans, the report holds the text);
        ``children=False`` gives its own text: marker, heading and body without its children's."""
        from .export import node_text

        return node_text(self, node, children=children)

    def __str__(self) -> str:
        from .export import to_outline_text

        return to_outline_text(self)

    def __repr__(self) -> str:
        from .export import report_repr

        return report_repr(self)

    def _repr_html_(self) -> str:
        from .export import to_html

        return to_html(self)


def _replace_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {key: _replace_surrogates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_replace_surrogates(item) for item in value]
    return value
