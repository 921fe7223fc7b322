"""The report's charts: drawn on the server as SVG by matplotlib, so the page and the PDF
show the same picture. Each chart also carries a text summary and its data as a table
(shown under the picture, and as CSV), so nothing is only in the picture.

GOV.UK colours; every series differs in lightness or hatching too, so it reads in greyscale.
Output is deterministic: text stays text (`svg.fonttype: none`), ids are salted with the
chart's key and no date is written.
"""

import base64
import io
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

import matplotlib
import matplotlib.dates as mdates
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

# GOV.UK Design System colours.
BLUE = "#1d70b8"
DARK_BLUE = "#003078"
GREEN = "#00703c"
GREY = "#b1b4b6"
DARK_GREY = "#505a5f"
BLACK = "#0b0c0c"

STYLE = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "axes.edgecolor": DARK_GREY,
    "axes.labelcolor": BLACK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": BLACK,
    "ytick.color": BLACK,
    "text.color": BLACK,
    "hatch.color": BLACK,
    "hatch.linewidth": 0.6,
}


@dataclass
class Cell:
    """One table cell: its text, the raw value for the CSV, and the records it opens."""

    text: str
    value: object = None
    url: str = ""

    def __str__(self):
        return self.text


@dataclass
class Chart:
    key: str
    title: str
    summary: str
    columns: list[str]
    rows: list[list[Cell]]
    svg: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def svg_data_uri(self) -> str:
        """The drawing as an image source: WeasyPrint draws it with its SVG renderer."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()

    def csv_rows(self) -> list[list]:
        """The data as the CSV holds it: raw values, not the shown text."""
        return [[c.value if c.value is not None else c.text for c in row] for row in self.rows]

    def as_json(self) -> dict:
        """The chart as JSON, to be kept with the figures (impact.kept.keep_also)."""
        data = asdict(self)
        data["rows"] = [[_cell_json(cell) for cell in row] for row in self.rows]
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Chart":
        rows = [[_cell_from_json(cell) for cell in row] for row in data["rows"]]
        return cls(**{**data, "rows": rows})


def _cell_json(cell: Cell) -> dict:
    value = cell.value
    if isinstance(value, Decimal):  # money: kept exactly, as text
        value = {"decimal": format(value, "f")}
    elif not (value is None or isinstance(value, str | int | float)):
        raise TypeError(f"A chart cell's value cannot be kept: {value!r}")
    return {"text": cell.text, "value": value, "url": cell.url}


def _cell_from_json(data: dict) -> Cell:
    value = data["value"]
    if isinstance(value, dict):
        value = Decimal(value["decimal"])
    return Cell(data["text"], value, data["url"])


def _svg(figure: Figure, key: str, title: str) -> str:
    with matplotlib.rc_context({**STYLE, "svg.hashsalt": f"partnerbase-{key}"}):
        buffer = io.StringIO()
        FigureCanvasSVG(figure).print_svg(buffer, metadata={"Date": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    # matplotlib numbers its ids from 1 in every drawing: prefix them with the chart's key
    # so that several charts on one page (or in one PDF) keep their ids unique.
    text = re.sub(r'\bid="([^"]+)"', rf'id="{key}-\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{key}-\1)", text)
    text = re.sub(r'href="#([^"]+)"', rf'href="#{key}-\1"', text)
    # Sized by CSS (the page's width or the PDF's), the drawing's proportions kept by the
    # viewBox; a role and a name for screen readers, the table below carries the data.
    return re.sub(
        r'<svg([^>]*?) width="[^"]*" height="[^"]*"',
        lambda m: f'<svg{m.group(1)} class="pb-chart__svg" role="img" aria-label="{_attr(title)}"',
        text,
        count=1,
    )


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _figure(width=6.4, height=3.0) -> Figure:
    with matplotlib.rc_context(STYLE):
        return Figure(figsize=(width, height), layout="constrained")


def _short(amount: float, money_symbol: str = "") -> str:
    """Axis labels: 1,200 / 1.2m / £250k."""
    a = abs(amount)
    if a >= 1_000_000:
        text = f"{amount / 1_000_000:.1f}".rstrip("0").rstrip(".") + "m"
    elif a >= 10_000 and money_symbol:
        text = f"{amount / 1_000:.0f}k"
    else:
        text = f"{amount:,.0f}"
    return f"{money_symbol}{text}"


def cumulative_chart(
    key: str,
    title: str,
    summary: str,
    columns: list[str],
    rows: list[list[Cell]],
    month_ends: list[date],
    cumulative: list[float],
    target: float | None,
    money_symbol: str = "",
) -> Chart:
    """A figure over time (cumulative, by month) against its target: a stepped line and a
    dashed target line."""
    with matplotlib.rc_context(STYLE):
        fig = _figure(6.4, 2.4)
        ax = fig.add_subplot()
        if month_ends:
            ax.plot(
                month_ends,
                cumulative,
                color=BLUE,
                linewidth=2.2,
                marker="o",
                markersize=3,
                label="Cumulative",
            )
        if target is not None:
            ax.axhline(target, color=BLACK, linestyle=(0, (5, 3)), linewidth=1.2, label="Target")
        ax.set_ylim(bottom=0, top=max([*cumulative, target or 0, 1]) * 1.12)
        ax.yaxis.set_major_formatter(lambda v, _: _short(v, money_symbol))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=7))
        ax.grid(axis="y", color=GREY, linewidth=0.5)
        ax.legend(loc="upper left", frameon=False, fontsize=9)
        svg = _svg(fig, key, title)
    return Chart(key, title, summary, columns, rows, svg)


def bar_chart(
    key: str,
    title: str,
    summary: str,
    columns: list[str],
    rows: list[list[Cell]],
    labels: list[str],
    values: list[float],
    value_labels: list[str],
    highlight: list[bool] | None = None,
) -> Chart:
    """Horizontal bars, each labelled with its value; highlighted bars are dark blue and
    hatched, the others mid grey, so the two read apart in greyscale."""
    highlight = highlight or [True] * len(values)
    with matplotlib.rc_context(STYLE):
        fig = _figure(6.4, max(1.4, 0.38 * len(labels) + 0.7))
        ax = fig.add_subplot()
        positions = list(range(len(labels)))[::-1]
        for y, value, on in zip(positions, values, highlight, strict=True):
            ax.barh(
                y,
                value,
                color=BLUE if on else GREY,
                edgecolor=BLACK if on else DARK_GREY,
                hatch="" if on else "//",
                linewidth=0.6,
            )
        top = max([*values, 1])
        for y, value, text in zip(positions, values, value_labels, strict=True):
            ax.text(value + top * 0.01, y, text, va="center", fontsize=9)
        ax.set_yticks(positions, labels)
        ax.set_xlim(0, top * 1.3)
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        svg = _svg(fig, key, title)
    return Chart(key, title, summary, columns, rows, svg)


def before_after_chart(
    key: str,
    title: str,
    summary: str,
    columns: list[str],
    rows: list[list[Cell]],
    panels: list[tuple[str, float, float, str, str]],
) -> Chart:
    """Small multiples, one per kind of outcome (their units differ): a hatched grey
    "before" bar and a solid blue "after" bar, each labelled."""
    with matplotlib.rc_context(STYLE):
        n = max(len(panels), 1)
        fig = _figure(6.4, 0.9 * n + 0.6)
        axes = fig.subplots(n, 1, squeeze=False)[:, 0]
        for ax, (label, before, after, before_text, after_text) in zip(axes, panels, strict=False):
            ax.barh(1, before, color=GREY, edgecolor=DARK_GREY, hatch="//", linewidth=0.6)
            ax.barh(0, after, color=BLUE, edgecolor=BLACK, linewidth=0.6)
            top = max(before, after, 1)
            ax.text(before + top * 0.01, 1, before_text, va="center", fontsize=9)
            ax.text(after + top * 0.01, 0, after_text, va="center", fontsize=9)
            ax.set_yticks([1, 0], ["Before", "After"])
            ax.set_xlim(0, top * 1.35)
            ax.set_title(label, loc="left", fontsize=10, fontweight="bold")
            ax.xaxis.set_visible(False)
            ax.spines["bottom"].set_visible(False)
        svg = _svg(fig, key, title) if panels else ""
    return Chart(key, title, summary, columns, rows, svg)
