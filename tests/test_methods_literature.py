"""Methods as the literature defines them, and the defects of issue 10 each as a test through the user's path.

ELECTRE I is Roy's (1968) kernel of the outranking graph, with discordance per criterion (unit-free); ties are
found with a relative tolerance; values near float overflow rank as in a larger unit; ``rank`` and
``sensitivity`` see the same numbers; which methods keep the order of the others when an alternative is added;
the method registry's parameters are checked by ``check_params``.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from evaluator import methods, outranking
from evaluator.changes import AddAlternative, apply_change
from evaluator.io.bare import BareMatrix, bare_evaluation
from evaluator.model import Alternative, Assessment
from evaluator.problem import Problem, build_problem
from tests.test_methods_reference import _bare_problem, scaled_evaluation

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:pymcdm.validators")


def _csv(path: Path, names, criteria, objectives, matrix, weights=None) -> Path:
    rows = [
        ["alternative", *criteria],
        ["objective", *("max" if o > 0 else "min" for o in objectives)],
        ["weight", *(weights or [1] * len(criteria))],
        *([n, *(repr(float(v)) for v in row)] for n, row in zip(names, matrix, strict=True)),
    ]
    path.write_text("\n".join(",".join(str(c) for c in r) for r in rows) + "\n", encoding="utf-8")
    return path


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "evaluator", *args], capture_output=True, text=True, timeout=timeout
    )


def _ranks(path: Path, method: str) -> list[int]:
    done = _cli("rank", str(path), "--method", method, "--format", "json")
    assert done.returncode == 0, done.stderr
    return [a["rank"] for a in json.loads(done.stdout)["alternatives"]]


# -- ELECTRE I: Roy's kernel ----------------------------------------------------------------------------------


def _roy_kernel_by_brute_force(s: np.ndarray) -> set[int]:
    """Roy's kernel by its definition: merge the circuits (strongly connected components, by scipy), then the
    one set of nodes that is independent (no arc inside) and absorbent (an arc from it to every other node)."""
    from scipy.sparse.csgraph import connected_components

    _, label = connected_components(s.astype(int), directed=True, connection="strong")
    nodes = sorted(set(label.tolist()))
    arc = {(label[a], label[b]) for a, b in zip(*np.nonzero(s), strict=True) if label[a] != label[b]}
    found = []
    for k in range(1, len(nodes) + 1):
        for subset in itertools.combinations(nodes, k):
            inside = set(subset)
            independent = not any((a, b) in arc for a in inside for b in inside)
            absorbent = all(any((a, b) in arc for a in inside) for b in nodes if b not in inside)
            if independent and absorbent:
                found.append(inside)
    assert len(found) == 1, found  # a graph without circuits has exactly one kernel
    return {i for i in range(len(s)) if label[i] in found[0]}


def test_kernel_of_a_chain_is_its_first_and_third_alternative() -> None:
    """A → B → C: the kernel is {A, C} (C is outranked only by B, which is outside the kernel). The earlier
    "no alternative outranks it" rule gave {A} alone."""
    s = np.zeros((3, 3), dtype=bool)
    s[0, 1] = s[1, 2] = True
    assert np.flatnonzero(outranking.kernel(s)).tolist() == [0, 2]


def test_kernel_matches_the_definition_on_random_graphs() -> None:
    rng = np.random.default_rng(3)
    for _ in range(300):
        n = int(rng.integers(1, 8))
        s = rng.random((n, n)) < rng.uniform(0.05, 0.5)
        np.fill_diagonal(s, False)
        assert set(np.flatnonzero(outranking.kernel(s)).tolist()) == _roy_kernel_by_brute_force(s)


def test_concordance_and_discordance_agree_with_scikit_criteria_on_a_common_range() -> None:
    """scikit-criteria's own concordance and discordance functions (an independent implementation) divide
    discordance by the largest range of all criteria; on a matrix whose criteria each span exactly [0, 1] that
    is every criterion's own range, the definition used here, so the matrices must agree."""
    from skcriteria.agg.electre import concordance, discordance

    rng = np.random.default_rng(5)
    for n, m in [(3, 2), (5, 4), (9, 7)]:
        for _ in range(20):
            raw = rng.uniform(1, 100, size=(n, m))
            objectives = rng.choice([1, -1], size=m)
            weights = rng.dirichlet(np.ones(m))
            p = _bare_problem(raw, objectives, weights)
            conc, disc = outranking.concordance_discordance(p)
            unit = (raw - raw.min(axis=0)) / (raw.max(axis=0) - raw.min(axis=0))
            ref_c = concordance(unit, objectives, weights)
            ref_d = discordance(unit, objectives)
            off = ~np.eye(n, dtype=bool)
            np.testing.assert_allclose(conc[off], ref_c[off], atol=1e-12)
            np.testing.assert_allclose(disc[off], ref_d[off], atol=1e-12)


