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

from collections.abc import Iterator

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
    n = s.shape[0]
    reach = s | np.eye(n, dtype=bool)
    for k in range(n):  # transitive closure (Warshall)
        reach |= reach[:, k : k + 1] & reach[k : k + 1, :]
    same = reach & reach.T  # a and b on one circuit (or a = b)
    label = same.argmax(axis=1)  # each alternative's node: the first alternative of its circuit
    nodes = np.unique(label)
    index = {int(c): i for i, c in enumerate(nodes)}
    m = len(nodes)
    arc = np.zeros((m, m), dtype=bool)
    for a, b in zip(*np.nonzero(s), strict=True):
        if label[a] != label[b]:
            arc[index[int(label[a])], index[int(label[b])]] = True
    in_kernel = np.zeros(m, dtype=bool)
    todo = arc.sum(axis=0)
    ready = [i for i in range(m) if todo[i] == 0]
    while ready:  # topological order: every predecessor is decided first
        i = ready.pop()
        in_kernel[i] = not np.any(in_kernel & arc[:, i])
        for j in np.flatnonzero(arc[i]):
            todo[j] -= 1
            if todo[j] == 0:
                ready.append(int(j))
    return np.array([in_kernel[index[int(label[a])]] for a in range(n)], dtype=bool)


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
