"""Where each node of the partnership map goes: a force-directed layout (Fruchterman and
Reingold, 1991) computed on the server, so the page, the JSON and the report's SVG show
the same picture. Pure Python and numpy; no Django.

Deterministic: the starting positions come from a seeded generator over the node ids in
sorted order, so the same graph always gets the same layout. Bounded in cost: repulsion
acts only between nodes closer than two ideal edge lengths, found through a grid of cells
of that size (about a few dozen pairs per node instead of every pair), and the number of
iterations is capped, so a 5,000-node, 20,000-edge graph lays out in about a second
(benchmarks/network.py).
"""

from collections.abc import Iterable, Sequence

import numpy as np

SEED = 2017
MOST_ITERATIONS = 80
# Nodes are kept this far inside the edges, so that a drawn circle is never cut off.
MARGIN = 20.0


def _start(ids: Sequence[str], width: float, height: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.column_stack(
        (
            rng.uniform(MARGIN, width - MARGIN, len(ids)),
            rng.uniform(MARGIN, height - MARGIN, len(ids)),
        )
    )


def _repulsion(pos: np.ndarray, k: float, width: float, height: float) -> np.ndarray:
    """k²/d between every pair of nodes closer than k, through a grid of cells of side k
    (the far field takes care of the rest)."""
    n = len(pos)
    cell = k
    cols, rows = int(width // cell) + 1, int(height // cell) + 1
    cx = np.clip((pos[:, 0] // cell).astype(np.int64), 0, cols - 1)
    cy = np.clip((pos[:, 1] // cell).astype(np.int64), 0, rows - 1)
    keys = cx * rows + cy
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    cells = np.arange(cols * rows)
    first = np.searchsorted(sorted_keys, cells, side="left")
    last = np.searchsorted(sorted_keys, cells, side="right")
    disp = np.zeros_like(pos)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            nx, ny = cx + dx, cy + dy
            inside = (nx >= 0) & (nx < cols) & (ny >= 0) & (ny < rows)
            neighbour = np.where(inside, nx * rows + ny, 0)
            counts = np.where(inside, last[neighbour] - first[neighbour], 0)
            total = int(counts.sum())
            if not total:
                continue
            i = np.repeat(np.arange(n), counts)
            # For each i, the positions first[cell] … last[cell]-1 in `order`.
            offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
            j = order[np.repeat(first[neighbour], counts) + offsets]
            keep = i != j
            i, j = i[keep], j[keep]
            delta = pos[i] - pos[j]
            dist = np.hypot(delta[:, 0], delta[:, 1])
            near = dist < cell
            i, j, delta, dist = i[near], j[near], delta[near], dist[near]
            # Two nodes on the same spot push apart along a direction their indexes choose.
            same = dist < 1e-6
            if same.any():
                angle = (i[same] * 7919 + j[same] * 104729) % 360 * (np.pi / 180)
                delta[same] = np.column_stack((np.cos(angle), np.sin(angle))) * 1e-3
                dist[same] = 1e-3
            push = (k * k) / (dist * dist)  # k²/d, along delta/d
            disp[:, 0] += np.bincount(i, weights=delta[:, 0] * push, minlength=n)
            disp[:, 1] += np.bincount(i, weights=delta[:, 1] * push, minlength=n)
    return disp


COARSE = 16  # cells a side of the far-field grid


def _far_field(pos: np.ndarray, k: float, width: float, height: float) -> np.ndarray:
    """k²/d from the nodes of other coarse cells, each cell's nodes taken together at their
    centre of mass, computed at the cells' centres and interpolated bilinearly to each node
    (a particle-mesh approximation: COARSE⁴ cell pairs rather than n² node pairs). Without
    it the nodes of one big component collapse into a dense lump, which the short-range
    repulsion alone cannot hold apart."""
    sx, sy = width / COARSE, height / COARSE
    cx = np.clip((pos[:, 0] // sx).astype(np.int64), 0, COARSE - 1)
    cy = np.clip((pos[:, 1] // sy).astype(np.int64), 0, COARSE - 1)
    cell = cx * COARSE + cy
    size = COARSE * COARSE
    mass = np.bincount(cell, minlength=size).astype(float)
    used = np.flatnonzero(mass)
    com = np.column_stack(
        (
            np.bincount(cell, weights=pos[:, 0], minlength=size)[used] / mass[used],
            np.bincount(cell, weights=pos[:, 1], minlength=size)[used] / mass[used],
        )
    )
    grid = np.arange(size)
    centre = np.column_stack(((grid // COARSE + 0.5) * sx, (grid % COARSE + 0.5) * sy))
    delta = centre[:, None, :] - com[None, :, :]  # (cells, used cells, 2)
    d2 = np.maximum((delta**2).sum(axis=2), (0.5 * min(sx, sy)) ** 2)
    d2[grid[:, None] == used[None, :]] = np.inf  # a cell's own nodes are the near field's
    field = (delta * ((k * k) * mass[used][None, :] / d2)[:, :, None]).sum(axis=1)
    field = field.reshape(COARSE, COARSE, 2)
    # Bilinear between the four nearest cell centres, so that the field has no steps.
    fx = np.clip(pos[:, 0] / sx - 0.5, 0, COARSE - 1.001)
    fy = np.clip(pos[:, 1] / sy - 0.5, 0, COARSE - 1.001)
    x0, y0 = fx.astype(np.int64), fy.astype(np.int64)
    tx, ty = (fx - x0)[:, None], (fy - y0)[:, None]
    return (
        field[x0, y0] * (1 - tx) * (1 - ty)
        + field[x0 + 1, y0] * tx * (1 - ty)
        + field[x0, y0 + 1] * (1 - tx) * ty
        + field[x0 + 1, y0 + 1] * tx * ty
    )


# Up to this many nodes every pair repels exactly (n² pairs is cheap for numpy here).
EXACT_UP_TO = 300


def _all_pairs(pos: np.ndarray, k: float) -> np.ndarray:
    """k²/d between every pair of nodes: Fruchterman and Reingold's own repulsion."""
    delta = pos[:, None, :] - pos[None, :, :]
    d2 = (delta**2).sum(axis=2)
    np.fill_diagonal(d2, np.inf)
    d2 = np.maximum(d2, 1e-6)
    return (delta * (k * k / d2)[:, :, None]).sum(axis=1)


def _attraction(
    pos: np.ndarray, src: np.ndarray, dst: np.ndarray, weight: np.ndarray, k: float
) -> np.ndarray:
    """d²/k along every edge, pulling its two ends together, weighted."""
    n = len(pos)
    disp = np.zeros_like(pos)
    if not len(src):
        return disp
    delta = pos[src] - pos[dst]
    dist = np.hypot(delta[:, 0], delta[:, 1])
    pull = weight * dist / k  # d²/k, along delta/d
    for axis in (0, 1):
        force = delta[:, axis] * pull
        disp[:, axis] -= np.bincount(src, weights=force, minlength=n)
        disp[:, axis] += np.bincount(dst, weights=force, minlength=n)
    return disp


def layout(
    node_ids: Iterable[str],
    edges: Iterable[tuple[str, str]],
    *,
    width: float = 1000.0,
    height: float = 1000.0,
    iterations: int = 50,
    seed: int = SEED,
) -> dict[str, tuple[float, float]]:
    """(x, y) for every node, inside [MARGIN, width - MARGIN] × [MARGIN, height - MARGIN],
    rounded to a tenth. Edges between unknown nodes, loops and repeats are ignored."""
    ids = sorted(set(node_ids))
    if not ids:
        return {}
    if len(ids) == 1:
        return {ids[0]: (round(width / 2, 1), round(height / 2, 1))}
    index = {node_id: i for i, node_id in enumerate(ids)}
    pairs = {
        (min(index[a], index[b]), max(index[a], index[b]))
        for a, b in edges
        if a in index and b in index and a != b
    }
    links = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    src, dst = links[:, 0], links[:, 1]
    exact = len(ids) <= EXACT_UP_TO
    # In a large graph a hub's hundreds of edges would drag everything into one lump round
    # it: there each edge pulls in proportion to 1/√(degree × degree) of its ends.
    degree = np.bincount(links.ravel(), minlength=len(ids)).astype(float)
    if exact or not len(src):
        weight = np.ones(len(src))
    else:
        weight = 1 / np.sqrt(degree[src] * degree[dst])
    pos = _start(ids, width, height, seed)
    area = (width - 2 * MARGIN) * (height - 2 * MARGIN)
    k = 0.8 * (area / len(ids)) ** 0.5
    steps = max(1, min(iterations, MOST_ITERATIONS))
    temperature = width / 10
    centre = np.array([width / 2, height / 2])
    # A pull towards the centre of constant strength, which balances the far field's push at
    # about 45% of the way out, so that lone nodes do not pile up in the corners.
    gravity = k * k * len(ids) / (0.45 * min(width, height))
    for step in range(steps):
        towards = centre - pos
        reach = np.maximum(np.hypot(towards[:, 0], towards[:, 1]), 1e-9)
        repulsion = (
            _all_pairs(pos, k)
            if exact
            else _repulsion(pos, k, width, height) + _far_field(pos, k, width, height)
        )
        disp = (
            repulsion + _attraction(pos, src, dst, weight, k) + towards * (gravity / reach)[:, None]
        )
        length = np.hypot(disp[:, 0], disp[:, 1])
        limit = temperature * (1 - step / steps)
        scale = np.where(length > 0, np.minimum(length, limit) / np.maximum(length, 1e-9), 0)
        pos += disp * scale[:, None]
        pos[:, 0] = np.clip(pos[:, 0], MARGIN, width - MARGIN)
        pos[:, 1] = np.clip(pos[:, 1], MARGIN, height - MARGIN)
    # Stretch the picture to fill the frame, the same in both directions.
    low, high = pos.min(axis=0), pos.max(axis=0)
    span = float(max(high[0] - low[0], high[1] - low[1], 1e-9))
    scale = min(width - 2 * MARGIN, height - 2 * MARGIN) / span
    offset = (np.array([width, height]) - (high - low) * scale) / 2
    pos = (pos - low) * scale + offset
    return {
        node_id: (round(float(x), 1), round(float(y), 1))
        for node_id, (x, y) in zip(ids, pos, strict=True)
    }
