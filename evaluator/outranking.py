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

import numpy as np

from .problem import Problem

EPS = 1e-12  # C ≥ p and D ≤ q are compared with this slack: sums of weights carry float noise


def concordance_discordance(p: Problem, weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The concordance and discordance matrices ``(n, n)`` (diagonal 0) of ``p``."""
    x = np.asarray(p.matrix, dtype=float)
    g = np.where(p.objectives < 0, -x, x) if p.bare else x
    w = np.asarray(p.weights if weights is None else weights, dtype=float)
    w = w / w.sum()
    if p.bare:
        span = g.max(axis=0) - g.min(axis=0)
        g = (g - g.min(axis=0)) / np.where(span == 0, 1.0, span)  # each criterion over its own range
    diff = g[:, None, :] - g[None, :, :]  # diff[a, b, j] = g_j(a) − g_j(b)
    conc = ((diff >= 0) * w).sum(axis=2)
    disc = np.maximum(-diff, 0.0).max(axis=2) if g.shape[1] else np.zeros(conc.shape)
    np.fill_diagonal(conc, 0.0)
    np.fill_diagonal(disc, 0.0)
    return conc, disc


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
