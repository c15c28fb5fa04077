// Draws an /indicators answer: a card per indicator (against its target where it has one),
// then per indicator its monthly series and a chart with its table for each breakdown. Every
// figure is in a table as well as in a chart: readable without a mouse, by a screen reader,
// on paper, and checkable by the browser test.

import { catalogueOrder, dimensionLabel, indicatorInfo, keyLabel, ORDERED } from "./labels.js";
import { figure, period, percent, progress, unitOf, WITHHELD } from "./format.js";

const COLOURS = { bar: "#1f7a8c", series: "#0b3d5c", grid: "#e3e8ee", text: "#33414e" };
const charts = [];

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "className") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function figureSpan(value) {
  return element("span", { "data-figure": "", className: value === null || value === undefined ? "withheld" : null, text: figure(value) });
}

/** Keys of one dimension with their values: suppressed keys included (null), in the order a reader expects. */
function cellsOf(indicator, dimension) {
  const values = { ...(indicator.breakdown?.[dimension] ?? {}) };
  for (const key of indicator.suppressed?.[dimension] ?? []) if (!(key in values)) values[key] = null;
  const cells = Object.entries(values);
  const order = ORDERED[dimension];
  if (order) return cells.sort(([a], [b]) => rank(order, a) - rank(order, b));
  return cells.sort(([ka, a], [kb, b]) => (b ?? -1) - (a ?? -1) || ka.localeCompare(kb));
}

function rank(order, key) {
  const at = order.indexOf(key);
  return at < 0 ? order.length : at;
}

export function clear() {
  while (charts.length) charts.pop().destroy();
  pending.length = 0;
  document.getElementById("headline").replaceChildren();
  document.getElementById("indicator-list").replaceChildren();
}

export function render(report) {
  clear();
  const indicators = catalogueOrder(report.indicators ?? []);
  document.getElementById("headline").append(...indicators.map(card));
  document.getElementById("indicator-list").append(...indicators.map(section));
}

function card(indicator) {
  const info = indicatorInfo(indicator.code);
  const share = progress(indicator.value, indicator.target);
  return element("a", { className: "card", href: `#indicator-${indicator.code}`, "data-indicator": indicator.code },
    element("span", { className: "card-title", text: info.title }),
    element("span", { className: "card-value" }, figureSpan(indicator.value), unit(info.kind)),
    indicator.target
      ? element("span", { className: "card-target", "data-target": indicator.target },
        element("span", { className: "meter", role: "img", "aria-label": share === null ? "progress withheld" : `${percent(share)} of the target` }, bar(share)),
        element("span", { className: "card-note", text: `${share === null ? WITHHELD : percent(share)} of the ${figure(indicator.target)} target` }))
      : element("span", { className: "card-note", text: info.kind === "share" && indicator.denominator != null ? `of ${figure(indicator.denominator)} returnees` : "" }));
}

function bar(share) {
  const fill = element("span", { className: "meter-fill" });
  // Set through the CSSOM: the content security policy allows no inline style attributes.
  fill.style.width = `${Math.min(100, share ?? 0)}%`;
  return fill;
}

function unit(kind) {
  const text = unitOf(kind);
  return text ? element("span", { className: "unit", text: ` ${text}` }) : null;
}

function section(indicator) {
  const info = indicatorInfo(indicator.code);
  const panels = [];
  if (Array.isArray(indicator.series) && indicator.series.length > 0) panels.push(seriesPanel(indicator, info));
  for (const dimension of Object.keys({ ...(indicator.breakdown ?? {}), ...(indicator.suppressed ?? {}) }))
    panels.push(dimensionPanel(indicator, info, dimension));
  return element("article", { className: "indicator", id: `indicator-${indicator.code}`, "data-code": indicator.code },
    element("header", { className: "indicator-head" },
      element("div", {},
        element("h3", { text: info.title }),
        info.about ? element("p", { className: "about", text: info.about }) : null),
      element("p", { className: "indicator-value" }, figureSpan(indicator.value), unit(info.kind),
        indicator.target ? element("span", { className: "of-target", text: ` of ${figure(indicator.target)}` }) : null)),
    panels.length
      ? element("div", { className: "panels" }, panels)
      : element("p", { className: "empty", text: "Nothing to break down yet." }));
}