def test_electre_kernel_matches_the_definition_on_random_matrices() -> None:
    rng = np.random.default_rng(9)
    for _ in range(100):
        n, m = int(rng.integers(2, 8)), int(rng.integers(2, 6))
        p = _bare_problem(rng.uniform(1, 50, (n, m)), rng.choice([1, -1], m), rng.dirichlet(np.ones(m)))
        c, d = rng.uniform(0.5, 0.8), rng.uniform(0.2, 0.6)
        r = methods.rank(p, "electre1", {"p": c, "q": d})
        expected = _roy_kernel_by_brute_force(outranking.outranks(p, c, d))
        assert set(np.flatnonzero(r.ranks == 1).tolist()) == expected


def test_electre_does_not_depend_on_the_unit_of_a_criterion(tmp_path: Path) -> None:
    """Prices in EUR or in kEUR: the same ranking. Discordance was divided by the largest range of all criteria
    on raw numbers, so this file ranked [1, 1, 2] in EUR and [1, 2, 2] in kEUR (scikit-criteria's ELECTRE1)."""
    names, crit, objectives, weights = ["A", "B", "C"], ["quality", "support", "price"], [1, 1, -1], [4, 3, 3]
    rows = [[8.0, 6.0, 1200.0], [5.0, 3.0, 1000.0], [3.0, 1.0, 1500.0]]
    eur = _csv(tmp_path / "eur.csv", names, crit, objectives, rows, weights)
    keur = _csv(
        tmp_path / "keur.csv", names, crit, objectives, [[q, s, x / 1000] for q, s, x in rows], weights
    )
    assert _ranks(eur, "electre1") == _ranks(keur, "electre1") == [1, 1, 2]
    # and the result is the kernel of the graph built on each criterion's own range
    p = _bare_problem(np.array(rows), np.array(objectives), np.array(weights, dtype=float))
    assert _roy_kernel_by_brute_force(outranking.outranks(p, 0.65, 0.35)) == {0, 1}


def test_an_outranking_cycle_still_puts_alternatives_first(tmp_path: Path) -> None:
    """A → C → B → A (each wins two of three equally weighted criteria; q = 1 lets every such pair outrank): the
    circuit is one node of the graph, so its three alternatives form the kernel and D, outranked by all, is
    second. The old rule ("no one outranks it") left no alternative first."""
    matrix = [[3, 2, 1], [1, 3, 2], [2, 1, 3], [0.5, 0.5, 0.5]]
    p = _bare_problem(np.array(matrix, dtype=float), np.ones(3, dtype=int), np.ones(3))
    r = methods.rank(p, "electre1", {"q": 1.0})
    assert r.ranks.tolist() == [1, 1, 1, 2]


@pytest.mark.parametrize("method", sorted(methods.METHODS))
def test_a_change_of_unit_never_changes_a_ranking(method: str) -> None:
    """EUR to kEUR, days to hours: multiplying one criterion of a bare matrix by a positive factor changes no
    method's ranking (ELECTRE I's did, through its discordance over the largest range of all criteria)."""
    rng = np.random.default_rng(17)
    for _ in range(60):
        n, m = int(rng.integers(3, 8)), int(rng.integers(2, 6))
        matrix = rng.uniform(1, 100, (n, m))
        objectives, weights = rng.choice([1, -1], m), rng.dirichlet(np.ones(m))
        j, factor = int(rng.integers(m)), float(10.0 ** rng.integers(-6, 7))
        other = matrix.copy()
        other[:, j] *= factor
        a = methods.rank(_bare_problem(matrix, objectives, weights), method)
        b = methods.rank(_bare_problem(other, objectives, weights), method)
        assert a.ranks.tolist() == b.ranks.tolist(), (method, j, factor)


