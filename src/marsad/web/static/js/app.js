// marsad web UI behaviour.  Loaded from a static file (the CSP forbids inline scripts).
// Charts and the graph read JSON from /api/; nothing is fetched from another origin.
"use strict";

const QUAD_COLOURS = {
  "verbal cooperation": "#2e8b57",
  "material cooperation": "#1b5e3b",
  "verbal conflict": "#d9822b",
  "material conflict": "#c0392b",
  "?": "#7a7f87",
};
const QUAD_LABELS = {
  "verbal cooperation": "تعاون لفظي",
  "material cooperation": "تعاون مادي",
  "verbal conflict": "نزاع لفظي",
  "material conflict": "نزاع مادي",
  "?": "غير مصنف",
};
const FONT = "Noto Naskh Arabic";

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!r.ok) throw new Error(url + " → " + r.status);
  return r.json();
}

function markDrawn(el) { el.dataset.drawn = "1"; }

function newChart(el) {
  const chart = echarts.init(el, null, { renderer: "canvas" });
  window.addEventListener("resize", () => chart.resize());
  return chart;
}

// -- home: events by type ------------------------------
async function drawTypes(el) {
  const stats = await getJSON(el.dataset.src);
  const entries = Object.entries(stats.events_by_type || {}).sort((a, b) => a[1] - b[1]);
  const chart = newChart(el);
  chart.setOption({
    textStyle: { fontFamily: FONT },
    grid: { left: 40, right: 110, top: 10, bottom: 20 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "value", inverse: true },
    yAxis: { type: "category", data: entries.map((e) => e[0]), position: "right",
             axisLabel: { fontFamily: "monospace" } },
    series: [{ type: "bar", data: entries.map((e) => e[1]), itemStyle: { color: "#0f5e6e", borderRadius: 3 } }],
  });
  chart.on("finished", () => markDrawn(el));
}

// -- actor: events per month, stacked by quad class -------------------------------
async function drawActorMonths(el) {
  const p = await getJSON(el.dataset.src);
  const months = p.by_month.map((m) => m.month);
  const quads = Object.keys(QUAD_COLOURS).filter((q) => p.by_month.some((m) => m.quads[q]));
  const chart = newChart(el);
  chart.setOption({
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: "axis" },
    legend: { top: 0, data: quads.map((q) => QUAD_LABELS[q]) },
    grid: { left: 30, right: 30, top: 40, bottom: 50 },
    xAxis: { type: "category", data: months, inverse: true, axisLabel: { rotate: 45, fontFamily: "sans-serif" } },
    yAxis: { type: "value", position: "right", minInterval: 1 },
    series: quads.map((q) => ({
      name: QUAD_LABELS[q], type: "bar", stack: "all", itemStyle: { color: QUAD_COLOURS[q] },
      data: p.by_month.map((m) => m.quads[q] || 0),
    })),
  });
  chart.on("finished", () => markDrawn(el));
}

// -- actor: a map of event places on the bundled world outline (no tiles) --------
async function drawActorMap(el) {
  const [places, world] = await Promise.all([getJSON(el.dataset.src), getJSON(el.dataset.world)]);
  const geo = topojson.feature(world, world.objects.countries);
  for (const f of geo.features) f.properties = { name: String(f.id || f.properties.name) };
  echarts.registerMap("world", geo);
  const regions = places.countries.map((c) => ({
    name: c.numeric, itemStyle: { areaColor: c.home ? "#9fc7cf" : "#cfe3e7" },
    label: { show: false }, code: c.code, events: c.events,
  }));
  const maxEv = Math.max(1, ...places.points.map((p) => p.events));
  const chart = newChart(el);
  chart.setOption({
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: "item", formatter: (x) => (x.data && x.data.label_ar ? x.data.label_ar + ": " + x.data.events : "") },
    geo: {
      map: "world", roam: true, regions: regions,
      center: places.points.length ? [places.points[0].lon, places.points[0].lat] : [40, 28], zoom: 3,
      itemStyle: { areaColor: "#eef0ee", borderColor: "#b9bfc4", borderWidth: 0.5 },
      emphasis: { disabled: true }, silent: false,
    },
    series: [{
      type: "scatter", coordinateSystem: "geo",
      data: places.points.map((p) => ({ value: [p.lon, p.lat, p.events], label_ar: p.name, events: p.events })),
      symbolSize: (v) => 8 + 16 * Math.sqrt(v[2] / maxEv),
      itemStyle: { color: "#c0392b", opacity: 0.85, borderColor: "#fff", borderWidth: 1 },
      label: { show: true, formatter: (x) => x.data.label_ar, position: "left", fontFamily: FONT, fontSize: 13 },
    }],
  });
  chart.on("finished", () => markDrawn(el));
  const list = document.getElementById("map-places");
  if (list) {
    for (const p of places.points) {
      const li = document.createElement("li");
      li.textContent = p.name + " (" + p.lat.toFixed(2) + "، " + p.lon.toFixed(2) + ") ×" + p.events;
      list.appendChild(li);
    }
    for (const [name, n] of Object.entries(places.unplaced)) {
      const li = document.createElement("li");
      li.textContent = name + " ×" + n + " — بلا إحداثيات";
      li.className = "muted";
      list.appendChild(li);
    }
  }
}

