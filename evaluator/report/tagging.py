"""Tagged PDF with reportlab: marked content on the pages, and a record of the structure it belongs to.

reportlab writes no structure of its own. While the memo's flowables draw, every piece of real content is wrapped
in ``/Type <</MCID n>> BDC … EMC`` (n counts up per page) and recorded in a tree of :class:`Elem` (headings,
paragraphs, lists, tables with header cells, figures with alternative text); page furniture and decoration
(rules, table backgrounds and lines) is wrapped as ``/Artifact``. :mod:`.pdfa` turns the record into the PDF's
structure tree after reportlab has written the file.

- :func:`tag_story` marks the flowables of a story by kind (a paragraph by its style, a chart as a figure with
  its ``alt_text``, a rule as an artifact); any other kind of flowable is refused, so nothing draws untagged.
- :class:`TaggedTable` is a reportlab ``Table`` that tags itself cell by cell (``TH`` with a scope, ``TD``), or
  row by row as a list (``L``/``LI``/``LBody``); a header repeated on a continuation page is an artifact.
- :class:`Tagger` is the record; a canvas carries one as ``canvas.tagger``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.tables import TableRenderCB

# paragraph style name → structure type (the memo's title is the one H1; its sections H2, their parts H3)
STYLE_TYPES = {"title": "H1", "h1": "H2", "h2": "H3"}


@dataclass(eq=False)
class Elem:
    """A structure element: its type, its kids in reading order (elements, or ``(page, mcid)`` of content)."""

    type: str
    kids: list[Elem | tuple[int, int]] = field(default_factory=list)
    alt: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    text: str = ""  # a heading's text, for its bookmark


@dataclass
class Heading:
    level: int  # 1 for H1
    text: str
    page: int  # 0-based
    top: float  # y of its top edge in PDF points


class Tagger:
    """The structure recorded while the pages draw (one per document)."""

    def __init__(self) -> None:
        self.root = Elem("Document")
        self.headings: list[Heading] = []
        self._next: dict[int, int] = {}

    def content(self, canv: Any, elem: Elem) -> None:
        """Begin a marked-content sequence of ``elem`` on the canvas's current page (end it with :meth:`end`)."""
        page = canv.getPageNumber() - 1
        mcid = self._next.get(page, 0)
        self._next[page] = mcid + 1
        elem.kids.append((page, mcid))
        canv._code.append(f"/{elem.type} <</MCID {mcid}>> BDC")

    @staticmethod
    def artifact(canv: Any, kind: str | None = None) -> None:
        """Begin an artifact; ``kind`` Header or Footer makes it pagination."""
        props = f" <</Type /Pagination /Subtype /{kind}>> BDC" if kind else " BMC"
        canv._code.append("/Artifact" + props)

    @staticmethod
    def end(canv: Any) -> None:
        canv._code.append("EMC")


@contextmanager
def artifact(canv: Any, kind: str | None = None) -> Iterator[None]:
    """Whatever the body draws is an artifact (a no-op on a canvas without a tagger)."""
    if getattr(canv, "tagger", None) is None:
        yield
        return
    Tagger.artifact(canv, kind)
    yield
    Tagger.end(canv)


@contextmanager
def content(canv: Any, elem: Elem) -> Iterator[None]:
    """Whatever the body draws is content of ``elem``."""
    tagger = getattr(canv, "tagger", None)
    if tagger is None:
        yield
        return
    tagger.content(canv, elem)
    yield
    Tagger.end(canv)


# -- flowables ----------------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Spec:
    """What a tagged flowable is; shared by the parts of a flowable split over pages, so they share one element."""

    type: str  # a structure type, or "Artifact"
    alt: str | None = None
    text: str = ""
    elem: Elem | None = None


class _TaggedMixin:
    _tag: _Spec

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802 - reportlab's name
        tagger: Tagger | None = getattr(canvas, "tagger", None)
        spec = self._tag
        if tagger is None:
            super().drawOn(canvas, x, y, _sW)  # type: ignore[misc]
            return
        if spec.type == "Artifact":
            tagger.artifact(canvas)
        else:
            first = spec.elem is None
            if first:
                spec.elem = Elem(spec.type, alt=spec.alt, text=spec.text)
                tagger.root.kids.append(spec.elem)
            if spec.type == "Figure":
                w, h = getattr(self, "width", 0), getattr(self, "height", 0)
                spec.elem.attrs = {"O": "Layout", "BBox": [x, y, x + w, y + h]}
            if first and spec.type[:1] == "H" and spec.type[1:].isdigit():
                top = y + getattr(self, "height", 0)
                tagger.headings.append(
                    Heading(int(spec.type[1:]), spec.text, canvas.getPageNumber() - 1, top)
                )
            tagger.content(canvas, spec.elem)
        super().drawOn(canvas, x, y, _sW)  # type: ignore[misc]
        tagger.end(canvas)

    def split(self, *args: Any, **kwargs: Any) -> list[Flowable]:
        parts = super().split(*args, **kwargs)  # type: ignore[misc]
        for p in parts:
            _mark(p, self._tag)
        return parts


_CLASSES: dict[type, type] = {}


def _mark(f: Flowable, spec: _Spec) -> Flowable:
    """Make ``f`` draw as ``spec`` (its class swapped for a tagging subclass of the same class)."""
    cls = type(f)
    if not issubclass(cls, _TaggedMixin):
        if cls not in _CLASSES:
            _CLASSES[cls] = type(f"Tagged{cls.__name__}", (_TaggedMixin, cls), {})
        object.__setattr__(f, "__class__", _CLASSES[cls])  # past the validating __setattr__ of a Drawing
    f.__dict__["_tag"] = spec  # a Drawing refuses unknown attributes set the usual way
    return f


