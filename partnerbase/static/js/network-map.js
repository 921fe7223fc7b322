// The partnership map: draws /map/data.json with Cytoscape.js at the positions laid out on
// the server (a preset layout, so the page, the table and the report's SVG agree).
// Keyboard: the select above the map highlights a node and its ties; the box below the map
// links to its record. Mouse: click a node to do the same, double-click to open its record.
(function () {
  "use strict";

  var NODE_STYLES = {
    innovator: { color: "#1d70b8", shape: "ellipse" },
    partner: { color: "#00703c", shape: "ellipse" },
    funder: { color: "#d4351c", shape: "triangle" },
    project: { color: "#4c2c92", shape: "rectangle" },
  };
  var EDGE_STYLES = {
    partnership: { color: "#505a5f", light: "#c8cacc", line: "solid" },
    coalition: { color: "#4c2c92", light: "#cbbfe0", line: "dashed" },
    funding: { color: "#d4351c", light: "#e6d6d3", line: "dotted" },
    introduction: { color: "#b1b4b6", light: "#e2e3e4", line: "dotted" },
  };
  var KIND_NAMES = {
    innovator: "Innovator",
    partner: "Partner",
    funder: "Funder",
    project: "Collaborative project",
  };
  // Name at most this many of the busiest nodes; the rest on selection.
  var NAMED = 12;

  function elements(data) {
    var busiest = data.nodes
      .slice()
      .sort(function (a, b) { return b.ties - a.ties; })
      .slice(0, NAMED)
      .filter(function (n) { return n.ties > 0 || data.nodes.length <= NAMED; });
    var named = {};
    busiest.forEach(function (n) { named[n.id] = true; });
    var nodes = data.nodes.map(function (n) {
      return {
        group: "nodes",
        data: { id: n.id, label: n.label, kind: n.kind, url: n.url, ties: n.ties },
        position: { x: n.x, y: n.y },
        classes: n.kind + (named[n.id] ? " named" : ""),
      };
    });
    var edges = data.edges.map(function (e, i) {
      return {
        group: "edges",
        data: { id: "e" + i, source: e.source, target: e.target, kind: e.kind },
        classes: e.kind,
      };
    });
    return nodes.concat(edges);
  }

  function style(big) {
    // A big map is drawn the cheap way: fixed sizes, straight "haystack" edges in solid
    // light colours (no transparency or dashes to blend), names only when zoomed in.
    var size = big ? 6 : "mapData(ties, 0, 20, 10, 30)";
    var rules = [
      {
        selector: "node",
        style: {
          width: size,
          height: size,
          "border-width": 0,
          label: "",
          "font-size": big ? 10 : 12,
          "font-family": "Arial, sans-serif",
          color: "#0b0c0c",
          "text-outline-color": "#ffffff",
          "text-outline-width": 2,
          "text-valign": "bottom",
          "text-margin-y": 3,
          "min-zoomed-font-size": big ? 6 : 0,
        },
      },
      { selector: "node.named", style: { label: "data(label)" } },
      {
        selector: "edge",
        style: big
          ? { width: 0.5, "curve-style": "haystack", "haystack-radius": 0 }
          : { width: 1, "curve-style": "straight", opacity: 0.7 },
      },
      { selector: "node.faded", style: { opacity: 0.15, label: "" } },
      { selector: "edge.faded", style: { opacity: 0.05 } },
      {
        selector: "node.picked",
        style: {
          label: "data(label)",
          "border-width": 3,
          "border-color": "#ffdd00",
          width: big ? 16 : 30,
          height: big ? 16 : 30,
          "z-index": 10,
          "font-weight": "bold",
          "font-size": 14,
          "min-zoomed-font-size": 0,
        },
      },
      { selector: "node.near", style: { label: "data(label)", "z-index": 9, "min-zoomed-font-size": 0 } },
    ];
    Object.keys(NODE_STYLES).forEach(function (kind) {
      rules.push({
        selector: "node." + kind,
        style: { "background-color": NODE_STYLES[kind].color, shape: NODE_STYLES[kind].shape },
      });
    });
    if (!big) rules.push({ selector: "node.partner", style: { "border-width": 1, "border-color": "#0b0c0c" } });
    Object.keys(EDGE_STYLES).forEach(function (kind) {
      rules.push({
        selector: "edge." + kind,
        style: big
          ? { "line-color": EDGE_STYLES[kind].light }
          : { "line-color": EDGE_STYLES[kind].color, "line-style": EDGE_STYLES[kind].line },
      });
    });
    // The highlighted edges come after the kinds' colours, so they win.
    rules.push({ selector: "edge.near", style: { opacity: 1, width: 2, "z-index": 9, "line-color": "#0b0c0c" } });
    return rules;
  }

  function describe(box, node) {
    box.textContent = "";
    var heading = document.createElement("p");
    heading.className = "govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1";
    heading.textContent = node.data("label");
    var detail = document.createElement("p");
    detail.className = "govuk-body govuk-!-margin-bottom-1";
    var ties = node.data("ties");
    detail.textContent =
      KIND_NAMES[node.data("kind")] + ", " + ties + " tie" + (ties === 1 ? "" : "s") +
      " on the map: " +
      node.neighborhood("node").map(function (n) { return n.data("label"); }).sort().slice(0, 8).join(", ") +
      (ties > 8 ? " and more" : "") + (ties ? "." : "none yet.");
    box.appendChild(heading);
    box.appendChild(detail);
    if (node.data("url")) {
      var link = document.createElement("a");
      link.className = "govuk-link";
      link.href = node.data("url");
      link.setAttribute("data-open-record", "");
      link.textContent = "Open the record of " + node.data("label");
      var p = document.createElement("p");
      p.className = "govuk-body govuk-!-margin-bottom-0";
      p.appendChild(link);
      box.appendChild(p);
    }
    box.hidden = false;
  }

  function start(container) {
    var status = container.querySelector("[data-map-status]");
    var keyboard = document.querySelector("[data-map-keyboard]");
    var select = document.getElementById("map-node");
    var box = document.querySelector("[data-map-selected]");
    var started = performance.now();
    status.textContent = "Loading the map…";
    fetch(container.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.json();
      })
      .then(function (data) {
        var loaded = performance.now();
        var big = data.nodes.length > 1000;
        if (!data.nodes.length) {
          status.textContent = "Nothing on the map with these filters.";
          return;
        }
        status.remove();
        // A big map draws its nodes first and adds its ties just after that first frame:
        // building and drawing 20,000 edges takes most of the time, and the nodes alone
        // are already a map one can search and pick from.
        var all = elements(data);
        var ties = big ? all.filter(function (el) { return el.group === "edges"; }) : [];
        var cy = window.cytoscape({
          container: container,
          elements: big ? all.filter(function (el) { return el.group === "nodes"; }) : all,
          layout: { name: "preset", fit: true, padding: 20 },
          style: style(big),
          minZoom: 0.05,
          maxZoom: 6,
          pixelRatio: big ? 1 : "auto",
          hideEdgesOnViewport: big,
          textureOnViewport: big,
          motionBlur: false,
          boxSelectionEnabled: false,
          autoungrabify: big,
        });
        container.cy = cy;
        var built = performance.now();
        function drawn() {
          // For benchmarks/network.py and the browser tests: when every tie was drawn.
          container.setAttribute("data-edges-ms", Math.round(performance.now() - started));
          container.setAttribute("data-ready", "true");
        }
        cy.one("render", function () {
          // When the first frame was drawn (a big map's nodes; a small map whole).
          container.setAttribute("data-loaded-ms", Math.round(loaded - started));
          container.setAttribute("data-built-ms", Math.round(built - started));
          container.setAttribute("data-rendered-ms", Math.round(performance.now() - started));
          if (!ties.length) {
            drawn();
            return;
          }
          // After the frame is on screen, not in the same task.
          window.setTimeout(function () {
            cy.add(ties);
            cy.one("render", drawn);
          }, 0);
        });

        var lit = cy.collection();
        function pick(node) {
          // Restyle only what changes: on a big map, touching every element is slow.
          cy.batch(function () {
            lit.removeClass("picked near");
            if (!big) cy.elements().removeClass("faded");
            lit = node ? node.closedNeighborhood() : cy.collection();
            if (node && !big) cy.elements().not(lit).addClass("faded");
            lit.addClass("near");
            if (node) node.removeClass("near").addClass("picked");
          });
          if (!node) {
            box.hidden = true;
            return;
          }
          if (big) {
            // No animation: each frame would redraw thousands of edges.
            cy.zoom(Math.max(cy.zoom(), 1));
            cy.center(node);
          } else {
            cy.animate({ center: { eles: node }, duration: 200 });
          }
          select.value = node.id();
          describe(box, node);
        }

        var fragment = document.createDocumentFragment();
        data.nodes.forEach(function (n) {
          var option = document.createElement("option");
          option.value = n.id;
          option.textContent = n.label + " (" + KIND_NAMES[n.kind].toLowerCase() + ")";
          fragment.appendChild(option);
        });
        select.appendChild(fragment);
        keyboard.hidden = false;
        select.addEventListener("change", function () {
          pick(select.value ? cy.getElementById(select.value) : null);
        });
        cy.on("tap", "node", function (event) { pick(event.target); });
        cy.on("tap", function (event) { if (event.target === cy) pick(null); });
        cy.on("dbltap", "node", function (event) {
          var url = event.target.data("url");
          if (url) window.location.assign(url);
        });
      })
      .catch(function () {
        status.textContent = "The map could not be loaded; the table below shows the same ties.";
      });
  }

  function ready() {
    var container = document.getElementById("network-map");
    if (container && window.cytoscape) start(container);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
