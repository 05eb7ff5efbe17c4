"""ELECTRE I (Roy 1968): the kernel of the outranking graph, in NumPy.

For alternatives a ≠ b, with weights summing to 1 and every criterion turned into "more is better":

- concordance C(a, b) = the total weight of the criteria on which a is at least as good as b;
- discordance D(a, b) = the largest (g_j(b) − g_j(a)) / δ_j over the criteria on which b is better, 0 if none,
  where δ_j is criterion j's own range: on a bare matrix max − min over the alternatives (so a change of unit,
  EUR to kEUR, changes nothing), on an evaluation with scales 1 (values lie in [0, 1] over fixed bounds);
- a outranks b when C(a, b) ≥ p and D(a, b) ≤ q.

Alternatives on a circuit of the graph (a → b → … → a, identical alternatives included) are taken together as
one node, as Roy does; the graph of those nodes has no circuit and so exactly one kernel: the set of nodes that
no node of the kernel outranks and that together outrank every node outside it. It is found in topological
order: a node joins the kernel unless a kernel node already outranks it. The kernel's alternatives rank 1, the
others 2; the kernel is never empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from .problem import Problem

EPS = 1e-12  # C ≥ p and D ≤ q are compared with this slack: sums of weights carry float noise
PAIR_BLOCK = 250_000  # cells of the (rows, n, m) pairwise differences per step: cache-sized


def concordance_discordance(p: Problem, weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The concordance and discordance matrices ``(n, n)`` (diagonal 0) of ``p``."""
    x = np.asarray(p.matrix, dtype=float)
    g = np.where(p.objectives < 0, -x, x) if p.bare else x
    w = np.asarray(p.weights if weights is None else weights, dtype=float)
    w = w / w.sum()
    if p.bare:
        span = g.max(axis=0) - g.min(axis=0)
        g = (g - g.min(axis=0)) / np.where(span == 0, 1.0, span)  # each criterion over its own range
    conc, disc, _, _ = _pairs(g, w)
    return conc, disc