// -- network: cytoscape graph ------------------------------
function dominantQuad(quads) {
  let best = "?", n = -1;
  for (const [q, c] of Object.entries(quads || {})) if (c > n) { best = q; n = c; }
  return best;
}

async function drawNetwork(el) {
  const net = await getJSON(el.dataset.src);
  const maxNode = Math.max(1, ...net.nodes.map((n) => n.events));
  const elements = [
    ...net.nodes.map((n) => ({ data: { id: n.code, label: n.name || n.code, size: 24 + 40 * Math.sqrt(n.events / maxNode) } })),
    ...net.edges.map((e, i) => ({ data: {
      id: "e" + i, source: e.source, target: e.target, events: e.events,
      width: 1.5 + 2.5 * Math.log2(1 + e.events), colour: QUAD_COLOURS[dominantQuad(e.quads)] || QUAD_COLOURS["?"],
    } })),
  ];
  const cy = cytoscape({
    container: el, elements: elements, wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "background-color": "#0f5e6e", label: "data(label)", width: "data(size)", height: "data(size)",
        "font-family": FONT, "font-size": 14, color: "#1f2328", "text-valign": "bottom", "text-margin-y": 4,
        "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 2 } },
      { selector: "edge", style: {
        width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.85, label: "data(events)",
        "font-size": 11, color: "#555", "text-background-color": "#fff", "text-background-opacity": 0.7 } },
    ],
    layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 110, randomize: false },
  });
  cy.on("tap", "node", (evt) => { window.location.href = "/actor/" + encodeURIComponent(evt.target.id()); });
  el.dataset.nodes = String(cy.nodes().length);
  el.dataset.edges = String(cy.edges().length);
  markDrawn(el);
}

// -- article: focus the evidence named in the URL fragment ------------------------
function focusEvidence() {
  const m = /^#ev-(\d+-\d+)$/.exec(window.location.hash);
  document.querySelectorAll(".ev.focus").forEach((x) => x.classList.remove("focus"));
  if (!m) return;
  const pieces = document.querySelectorAll('[data-ev="' + m[1] + '"]');
  pieces.forEach((x) => x.classList.add("focus"));
  if (pieces.length) pieces[0].scrollIntoView({ block: "center" });
}

// -- article: a click on an evidence span (not on an entity link) shows its event row --
function linkEvidenceToRows(textEl) {
  textEl.addEventListener("click", (evt) => {
    if (evt.target.closest("a")) return;
    const span = evt.target.closest("[data-ev]");
    if (!span) return;
    const row = document.querySelector('[data-evrow="' + span.dataset.ev + '"]');
    if (!row) return;
    document.querySelectorAll("tr.flash").forEach((r) => r.classList.remove("flash"));
    row.classList.add("flash");
    row.scrollIntoView({ block: "center", behavior: "smooth" });
  });
}

const DRAWERS = { "types": drawTypes, "actor-months": drawActorMonths, "actor-map": drawActorMap };

async function init() {
  if (document.fonts && document.fonts.ready) await document.fonts.ready;  // canvas text needs the font loaded
  for (const el of document.querySelectorAll("[data-chart]")) {
    const draw = DRAWERS[el.dataset.chart];
    if (draw && typeof echarts !== "undefined") draw(el).catch((err) => { el.textContent = "تعذر رسم المخطط"; console.error(err); });
  }
  const net = document.getElementById("network");
  if (net && typeof cytoscape !== "undefined") drawNetwork(net).catch((err) => { net.textContent = "تعذر رسم الشبكة"; console.error(err); });
  const articleText = document.getElementById("article-text");
  if (articleText) {
    linkEvidenceToRows(articleText);
    focusEvidence();
    window.addEventListener("hashchange", focusEvidence);
  }
}

document.addEventListener("DOMContentLoaded", init);
