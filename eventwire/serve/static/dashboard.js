// eventwire dashboard: reads the JSON API of the same server; uPlot (bundled in vendor/) draws the timeline.
"use strict";

const $ = (sel) => document.querySelector(sel);
const state = { a: "", b: "", since: "", until: "", freq: "day", offset: 0, plot: null, maxPage: 100 };
const page = (wanted) => Math.min(wanted, state.maxPage);  // the server says how large a page may be

async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== "" && v !== null && v !== undefined) url.searchParams.set(k, v);
  }
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function status(text) { $("#status").textContent = text; }

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;  // textContent: stored stories are never parsed as HTML
  return node;
}

// ---- start-up: defaults from the store, then the URL hash ------------------------------------------------

async function start() {
  const info = await api("/api/info");
  state.maxPage = info.limits.max_page;
  const [actors, stats] = await Promise.all([api("/api/actors", { limit: page(500) }), api("/api/stats")]);
  $("#store-name").textContent = info.store;
  $("#write-badge").hidden = !info.writable;
  const list = $("#actor-codes");
  for (const a of actors.items) list.appendChild(el("option", { value: a.code }, a.name || a.code));
  const busiest = stats.by_dyad[0];
  const days = stats.by_day.map((d) => d.day).sort();
  const hash = new URLSearchParams(window.location.hash.slice(1));
  $("#actor-a").value = hash.get("a") || (busiest ? busiest.source : "");
  $("#actor-b").value = hash.get("b") || (busiest ? busiest.target : "");
  $("#since").value = hash.get("since") || days[0] || "";
  $("#until").value = hash.get("until") || days[days.length - 1] || "";
  $("#freq").value = hash.get("freq") || "day";
  await refresh();
  if (hash.get("doc")) await openDocument(hash.get("doc"), Number(hash.get("sent") || 0));
}

async function refresh() {
  state.a = $("#actor-a").value.trim().toUpperCase();
  state.b = $("#actor-b").value.trim().toUpperCase();
  state.since = $("#since").value;
  state.until = $("#until").value;
  state.freq = $("#freq").value;
  state.offset = 0;
  status("Loading…");
  try {
    await Promise.all([drawTimeline(), drawNetwork(), loadEvents(false)]);
    status("");
  } catch (err) {
    status(`Error: ${err.message}`);
  }
}

// ---- timeline ----------------------------------------------------------------------------------------------

async function drawTimeline() {
  const box = $("#timeline");
  if (state.plot) { state.plot.destroy(); state.plot = null; }
  box.textContent = "";
  if (!state.a || !state.b) {
    $("#dyad-label").textContent = "(pick actors A and B)";
    return;
  }
  $("#dyad-label").textContent = `${state.a} ↔ ${state.b}`;
  const data = await api(`/api/dyads/${encodeURIComponent(state.a)}/${encodeURIComponent(state.b)}/timeline`,
                         { since: state.since, until: state.until, freq: state.freq });
  const rows = data.items;
  if (!rows.length) {
    box.appendChild(el("p", { class: "muted" }, "No events between these actors in this period."));
    return;
  }
  const xs = rows.map((r) => Date.parse(r.period + "T00:00:00Z") / 1000);
  const coop = rows.map((r) => r.q1 + r.q2);
  const conflict = rows.map((r) => r.q3 + r.q4);
  const goldstein = rows.map((r) => r.goldstein);
  // side by side: cooperation left of the tick, conflict right of it
  const coopBars = uPlot.paths.bars({ size: [0.35, 24], align: -1 });
  const conflictBars = uPlot.paths.bars({ size: [0.35, 24], align: 1 });
  const opts = {
    width: Math.max(box.clientWidth, 420), height: 260,
    scales: { x: { time: true }, n: { range: (u, lo, hi) => [0, Math.max(1, hi)] }, g: { range: [-10, 10] } },
    series: [
      {},
      { label: "cooperation", scale: "n", stroke: "#2e8b57", fill: "rgba(46,139,87,0.45)", paths: coopBars,
        points: { show: false } },
      { label: "conflict", scale: "n", stroke: "#c0392b", fill: "rgba(192,57,43,0.45)", paths: conflictBars,
        points: { show: false } },
      { label: "mean Goldstein", scale: "g", stroke: "#333", width: 2, spanGaps: true,
        value: (u, v) => (v === null ? "–" : v.toFixed(1)) },
    ],
    axes: [{}, { scale: "n", label: "events" }, { scale: "g", side: 1, label: "Goldstein", grid: { show: false } }],
  };
  state.plot = new uPlot(opts, [xs, coop, conflict, goldstein], box);
}