# -- WASPAS: see test_methods_reference (pymcdm default and the JMcDM worked example) ------------------------

# -- numbers at the edge of float ----------------------------------------------------------------------------


def test_values_near_1e155_rank_as_in_a_larger_unit(tmp_path: Path) -> None:
    """C1 = (1, 2, 3)·1e155, C2 = (5, 4, 1), equal weights: TOPSIS squared C1 to infinity and silently dropped
    it, ranking [1, 2, 3] with exit 0. The correct ranking is that of C1 = (1, 2, 3): [2, 1, 3]."""
    names, crit = ["A", "B", "C"], ["C1", "C2"]
    huge = _csv(tmp_path / "huge.csv", names, crit, [1, 1], [[1e155, 5], [2e155, 4], [3e155, 1]])
    plain = _csv(tmp_path / "plain.csv", names, crit, [1, 1], [[1, 5], [2, 4], [3, 1]])
    for method in ("topsis", "wsm", "vikor", "moora", "waspas", "wpm", "electre1"):
        assert _ranks(huge, method) == _ranks(plain, method), method
    assert _ranks(huge, "topsis") == [2, 1, 3]


# -- ties: relative, not 12 absolute decimals ----------------------------------------------------------------


def test_wpm_ties_do_not_depend_on_the_unit(tmp_path: Path) -> None:
    """A cost column of 2.500e9 / 2.501e9 / 2.6e9 gave [1, 1, 2] (scores of 4e-10 rounded to 12 decimals), the
    same prices in millions [1, 2, 3]."""
    names = ["A", "B", "C"]
    euro = _csv(tmp_path / "euro.csv", names, ["cost"], [-1], [[2.5e9], [2.501e9], [2.6e9]])
    mln = _csv(tmp_path / "mln.csv", names, ["cost"], [-1], [[2500], [2501], [2600]])
    assert _ranks(euro, "wpm") == _ranks(mln, "wpm") == [1, 2, 3]


def test_tiny_values_are_not_three_ties() -> None:
    p = _bare_problem(np.array([[1e-30], [2e-30], [3e-30]]), np.array([1]), np.array([1.0]))
    for method in ("wpm", "wsm", "topsis", "waspas"):
        assert methods.rank(p, method).ranks.tolist() == [3, 2, 1], method


def test_the_tie_rule_still_joins_summation_noise() -> None:
    s = np.array([0.8, 0.8 + 2e-16, 0.5, 1e-17, 0.0])
    assert methods.dense_rank(s, True).tolist() == [1, 1, 2, 3, 3]
    # a ratio-scale score (WPM) keeps tiny scores apart next to a large one
    w = np.array([1.0, 1e-30, 2e-30])
    assert methods.dense_rank(w, True, methods.METHODS["wpm"].tie_floor).tolist() == [1, 3, 2]


def test_smaa_puts_a_dominating_alternative_first_every_time() -> None:
    """A beats B and C on every criterion; values of the order 1e-13, so WPM scores differ by less than 1e-12:
    rounding to 12 decimals tied them and A was first in fewer than all samples."""
    from evaluator.sensitivity import acceptability

    ev = bare_evaluation(
        BareMatrix(
            ["A", "B", "C"], ["c1", "c2"], [[3e-13, 3e-13], [2e-13, 1e-13], [1e-13, 2e-13]], [1, 1], [1, 1]
        )
    )
    acc = acceptability(ev, method="wpm", samples=2000, seed=1)
    assert acc.acceptability[0, 0] == pytest.approx(1.0)


# -- rank and sensitivity see the same numbers ---------------------------------------------------------------