function dimensionPanel(indicator, info, dimension) {
  const cells = cellsOf(indicator, dimension);
  const labels = cells.map(([key, value]) => `${keyLabel(dimension, key)}${value === null ? ` (${WITHHELD})` : ""}`);
  const canvas = element("canvas", { role: "img", "aria-label": `${info.title} by ${dimensionLabel(dimension).toLowerCase()}` });
  const box = element("div", { className: "chart-box" }, canvas);
  box.style.height = `${Math.max(120, 28 * cells.length + 40)}px`;
  const table = element("table", { className: "cells" },
    element("thead", {}, element("tr", {}, element("th", { scope: "col", text: dimensionLabel(dimension) }), element("th", { scope: "col", className: "number", text: unitOf(info.kind) || "Number" }))),
    element("tbody", {}, cells.map(([key, value]) =>
      element("tr", { "data-dimension": dimension, "data-key": key },
        element("th", { scope: "row", text: keyLabel(dimension, key) }),
        element("td", { className: "number" }, figureSpan(value))))));
  const panel = element("section", { className: "panel", "data-dimension": dimension },
    element("h4", { text: `By ${dimensionLabel(dimension).toLowerCase()}` }), box, table);
  queueChart(canvas, {
    type: "bar",
    data: { labels, datasets: [{ data: cells.map(([, value]) => value), backgroundColor: COLOURS.bar, borderRadius: 3, maxBarThickness: 22 }] },
    options: baseOptions(info, "y"),
  });
  return panel;
}

function seriesPanel(indicator, info) {
  const canvas = element("canvas", { role: "img", "aria-label": `${info.title} by month` });
  const box = element("div", { className: "chart-box chart-series" }, canvas);
  const table = element("table", { className: "cells cells-series" },
    element("thead", {}, element("tr", {}, element("th", { scope: "col", text: "Month" }), element("th", { scope: "col", className: "number", text: unitOf(info.kind) || "Number" }))),
    element("tbody", {}, indicator.series.map((entry) =>
      element("tr", { "data-period": entry.period },
        element("th", { scope: "row", text: period(entry.period) }),
        element("td", { className: "number" }, figureSpan(entry.value))))));
  const panel = element("section", { className: "panel panel-wide", "data-series": "" },
    element("h4", { text: "By month" }), box, element("details", {}, element("summary", { text: "Figures by month" }), table));
  queueChart(canvas, {
    type: "bar",
    data: {
      labels: indicator.series.map((entry) => `${period(entry.period)}${entry.value === null ? ` (${WITHHELD})` : ""}`),
      datasets: [{ data: indicator.series.map((entry) => entry.value), backgroundColor: COLOURS.series, borderRadius: 3, maxBarThickness: 36 }],
    },
    options: baseOptions(info, "x"),
  });
  return panel;
}

function baseOptions(info, indexAxis) {
  const valueAxis = indexAxis === "y" ? "x" : "y";
  return {
    indexAxis,
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: (item) => `${figure(item.raw)}${unitOf(info.kind) ? ` ${unitOf(info.kind)}` : ""}` } },
    },
    scales: {
      [valueAxis]: { beginAtZero: true, max: info.kind === "share" ? 100 : undefined, grid: { color: COLOURS.grid }, ticks: { precision: info.kind === "count" ? 0 : undefined, color: COLOURS.text } },
      [indexAxis]: { grid: { display: false }, ticks: { color: COLOURS.text, autoSkip: indexAxis === "x", callback: shortLabel } },
    },
  };
}

/** Long names are cut on the chart's axis (the table beside it has them whole). */
function shortLabel(value) {
  const label = this.getLabelForValue(value);
  return label.length > 26 ? `${label.slice(0, 25)}…` : label;
}

// Charts are drawn once their canvas is in the document (Chart.js measures its parent).
const pending = [];
function queueChart(canvas, config) {
  pending.push([canvas, config]);
}

export function drawCharts() {
  if (!window.Chart) return;
  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  while (pending.length) {
    const [canvas, config] = pending.shift();
    charts.push(new window.Chart(canvas, config));
  }
}
