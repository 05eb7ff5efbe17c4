"""Our ranking methods against published worked examples and an independent implementation (pymcdm).

Users' first complaint about MCDA tools is that results do not match the papers or other tools. These tests
run the real command line on Hwang & Yoon's textbook TOPSIS example in every bare-matrix format, compare each
method that pymcdm also implements on seeded random matrices (scores and rankings), hand-check the weighted
sum on an evaluation with scales, and feed every method the degenerate cases a workshop produces.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import yaml

from evaluator import methods
from evaluator.changes import AddAlternative, apply_change
from evaluator.cli import main
from evaluator.errors import InputError
from evaluator.io.bare import BareMatrix, bare_evaluation
from evaluator.model import Alternative, Area, Assessment, Criterion, Evaluation, Level, Scale, frozen_map
from evaluator.problem import Problem, build_problem

# pymcdm warns about dominated alternatives in random matrices; that is expected there, not a problem.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:pymcdm.validators")

# -- Hwang & Yoon (1981), fighter-aircraft example -----------------------------------------------------------
# Criteria: max speed, ferry range, max payload, purchase cost (cost), reliability, manoeuvrability.
HY_NAMES = ["A1", "A2", "A3", "A4"]
HY_CRITERIA = ["speed", "range", "payload", "cost", "reliability", "manoeuvrability"]
HY_OBJECTIVES = [1, 1, 1, -1, 1, 1]
HY_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
HY_MATRIX = [
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
]
HY_CLOSENESS = [0.643, 0.268, 0.614, 0.312]  # as published
HY_RANKS = [1, 4, 2, 3]


def _hy_rows() -> list[list]:
    return [
        ["alternative", *HY_CRITERIA],
        ["objective", *("max" if o > 0 else "min" for o in HY_OBJECTIVES)],
        ["weight", *HY_WEIGHTS],
        *([n, *row] for n, row in zip(HY_NAMES, HY_MATRIX, strict=True)),
    ]


def write_hy_csv(path: Path) -> Path:
    path.write_text("\n".join(",".join(str(c) for c in row) for row in _hy_rows()) + "\n", encoding="utf-8")
    return path


def write_hy_dmsy(path: Path) -> Path:
    doc = {
        "dmsy": {"dm_type": "discrete-dm", "version": 1, "meta": {}},
        "data": {
            "matrix": HY_MATRIX,
            "objectives": HY_OBJECTIVES,
            "weights": HY_WEIGHTS,
            "dtypes": ["float64"] * 6,
            "alternatives": HY_NAMES,
            "criteria": HY_CRITERIA,
            "extra": {},
        },
    }
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def write_hy_xlsx(path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "aircraft"
    for row in _hy_rows():
        ws.append(row)
    wb.save(path)
    return path


HY_WRITERS = {"csv": write_hy_csv, "dmsy": write_hy_dmsy, "xlsx": write_hy_xlsx}


def _check_hy(data: dict) -> None:
    assert data["method"] == "topsis"
    assert [a["name"] for a in data["alternatives"]] == HY_NAMES  # input order
    assert [round(a["score"], 3) for a in data["alternatives"]] == HY_CLOSENESS
    assert [a["rank"] for a in data["alternatives"]] == HY_RANKS


@pytest.mark.parametrize("fmt", sorted(HY_WRITERS))
def test_hwang_yoon_topsis_through_the_command_line(tmp_path: Path, capsys, fmt: str) -> None:
    path = HY_WRITERS[fmt](tmp_path / f"aircraft.{fmt}")
    code = main(["rank", str(path), "--method", "topsis", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    _check_hy(json.loads(out))


def test_hwang_yoon_topsis_through_the_console_script(tmp_path: Path) -> None:
    path = write_hy_csv(tmp_path / "aircraft.csv")
    script = Path(sys.executable).with_name("afweging")
    commands = [[sys.executable, "-m", "evaluator"]]
    if script.exists():
        commands.insert(0, [str(script)])
    for cmd in commands:
        done = subprocess.run(
            [*cmd, "rank", str(path), "--method", "topsis", "--format", "json"],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert done.returncode == 0, done.stderr
        _check_hy(json.loads(done.stdout))


def test_hwang_yoon_topsis_agrees_with_pymcdm_to_full_precision() -> None:
    from pymcdm.methods import TOPSIS
    from pymcdm.normalizations import vector_normalization

    r = methods.rank(
        _bare_problem(np.array(HY_MATRIX), np.array(HY_OBJECTIVES), np.array(HY_WEIGHTS)), "topsis"
    )
    ref = TOPSIS(vector_normalization)(np.array(HY_MATRIX), np.array(HY_WEIGHTS), np.array(HY_OBJECTIVES))
    np.testing.assert_allclose(r.scores, ref, rtol=1e-12)


# -- pymcdm on seeded random matrices ------------------------------------------------------------------------

SIZES = [(3, 2), (5, 4), (8, 6), (13, 19)]
# Seeded random matrices per size and method: a short default, the full comparison with AFWEGING_FUZZ=long.
CASES = 30 if os.environ.get("AFWEGING_FUZZ") == "long" else 8


def _bare_problem(matrix: np.ndarray, objectives: np.ndarray, weights: np.ndarray) -> Problem:
    """The problem our CLI ranks for this bare matrix (through the real reader's evaluation builder)."""
    n, m = matrix.shape
    bm = BareMatrix(
        alternatives=[f"alt {i}" for i in range(n)],
        criteria=[f"crit {j}" for j in range(m)],
        matrix=matrix.tolist(),
        objectives=[int(o) for o in objectives],
        weights=[float(w) for w in weights],
    )
    return build_problem(bare_evaluation(bm))


def random_cases(seed: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Positive matrices with mixed benefit/cost criteria (at least one of each) and weights summing to 1."""
    rng = np.random.default_rng(seed)
    out = []
    for n, m in SIZES:
        for _ in range(CASES):
            matrix = rng.uniform(1.0, 100.0, size=(n, m))
            objectives = rng.choice([1, -1], size=m)
            objectives[0], objectives[-1] = 1, -1
            weights = rng.dirichlet(np.ones(m))
            out.append((matrix, objectives, weights))
    return out


def _ranks_of(pref: np.ndarray, higher_is_better: bool) -> np.ndarray:
    from scipy.stats import rankdata

    key = -pref if higher_is_better else pref
    return rankdata(np.round(key, 12), method="dense").astype(int)  # ties share a rank, 1 the best


def _compare(method_id: str, ref_method, seed: int, scale=None) -> None:
    higher = methods.METHODS[method_id].higher_is_better
    for matrix, objectives, weights in random_cases(seed):
        ours = methods.rank(_bare_problem(matrix, objectives, weights), method_id)
        ref = np.asarray(ref_method(matrix, weights, objectives), dtype=float)
        expected = ref if scale is None else ref * scale(matrix, objectives, weights)
        np.testing.assert_allclose(ours.scores, expected, rtol=1e-9, atol=1e-12)
        np.testing.assert_array_equal(ours.ranks, _ranks_of(ref, higher))


def test_wsm_matches_pymcdm_with_min_max_normalisation() -> None:
    from pymcdm.methods import WSM
    from pymcdm.normalizations import minmax_normalization

    # pymcdm's min–max: (x − min)/(max − min), cost (max − x)/(max − min); ours negates cost, then min–max.
    _compare("wsm", WSM(minmax_normalization), seed=1)


def test_wpm_matches_pymcdm_with_cost_inverted() -> None:
    from pymcdm.methods import WPM

    def invert_cost(x: np.ndarray, cost: bool = False) -> np.ndarray:
        return 1.0 / x if cost else x

    _compare("wpm", WPM(invert_cost), seed=2)


def test_wpm_matches_pymcdm_default_up_to_its_sum_normalisation() -> None:
    """pymcdm's default WPM divides each column by its sum (cost: 1/x over Σ 1/x) before the product.

    That multiplies every alternative's product by the same Π_j S_j^(−w_j), so rankings agree and our scores
    are pymcdm's times Π_j S_j^(w_j).
    """
    from pymcdm.methods import WPM

    def factor(matrix: np.ndarray, objectives: np.ndarray, weights: np.ndarray) -> float:
        x = np.where(objectives < 0, 1.0 / matrix, matrix)
        return float(np.prod(x.sum(axis=0) ** weights))

    _compare("wpm", WPM(), seed=3, scale=factor)


def test_topsis_matches_pymcdm_with_vector_normalisation() -> None:
    from pymcdm.methods import TOPSIS
    from pymcdm.normalizations import vector_normalization

    # pymcdm maps a cost column to 1 − x/‖x‖ and then takes max as ideal; Hwang & Yoon (and we) keep x/‖x‖ and
    # take min as ideal. That reflects the column, so every distance, and the closeness, is the same.
    _compare("topsis", TOPSIS(vector_normalization), seed=4)


def test_vikor_q_matches_pymcdm_with_v_one_half() -> None:
    from pymcdm.methods import VIKOR

    _compare("vikor", VIKOR(v=0.5), seed=5)


def test_moora_ratio_system_matches_pymcdm() -> None:
    from pymcdm.methods import MOORA

    # Both: vector-normalise every column, weight, sum benefit minus cost criteria (Brauers & Zavadskas).
    # pymcdm refuses a problem with no cost criterion; random_cases always has one.
    _compare("moora", MOORA(), seed=6)


def test_waspas_matches_pymcdm_default_linear_normalisation() -> None:
    """WASPAS as Zavadskas et al. (2012) define it: x/max for benefit, min/x for cost, λ·WSM + (1 − λ)·WPM with
    λ = 0.5. pymcdm's default WASPAS normalisation (``linear_normalization``) is exactly that."""
    from pymcdm.methods import WASPAS

    _compare("waspas", WASPAS(l=0.5), seed=7)


# A worked WASPAS example (5 alternatives, 6 criteria, benefit/cost mixed) with the joint criterion Q to six
# decimals, as JMcDM.jl (Satman, Julia) publishes it in its test suite: an independent implementation of
# Zavadskas et al. (2012), normalised matrix row 1 = (0.6, 1.0, 0.75, 0.96, 1.0, 0.75).
WASPAS_MATRIX = [
    [3, 12.5, 2, 120, 14, 3],
    [5, 15, 3, 110, 38, 4],
    [3, 13, 2, 120, 19, 3],
    [4, 14, 2, 100, 31, 4],
    [3, 15, 1.5, 125, 40, 4],
]
WASPAS_WEIGHTS = [0.221, 0.159, 0.175, 0.127, 0.117, 0.201]
WASPAS_OBJECTIVES = [1, -1, -1, 1, -1, 1]
WASPAS_Q = [0.805021, 0.775060, 0.770181, 0.796424, 0.788239]


def test_waspas_reproduces_the_published_worked_example(tmp_path: Path, capsys) -> None:
    """Zavadskas et al. (2012) WASPAS (x/max, min/x, λ = 0.5) on the JMcDM.jl worked example, through the CLI;
    and with λ = 1 and λ = 0 it is the weighted sum and product of those normalised values."""
    rows = [
        ["alternative", *(f"C{j + 1}" for j in range(6))],
        ["objective", *("max" if o > 0 else "min" for o in WASPAS_OBJECTIVES)],
        ["weight", *WASPAS_WEIGHTS],
        *([f"A{i + 1}", *row] for i, row in enumerate(WASPAS_MATRIX)),
    ]
    path = tmp_path / "waspas.csv"
    path.write_text("\n".join(",".join(str(c) for c in r) for r in rows) + "\n", encoding="utf-8")
    assert main(["rank", str(path), "--method", "waspas", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [round(a["score"], 6) for a in data["alternatives"]] == WASPAS_Q
    assert [a["rank"] for a in data["alternatives"]] == [1, 4, 5, 2, 3]
    x = np.array(WASPAS_MATRIX, dtype=float)
    norm = np.where(np.array(WASPAS_OBJECTIVES) > 0, x / x.max(axis=0), x.min(axis=0) / x)
    w = np.array(WASPAS_WEIGHTS) / np.sum(WASPAS_WEIGHTS)
    p = _bare_problem(x, np.array(WASPAS_OBJECTIVES), np.array(WASPAS_WEIGHTS))
    np.testing.assert_allclose(methods.rank(p, "waspas", {"lambda": 1.0}).scores, norm @ w, rtol=1e-12)
    np.testing.assert_allclose(
        methods.rank(p, "waspas", {"lambda": 0.0}).scores, np.prod(norm**w, axis=1), rtol=1e-12
    )


# -- an evaluation with scales -------------------------------------------------------------------------------


def _levels(n: int) -> tuple[Level, ...]:
    return tuple(Level(float(k), {"nl": f"niveau {k}", "en": f"level {k}"}) for k in range(1, n + 1))


def scaled_evaluation() -> Evaluation:
    """Two areas: an ordinal 1–5, a numeric cost €0–€50 per user, a piecewise numeric, a yes/no criterion."""
    areas = (
        Area("A", {"nl": "Soevereiniteit", "en": "Sovereignty"}),
        Area("B", {"nl": "Kosten", "en": "Cost"}),
    )
    criteria = (
        Criterion("A1", "A", {"en": "data location"}, Scale("ordinal", levels=_levels(5))),
        Criterion("A2", "A", {"en": "open source"}, Scale("boolean")),
        Criterion(
            "B1",
            "B",
            {"en": "licence per user"},
            Scale("numeric", unit="€", lower=0, upper=50, direction="cost"),
        ),
        Criterion(
            "B2",
            "B",
            {"en": "migration effort"},
            Scale(
                "numeric",
                unit="days",
                lower=0,
                upper=100,
                direction="cost",
                points=((0, 1.0), (20, 0.8), (100, 0.0)),
            ),
        ),
    )
    alts = (
        Alternative("teams", "Teams"),
        Alternative("opendesk", "openDesk"),
        Alternative("nc", "Nextcloud"),
    )
    scores = {
        "teams": {"A1": 2, "A2": 0, "B1": 30, "B2": 0},
        "opendesk": {"A1": 5, "A2": 1, "B1": 10, "B2": 60},
        "nc": {"A1": 4, "A2": 1, "B1": 5, "B2": 10},
    }
    assessments = {(a, c): Assessment(value=float(v)) for a, row in scores.items() for c, v in row.items()}
    weights = {"A": 60, "B": 40, "A1": 3, "A2": 1, "B1": 1, "B2": 1}
    return Evaluation(
        title="scaled",
        areas=areas,
        criteria=criteria,
        alternatives=alts,
        assessments=frozen_map(assessments),
        weights=frozen_map(weights),
    )


# Global weights by hand: area share × share within the area.
HAND_W = {"A1": 0.6 * 3 / 4, "A2": 0.6 * 1 / 4, "B1": 0.4 * 1 / 2, "B2": 0.4 * 1 / 2}


def test_wsm_on_scales_is_the_weighted_sum_of_values_over_fixed_bounds() -> None:
    # Values by hand: ordinal (x − 1)/4; yes/no as is; cost (50 − x)/50; piecewise 1 → 0.8 on 0–20, 0 at 100.
    hand_values = {
        "teams": {"A1": 1 / 4, "A2": 0.0, "B1": 20 / 50, "B2": 1.0},
        "opendesk": {"A1": 1.0, "A2": 1.0, "B1": 40 / 50, "B2": 0.8 * 40 / 80},
        "nc": {"A1": 3 / 4, "A2": 1.0, "B1": 45 / 50, "B2": 1.0 - 0.2 * 10 / 20},
    }
    expected = [sum(HAND_W[c] * v for c, v in hand_values[a].items()) for a in ("teams", "opendesk", "nc")]
    r = methods.rank(build_problem(scaled_evaluation()), "wsm")
    np.testing.assert_allclose(r.scores, expected, rtol=1e-12)
    np.testing.assert_array_equal(r.ranks, [3, 2, 1])  # 0.3925 < 0.84 < 0.8475
    assert r.problem.bare is False


def test_adding_an_alternative_does_not_move_the_others_wsm_scores() -> None:
    ev = scaled_evaluation()
    before = methods.rank(build_problem(ev), "wsm")
    for scores in ({"A1": 5, "A2": 1, "B1": 0, "B2": 0}, {"A1": 1, "A2": 0, "B1": 50, "B2": 100}):
        new = AddAlternative(
            Alternative("new", "Newcomer"),
            assessments={c: Assessment(value=float(v)) for c, v in scores.items()},
        )
        ev2, _ = apply_change(ev, new)
        after = methods.rank(build_problem(ev2), "wsm")
        assert after.alternatives[:3] == before.alternatives
        # the bounds are fixed: unchanged up to the last bit of floating-point summation order
        np.testing.assert_allclose(after.scores[:3], before.scores, rtol=1e-12, atol=0)
        # and the order among the old three is kept
        np.testing.assert_array_equal(np.argsort(after.scores[:3]), np.argsort(before.scores))


# -- degenerate problems: a defined result or a clear InputError, never a crash ----------------------------


def _bare_case(matrix: list[list[float]], weights: list[float] | None = None) -> Problem:
    m = np.array(matrix, dtype=float)
    objectives = np.array([1, -1, 1][: m.shape[1]])
    w = np.array(weights if weights is not None else [1.0] * m.shape[1])
    return _bare_problem(m, objectives, w)


def _scaled_case(case: str) -> Problem:
    ev = scaled_evaluation()
    if case == "one alternative":
        ev = replace(ev, alternatives=ev.alternatives[:1])
    elif case == "identical alternatives":
        same = {(a.id, c.id): ev.assessment("nc", c.id) for a in ev.alternatives for c in ev.criteria}
        ev = replace(ev, assessments=frozen_map(same))
    elif case == "constant criterion":
        same = dict(ev.assessments)
        for a in ev.alternatives:
            same[(a.id, "B1")] = Assessment(value=20.0)
        ev = replace(ev, assessments=frozen_map(same))
    elif case == "zero weights":
        ev = replace(ev, weights=frozen_map({**ev.weights, "A2": 0, "B": 0}))
    return build_problem(ev)


EDGE_BARE = {
    "one alternative": lambda: _bare_case([[3.0, 4.0, 5.0]]),
    "identical alternatives": lambda: _bare_case([[3.0, 4.0, 5.0]] * 3),
    "two identical of three": lambda: _bare_case([[3.0, 4.0, 5.0], [3.0, 4.0, 5.0], [6.0, 2.0, 1.0]]),
    "constant criterion": lambda: _bare_case([[3.0, 4.0, 5.0], [2.0, 4.0, 7.0], [6.0, 4.0, 1.0]]),
    "zero weights": lambda: _bare_case([[3.0, 4.0, 5.0], [2.0, 9.0, 7.0], [6.0, 4.0, 1.0]], [1.0, 0.0, 0.0]),
    "a zero column": lambda: _bare_case([[0.0, 4.0, 5.0], [0.0, 9.0, 7.0], [0.0, 4.0, 1.0]]),
}
EDGE_SCALED = ["one alternative", "identical alternatives", "constant criterion", "zero weights"]


def _assert_defined_or_clear(p: Problem, method_id: str) -> methods.Ranking | None:
    try:
        r = methods.rank(p, method_id)
    except InputError as exc:
        msg = str(exc)
        assert method_id in msg or "criterion" in msg or "crit" in msg, msg
        assert "\n" not in msg and "Traceback" not in msg
        return None
    n = len(p.alternatives)
    assert r.scores.shape == (n,) and r.ranks.shape == (n,)
    assert np.all(np.isfinite(r.scores)), r.scores
    assert np.all(r.ranks >= 1) and r.ranks.min() == 1
    json.dumps(r.to_data(), allow_nan=False)  # what `rank --format json` prints
    return r


@pytest.mark.parametrize("method_id", sorted(methods.METHODS))
@pytest.mark.parametrize("case", sorted(EDGE_BARE))
def test_bare_edge_cases_give_a_result_or_a_clear_error(method_id: str, case: str) -> None:
    p = EDGE_BARE[case]()
    r = _assert_defined_or_clear(p, method_id)
    if r is None:
        return
    if case in ("identical alternatives", "one alternative"):
        assert set(r.ranks.tolist()) == {1}
    if case == "two identical of three":
        assert r.ranks[0] == r.ranks[1]
        assert r.scores[0] == pytest.approx(r.scores[1])


@pytest.mark.parametrize("method_id", sorted(methods.METHODS))
@pytest.mark.parametrize("case", EDGE_SCALED)
def test_scaled_edge_cases_give_a_result_or_a_clear_error(method_id: str, case: str) -> None:
    r = _assert_defined_or_clear(_scaled_case(case), method_id)
    assert r is not None  # values over fixed bounds leave nothing undefined
    if case in ("identical alternatives", "one alternative"):
        assert set(r.ranks.tolist()) == {1}


def test_one_alternative_keeps_its_real_weighted_sum() -> None:
    """Knock-outs can leave one alternative; its WSM score is still Σ w·value, not a made-up 1."""
    p = _scaled_case("one alternative")
    r = methods.rank(p, "wsm")
    np.testing.assert_allclose(r.scores, [HAND_W["A1"] / 4 + HAND_W["B1"] * 20 / 50 + HAND_W["B2"]])


def test_identical_alternatives_through_the_cli_is_not_an_internal_error(tmp_path: Path, capsys) -> None:
    path = tmp_path / "same.csv"
    path.write_text("alternative,a,b\nobjective,max,min\nX,1,2\nY,1,2\n", encoding="utf-8")
    for method_id in ("topsis", "vikor", "wsm", "wpm", "moora", "waspas", "electre1"):
        code = main(["rank", str(path), "--method", method_id, "--format", "json"])
        out, err = capsys.readouterr()
        assert code == 0, (method_id, err)
        assert [a["rank"] for a in json.loads(out)["alternatives"]] == [1, 1]


def test_a_true_tie_is_not_split_by_rounding_noise() -> None:
    """Three alternatives score exactly 0.8 on paper; floating-point sums differ in the last bit. They must
    share rank 1 (scikit-criteria's own rank_ put one of them ahead on that last bit)."""
    values = np.array(
        [
            [0.75, 1.0, 0.0, 0.75],  # 0.225 + 0.5 + 0 + 0.075
            [0.5, 1.0, 0.75, 0.75],  # 0.15 + 0.5 + 0.075 + 0.075
            [1.0, 0.75, 0.25, 1.0],  # 0.3 + 0.375 + 0.025 + 0.1
            [0.75, 0.25, 0.0, 0.5],
        ]
    )
    p = Problem(
        alternatives=("a", "b", "c", "d"),
        names=("a", "b", "c", "d"),
        criteria=("c1", "c2", "c3", "c4"),
        matrix=values,
        objectives=np.ones(4, dtype=int),
        weights=np.array([0.3, 0.5, 0.1, 0.1]),
        bare=False,
    )
    r = methods.rank(p, "wsm")
    np.testing.assert_allclose(r.scores[:3], 0.8)
    np.testing.assert_array_equal(r.ranks, [1, 1, 1, 2])


def test_the_bundled_sample_ranks_as_pymcdm_ranks_its_value_matrix() -> None:
    """On an evaluation with scales the methods see values in [0, 1] (benefit) and normalise no further, so
    pymcdm with an identity normalisation must give the same figures on the sample's value matrix."""
    from pymcdm.methods import TOPSIS, VIKOR, WPM, WSM
    from pymcdm.normalizations import vector_normalization

    from evaluator.sample import load_sample

    p = build_problem(load_sample())
    x, w, types = p.matrix, p.weights, np.ones(len(p.criteria))

    def identity(col: np.ndarray, cost: bool = False) -> np.ndarray:
        return col

    def floored(col: np.ndarray, cost: bool = False) -> np.ndarray:
        return np.maximum(col, methods.WPM_FLOOR)

    live = x.max(axis=0) > x.min(axis=0)  # pymcdm's VIKOR refuses constant criteria; ours counts them as 0
    refs = {
        "wsm": WSM(identity)(x, w, types),
        "wpm": WPM(floored)(x, w, types),
        "topsis": TOPSIS(identity)(x, w, types),
        "vikor": VIKOR(v=0.5)(x[:, live], w[live], types[live], validation=False),
        # MOORA's ratio system on values keeps its vector normalisation; pymcdm's MOORA refuses all-benefit
        # problems, and for those the ratio system is exactly a weighted sum of vector-normalised columns.
        "moora": WSM(vector_normalization)(x, w, types),
    }
    for method_id, ref in refs.items():
        ours = methods.rank(p, method_id)
        np.testing.assert_allclose(ours.scores, ref, rtol=1e-9, atol=1e-12, err_msg=method_id)
        np.testing.assert_array_equal(ours.ranks, _ranks_of(ref, methods.METHODS[method_id].higher_is_better))
