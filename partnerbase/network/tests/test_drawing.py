"""The static SVG: safe, labelled and accessible."""

from xml.etree import ElementTree

from partnerbase.network.drawing import draw
from partnerbase.network.graph import FUNDING, INNOVATOR, PARTNER, Edge, Graph, Node

SVG = "{http://www.w3.org/2000/svg}"


def test_the_svg_escapes_names_and_has_a_title_and_description():
    graph = Graph(
        [
            Node("o1", "<script>alert(1)</script> & Co", PARTNER, "business"),
            Node("o2", "Toolshed", INNOVATOR, "civil_society"),
        ],
        [Edge("o1", "o2", FUNDING)],
    )
    svg = draw(graph, {"o1": (100, 100), "o2": (300, 200)}, title="Map & key", description="Two")
    assert "<script>" not in svg
    root = ElementTree.fromstring(svg)  # well-formed XML
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "partnership-map-title partnership-map-desc"
    assert root.find(f"{SVG}title").text == "Map & key"
    assert root.find(f"{SVG}desc").text == "Two"
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "<script>alert(1)</script> & Co" in labels and "Toolshed" in labels
    assert "Funding award" in labels  # the key names the kinds of tie drawn
    assert len(list(root.find(f"{SVG}g[@class='edges']"))) == 1