// ---- network: nodes on a circle, busiest first -------------------------------------------------------------

async function drawNetwork() {
  const svg = $("#network");
  svg.textContent = "";
  const net = await api("/api/network", { since: state.since, until: state.until, limit: page(80) });
  const nodes = net.nodes.slice(0, 24);
  const ns = "http://www.w3.org/2000/svg";
  const svgEl = (tag, attrs, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const defs = svgEl("defs", {});
  const marker = svgEl("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 9,
                                   markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" });
  marker.appendChild(svgEl("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#777" }));
  defs.appendChild(marker);
  svg.appendChild(defs);
  if (!nodes.length) {
    svg.appendChild(svgEl("text", { x: 210, y: 210, "text-anchor": "middle" }, "No events with a target in this period."));
    return;
  }
  const where = {};
  const r = 160, cx = 210, cy = 210;
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    where[n.code] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  });
  const maxCount = Math.max(...net.edges.map((e) => e.count));
  for (const e of net.edges) {
    if (!(e.source in where) || !(e.target in where)) continue;
    const [x1, y1] = where[e.source], [x2, y2] = where[e.target];
    const line = svgEl("line", { x1, y1, x2, y2, "stroke-opacity": 0.75,
      stroke: e.goldstein === null ? "#999" : e.goldstein > 0 ? "#2e8b57" : "#c0392b",
      "stroke-width": 1 + (4 * e.count) / maxCount, "marker-end": "url(#arrow)" });
    line.appendChild(svgEl("title", {}, `${e.source} → ${e.target}: ${e.count} events, mean Goldstein ${e.goldstein}`));
    svg.appendChild(line);
  }
  const picked = (code) => (state.a && code.startsWith(state.a)) || (state.b && code.startsWith(state.b));
  for (const n of nodes) {
    const [x, y] = where[n.code];
    const g = svgEl("g", { class: "node", "data-code": n.code });
    g.appendChild(svgEl("circle", { cx: x, cy: y, r: 5 + Math.min(10, Math.sqrt(n.count) * 2),
                                    class: picked(n.code) ? "picked" : "" }));
    g.appendChild(svgEl("text", { x, y: y - 14, "text-anchor": "middle" }, n.code));
    g.addEventListener("click", () => {
      $("#actor-a").value = n.code;
      refresh();
    });
    svg.appendChild(g);
  }
}

// ---- event table and evidence ------------------------------------------------------------------------------

async function loadEvents(append) {
  const tbody = $("#events tbody");
  if (!append) tbody.textContent = "";
  const base = { since: state.since, until: state.until, limit: page(100), offset: state.offset };
  let items = [], more = false;
  if (state.a && state.b) {
    // both directions of the dyad
    const [ab, ba] = await Promise.all([api("/api/events", { ...base, source: state.a, target: state.b }),
                                        api("/api/events", { ...base, source: state.b, target: state.a })]);
    items = ab.items.concat(ba.items).sort((x, y) => String(x.date_begin).localeCompare(String(y.date_begin)));
    more = ab.next_offset !== null || ba.next_offset !== null;
  } else {
    const page = await api("/api/events", { ...base, actor: state.a });
    items = page.items;
    more = page.next_offset !== null;
  }
  for (const ev of items) tbody.appendChild(eventRow(ev));
  $("#events-count").textContent = `(${tbody.querySelectorAll("tr.event").length}${more ? "+" : ""})`;
  $("#more").hidden = !more;
}

