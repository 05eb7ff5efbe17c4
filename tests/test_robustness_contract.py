"""One analysis setting, the same numbers everywhere: the memo attaches, under ``robustness``, exactly the object
``afweging sensitivity FILE --format json`` prints for the same evaluation — with the file's own settings."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

from evaluator.changes import Batch, SetSetting
from evaluator.report.memo import ATTACHMENT_NAME
from evaluator.sample import load_sample
from evaluator.store import Store


def _cli(*args: str) -> subprocess.CompletedProcess:
    p = subprocess.run([sys.executable, "-m", "evaluator", *args], capture_output=True, text=True,
                       env={**os.environ, "AFWEGING_USER": "t"})  # fmt: skip
    assert p.returncode == 0, p.stderr
    return p


def _attachment(pdf: bytes) -> dict:
    from pypdf import PdfReader

    return json.loads(PdfReader(io.BytesIO(pdf)).attachments[ATTACHMENT_NAME][0])


def test_memo_robustness_is_what_sensitivity_prints_with_the_files_settings(tmp_path):
    path = tmp_path / "sample.afweging"
    with Store.create(path, load_sample()) as st:
        st.apply(Batch((SetSetting("robustness.seed", 11), SetSetting("robustness.samples", 3000),
                        SetSetting("robustness.weights", "around"), SetSetting("robustness.spread", 0.3))))  # fmt: skip
    printed = json.loads(_cli("sensitivity", str(path), "--format", "json").stdout)
    assert (printed["seed"], printed["samples"], printed["weights"], printed["spread"]) == (
        11,
        3000,
        "around",
        0.3,
    )
    memo = tmp_path / "memo.pdf"
    _cli("report", str(path), "--out", str(memo))
    attached = _attachment(memo.read_bytes())
    assert attached["robustness"] == printed
    # Flags override the file's settings, for the CLI and the memo alike.
    again = json.loads(_cli("sensitivity", str(path), "--format", "json", "--seed", "12").stdout)
    assert again["seed"] == 12 and again["alternatives"] != printed["alternatives"]


def test_robustness_in_the_memo_verifies_and_a_changed_figure_does_not(tmp_path):
    from evaluator.report.decision import check_recomputation, decision_data

    ev = load_sample()
    data = json.loads(json.dumps(decision_data(ev, samples=800, seed=5)))
    assert check_recomputation(data) == []
    data["robustness"]["alternatives"][0]["rank_acceptability"][0] += 0.01
    diffs = check_recomputation(data)
    assert diffs and diffs[0].startswith("robustness.alternatives[0].rank_acceptability[0]")


def test_rewording_the_verdict_does_not_fail_a_memo(tmp_path):
    """verify compares numbers and ids, never sentences: a later version may word the verdict differently."""
    from evaluator.report.decision import check_recomputation, decision_data

    data = json.loads(json.dumps(decision_data(load_sample(), samples=500, seed=1)))
    data["robustness"]["verdict"]["text"] = {"nl": "anders verwoord", "en": "worded differently"}
    assert check_recomputation(data) == []
    data["robustness"]["verdict"]["share"] = 0.01
    assert check_recomputation(data)


def test_rank_acceptability_is_listed_in_one_order_everywhere_by_mean_rank(tmp_path):
    """The sample's 'Combinatie zoals Schleswig-Holstein' is never first but mostly second or third (mean rank
    3.5); listed by first places it came 8th, below Microsoft 365 (first in 0.1 %, mean rank 8.0) — in the app,
    the command line, the memo and the workbook, each with a sort of its own. One order now: by mean rank."""
    from openpyxl import load_workbook

    from evaluator.report.memo_sections import acceptability_rows
    from evaluator.sensitivity import display_order

    path = tmp_path / "s.afweging"
    Store.create(path, load_sample()).close()
    data = json.loads(_cli("sensitivity", str(path), "--format", "json", "--lang", "en").stdout)
    alts = data["alternatives"]
    order = display_order([a["rank_acceptability"] for a in alts])
    names = [alts[i]["name"] for i in order]
    mean = [sum((r + 1) * b for r, b in enumerate(alts[i]["rank_acceptability"])) for i in order]
    assert mean == sorted(mean)
    assert names.index(
        "Combinatie zoals Schleswig-Holstein: Open-Xchange, Nextcloud, LibreOffice, OpenTalk"
    ) < (names.index("Microsoft 365 met Teams (publieke cloud)"))
    table = _cli("sensitivity", str(path), "--lang", "en").stdout
    at = [table.index(n) for n in names]
    assert at == sorted(at)  # the command line's table
    assert [n for n, _ in acceptability_rows(data)] == names  # the memo's chart and list
    out = tmp_path / "r.xlsx"
    _cli("rank", str(path), "--format", "xlsx", "--out", str(out), "--lang", "en")
    sheet = load_workbook(out)["Robustness"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]] == names