def _pairs(
    g: np.ndarray, w: np.ndarray, runner_up: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]:
    """Concordance and discordance of every pair (a, b) of rows of ``g`` (diagonal 0), in blocks of rows of a
    cache-sized (rows, n, m) array; with ``runner_up`` also, per pair, the criterion of the largest shortfall
    (g_bk − g_ak)⁺ and the largest shortfall on the other criteria."""
    n, m = g.shape
    conc, disc = np.zeros((n, n)), np.zeros((n, n))
    where = np.zeros((n, n), dtype=int) if runner_up else None
    second = np.zeros((n, n)) if runner_up else None
    step = max(1, PAIR_BLOCK // max(1, n * m))
    for a in range(0, n, step):
        diff = g[a : a + step, None, :] - g[None, :, :]  # diff[a, b, j] = g_j(a) − g_j(b)
        conc[a : a + step] = ((diff >= 0) * w).sum(axis=2)
        if not m:
            continue
        short = np.maximum(-diff, 0.0)
        disc[a : a + step] = short.max(axis=2)
        if runner_up and m > 1:
            top = short.argmax(axis=2)
            where[a : a + step] = top
            np.put_along_axis(short, top[:, :, None], -np.inf, axis=2)
            second[a : a + step] = short.max(axis=2)
    np.fill_diagonal(conc, 0.0)
    np.fill_diagonal(disc, 0.0)
    return conc, disc, where, second


def outranks(p: Problem, c_threshold: float, d_threshold: float) -> np.ndarray:
    """The outranking relation ``S[a, b]`` (a outranks b), a ≠ b."""
    conc, disc = concordance_discordance(p)
    s = (conc >= c_threshold - EPS) & (disc <= d_threshold + EPS)
    np.fill_diagonal(s, False)
    return s


def kernel(s: np.ndarray) -> np.ndarray:
    """The kernel of the graph ``s`` (``s[a, b]``: an arc a → b) after merging its circuits: a boolean per
    alternative."""
    s = np.asarray(s, dtype=bool)
    n = s.shape[0]
    if n == 0:
        return np.zeros(0, dtype=bool)
    node = circuits(s)
    a, b = np.nonzero(s)
    between = node[a] != node[b]
    arc = np.zeros((int(node.max()) + 1,) * 2, dtype=bool)
    arc[node[a[between]], node[b[between]]] = True  # the graph of the nodes: it has no circuit
    return _dag_kernels(arc[None])[0][node]


def circuits(s: np.ndarray) -> np.ndarray:
    """Each alternative's node in the graph ``s`` with its circuits merged (a → … → a; numbered 0, 1, … in the
    order of each circuit's first alternative). Only an alternative with arcs in and out within what remains can
    lie on a circuit: the others are peeled off first, and the transitive closure (Warshall) is taken of the
    rest, usually nothing."""
    n = s.shape[0]
    core = np.ones(n, dtype=bool)
    while True:
        sub = s & core[:, None] & core[None, :]
        keep = core & sub.any(axis=0) & sub.any(axis=1)
        if keep.sum() == core.sum():
            break
        core = keep
    label = np.arange(n)
    idx = np.flatnonzero(core)
    if idx.size:
        reach = s[np.ix_(idx, idx)] | np.eye(idx.size, dtype=bool)
        for k in range(idx.size):
            reach |= reach[:, k : k + 1] & reach[k : k + 1, :]
        same = reach & reach.T  # a and b on one circuit (or a = b)
        label[idx] = idx[same.argmax(axis=1)]  # the first alternative of its circuit
    return np.unique(label, return_inverse=True)[1].reshape(-1)


def electre1_kernel(p: Problem, c_threshold: float, d_threshold: float) -> np.ndarray:
    """True for the alternatives in ELECTRE I's kernel (see the module docstring)."""
    if len(p.alternatives) == 0:
        return np.zeros(0, dtype=bool)
    return kernel(outranks(p, c_threshold, d_threshold))


ONE_CELL_BLOCK = 512  # tries per block in :func:`one_cell_kernels`


def one_cell_kernels(
    p: Problem, c_threshold: float, d_threshold: float, rows: np.ndarray, cols: np.ndarray, values: np.ndarray
) -> Iterator[np.ndarray]:
    """The kernel (a boolean per alternative, ``(k, n)`` per block) of ``p`` with one cell changed per try
    ``t``: alternative ``rows[t]`` holds ``values[t]`` on criterion ``cols[t]``. For an evaluation with scales
    (a bare criterion's range would move with the cell).

    What the model check asks thousands of times. A cell of alternative r changes only the pairs with r: its
    concordance by criterion j's weight, its discordance through the largest difference on the other criteria
    (kept, with the runner-up, for every pair) and criterion j's. When r's arcs stay as they were the kernel
    does too; only the other tries compute a kernel. The same relation as :func:`outranks` (tested equal).
    """
    if p.bare:
        raise ValueError("one_cell_kernels needs an evaluation with scales")
    g = np.asarray(p.matrix, dtype=float)
    n, m = g.shape
    w = np.asarray(p.weights, dtype=float)
    w = w / w.sum()
    conc, disc, where1, top2 = _pairs(g, w, runner_up=True)  # disc: each pair's largest shortfall
    top1 = disc
    s0 = (conc >= c_threshold - EPS) & (disc <= d_threshold + EPS)
    np.fill_diagonal(s0, False)
    k0 = kernel(s0)
    others = np.arange(n)
    for start in range(0, len(rows), ONE_CELL_BLOCK):
        r, j = rows[start : start + ONE_CELL_BLOCK], cols[start : start + ONE_CELL_BLOCK]
        v = np.asarray(values[start : start + len(r)], dtype=float)[:, None]
        wj = w[j][:, None]
        old, col = g[r, j][:, None], g[:, j].T  # (k, 1) and (k, n): criterion j before the change
        # r against b (row r) and a against r (column r), as concordance_discordance sums and maximises them
        c_row = conc[r] + wj * ((v >= col).astype(float) - (old >= col))
        c_col = conc[:, r].T + wj * ((col >= v).astype(float) - (col >= old))
        rest_row = np.where(where1[r] == j[:, None], top2[r], top1[r])  # r's worst shortfall elsewhere
        rest_col = np.where(j[:, None] == where1[:, r].T, top2[:, r].T, top1[:, r].T)
        d_row = np.maximum(rest_row, np.maximum(col - v, 0.0))
        d_col = np.maximum(rest_col, np.maximum(v - col, 0.0))
        s_row = (c_row >= c_threshold - EPS) & (d_row <= d_threshold + EPS)
        s_col = (c_col >= c_threshold - EPS) & (d_col <= d_threshold + EPS)
        self_ = others[None, :] == r[:, None]
        s_row[self_], s_col[self_] = False, False
        out = np.repeat(k0[None, :], len(r), axis=0)
        moved = np.flatnonzero((s_row != s0[r]).any(axis=1) | (s_col != s0[:, r].T).any(axis=1))
        for t in moved:
            s = s0.copy()
            s[r[t]], s[:, r[t]] = s_row[t], s_col[t]
            out[t] = kernel(s)
        yield out


# -- many weight vectors at once (SMAA, stability) -------------------------------------------------------------


def prepared(p: Problem, matrix: np.ndarray | None = None) -> np.ndarray:
    """The values the relation compares: every criterion "more is better" and, on a bare matrix, over its own
    range (axis -2, so ``(k, n, m)`` score draws are each normalised over their own alternatives)."""
    x = np.asarray(p.matrix if matrix is None else matrix, dtype=float)
    if not p.bare:
        return x
    g = np.where(p.objectives < 0, -x, x)
    lo = g.min(axis=-2, keepdims=True)
    span = g.max(axis=-2, keepdims=True) - lo
    return (g - lo) / np.where(span == 0, 1.0, span)


def _dag_kernels(s: np.ndarray) -> np.ndarray:
    """The kernel of each graph ``s[t]`` ``(k, n, n)`` that has no circuit, all at once, as in topological order:
    a node whose predecessors are all decided joins the kernel unless one of them is in it (a node with a
    kernel predecessor is out at once). On a graph with a circuit the answer means nothing (see
    :func:`_acyclic`)."""
    k, n, _ = s.shape
    sf = s.astype(np.float32)
    inside = np.zeros((k, n), dtype=bool)
    undecided = np.ones((k, n), dtype=bool)
    for _ in range(n + 1):
        pred_in = (inside.astype(np.float32)[:, None, :] @ sf)[:, 0, :] > 0
        pred_open = (undecided.astype(np.float32)[:, None, :] @ sf)[:, 0, :] > 0
        out = undecided & pred_in
        join = undecided & ~pred_in & ~pred_open
        if not (out.any() or join.any()):
            break
        inside |= join
        undecided &= ~(out | join)
    return inside


def _acyclic(s: np.ndarray) -> np.ndarray:
    """Whether each graph ``s[t]`` ``(k, n, n)`` is without circuit: peeling off nodes without predecessors
    leaves nothing."""
    k, n, _ = s.shape
    sf = s.astype(np.float32)
    alive = np.ones((k, n), dtype=bool)
    for _ in range(n + 1):
        has_pred = (alive.astype(np.float32)[:, None, :] @ sf)[:, 0, :] > 0
        peel = alive & ~has_pred
        if not peel.any():
            break
        alive &= ~peel
    return ~alive.any(axis=1)


def kernels(s: np.ndarray) -> np.ndarray:
    """:func:`kernel` of each graph ``s[t]`` ``(k, n, n)`` (diagonal False), ``(k, n)``: graphs without a circuit
    all at once; the few with one by :func:`kernel`."""
    s = np.asarray(s, dtype=bool)
    k, n, _ = s.shape
    if k == 0 or n == 0:
        return np.zeros((k, n), dtype=bool)
    flat = np.packbits(s.reshape(k, n * n), axis=1)  # most samples share a graph with others: each graph once
    seen: dict[bytes, int] = {}
    inverse = np.array([seen.setdefault(row.tobytes(), len(seen)) for row in flat])
    first = np.zeros(len(seen), dtype=int)
    first[inverse[::-1]] = np.arange(k)[::-1]
    uniq = s[first]
    inside = _dag_kernels(uniq)
    for i in np.flatnonzero(~_acyclic(uniq)):
        inside[i] = kernel(uniq[i])
    return inside[inverse]


def kernel_scores(
    p: Problem,
    weights: np.ndarray,
    c_threshold: float,
    d_threshold: float,
    matrix: np.ndarray | None = None,
) -> np.ndarray:
    """1 for the alternatives in ELECTRE I's kernel, 0 outside, per weight vector ``(k, n)`` (and per matrix
    ``(k, n, m)`` when given): :func:`electre1_kernel` for many weightings (:func:`kernel_scorer`)."""
    return kernel_scorer(p, c_threshold, d_threshold)(weights, matrix)


class Candidates:
    """The pairs of ``p`` whose discordance allows an arc (it does not depend on the weights, so no other pair
    is ever an arc), with, per pair, the criteria on which its first alternative is at least as good as the
    second (``ind``, ``(pairs, m)``: the concordance is their weighted sum). An alternative in no such pair is in
    every kernel; graphs are built over the others only (``active``)."""

    def __init__(self, p: Problem, d_threshold: float):
        self.n = n = len(p.alternatives)
        cand, self.ind = candidate_pairs(prepared(p), d_threshold)
        a, b = np.divmod(cand, n)
        self.active = np.unique(np.concatenate([a, b]))
        self.place = np.zeros(n, dtype=int)
        self.place[self.active] = np.arange(len(self.active))
        self.na = na = len(self.active)
        self.flat = self.place[a] * na + self.place[b]

    def graphs(self, arcs: np.ndarray) -> np.ndarray:
        """The graphs ``(k, na, na)`` over the active alternatives whose candidate pairs ``arcs`` ``(k, pairs)``
        are arcs."""
        s = np.zeros((arcs.shape[0], self.na * self.na), dtype=bool)
        s[:, self.flat] = arcs
        return s.reshape(-1, self.na, self.na)

    def kernel_scores(self, arcs: np.ndarray) -> np.ndarray:
        """1 for the kernel's alternatives, 0 for the others ``(k, n)``, given which candidate pairs are arcs."""
        out = np.ones((arcs.shape[0], self.n))
        if self.na:
            out[:, self.active] = kernels(self.graphs(arcs))
        return out


def kernel_scorer(p: Problem, c_threshold: float, d_threshold: float) -> Callable[..., np.ndarray]:
    """:func:`kernel_scores` for ``p`` as a function of the weights (and drawn matrices), with what does not
    depend on the weights prepared once (:class:`Candidates`): the concordance of the candidate pairs is then
    one matrix product."""
    n = len(p.alternatives)
    pairs = Candidates(p, d_threshold)
    step = max(1, PAIR_BLOCK // max(1, pairs.ind.size))  # weightings per product: BLAS stays on one thread

    def score(weights: np.ndarray, matrix: np.ndarray | None = None) -> np.ndarray:
        w = np.atleast_2d(np.asarray(weights, dtype=float))
        w = w / w.sum(axis=1, keepdims=True)
        k = w.shape[0]
        if matrix is not None:  # score draws: every sample its own pairs
            g = prepared(p, matrix)
            s = np.zeros((k, n, n), dtype=bool)
            for i in range(k):
                conc, disc, _, _ = _pairs(g[i], w[i])
                s[i] = (conc >= c_threshold - EPS) & (disc <= d_threshold + EPS)
            s[:, np.arange(n), np.arange(n)] = False
            return kernels(s).astype(float)
        arcs = np.empty((k, len(pairs.flat)), dtype=bool)
        for i in range(0, k, step):
            arcs[i : i + step] = w[i : i + step] @ pairs.ind.T >= c_threshold - EPS
        return pairs.kernel_scores(arcs)

    return score


def candidate_pairs(g: np.ndarray, d_threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """For prepared values ``g`` ``(n, m)``: the pairs (a, b), a ≠ b, whose discordance allows an arc (as flat
    indices a·n + b; the discordance does not depend on the weights) and, for each, the criteria on which a is
    at least as good as b ``(pairs, m)``: the concordance is their weighted sum."""
    n, m = g.shape
    cand, ind = [], []
    step = max(1, PAIR_BLOCK // max(1, n * m))
    for a in range(0, n, step):
        diff = g[a : a + step, None, :] - g[None, :, :]  # diff[a, b, j] = g_j(a) − g_j(b)
        disc = np.maximum(-diff, 0.0).max(axis=2) if m else np.zeros(diff.shape[:2])
        ok = disc <= d_threshold + EPS
        rows = np.arange(a, min(n, a + step))
        ok[rows - a, rows] = False
        ia, ib = np.nonzero(ok)
        cand.append((ia + a) * n + ib)
        ind.append((diff[ia, ib] >= 0).astype(float))
    return np.concatenate(cand), (np.concatenate(ind) if ind else np.zeros((0, m)))