function eventRow(ev) {
  const tr = el("tr", { class: "event", "data-event": ev.event_key, "data-doc": ev.doc_id, tabindex: 0 });
  tr.appendChild(el("td", {}, ev.date || "?"));
  tr.appendChild(el("td", { title: ev.source_name || "" }, ev.source));
  tr.appendChild(el("td", {}, `${ev.cameo} ${ev.cameo_name || ""}`));
  tr.appendChild(el("td", { title: ev.target_name || "" }, ev.target || "–"));
  tr.appendChild(el("td", { class: `q${ev.quad_class}` }, String(ev.quad_class)));
  tr.appendChild(el("td", {}, ev.goldstein === null ? "" : ev.goldstein.toFixed(1)));
  const sentence = ev.sentence || "";
  tr.appendChild(el("td", {}, sentence.length > 90 ? sentence.slice(0, 90) + "…" : sentence));
  const toggle = () => toggleEvidence(tr, ev);
  tr.addEventListener("click", toggle);
  tr.addEventListener("keydown", (e) => { if (e.key === "Enter") toggle(); });
  return tr;
}

async function toggleEvidence(tr, ev) {
  const next = tr.nextElementSibling;
  if (next && next.classList.contains("evidence")) {
    next.remove();
    tr.classList.remove("open");
    return;
  }
  const doc = await api(`/api/documents/${encodeURIComponent(ev.doc_id)}`);
  const mention = doc.mentions.find((m) => m.event_key === ev.event_key) || doc.mentions[0];
  const row = el("tr", { class: "evidence" });
  const cell = el("td", { colspan: 7 });
  cell.appendChild(markedSentence(doc.text, mention));
  cell.appendChild(el("div", { class: "evidence-meta" },
    `${doc.title || "untitled"} · ${doc.published || "undated"} · doc ${doc.doc_id} · sentence ${mention.sent}` +
    ` · ${mention.cameo} ${mention.cameo_name || ""} · ${mention.modality}`));
  row.appendChild(cell);
  tr.after(row);
  tr.classList.add("open");
}

// The sentence with the source actor, the event verb and the target marked (offsets are into the story text).
function markedSentence(text, m) {
  const box = el("div", { class: "evidence-sentence" });
  const start = m.sentence_start, end = m.sentence_end;
  const spans = [[m.source_start, m.source_end, "source"], [m.trigger_start, m.trigger_end, "verb"],
                 [m.target_start, m.target_end, "target"]]
    .filter(([s, e]) => s !== null && e !== null && s >= start && e <= end && s < e)
    .sort((x, y) => x[0] - y[0]);
  let at = start;
  for (const [s, e, kind] of spans) {
    if (s < at) continue;  // overlapping spans: keep the first
    box.appendChild(document.createTextNode(text.slice(at, s)));
    box.appendChild(el("mark", { class: kind, title: kind }, text.slice(s, e)));
    at = e;
  }
  box.appendChild(document.createTextNode(text.slice(at, end)));
  return box;
}

// A brief's evidence link (#doc=ID&sent=N): show that sentence above the table.
async function openDocument(docId, sent) {
  const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
  const mention = doc.mentions.find((m) => m.sent === sent);
  const tbody = $("#events tbody");
  const row = el("tr", { class: "evidence" });
  const cell = el("td", { colspan: 7 });
  if (mention) cell.appendChild(markedSentence(doc.text, mention));
  else cell.appendChild(el("div", { class: "evidence-sentence" }, `${doc.title || doc.doc_id}, sentence ${sent}`));
  cell.appendChild(el("div", { class: "evidence-meta" }, `${doc.title || "untitled"} · doc ${doc.doc_id} · sentence ${sent}`));
  row.appendChild(cell);
  tbody.prepend(row);
}

$("#controls").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
$("#more").addEventListener("click", () => { state.offset += page(100); loadEvents(true); });
start().catch((err) => status(`Error: ${err.message}`));
