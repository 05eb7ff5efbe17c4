"""Time to build and sign the sample memo, against a bare one-page reportlab document built in the same run.

Measures, in one run (median of repeats, after one warm-up that pays the imports):
  baseline — a one-page reportlab document with one paragraph in an embedded TrueType font;
  build    — the sample's decision JSON (all methods + sensitivity, 10 000 samples) and the memo's pages;
  sign     — attach the JSON and sign with a PKCS#12 key (PAdES B-B) made for the run;
  verify   — `verify_memo`: signature, trust, coverage, digest, and recomputing the results.
Prints milliseconds and ratios against the baseline.

Run: .venv/bin/python benchmarks/bench_report.py
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPEATS = 3


def _median_ms(fn, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def baseline() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from evaluator.report.fonts import REGULAR, register_fonts

    register_fonts()
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build([Paragraph("Beslisnotitie — één pagina, € 10", ParagraphStyle(
        "p", fontName=REGULAR))])  # fmt: skip
    return buf.getvalue()


def main() -> None:
    from evaluator.report.export import render_memo
    from evaluator.report.sign import Pkcs12Key, load_pkcs12
    from evaluator.report.verify import verify_memo
    from evaluator.sample import load_sample
    from tests.pki import make_pki

    ev = load_sample()
    with tempfile.TemporaryDirectory() as tmp:
        pki = make_pki(Path(tmp) / "pki")
        signer = load_pkcs12(Pkcs12Key(pki.signer_p12, pki.password))
        memo = Path(tmp) / "memo.pdf"
        baseline()
        memo.write_bytes(render_memo(ev, "nl", signer=signer).pdf)  # warm-up: imports, font registration
        base = _median_ms(baseline, 5)
        build = _median_ms(lambda: render_memo(ev, "nl"))
        signed = _median_ms(lambda: render_memo(ev, "nl", signer=signer))
        verify = _median_ms(lambda: verify_memo(memo, [pki.root_pem]))
        pages = render_memo(ev, "nl", signer=signer).pages
    print(f"sample: {len(ev.alternatives)} alternatives × {len(ev.criteria)} criteria, {pages} pages")
    print(f"baseline (1-page reportlab doc) {base:8.1f} ms   1.0×")
    print(f"build memo (unsigned)          {build:8.1f} ms  {build / base:6.1f}×")
    print(f"build + attach + sign          {signed:8.1f} ms  {signed / base:6.1f}×   (signing alone ≈ "
          f"{signed - build:.0f} ms)")  # fmt: skip
    print(f"verify (incl. recomputation)   {verify:8.1f} ms  {verify / base:6.1f}×")


if __name__ == "__main__":
    main()
