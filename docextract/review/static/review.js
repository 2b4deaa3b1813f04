// The docextract review page: plain JS, no build step, nothing loaded from elsewhere.
// Stable hooks for tests and automation: data-box="FIELD", data-input="FIELD", data-action="save".
"use strict";

const TOKEN = document.querySelector('meta[name="review-token"]').content;
const LOW_CONFIDENCE = 0.6;  // docextract.pipeline.REVIEW_CONFIDENCE
const $ = (sel) => document.querySelector(sel);

const state = {
  queue: [],        // document summaries in review order
  index: -1,        // position in the queue
  doc: null,        // the open document (detail)
  page: 1,
  zoom: 1,
  edits: {},        // path -> typed text, not saved yet (kept per document in drafts)
  drafts: {},
  errors: {},       // path -> why the schema refuses the text
  selected: null,   // field path
  checkTimer: null,
  checkSeq: 0,
  openSeq: 0,
  busy: false,
};

function withToken(url) {
  return url + (url.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(TOKEN);
}

async function api(path, body) {
  const options = { headers: { "X-Docextract-Token": TOKEN } };
  if (body !== undefined) {
    options.method = "POST";
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const type = response.headers.get("content-type") || "";
  const data = type.includes("json") ? await response.json() : { message: await response.text() };
  if (!response.ok && response.status !== 422) throw new Error(data.message || response.statusText);
  return data;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function say(message) { $("#status").textContent = message; }

function baseName(path) { return path.split(/[\\/]/).pop(); }

function percent(x) { return Math.round(x * 100) + "%"; }

// ---------------------------------------------------------------------------------------------
// the queue

function badges(summary) {
  const out = [];
  if (summary.status === "failed") out.push(el("span", { class: "badge failed", text: "failed" }));
  if (summary.accepted) out.push(el("span", { class: "badge accepted", text: "accepted" }));
  else if (summary.needs_review) out.push(el("span", { class: "badge review", text: "needs review" }));
  if (summary.corrected) out.push(el("span", { class: "badge corrected", text: `${summary.corrected} corrected` }));
  if (state.drafts[summary.id] && Object.keys(state.drafts[summary.id]).length) out.push(el("span", { class: "badge draft", text: "unsaved" }));
  return out;
}

function renderQueue() {
  const list = $("#queue-list");
  list.replaceChildren(...state.queue.map((summary, i) => el("li", { "data-doc": summary.id, "aria-current": i === state.index ? "true" : "false" },
    el("button", { type: "button", title: summary.source, onclick: () => openDocument(i) },
      el("span", { class: "name", text: baseName(summary.source) }),
      el("span", { class: "meta" }, ...badges(summary), `lowest ${percent(summary.min_confidence)}`)))));
  const current = list.querySelector('[aria-current="true"]');
  if (current) current.scrollIntoView({ block: "nearest" });
  const done = state.queue.filter((d) => d.accepted || !d.needs_review).length;
  $("#progress").textContent = `${done} of ${state.queue.length} need nothing more`;
}

// ---------------------------------------------------------------------------------------------
// opening a document

async function openDocument(i) {
  if (i < 0 || i >= state.queue.length) {
    say(i < 0 ? "This is the first document." : "That was the last document.");
    return;
  }
  stash();
  // Keys can move faster than the server answers: the latest request wins.
  const seq = ++state.openSeq;
  state.index = i;
  renderQueue();
  const summary = state.queue[i];
  let doc;
  try {
    doc = await api(`/api/documents/${summary.id}`);
  } catch (error) {
    say(`Cannot open ${summary.source}: ${error.message}`);
    return;
  }
  if (seq !== state.openSeq) return;
  state.doc = doc;
  state.edits = { ...(state.drafts[doc.id] || {}) };
  state.errors = {};
  state.selected = null;
  const firstBox = doc.boxes[0];
  state.page = firstBox ? firstBox.page : doc.pages[0].page;
  history.replaceState(null, "", `#${doc.id}`);
  renderQueue();
  renderDocument();
  if (Object.keys(state.edits).length) scheduleCheck(0);
}

function stash() {
  if (state.doc) state.drafts[state.doc.id] = { ...state.edits };
}

function renderDocument() {
  const doc = state.doc;
  $("#doc-title").textContent = doc.source;
  $("#doc-badges").replaceChildren(...badges(doc), `${doc.schema} · ${doc.engine} · ${doc.status}`);
  const problem = [doc.error, doc.file_problem].filter(Boolean).join(" ");
  $("#doc-problem").hidden = !problem;
  $("#doc-problem").textContent = problem;
  renderPage();
  renderFields();
  renderChecks();
}

// ---------------------------------------------------------------------------------------------
// the page and its boxes

function renderPage() {
  const doc = state.doc;
  const nav = $("#pages-nav");
  nav.replaceChildren();
  if (doc.pages.length > 1) {
    nav.append("page ");
    for (const p of doc.pages) {
      nav.append(el("button", { type: "button", "data-page": p.page, "aria-pressed": p.page === state.page ? "true" : "false",
        onclick: () => showPage(p.page) }, String(p.page)));
    }
  }
  const img = $("#page-img");
  const message = $("#page-message");
  message.hidden = true;
  $("#boxes").replaceChildren();
  img.hidden = false;
  img.onload = () => renderBoxes();
  img.onerror = async () => {
    img.hidden = true;
    message.hidden = false;
    try {
      const response = await fetch(img.src);
      message.textContent = await response.text();
    } catch (error) {
      message.textContent = "The page cannot be shown.";
    }
  };
  img.alt = `${doc.source}, page ${state.page}`;
  img.src = withToken(`/api/documents/${doc.id}/pages/${state.page}`);
  applyZoom();
}

function showPage(page) {
  if (page === state.page) return;
  state.page = page;
  renderPage();
}

function frameOf(page) {
  const info = state.doc.pages.find((p) => p.page === page);
  if (info && info.frame) return info.frame;
  const img = $("#page-img");
  return [img.naturalWidth || 1, img.naturalHeight || 1];
}

function fieldInfo(path) {
  return state.doc.fields.find((f) => f.path === path);
}

function renderBoxes() {
  const [fw, fh] = frameOf(state.page);
  const boxes = state.doc.boxes.filter((b) => b.page === state.page).map((b) => {
    const [x0, y0, x1, y1] = b.bbox;
    const info = fieldInfo(b.field);
    const node = el("div", { class: "box", "data-box": b.field, title: `${b.field}: ${info ? info.text : ""}` });
    node.style.left = (100 * x0 / fw) + "%";
    node.style.top = (100 * y0 / fh) + "%";
    node.style.width = (100 * (x1 - x0) / fw) + "%";
    node.style.height = (100 * (y1 - y0) / fh) + "%";
    node.addEventListener("click", () => selectField(b.field, { focusInput: true }));
    return node;
  });
  $("#boxes").replaceChildren(...boxes);
  paintMarks();
}

function paintMarks() {
  const doc = state.doc;
  for (const node of document.querySelectorAll("[data-box]")) {
    const path = node.dataset.box;
    const info = fieldInfo(path);
    const box = doc.boxes.find((b) => b.field === path);
    node.classList.toggle("selected", path === state.selected);
    node.classList.toggle("low", Boolean(box && box.confidence < LOW_CONFIDENCE && !(info && info.corrected)));
    node.classList.toggle("warn", Boolean(info && info.issues.length));
  }
  for (const input of document.querySelectorAll("[data-input]")) {
    input.classList.toggle("selected", input.dataset.input === state.selected);
  }
}

function selectField(path, { focusInput = false } = {}) {
  state.selected = path;
  const box = state.doc.boxes.find((b) => b.field === path);
  if (box && box.page !== state.page) {
    state.page = box.page;
    renderPage();
  }
  paintMarks();
  const boxNode = document.querySelector(`[data-box="${CSS.escape(path)}"]`);
  if (boxNode) boxNode.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
  const input = document.querySelector(`[data-input="${CSS.escape(path)}"]`);
  if (input && focusInput) {
    input.focus({ preventScroll: false });
    input.select();
  }
}

function applyZoom() {
  $("#page-wrap").style.width = (100 * state.zoom) + "%";
}

function zoom(factor) {
  state.zoom = factor === 0 ? 1 : Math.min(6, Math.max(0.3, state.zoom * factor));
  applyZoom();
}

// ---------------------------------------------------------------------------------------------
// fields

function fieldInput(field) {
  const value = field.path in state.edits ? state.edits[field.path] : field.text;
  const input = el("input", { type: "text", "data-input": field.path, value, "aria-label": field.label || field.path,
    title: field.source_text ? `read from: ${field.source_text}` : null });
  input.addEventListener("input", () => {
    if (input.value === field.text) delete state.edits[field.path];
    else state.edits[field.path] = input.value;
    delete state.errors[field.path];
    markInput(input, field);
    scheduleCheck();
  });
  input.addEventListener("focus", () => selectField(field.path));
  markInput(input, field);
  return input;
}

function markInput(input, field) {
  input.classList.toggle("edited", field.path in state.edits);
  input.classList.toggle("corrected", field.corrected);
  input.classList.toggle("invalid", field.path in state.errors);
  input.classList.toggle("low", field.confidence !== null && field.confidence < LOW_CONFIDENCE && !field.corrected);
}

function fieldMeta(field) {
  const parts = [];
  if (field.confidence !== null) {
    parts.push(el("span", { class: "conf" + (field.confidence < LOW_CONFIDENCE ? " low" : ""), text: percent(field.confidence) }));
    parts.push(` ${field.origin}`);
  } else {
    parts.push("no box");
  }
  if (field.corrected) parts.push(` · was ${JSON.stringify(field.original)}`);
  return el("span", { class: "meta", "data-meta": field.path }, ...parts);
}

function fieldNotes(field) {
  return [
    ...field.issues.map((text) => el("span", { class: "field-issue", "data-issue": field.path, text })),
    field.path in state.errors ? el("span", { class: "field-error", "data-error": field.path, text: state.errors[field.path] }) : null,
  ];
}

function renderFields() {
  const form = $("#fields");
  const doc = state.doc;
  const plain = doc.fields.filter((f) => f.list === null);
  const lists = {};
  for (const f of doc.fields.filter((f) => f.list !== null)) (lists[f.list] = lists[f.list] || []).push(f);
  const nodes = plain.map((f) => el("div", { class: "field", "data-field": f.path },
    el("label", { text: f.label, title: f.path }), fieldInput(f), fieldMeta(f), ...fieldNotes(f)));
  for (const [name, fields] of Object.entries(lists)) {
    const columns = [...new Set(fields.map((f) => f.column))];
    const rows = [...new Set(fields.map((f) => f.row))];
    const head = el("tr", {}, el("th", { class: "n" }, "#"), ...columns.map((c) => el("th", { text: c.replace(/_/g, " ") })));
    const body = rows.map((row) => el("tr", {}, el("td", { class: "n", text: String(row + 1) }), ...columns.map((c) => {
      const f = fields.find((x) => x.row === row && x.column === c);
      return el("td", { "data-field": f ? f.path : null }, f ? fieldInput(f) : null, ...(f ? fieldNotes(f) : []));
    })));
    nodes.push(el("table", { class: "items" }, el("caption", { text: name.replace(/_/g, " ") }), el("thead", {}, head), el("tbody", {}, ...body)));
  }
  if (!doc.fields.length) nodes.push(el("p", { text: "Nothing was extracted from this document." }));
  form.replaceChildren(...nodes);
  paintMarks();
}

function renderChecks() {
  const doc = state.doc;
  const issues = doc.issues.filter((i) => !i.field || !doc.fields.some((f) => f.path === i.field) || i.stage === "check" || i.stage === "review");
  const box = $("#checks");
  const open = issues.filter((i) => i.severity !== "info");
  const items = issues.map((i) => el("li", { class: i.severity, "data-check": i.code, text: i.message }));
  box.replaceChildren(
    open.length ? el("p", { class: "problem", text: `${open.length} to look at` }) : el("p", { class: "ok", text: "All checks pass." }),
    items.length ? el("ul", {}, ...items) : "");
}

// the schema and the arithmetic checks judge the edits on the server (docextract.checks), as typed
function scheduleCheck(delay = 250) {
  clearTimeout(state.checkTimer);
  state.checkTimer = setTimeout(runCheck, delay);
}

async function runCheck() {
  const seq = ++state.checkSeq;
  const id = state.doc.id;
  let reply;
  try {
    reply = await api(`/api/documents/${id}/check`, { edits: state.edits });
  } catch (error) {
    say(`Checking failed: ${error.message}`);
    return;
  }
  if (seq !== state.checkSeq || !state.doc || state.doc.id !== id) return;
  applyPreview(reply.document, reply.errors || {});
}

// Update what the server recomputed without rebuilding the inputs (typing must not lose focus).
function applyPreview(preview, errors) {
  const doc = state.doc;
  doc.issues = preview.issues;
  doc.needs_review = preview.needs_review;
  for (const field of doc.fields) {
    const fresh = preview.fields.find((f) => f.path === field.path);
    field.issues = fresh ? fresh.issues : [];
  }
  state.errors = errors;
  for (const field of doc.fields) {
    const cell = document.querySelector(`[data-field="${CSS.escape(field.path)}"]`);
    if (!cell) continue;
    for (const old of cell.querySelectorAll(".field-issue, .field-error")) old.remove();
    cell.append(...fieldNotes(field).filter(Boolean));
    const input = cell.querySelector("[data-input]");
    if (input) markInput(input, field);
  }
  renderChecks();
  paintMarks();
}

// ---------------------------------------------------------------------------------------------
// saving, accepting, moving

async function save({ accept = false } = {}) {
  if (!state.doc || state.busy) return false;
  clearTimeout(state.checkTimer);
  state.checkSeq++;  // a check still on its way describes edits that are being saved now
  state.busy = true;
  const count = Object.keys(state.edits).length;
  let reply;
  try {
    reply = await api(`/api/documents/${state.doc.id}/save`, { edits: state.edits, accept });
  } catch (error) {
    say(`Not saved: ${error.message}`);
    return false;
  } finally {
    state.busy = false;
  }
  const errors = reply.errors || {};
  if (Object.keys(errors).length) {
    applyPreview(state.doc, errors);
    const first = Object.keys(errors)[0];
    say(`Not saved: ${first ? first + ": " : ""}${errors[first]}`);
    if (first) selectField(first, { focusInput: true });
    return false;
  }
  const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.input : null;
  state.doc = reply.document;
  state.edits = {};
  delete state.drafts[state.doc.id];
  const at = state.queue.findIndex((d) => d.id === reply.document.id);
  if (at >= 0) state.queue[at] = { ...state.queue[at], ...summaryOf(reply.document) };
  renderQueue();
  renderDocument();
  if (focused && !accept) {
    const input = document.querySelector(`[data-input="${CSS.escape(focused)}"]`);
    if (input) input.focus();
  }
  say(accept ? `Accepted ${baseName(state.doc.source)}${count ? ` with ${count} correction(s)` : ""}.`
    : count ? `Saved ${count} correction(s) to ${state.correctionsName}.` : "Nothing to save.");
  return true;
}

function summaryOf(doc) {
  const keys = ["id", "source", "status", "needs_review", "accepted", "corrected", "min_confidence", "warnings"];
  return Object.fromEntries(keys.map((k) => [k, doc[k]]));
}

async function accept() {
  if (!(await save({ accept: true }))) return;
  if (state.index + 1 < state.queue.length) await openDocument(state.index + 1);
  else say(`Accepted ${baseName(state.doc.source)}: that was the last document.`);
}

function move(step) {
  openDocument(state.index + step);
}

// ---------------------------------------------------------------------------------------------
// keys

function onKey(event) {
  const inField = event.target instanceof HTMLInputElement;
  if (inField) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); accept(); }
    else if (event.key === "Enter") { event.preventDefault(); save(); }
    else if (event.key === "Escape") { event.target.blur(); }
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const actions = {
    j: () => move(1), n: () => move(1),
    k: () => move(-1), p: () => move(-1),
    a: accept, s: () => save(),
    "+": () => zoom(1.25), "=": () => zoom(1.25), "-": () => zoom(0.8), "0": () => zoom(0),
  };
  const action = actions[event.key];
  if (action) { event.preventDefault(); action(); }
}

// ---------------------------------------------------------------------------------------------

async function start() {
  document.addEventListener("keydown", onKey);
  const buttons = {
    prev: () => move(-1), next: () => move(1), save: () => save(), accept,
    "zoom-in": () => zoom(1.25), "zoom-out": () => zoom(0.8), "zoom-fit": () => zoom(0),
  };
  for (const [name, action] of Object.entries(buttons)) {
    for (const node of document.querySelectorAll(`[data-action="${name}"]`)) node.addEventListener("click", action);
  }
  $("#fields").addEventListener("submit", (event) => { event.preventDefault(); save(); });
  $("#export-csv").href = withToken("/export.csv");
  $("#export-xlsx").href = withToken("/export.xlsx");
  let listing;
  try {
    listing = await api("/api/documents");
  } catch (error) {
    say(`Cannot read the results: ${error.message}`);
    return;
  }
  state.queue = listing.documents;
  state.correctionsName = listing.corrections;
  $("#results-name").textContent = `${listing.results} → corrections in ${listing.corrections}`;
  const wanted = state.queue.findIndex((d) => `#${d.id}` === location.hash);
  await openDocument(wanted >= 0 ? wanted : 0);
  document.body.dataset.ready = "true";
}

start();
