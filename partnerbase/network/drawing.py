"""The partnership map drawn as a static SVG, from a graph and its layout. Pure Python.

Every piece of text is escaped; the SVG is an image with a title and a description for
screen readers (role="img", aria-labelledby), a key, and a name for the busiest nodes only
(a label for each of thousands of nodes would be a grey smudge).
"""

from xml.sax.saxutils import escape, quoteattr

from .graph import EDGE_KINDS, NODE_KINDS, PROJECT, Graph, degrees

# GOV.UK Design System colours; each kind also has its own shape or dash, so colour is
# never the only difference.
NODE_COLOURS = {
    "innovator": "#1d70b8",  # blue
    "partner": "#00703c",  # green
    "funder": "#d4351c",  # red
    "project": "#4c2c92",  # purple
}
EDGE_STYLES = {
    "partnership": ("#505a5f", ""),
    "coalition": ("#4c2c92", "6 3"),
    "funding": ("#d4351c", "2 3"),
    "introduction": ("#b1b4b6", "1 4"),
}
KEY_HEIGHT = 60
# Name the nodes with the most ties, at most this many (all of a small graph).
MOST_LABELS = 15


def _node_shape(kind: str, x: float, y: float, r: float) -> str:
    fill = NODE_COLOURS.get(kind, "#0b0c0c")
    if kind == PROJECT:
        return (
            f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" '
            f'fill="{fill}"/>'
        )
    if kind == "funder":
        return (
            f'<polygon points="{x:.1f},{y - r * 1.2:.1f} {x + r * 1.1:.1f},{y + r * 0.8:.1f} '
            f'{x - r * 1.1:.1f},{y + r * 0.8:.1f}" fill="{fill}"/>'
        )
    stroke = ' stroke="#0b0c0c" stroke-width="1"' if kind == "partner" else ""
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}"{stroke}/>'


def _key(width: float, top: float, edge_kinds) -> list[str]:
    parts = [f'<g class="key" font-size="13" transform="translate(10 {top:.0f})">']
    x = 0.0
    for kind, label in NODE_KINDS.items():
        parts.append(f'<g transform="translate({x:.0f} 0)">{_node_shape(kind, 6, 8, 5)}')
        parts.append(f'<text x="16" y="12">{escape(label)}</text></g>')
        x += 40 + 7.5 * len(label)
    x = 0.0
    for kind in edge_kinds:
        colour, dash = EDGE_STYLES[kind]
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<g transform="translate({x:.0f} 30)"><line x1="0" y1="8" x2="24" y2="8" '
            f'stroke="{colour}" stroke-width="2"{dashed}/>'
            f'<text x="30" y="12">{escape(EDGE_KINDS[kind])}</text></g>'
        )
        x += 50 + 7.5 * len(EDGE_KINDS[kind])
    parts.append("</g>")
    return parts


def draw(
    graph: Graph,
    positions: dict[str, tuple[float, float]],
    *,
    title: str,
    description: str,
    width: float = 1000.0,
    height: float = 1000.0,
    id_prefix: str = "partnership-map",
) -> str:
    """SVG markup of the graph at `positions` (as `layout.layout` gives them)."""
    n = len(graph.nodes)
    ties = degrees(graph)
    radius = 7.0 if n <= 200 else 4.0 if n <= 1000 else 2.5
    labelled = sorted(graph.nodes, key=lambda node: (-ties[node.id], node.label))[:MOST_LABELS]
    labelled = {node.id for node in labelled if n <= MOST_LABELS or ties[node.id]}
    edge_kinds = [kind for kind in EDGE_STYLES if any(e.kind == kind for e in graph.edges)]
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    total_height = height + KEY_HEIGHT
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {total_height:.0f}" '
        f'width="{width:.0f}" height="{total_height:.0f}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="Arial, sans-serif">',
        f"<title id={quoteattr(title_id)}>{escape(title)}</title>",
        f"<desc id={quoteattr(desc_id)}>{escape(description)}</desc>",
        f'<rect width="{width:.0f}" height="{total_height:.0f}" fill="#ffffff"/>',
        '<g class="edges" stroke-width="1" stroke-opacity="0.6" fill="none">',
    ]
    thin = n > 1000
    for e in graph.edges:
        if e.source not in positions or e.target not in positions:
            continue
        (x1, y1), (x2, y2) = positions[e.source], positions[e.target]
        colour, dash = EDGE_STYLES.get(e.kind, ("#505a5f", ""))
        dashed = f' stroke-dasharray="{dash}"' if dash and not thin else ""
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}"{dashed}/>'
        )
    out.append("</g>")
    out.append('<g class="nodes">')
    for node in graph.nodes:
        if node.id not in positions:
            continue
        x, y = positions[node.id]
        out.append(_node_shape(node.kind, x, y, radius))
    out.append("</g>")
    out.append('<g class="labels" font-size="12" fill="#0b0c0c">')
    for node in graph.nodes:
        if node.id not in labelled or node.id not in positions:
            continue
        x, y = positions[node.id]
        anchor = "end" if x > width * 0.8 else "start"
        dx = -radius - 3 if anchor == "end" else radius + 3
        out.append(
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" '
            f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{escape(node.label)}</text>'
        )
    out.append("</g>")
    out.extend(_key(width, height + 5, edge_kinds))
    out.append("</svg>")
    return "\n".join(out)
