"""Method agreement (rankings side by side, rank correlation) and rank-reversal findings: data, rendered from the
message catalogue in Dutch and English."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from scipy.stats import kendalltau, spearmanr

from evaluator.agreement import MethodAgreement, RankReversal, _cycle, method_agreement, rank_reversal
from evaluator.errors import InputError
from evaluator.methods import rank
from evaluator.model import Alternative, Area, Assessment, Criterion, Evaluation, Scale, frozen_map
from evaluator.problem import build_problem
from evaluator.text import sentences
from tests.test_sensitivity import make_eval

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def chain(n: int = 5) -> Evaluation:
    """Alternative i dominates alternative i + 1 on every criterion: every method must agree."""
    sc = Scale("numeric", lower=0.0, upper=100.0)
    crits = tuple(Criterion(f"c{j}", "A", {"en": f"criterion {j}"}, sc) for j in range(3))
    return Evaluation(
        title="chain",
        areas=(Area("A", {"en": "A"}),),
        criteria=crits,
        alternatives=tuple(Alternative(f"a{i}", f"Suite {i}") for i in range(n)),
        assessments=frozen_map(
            {
                (f"a{i}", c.id): Assessment(90.0 - 15 * i - 3 * j)
                for i in range(n)
                for j, c in enumerate(crits)
            }
        ),
        weights=frozen_map({"A": 1.0, "c0": 1.0, "c1": 2.0, "c2": 3.0}),
    )


def test_dominance_chain_all_methods_agree() -> None:
    ma = method_agreement(chain())
    assert ma.methods == ("wsm", "wpm", "topsis", "vikor")
    assert np.all(ma.ranks == np.arange(1, 6))
    np.testing.assert_allclose(ma.correlation, 1.0)
    first = ma.findings()[0]
    assert (first.kind, first.alternatives, first.value) == ("agreement.same_first", ("a0",), 4.0)
    assert sentences(ma.findings(), None, "en")[0] == "All 4 methods put a0 first."  # no evaluation: ids
    ev = chain()
    assert sentences(ma.findings(), ev, "en")[0] == "All 4 methods put Suite 0 first."
    assert sentences(ma.findings(), ev, "nl")[0] == "Alle 4 methoden zetten Suite 0 op de eerste plaats."


@pytest.mark.parametrize("kind", ["kendall", "spearman"])
def test_rankings_and_correlations_match_independent_computations(kind: str) -> None:
    ev = make_eval(n=8, m=4, seed=3)
    ma = method_agreement(ev, correlation=kind)
    p = build_problem(ev)
    for k, m in enumerate(ma.methods):
        assert ma.ranks[k].tolist() == rank(p, m).ranks.tolist()
    corr = kendalltau if kind == "kendall" else spearmanr
    for a in range(4):
        for b in range(4):
            expected = corr(ma.ranks[a], ma.ranks[b])[0]
            assert ma.correlation[a, b] == pytest.approx(expected)
    data = ma.to_data()
    assert data["correlation"]["kind"] == kind
    assert [a["name"] for a in data["alternatives"]] == list(p.names)


def test_methods_disagreeing_on_first_place_are_named() -> None:
    """WSM adds, WPM multiplies: A = (1, 0) wins the sum narrowly, B = (0.5, 0.5) wins the product."""
    sc = Scale("numeric", lower=0.0, upper=100.0)
    ev = Evaluation(
        title="sum vs product",
        areas=(Area("A", {"en": "A"}),),
        criteria=(Criterion("x", "A", {"en": "x"}, sc), Criterion("y", "A", {"en": "y"}, sc)),
        alternatives=(Alternative("a", "Teams"), Alternative("b", "openDesk"), Alternative("c", "Other")),
        assessments=frozen_map(
            {
                ("a", "x"): Assessment(100.0),
                ("a", "y"): Assessment(2.0),
                ("b", "x"): Assessment(50.0),
                ("b", "y"): Assessment(50.0),
                ("c", "x"): Assessment(10.0),
                ("c", "y"): Assessment(10.0),
            }
        ),
        weights=frozen_map({"A": 1.0, "x": 1.0, "y": 1.0}),
    )
    ma = method_agreement(ev, methods=("wsm", "wpm"))
    assert ma.firsts() == {"wsm": ["Teams"], "wpm": ["openDesk"]}
    found = ma.findings()
    assert [(f.kind, f.alternatives, f.params.get("methods")) for f in found[:3]] == [
        ("agreement.split", (), ("wsm", "wpm")),
        ("agreement.first", ("a",), ("wsm",)),
        ("agreement.first", ("b",), ("wpm",)),
    ]
    assert found[3].kind == "agreement.least_alike" and found[3].value == pytest.approx(
        kendalltau(*ma.ranks)[0]
    )
    en = sentences(found, ev, "en")
    assert en[:3] == [
        "The methods disagree on first place.",
        "Weighted sum (WSM) puts Teams first.",
        "Weighted product (WPM) puts openDesk first.",
    ]
    assert en[3] == (
        "The rankings differ most between Weighted sum (WSM) and Weighted product (WPM) (Kendall's τ 0.33; "
        "1 is identical)."
    )
    nl = sentences(found, ev, "nl")
    assert (
        nl[0] == "De methoden verschillen over de eerste plaats."
        and nl[1] == "Gewogen som (WSM) zet Teams eerst."
    )
    assert "(Kendalls τ 0,33; 1 is gelijk)" in nl[3]


def test_agreement_findings_come_back_from_the_memos_record():
    """The memo stores the agreement's fields (report.decision); its findings are rendered from that record."""
    from evaluator.report.decision import _plain

    ev = make_eval(n=8, m=4, seed=3)
    ma = method_agreement(ev)
    back = MethodAgreement.from_record(_plain(ma))  # the record rounds to 12 significant digits
    assert [(f.kind, f.alternatives, dict(f.params)) for f in back.findings()] == [
        (f.kind, f.alternatives, dict(f.params)) for f in ma.findings()
    ]
    assert [f.value for f in back.findings()] == pytest.approx([f.value for f in ma.findings()])
    assert sentences(back.findings(), ev, "nl") == sentences(ma.findings(), ev, "nl")
    assert [f.kind for f in ma.findings()][:2] == ["agreement.split", "agreement.first_many"]


