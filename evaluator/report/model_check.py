"""The memo's model-check section: the findings of :func:`evaluator.modelcheck.check_model` as paragraphs.

The sentences come from the message catalogue (:mod:`evaluator.text`), as in the CLI and the app. The section
is rendered from the evaluation when the memo is made; it is advice and not part of the decision data that
``verify`` recomputes.
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from ..model import Evaluation
from ..modelcheck import check_model
from ..text import message, render


def model_check_paragraphs(ev: Evaluation, lang: str, method: str | None = None) -> list[tuple[str, str]]:
    """``(style, text)`` pairs of the section, plain text: the heading (``h2``), the introduction (``small``), then
    one ``body`` paragraph per finding, its severity first (or one saying there is nothing to remark on)."""
    findings = check_model(ev, method)
    out = [("h2", message("model_check.title", lang)), ("small", message("model_check.intro", lang))]
    if not findings:
        return [*out, ("body", message("model_check.none", lang))]
    for f in findings:
        label = message(f"severity.{f.severity}", lang)
        out.append(("body", f"{label[:1].upper()}{label[1:]}: {render(f, ev, lang)}"))
    return out


def model_check_section(
    ev: Evaluation, lang: str, styles: Mapping[str, ParagraphStyle], method: str | None = None
) -> list[Flowable]:
    """The section as reportlab paragraphs in the memo's ``styles`` (severity in bold)."""
    out: list[Flowable] = []
    finding = ParagraphStyle("finding", styles["body"], spaceAfter=3)
    for style, text in model_check_paragraphs(ev, lang, method):
        head, sep, rest = text.partition(": ")
        markup = (
            f"<b>{escape(head)}</b>{sep}{escape(rest)}" if style == "body" and sep and rest else escape(text)
        )
        out.append(Paragraph(markup, finding if style == "body" else styles[style]))
    return out