def tag_story(story: list[Flowable]) -> list[Flowable]:
    """Mark every flowable of ``story`` (in place; returned for convenience); ``TypeError`` for an unknown kind."""
    for f in story:
        if isinstance(f, _TaggedMixin | TaggedTable) or getattr(f, "self_tagging", False):
            continue
        if isinstance(f, Paragraph):
            kind = STYLE_TYPES.get(f.style.name, "P")
            _mark(f, _Spec(kind, text=f.getPlainText() if kind != "P" else ""))
        elif isinstance(f, Drawing):
            alt = getattr(f, "alt_text", None)
            if not alt:
                raise TypeError("a chart in the memo needs alt_text: what it shows, in words")
            _mark(f, _Spec("Figure", alt=alt))
        elif isinstance(f, HRFlowable):
            _mark(f, _Spec("Artifact"))
        elif isinstance(f, KeepTogether):
            tag_story(f._content)
        elif isinstance(f, Spacer | PageBreak | CondPageBreak):
            continue  # draw nothing
        elif isinstance(f, Table):
            raise TypeError("a table in the memo must be a TaggedTable")
        else:
            raise TypeError(f"the memo does not know how to tag a {type(f).__name__}")
    return story


# -- tables -------------------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _TableState:
    kind: str  # "table" (header rows), "rows" (first column heads each row), "list" (one item per row)
    header_rows: int
    elem: Elem | None = None
    rows: dict[int, Elem] = field(default_factory=dict)
    cells: dict[tuple[int, int], Elem] = field(default_factory=dict)


class _TableTagger(TableRenderCB):
    """Called by ``Table.draw`` around the background, each cell and the lines."""

    def _tagger(self, t: TaggedTable) -> Tagger | None:
        return getattr(t.canv, "tagger", None)

    def startTable(self, t: TaggedTable) -> None:  # noqa: N802 - reportlab's names
        st = t._tag_state
        if st.elem is None and self._tagger(t) is not None:
            st.elem = Elem("L" if st.kind == "list" else "Table")
            self._tagger(t).root.kids.append(st.elem)

    def startBG(self, t: TaggedTable) -> None:  # noqa: N802
        if self._tagger(t):
            Tagger.artifact(t.canv)

    def endBG(self, t: TaggedTable) -> None:  # noqa: N802
        if self._tagger(t):
            Tagger.end(t.canv)

    startLines, endLines = startBG, endBG  # noqa: N815

    def startRow(self, t: TaggedTable, row: int) -> None:  # noqa: N802
        t._tag_row = row

    def startCell(self, t: TaggedTable, row: int, col: int, *rest: Any) -> None:  # noqa: N802
        tagger = self._tagger(t)
        if tagger is None:
            return
        orig = t._row_map[row]
        if orig is None:  # a header row repeated on a continuation page
            Tagger.artifact(t.canv)
            return
        tagger.content(t.canv, self._cell(t, orig, row, col))

    def _cell(self, t: TaggedTable, orig: int, row: int, col: int) -> Elem:
        st = t._tag_state
        assert st.elem is not None
        key = (orig, col)
        if key in st.cells:
            return st.cells[key]
        if orig not in st.rows:
            st.rows[orig] = Elem("LI" if st.kind == "list" else "TR")
            st.elem.kids.append(st.rows[orig])
        if st.kind == "list":
            cell = Elem("LBody")
        elif st.kind == "table" and orig < st.header_rows:
            cell = Elem("TH", attrs={"O": "Table", "Scope": "Column"})
        elif st.kind == "rows" and col == 0:
            cell = Elem("TH", attrs={"O": "Table", "Scope": "Row"})
        else:
            cell = Elem("TD")
        span = (getattr(t, "_spanRanges", None) or {}).get((col, row))
        if span and span[2] > span[0]:
            cell.attrs = {**cell.attrs, "O": "Table", "ColSpan": span[2] - span[0] + 1}
        st.cells[key] = cell
        st.rows[orig].kids.append(cell)
        return cell

    def endCell(self, t: TaggedTable) -> None:  # noqa: N802
        if self._tagger(t):
            Tagger.end(t.canv)

    def endRow(self, t: TaggedTable) -> None:  # noqa: N802
        pass

    def endTable(self, t: TaggedTable) -> None:  # noqa: N802
        pass


_RENDER_CB = _TableTagger()


class TaggedTable(Table):
    """A ``Table`` that tags its cells. ``kind``: "table" (the first ``repeatRows`` rows are column headers),
    "rows" (the first column heads each row) or "list" (each row one list item)."""

    def __init__(self, data: Any, *args: Any, kind: str = "table", **kwargs: Any):
        kwargs.setdefault("renderCB", _RENDER_CB)
        super().__init__(data, *args, **kwargs)
        header = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        self._tag_state = _TableState(kind, header)
        self._row_map: list[int | None] = list(range(len(self._cellvalues)))

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab's names
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            first, rest = parts
            n = len(first._cellvalues)
            repeated = len(rest._cellvalues) - (len(self._cellvalues) - n)
            if repeated < 0:
                raise AssertionError("a table split into rows that do not add up")
            first._row_map = self._row_map[:n]
            rest._row_map = [None] * repeated + self._row_map[n:]
        elif parts:
            raise AssertionError(f"a table split into {len(parts)} parts")
        for p in parts:
            p._tag_state = self._tag_state
        return parts