def test_rank_reversal_findings_survive_json():
    import json

    ev = make_eval(n=6, m=4, seed=1)
    r = rank_reversal(ev, "vikor", repeat=2)
    again = RankReversal.from_data(json.loads(json.dumps(r.to_data())))
    assert again == r
    assert sentences(again.findings, ev, "en") == sentences(r.findings, ev, "en")


def test_excluded_alternatives_are_left_out_and_bad_input_refused() -> None:
    ev = chain()
    assessments = {k: v for k, v in ev.assessments.items() if k != ("a4", "c1")}
    ma = method_agreement(replace(ev, assessments=frozen_map(assessments)))
    assert ma.excluded == ("a4",) and len(ma.alternatives) == 4
    with pytest.raises(InputError):
        method_agreement(ev, methods=("nope",))
    with pytest.raises(InputError):
        method_agreement(ev, methods=())
    with pytest.raises(InputError):
        method_agreement(ev, correlation="pearson")
    with pytest.raises(InputError):
        rank_reversal(ev, "electre1")


def test_rank_reversal_on_fixed_scales_with_wsm_finds_nothing() -> None:
    """Values over the scales' fixed bounds and a weighted sum: no check can reverse anything."""
    ev = make_eval(n=6, m=4, seed=4)
    found = rank_reversal(ev, "wsm", repeat=3).findings
    assert [f.kind for f in found] == [
        "reversal.worse",
        "reversal.pairs_consistent",
        "reversal.rebuilt_same",
        "reversal.leave_one_out",
    ]
    assert all(f.severity == "info" for f in found)
    assert found[0].value == 15 and found[0].params["lost"] == 0 and found[0].params["reordered"] == 0
    out = sentences(found, ev, "en")
    assert out[0].startswith(
        "Making a lower-ranked alternative slightly worse (15 trials, Weighted sum (WSM)): "
    )
    assert "stayed first every time and the order of the other alternatives stayed the same." in out[0]
    assert "the results are consistent" in out[1]
    assert out[2] == "The ranking rebuilt from the pairs is the same."
    assert out[3] == "Leaving out one alternative at a time (6 trials): the order of the rest never changed."
    nl = sentences(found, ev, "nl")
    assert nl[3] == "Steeds één alternatief weglaten (6 proeven): de volgorde van de rest veranderde nooit."


