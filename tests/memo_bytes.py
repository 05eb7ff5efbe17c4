"""A refactoring check for the memo: render it with a fixed clock and compare the bytes before and after a change.

    PYTHONPATH=. python tests/memo_bytes.py /tmp/before   # on the old code
    PYTHONPATH=. python tests/memo_bytes.py /tmp/after    # on the new code
    diff /tmp/before/summary.json /tmp/after/summary.json

Renders the sample (nl, en) and the small memo evaluation (nl, en), unsigned and with a signature slot, with
:func:`build_memo` (before the data is attached and signed), the pdfa clock fixed and reportlab in invariant mode;
writes each PDF, its page texts and a summary (SHA-256 with the document ID's random half blanked, pages, the
signature slot). Not a test: the hashes depend on the reportlab and font versions installed.
"""

import datetime as _dt
import hashlib
import json
import sys
import types
from pathlib import Path

import reportlab.rl_config as _rc

_rc.invariant = 1


class _FixedDT(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(2026, 1, 1, 12, 0, 0, tzinfo=tz or _dt.UTC)


_shim = types.SimpleNamespace(**{k: getattr(_dt, k) for k in dir(_dt) if not k.startswith("__")})
_shim.datetime = _FixedDT
import evaluator.report.pdfa as _pdfa  # noqa: E402

_pdfa.dt = _shim
from evaluator.io.canonical import sha256  # noqa: E402
from evaluator.report.decision import decision_bytes, decision_data  # noqa: E402
from evaluator.report.memo import build_memo  # noqa: E402
from evaluator.report.memotext import page_texts  # noqa: E402
from evaluator.sample import load_sample  # noqa: E402
from tests.report_data import memo_evaluation  # noqa: E402

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
cases = {
    "sample-nl": (load_sample(), "nl"),
    "sample-en": (load_sample(), "en"),
    "small-nl": (memo_evaluation(), "nl"),
    "small-en": (memo_evaluation(), "en"),
}
summary = {}
for name, (ev, lang) in cases.items():
    data = decision_data(ev, generated="2026-01-01T00:00:00+00:00", samples=2000, seed=7)
    digest = sha256(decision_bytes(data))
    for signed in (False, True):
        m = build_memo(ev, data, digest, lang=lang, signed=signed)
        key = f"{name}{'-signed' if signed else ''}"
        (out / f"{key}.pdf").write_bytes(m.data)
        (out / f"{key}.txt").write_text("\n\f\n".join(page_texts(m.data)))
        import re

        norm = re.sub(rb"/ID \[<[0-9a-f]+><[0-9a-f]+>\]", b"/ID []", m.data)  # the random second half
        summary[key] = {
            "sha256": hashlib.sha256(norm).hexdigest(),
            "pages": m.pages,
            "digest": digest,
            "slot": [m.signature_page, list(m.signature_box)],
        }
        print(key, summary[key]["sha256"][:16], m.pages, flush=True)
(out / "summary.json").write_text(json.dumps(summary, indent=1))