def test_a_column_spanning_1e_15_is_normalised_by_rank_as_by_sensitivity(tmp_path: Path) -> None:
    """scikit-learn's min–max scaler treats a column spanning less than about 2e-15 as constant, so ``rank
    --method wsm`` left it raw while ``sensitivity`` normalised it: two different winners on one file."""
    base = 1.0
    matrix = [[base, 1.0], [base + 1e-15, 0.0], [base + 2e-15, 0.5]]
    path = _csv(tmp_path / "narrow.csv", ["A", "B", "C"], ["narrow", "wide"], [1, 1], matrix, [3, 1])
    ranks = _ranks(path, "wsm")
    done = _cli(
        "sensitivity",
        str(path),
        "--method",
        "wsm",
        "--weights",
        "around",
        "--spread",
        "0",
        "--format",
        "json",
        "--samples",
        "50",
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    first_by_smaa = max(data["alternatives"], key=lambda a: a["rank_acceptability"][0])["name"]
    assert ["A", "B", "C"][ranks.index(1)] == first_by_smaa


def test_sensitivity_refuses_wpm_on_zero_as_rank_does(tmp_path: Path) -> None:
    path = _csv(tmp_path / "zero.csv", ["A", "B", "C"], ["c1", "c2"], [1, -1], [[0, 1], [2, 3], [1, 1]])
    ranked = _cli("rank", str(path), "--method", "wpm")
    sens = _cli("sensitivity", str(path), "--method", "wpm", "--samples", "100")
    assert ranked.returncode == 2 and sens.returncode == 2, sens.stdout
    assert "positive values" in sens.stderr and "Traceback" not in sens.stderr
    assert sens.stderr.strip().count("\n") == 0


# -- adding an alternative -----------------------------------------------------------------------------------


def _add(ev, scores: dict[str, float]):
    new = AddAlternative(
        Alternative("new", "Newcomer"), assessments={c: Assessment(value=float(v)) for c, v in scores.items()}
    )
    return apply_change(ev, new)[0]


def _order_kept(before: methods.Ranking, after: methods.Ranking) -> bool:
    b, a = before.ranks, after.ranks[: len(before.ranks)]
    return bool(np.all(np.sign(b[:, None] - b[None, :]) == np.sign(a[:, None] - a[None, :])))


def test_methods_that_declare_it_keep_the_order_when_an_alternative_is_added() -> None:
    """On scales with fixed bounds WSM, WPM and WASPAS score each alternative on its own: a newcomer never
    reorders the others (README "Methods"). Random newcomers on the scaled evaluation."""
    ev = scaled_evaluation()
    rng = np.random.default_rng(2)
    keeping = [m for m in methods.METHODS.values() if m.keeps_order]
    assert {m.id for m in keeping} == {"wsm", "wpm", "waspas"}
    for _ in range(40):
        scores = {
            "A1": rng.integers(1, 6),
            "A2": rng.integers(0, 2),
            "B1": rng.uniform(0, 50),
            "B2": rng.uniform(0, 100),
        }
        ev2 = _add(ev, scores)
        for m in keeping:
            assert _order_kept(
                methods.rank(build_problem(ev), m.id), methods.rank(build_problem(ev2), m.id)
            ), m.id


VALUES = np.array([[0.75, 1.0], [0.0, 0.75], [0.25, 0.5]])  # three alternatives, values over fixed bounds


def _values_problem(matrix: np.ndarray) -> Problem:
    names = tuple(f"a{i}" for i in range(len(matrix)))
    return Problem(names, names, ("x", "y"), matrix, np.ones(2, dtype=int), np.array([0.5, 0.5]), False)


def test_keeping_methods_never_reorder_on_a_grid_of_newcomers() -> None:
    before = _values_problem(VALUES)
    grid = [0.0, 0.25, 0.5, 0.75, 1.0]
    for x, y in itertools.product(grid, grid):
        after = _values_problem(np.vstack([VALUES, [[x, y]]]))
        for m in ("wsm", "wpm", "waspas"):
            assert _order_kept(methods.rank(before, m), methods.rank(after, m)), (m, x, y)


@pytest.mark.parametrize(
    ("method", "newcomer"),
    [("topsis", (0.0, 0.0)), ("vikor", (0.0, 0.0)), ("electre1", (1.0, 1.0)), ("moora", None)],
)
def test_the_other_methods_can_reorder_the_others(method: str, newcomer) -> None:
    """TOPSIS and VIKOR take the ideal and the worst from the alternatives, MOORA divides by a column's norm
    over them, ELECTRE I's kernel depends on who else is there: a newcomer can swap two others even on fixed
    scales. One found example each (README "Methods" says so)."""
    if newcomer is None:  # MOORA: on the scaled evaluation, a newcomer scoring 5, yes, €30, 10 days
        ev = scaled_evaluation()
        before = methods.rank(build_problem(ev), method)
        after = methods.rank(build_problem(_add(ev, {"A1": 5, "A2": 1, "B1": 30.0, "B2": 10.0})), method)
    else:
        before = methods.rank(_values_problem(VALUES), method)
        after = methods.rank(_values_problem(np.vstack([VALUES, [newcomer]])), method)
    assert not _order_kept(before, after)
    assert not methods.METHODS[method].keeps_order


def test_an_unbounded_criterion_lets_even_wsm_reorder() -> None:
    """The property needs fixed bounds: a numeric criterion without them is normalised over the alternatives
    seen, so a newcomer at €100 a user swaps openDesk and Nextcloud under WSM."""
    from evaluator.model import Scale

    ev = scaled_evaluation()
    unbounded = Scale("numeric", unit="€", direction="cost")
    ev = replace(ev, criteria=tuple(replace(c, scale=unbounded) if c.id == "B1" else c for c in ev.criteria))
    before = methods.rank(build_problem(ev), "wsm")
    after = methods.rank(build_problem(_add(ev, {"A1": 3, "A2": 0, "B1": 100.0, "B2": 50.0})), "wsm")
    assert before.ranks.tolist() == [3, 2, 1] and after.ranks[:3].tolist() == [3, 1, 2]


# -- the registry's parameters -------------------------------------------------------------------------------


def test_check_params_names_the_problem() -> None:
    assert methods.check_params("vikor", {"v": 0.3}) is None
    assert methods.check_params("vikor", {}) is None
    assert (
        methods.check_params("vikor", {"vikor_v": 0.3})
        == "unknown parameter 'vikor_v' for VIKOR (expected: v)"
    )
    assert methods.check_params("vikor", {"v": 1.5}) == "v must lie between 0 and 1"
    assert methods.check_params("electre1", {"p": 0.7, "q": -0.1}) == "q must lie between 0 and 1"
    assert methods.check_params("waspas", {"lambda": float("nan")}).startswith("lambda must be a number")
    assert methods.check_params("wsm", {"v": 0.5}) == "unknown parameter 'v' for WSM (expected: none)"
    assert methods.check_params("nope", {}).startswith("unknown method 'nope'")


def test_defaults_are_written_once_and_used() -> None:
    assert methods.param_defaults("vikor") == {"v": 0.5}
    assert methods.param_defaults("electre1") == {"p": 0.65, "q": 0.35}
    assert methods.param_defaults("waspas") == {"lambda": 0.5}
    assert methods.param_defaults("wsm") == {}
    p = build_problem(scaled_evaluation())
    for m in methods.METHODS:
        default = methods.rank(p, m, {})
        explicit = methods.rank(p, m, methods.param_defaults(m))
        np.testing.assert_array_equal(default.scores, explicit.scores)
    # a parameter is read: VIKOR's v and WASPAS's lambda change the scores
    assert not np.allclose(methods.rank(p, "vikor", {"v": 0.1}).scores, methods.rank(p, "vikor").scores)
    assert not np.allclose(
        methods.rank(p, "waspas", {"lambda": 0.0}).scores, methods.rank(p, "waspas").scores
    )


def test_rank_refuses_a_parameter_out_of_range(tmp_path: Path) -> None:
    p = build_problem(scaled_evaluation())
    with pytest.raises(methods.InputError, match="v must lie between 0 and 1"):
        methods.rank(p, "vikor", {"v": 2.0})
    with pytest.raises(methods.InputError, match="unknown method parameter 'vikor_v'"):
        methods.rank(p, "vikor", {"vikor_v": 0.2})
    # another method's parameter is no error: an evaluation keeps one mapping for all methods
    methods.rank(replace(p, params={"p": 0.7}), "vikor")


def test_methods_command_names_definitions_and_parameters() -> None:
    done = _cli("methods")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Zavadskas et al. (2012)" in out and "x/max" in out
    assert "Roy (1968)" in out and "kernel" in out
    assert "v = 0.5 (0–1" in out and "λ = 0.5 (0–1, 'lambda'" in out and "p = 0.65 (0–1" in out
    assert "VIKOR: Compromise between group utility and the largest individual regret (v = 0.5)." in out
    nl = _cli("methods", "--lang", "nl").stdout
    assert "kern" in nl and "Zavadskas e.a. (2012)" in nl and "(p = 0,65, q = 0,35)." in nl


# -- the rank-reversal check returns ----------------------------------------------------------------------


def test_rank_reversal_returns_with_two_identical_alternatives(tmp_path: Path) -> None:
    """scikit-criteria's invariance checker draws noise until one value is > 0; with two identical alternatives
    the bound is 0 and it looped for ever. The Robustness page calls it. Guarded by a subprocess timeout."""
    code = (
        "from evaluator.io.bare import BareMatrix, bare_evaluation\n"
        "from evaluator.agreement import rank_reversal\n"
        "from evaluator.text import sentences\n"
        "ev = bare_evaluation(BareMatrix(['A', 'B', 'C', 'D'], ['c1', 'c2'], "
        "[[3, 1], [2, 2], [2, 2], [1, 3]], [1, 1], [2, 1]))\n"
        "for m in ('wsm', 'topsis'):\n"
        "    for line in sentences(rank_reversal(ev, m).findings, ev, 'en'):\n"
        "        print(line)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr
    assert "not testable, because B cannot be made worse" in done.stdout


# -- memos made with earlier definitions --------------------------------------------------------------------


@pytest.mark.parametrize("memo", ["sample-nl.pdf", "small-en.pdf"])
def test_memos_made_by_0_1_verify_with_the_definitions_of_their_version(memo: str) -> None:
    """Verifying recomputes a memo; one made by Afweging 0.1 (old ELECTRE I, sum-normalised WASPAS, ties by
    rounding) must be recomputed with those definitions. report.decision.recompute is to wrap its work in
    ``methods.definitions_of(data["afweging_version"])`` (and __version__ go to 0.2 with this change)."""
    from evaluator.report.verify import describe, verify_memo

    folder = Path(__file__).parent / "fixtures" / "memos" / "v0.1.0"
    with methods.definitions_of("0.1.0") as era:
        assert era == "1"
        v = verify_memo(folder / memo, [folder / "root.pem"])
    assert v.valid, describe(v)


def test_definitions_by_version() -> None:
    assert methods.definitions_for("0.1.0") == methods.definitions_for("0.1.7") == "1"
    assert (
        methods.definitions_for("0.2.0")
        == methods.definitions_for("1.0")
        == methods.CURRENT_DEFINITIONS
        == "2"
    )
    assert methods.definitions_for(None) == "2"
    p = _bare_problem(np.array([[2.5e9], [2.501e9], [2.6e9]]), np.array([-1]), np.array([1.0]))
    assert methods.rank(p, "wpm").ranks.tolist() == [1, 2, 3]
    with methods.definitions_of("0.1.0"):
        assert methods.rank(p, "wpm").ranks.tolist() == [1, 1, 2]  # as 0.1 ranked it
    assert methods.rank(p, "wpm").ranks.tolist() == [1, 2, 3]


def test_top_is_first_answers_as_the_full_ranking_does() -> None:
    """The stability search's shortcut gives the same answer as ranking everyone, ties and near-ties included."""
    rng = np.random.default_rng(3)
    for method in ("wsm", "wpm", "topsis", "vikor"):
        s = rng.random((400, 7))
        s[::5, 2] = s[::5, 0]  # exact ties with the top
        s[1::5, 2] = s[1::5, 0] * (1 + 1e-12)  # within the tie rule
        s[2::5, 1] = s[2::5, 0] * (1 + 3e-9)  # just outside it
        for top in range(7):
            want = methods.method_ranks(s, method)[:, top] == 1
            assert (methods.top_is_first(s, method, top) == want).all(), (method, top)