def _pair_winner(p, a: str, b: str, method: str) -> str:  # noqa: ANN001
    keep = np.array([x in (a, b) for x in p.alternatives])
    q = replace(
        p,
        alternatives=tuple(x for x in p.alternatives if x in (a, b)),
        names=tuple(n for x, n in zip(p.alternatives, p.names, strict=True) if x in (a, b)),
        matrix=p.matrix[keep],
    )
    r = rank(q, method)
    return "tie" if r.ranks[0] == r.ranks[1] else q.alternatives[r.order()[0]]


@pytest.mark.parametrize(("method", "seed"), [("vikor", 1), ("topsis", 2), ("vikor", 3)])
def test_rank_reversal_findings_are_true(method: str, seed: int) -> None:
    """Each reported finding is recomputed here: the cycle by ranking each pair alone, leave-one-out directly."""
    ev = make_eval(n=6, m=4, seed=seed)
    p = build_problem(ev)
    ids = {n: a for a, n in zip(p.alternatives, p.names, strict=True)}
    found = rank_reversal(ev, method, repeat=2).findings
    out = sentences(found, ev, "en")
    if found[1].kind in ("reversal.pairs_cycle", "reversal.pairs_cycles"):
        chain_ = found[1].params["chain"]
        assert chain_[0] == chain_[-1] and set(chain_[1::2]) <= {">", "="}
    if "cycle" in out[1] and "found" in out[1]:
        import re

        parts = re.split(r" ([>=]) ", out[1].split("e.g. ")[1].rstrip("."))
        names, signs = parts[::2], parts[1::2]
        assert names[0] == names[-1] and len(names) >= 4 and ">" in signs
        for x, sign, y in zip(names, signs, names[1:], strict=False):
            assert _pair_winner(p, ids[x], ids[y], method) == (ids[x] if sign == ">" else "tie")
    ref = rank(p, method).ranks
    changed = []
    for drop in range(len(p.alternatives)):
        keep = np.arange(len(p.alternatives)) != drop
        q = replace(p, alternatives=tuple(np.array(p.alternatives)[keep]), names=tuple(np.array(p.names)[keep]),
                    matrix=p.matrix[keep])  # fmt: skip
        r = rank(q, method).ranks
        if np.any(np.sign(ref[keep][:, None] - ref[keep][None, :]) != np.sign(r[:, None] - r[None, :])):
            changed.append(p.names[drop])
    if not changed:
        assert (
            out[3] == "Leaving out one alternative at a time (6 trials): the order of the rest never changed."
        )
        assert seed == 1  # the other cases were chosen to show a reversal
        return
    assert out[3].startswith("Leaving out one alternative at a time (6 trials): without ")
    for name in changed:
        assert name in out[3]


def test_cycles_found_by_vikor_are_reported_with_names() -> None:
    ev = make_eval(n=6, m=4, seed=1)
    out = sentences(rank_reversal(ev, "vikor", repeat=2).findings, ev, "nl")
    assert "kringen gevonden, bijvoorbeeld Alt " in out[1] or "kring gevonden, bijvoorbeeld Alt " in out[1]


def test_cycle_parsing_and_tiny_problems() -> None:
    assert _cycle([">['a4', 'a0', 'a5']>a4"]) == ["a4", "a0", "a5"]
    assert _cycle(("x", "y", "z")) == ["x", "y", "z"]
    found = rank_reversal(chain(2), "wsm").findings
    assert [(f.kind, f.value) for f in found] == [("reversal.too_few", 2.0)]
    assert sentences(found, chain(2), "en") == ["With 2 alternative(s) there is no rank reversal to check."]


def test_how_many_methods_put_the_winner_first():
    from evaluator.agreement import first_place_count
    from tests.helpers import small_evaluation

    ranks = {"wsm": {"a": 1, "b": 2}, "wpm": {"a": 2, "b": 1}, "topsis": {"a": 1, "b": 1}}
    f = first_place_count("a", ranks)
    assert (f.kind, f.alternatives, f.value, f.params["total"]) == ("agreement.count_first", ("a",), 2.0, 3)
    ev = small_evaluation()
    f = first_place_count("opendesk", {"wsm": {"opendesk": 1}, "vikor": {"opendesk": 3}})
    assert sentences([f], ev, "en") == ["1 of 2 ranking methods put openDesk first."]
    assert sentences([f], ev, "nl") == ["1 van de 2 rangschikkingsmethoden zetten openDesk bovenaan."]
