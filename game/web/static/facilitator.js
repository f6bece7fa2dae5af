// The facilitator's console: the class at a glance, and every operation the server offers.
// The key comes from the link `host` printed (#key=...) and never leaves this page except to
// the class server.

import { PROTOCOL, Connection, announce, clear, countdown, el, fragmentParam, redraw, statusText, toast } from "./common.js";

const KEY_STORE = `summit.key.${location.host}`;
const F = { key: fragmentParam("key") || sessionStorage.getItem(KEY_STORE), summary: null, watch: null, view: null,
  received: 0, error: "", said: "", confirm: null, moving: null };
if (F.key) sessionStorage.setItem(KEY_STORE, F.key);
if (location.hash) history.replaceState(null, "", location.pathname);   // keep the key out of sight

const app = document.getElementById("app");
const statusBox = document.getElementById("status");

const conn = new Connection({
  hello: () => (F.key ? { type: "hello", protocol: PROTOCOL, role: "facilitator", key: F.key } : null),
  onMessage: receive,
  onStatus: (status) => {
    const text = statusText(status);
    statusBox.textContent = text;
    statusBox.classList.toggle("hidden", !text);
    if (status.state === "refused") {
      F.error = status.error.message;
      if (status.error.code === "bad_key") { F.key = null; sessionStorage.removeItem(KEY_STORE); }
      render();
    }
  },
});

function receive(m) {
  if (m.type === "class") { F.summary = m; F.received = performance.now(); }
  else if (m.type === "table_view") F.view = m;
  else if (m.type === "notice") toast(`${m.table ? `Table ${m.table}: ` : ""}${m.text}`);
  else if (m.type === "note" && F.view && F.view.table === m.table) F.view.notes.push(m);
  else if (m.type === "welcome") F.error = "";
  else if (m.type === "error" && m.id === undefined) toast(m.message, true);
  else return;
  render();
}

function op(name, fields = {}, done = "Done.") {
  return conn.request({ type: "op", op: name, ...fields }).then((ack) => {
    const refused = Object.entries(ack.refused || {});
    const said = refused.length ? refused.map(([t, why]) => `Table ${t}: ${why}`).join(" ") : done;
    if (refused.length) refusal(`${ack.tables.length ? `${done} ` : ""}${said}`); else { F.said = said; F.saidBad = false; announce(said); }
    render();
  }).catch((err) => { refusal(err.message); render(); });
}

// A refusal is said where the teacher is looking (a toast, wherever the page is scrolled) and stays on the
// console's status line until the next operation.
function refusal(text) {
  F.said = text;
  F.saidBad = true;
  toast(text, true);
}

function render() {
  if (!F.key || !F.summary) {
    shell = null;
    redraw(app, () => clear(app, F.key ? el("p", { class: "muted", text: "Connecting\u2026" }) : keyForm()));
    return;
  }
  console_();
  tick();
}

function keyForm() {
  const key = el("input", { id: "key", autocomplete: "off", required: true });
  return el("form", { class: "panel stack", onsubmit: (e) => {
    e.preventDefault();
    F.key = key.value.trim();
    sessionStorage.setItem(KEY_STORE, F.key);
    conn.reconnect();
  } }, el("h1", { text: "Facilitator" }),
  el("p", { text: "Open the facilitator link that `host` printed, or paste its key here." }),
  el("label", {}, el("span", { text: "Facilitator key" }), key),
  F.error ? el("p", { class: "tone-bad", role: "alert", text: F.error }) : null,
  el("button", { class: "primary", type: "submit", text: "Open the console" }));
}

function tick() {
  for (const node of document.querySelectorAll("[data-deadline]")) {
    const t = F.summary && F.summary.tables.find((x) => x.table === node.dataset.deadline);
    if (!t) continue;
    if (t.paused) node.textContent = t.started ? "paused" : "not started";
    else countdown(node, t.deadline, F.received);
  }
}
setInterval(tick, 1000);

// The console is a few regions, each drawn again only when what it shows has changed: updates come
// several times a second while AI leaders play, and must not disturb a teacher typing the news.
let shell = null;
const PARTS = ["ended", "links", "room", "said", "controls", "tables", "unseated", "detail"];

function console_() {
  const s = F.summary;
  document.getElementById("top-class").textContent = `class ${s.code.slice(0, 3)}-${s.code.slice(3)}`;
  if (!shell) {
    shell = Object.fromEntries(PARTS.map((name) => [name, { node: el("div", { id: `part-${name}` }), key: null }]));
    clear(app, el("div", { class: "stack" }, PARTS.map((name) => shell[name].node)));
  }
  const steady = s.tables.map((t) => ({ ...t, deadline: t.deadline ? t.deadline.at : null, version: 0, digest: "" }));
  part("ended", [s.ended], () => s.ended ? el("p", { class: "banner warn", text: "The class has ended." }) : null);
  part("links", [s.report], () => el("p", { class: "row" },
    el("a", { class: "button", id: "class-report", href: s.report, target: "_blank", rel: "noopener", text: "Open the class report" }),
    el("span", { class: "small muted", text: "Every table side by side, each table's full report linked; unfinished tables as they stand." })));
  part("room", [s.code], () => room(s));
  part("said", [F.said, F.saidBad], () => F.said ? el("p", { class: `banner ${F.saidBad ? "warn" : "info"}`, role: "status", id: "said", text: F.said }) : null);
  part("controls", [s.ended, F.confirm === "end", s.tables.map((t) => [t.table, t.started, t.paused, t.events])], () => classControls(s));
  part("tables", [steady, F.confirm, F.moving, F.watch, s.levels, s.level], () => [el("h2", { text: "Tables" }),
    el("div", { class: "grid" }, s.tables.map(tableCard))]);
  part("unseated", [s.unseated, s.in_lobby, F.moving], () => unseated(s));
  part("detail", [F.view], () => F.view ? detail(F.view) : null);
}

function part(name, inputs, draw) {
  const key = JSON.stringify(inputs);
  const region = shell[name];
  if (region.key === key) return;
  region.key = key;
  redraw(region.node, () => clear(region.node, draw()));
}

function room(s) {
  const url = `${location.protocol}//${location.host}/`;
  return el("section", { class: "panel row", "aria-label": "For the room" },
    el("div", { class: "qr" }, el("img", { src: "/qr.svg", alt: `QR code of ${url}` })),
    el("div", { class: "stack" }, el("div", { class: "muted", text: "Students open" }), el("div", { class: "code-big", text: url.replace(/\/$/, "") }),
      el("div", { class: "muted", text: "and type the class code" }), el("div", { class: "code-big", text: `${s.code.slice(0, 3)}-${s.code.slice(3)}` }),
      el("a", { href: `/projector#code=${s.code}`, target: "_blank", rel: "noopener", text: "Open the projector page" })));
}

function classControls(s) {
  // Before the class starts, one button starts it; from then on, Pause all and Resume all, each lit when it would
  // change something.
  const started = s.tables.filter((t) => t.started);
  const anyPaused = started.some((t) => t.paused);
  const anyRunning = started.some((t) => !t.paused);
  const seconds = el("input", { id: "all-seconds", type: "number", min: 5, max: 14400, value: 180, "aria-label": "seconds" });
  const repeat = el("input", { id: "all-repeat", type: "checkbox" });
  const tableChoice = (id) => el("select", { id }, el("option", { value: "", text: "every table" }),
    s.tables.map((t) => el("option", { value: t.table, text: `table ${t.table}` })));
  const target = (id) => { const v = document.getElementById(id).value; return v ? { table: v } : {}; };
  const title = el("input", { id: "news-title", maxlength: 160, required: true });
  const text = el("textarea", { id: "news-text", maxlength: 2000 });
  const source = el("input", { id: "news-source", maxlength: 300, required: true, value: "The facilitator" });
  const events = s.tables[0] ? s.tables[0].events : [];
  // Every table where the event has happened, not only the first one's.
  const happenedAt = (e) => s.tables.filter((t) => t.events.some((x) => x.id === e.id && x.happened)).map((t) => t.table);
  const eventSelect = el("select", { id: "event" }, events.map((e) => {
    const at = happenedAt(e);
    return el("option", { value: e.id, text: `${e.title}${at.length ? ` (has happened at ${at.length > 1 ? "tables" : "table"} ${at.join(", ")})` : ""}` });
  }));
  return el("section", { class: "panel stack", "aria-label": "The whole class" },
    el("h2", { text: "The whole class" }),
    el("div", { class: "row" },
      started.length ? [
        el("button", { class: anyRunning ? "primary" : "", id: "pause-all", disabled: !anyRunning, onclick: () => op("pause", {}, "Every table is paused."), text: "Pause all" }),
        el("button", { class: anyPaused ? "primary" : "", id: "resume-all", disabled: !anyPaused, onclick: () => op("resume", {}, "Every table runs."), text: "Resume all" }),
      ] : el("button", { class: "primary", id: "start-all", onclick: () => op("resume", {}, "The class has started."), text: "Start the class" }),
      el("button", { id: "process-all", onclick: () => op("process_now", {}, "Every table's round ended."), text: "Process now (all)" })),
    el("div", { class: "row" }, el("label", {}, el("span", { text: "Deadline (seconds)" }), seconds),
      el("label", { class: "check" }, repeat, "every round"),
      el("button", { id: "deadline-all", onclick: () => op("deadline", { seconds: Number(seconds.value), repeat: repeat.checked }, "Deadline set."), text: "Set for all" }),
      el("button", { id: "extend-all", onclick: () => op("extend", { seconds: 60 }, "One more minute."), text: "+1 minute" })),
    el("form", { class: "stack", onsubmit: (e) => { e.preventDefault(); op("announce", { title: title.value, text: text.value, source: source.value, ...target("news-table") }, "News sent."); } },
      el("h3", { text: "Announce news" }), el("label", {}, el("span", { text: "Headline" }), title),
      el("label", {}, el("span", { text: "Text (optional)" }), text), el("label", {}, el("span", { text: "Source line" }), source),
      el("div", { class: "row" }, tableChoice("news-table"), el("button", { type: "submit", text: "Send the news" }))),
    events.length ? el("div", { class: "row" }, el("label", {}, el("span", { text: "Bring an event forward" }), eventSelect), tableChoice("event-table"),
      el("button", { id: "trigger", onclick: () => op("trigger", { event: eventSelect.value, ...target("event-table") }, "The event happened."), text: "Make it happen" })) : null,
    F.confirm === "end" ? el("div", { class: "row" }, el("span", { class: "tone-bad", text: "End the class for everyone?" }),
      el("button", { class: "danger", id: "end-confirm", onclick: () => { F.confirm = null; op("end_class", {}, "The class has ended."); }, text: "Yes, end the class" }),
      el("button", { onclick: () => { F.confirm = null; render(); }, text: "Cancel" }))
      : el("button", { class: "danger", id: "end-class", onclick: () => { F.confirm = "end"; render(); }, text: "End the class\u2026" }));
}

function tableCard(t) {
  const id = t.table;
  // Rolling back undoes what the students did: the server says what would go (changing nothing), then the
  // facilitator confirms or cancels.
  const ask = (to) => conn.request({ type: "op", op: "rollback", table: id, to, dry_run: true })
    .then((a) => { F.confirm = { table: id, to, text: `Roll table ${id} back to the start of day ${a.day}? ${a.undone[0].toUpperCase()}${a.undone.slice(1)}, for everyone at the table; its students are told.` }; render(); })
    .catch((err) => { refusal(err.message); render(); });
  const rollback = (to) => el("button", { id: `rollback-${id}-${to}`, onclick: () => ask(to), text: `Roll back to ${to}\u2026` });
  const confirming = F.confirm && F.confirm.table === id ? F.confirm : null;
  return el("article", { class: "card", "aria-label": `Table ${id}` },
    el("h3", {}, `Table ${id}: `, el("span", { class: "muted", text: t.title.split(":")[0] })),
    el("p", {}, el("span", { text: t.over ? "The summit is over" : t.status }), " ", el("span", { class: "countdown tone-accent", "data-deadline": id })),
    el("p", { class: "small muted", text: `${t.agreements} agreement${t.agreements === 1 ? "" : "s"} signed${t.pace ? ` \u00b7 every round gets ${t.pace} s` : ""}` }),
    el("ul", { class: "seat-list" }, t.seats.map((s) => seatRow(t, s))),
    el("div", { class: "row" },
      t.paused ? el("button", { class: "primary", onclick: () => op("resume", { table: id }, `Table ${id} runs.`), text: t.started ? "Resume" : "Start" })
        : el("button", { onclick: () => op("pause", { table: id }, `Table ${id} is paused.`), text: "Pause" }),
      el("button", { onclick: () => op("process_now", { table: id }, `Table ${id}: round ended.`), disabled: t.over, text: "Process now" }),
      el("button", { onclick: () => op("extend", { table: id, seconds: 60 }, `Table ${id}: one more minute.`), disabled: t.over, text: "+1 minute" }),
      el("button", { onclick: () => watch(id), text: F.watch === id ? "Reading it below" : "Read everything" }),
      el("a", { class: "button", href: t.report, target: "_blank", rel: "noopener", text: "Report" })),
    confirming ? el("div", { class: "stack", role: "alertdialog", "aria-label": `Roll table ${id} back` },
      el("p", { class: "tone-bad", id: `rollback-${id}-what`, text: confirming.text }),
      el("div", { class: "row" },
        el("button", { class: "danger", id: `rollback-${id}-confirm`, onclick: () => { F.confirm = null; op("rollback", { table: id, to: confirming.to }, `Table ${id} is back at the start of ${confirming.to}.`); }, text: "Yes, roll it back" }),
        el("button", { id: `rollback-${id}-cancel`, onclick: () => { F.confirm = null; F.said = "Nothing was rolled back."; F.saidBad = false; render(); }, text: "Cancel" })))
      // Before the start there is nothing to undo.
      : t.started ? el("div", { class: "row" }, rollback("today"), t.turn > 1 ? rollback("yesterday") : null) : null);
}

function seatRow(t, s) {
  const level = el("select", { "aria-label": `AI level for ${s.name}` }, F.summary.levels.map((l) => el("option", { value: l, selected: l === F.summary.level, text: l })));
  const members = s.members.map((m) => el("div", { class: "row" },
    el("span", { "aria-hidden": "true", class: m.connected ? "tone-good" : "faint", text: m.connected ? "\u25cf" : "\u25cb" }),
    el("span", { class: "ellipsis", text: m.name }), m.bot ? botTag() : null,
    el("span", { class: "sr-only", text: m.connected ? "connected" : "not connected" }),
    el("button", { onclick: () => { F.moving = m.id; render(); }, text: "Move\u2026" }), F.moving === m.id ? mover(m) : null));
  // A bot plays through the protocol like a student, but the teacher must not take it for one.
  const bots = s.members.filter((m) => m.bot).length;
  const people = s.members.length - bots;
  const holders = people && bots ? `students and ${bots > 1 ? "bots" : "a bot"} play it` : bots === 1 ? "a bot plays it"
    : bots ? "bots play it" : "students play it";
  let control = null;
  if (s.controller === "human") {
    control = el("div", { class: "row" }, level, el("button", { onclick: () => op("hand_to_ai", { table: t.table, seat: s.seat, level: level.value }, `${s.name} is played by the AI.`), text: "Hand to AI" }));
  } else if (s.members.length) {
    const back = people ? "Back to the team" : bots > 1 ? "Back to the bots" : "Back to the bot";
    control = el("button", { onclick: () => op("hand_to_team", { table: t.table, seat: s.seat }, `${s.name} is back with its ${people ? "students" : "bot"}.`), text: back });
  }
  return el("li", { class: "seat-row" },
    el("div", {}, el("strong", { text: s.name }), s.waiting_for ? el("span", { class: "tone-accent small", text: " \u00b7 to act" }) : null,
      el("span", { class: "small muted", text: s.controller === "human" ? ` \u00b7 ${holders}` : ` \u00b7 AI (${s.controller})` })),
    members, control);
}

function botTag() {
  return el("span", { class: "tag", title: "a program playing through the protocol, not a person", text: "bot" });
}

function mover(member) {
  const choices = [];
  for (const t of F.summary.tables) for (const s of t.seats) choices.push([`${t.table}/${s.seat}`, `table ${t.table}: ${s.name}`]);
  const select = el("select", { "aria-label": `New seat for ${member.name}` }, el("option", { value: "", text: "back to the lobby" }),
    choices.map(([v, label]) => el("option", { value: v, text: label })));
  return el("span", { class: "row" }, select, el("button", { onclick: () => {
    const [table, seat] = select.value ? select.value.split("/") : ["", ""];
    F.moving = null;
    op("move_member", table ? { member: member.id, table, seat } : { member: member.id }, `${member.name} moved.`);
  }, text: "Move" }), el("button", { onclick: () => { F.moving = null; render(); }, text: "Cancel" }));
}

function unseated(s) {
  if (!s.unseated.length && !s.in_lobby) return null;
  return el("section", { class: "panel" }, el("h2", { text: "Not seated" }),
    el("p", { class: "muted", text: `${s.in_lobby} in the lobby choosing a seat.` }),
    el("ul", {}, s.unseated.map((m) => el("li", { class: "row" }, el("span", { class: "ellipsis", text: m.name }), m.bot ? botTag() : null,
      el("button", { onclick: () => { F.moving = m.id; render(); }, text: "Seat\u2026" }), F.moving === m.id ? mover(m) : null))));
}

function watch(table) {
  F.watch = table;
  conn.request({ type: "watch", table }).then((v) => { F.view = v; render(); }).catch((err) => { refusal(err.message); render(); });
}

function detail(v) {
  const w = v.words;
  const names = Object.fromEntries(w.seats.map((s) => [s.seat, s.name]));
  return el("section", { class: "panel stack", "aria-label": `Table ${v.table} in full` },
    el("h2", { text: `Table ${v.table}: everything` }),
    el("div", { class: "grid" },
      el("div", {}, el("h3", { text: "Offers, private ones included" }), w.offers.length ? w.offers.map((o) => el("article", { class: "card" },
        el("p", { text: o.label }), el("p", { class: "small muted", text: `${o.headline} \u00b7 ${o.accepted_line}` }),
        el("ul", { class: "lines" }, o.terms.map((t) => el("li", { text: t }))), o.notes.map((n) => el("p", { class: `small tone-${n.tone}`, text: n.text }))))
        : el("p", { class: "muted", text: "No offers yet." })),
      el("div", {}, el("h3", { text: "Notes between seats" }), v.notes.length ? v.notes.slice().reverse().map((n) => el("article", { class: "card" },
        el("p", { class: "small muted", text: `Day ${n.turn} \u00b7 ${n.name} (${names[n.from] || n.from}) to ${names[n.to] || n.to}` }), el("p", { class: "pre", text: n.text })))
        : el("p", { class: "muted", text: "No notes yet." })),
      el("div", {}, el("h3", { text: "Seats: team codes and secret objectives" }), w.seats.map((s) => el("div", {},
        el("strong", { text: s.name }), el("span", { class: "muted small", text: ` \u00b7 team code ` }), el("span", { class: "tone-accent", text: v.team_codes[s.seat] }),
        el("ul", { class: "small" }, s.objectives.map((o) => el("li", { text: o })))))),
      el("div", {}, el("h3", { text: "News" }), w.news.slice(0, 30).map((n) => el("p", { class: `small tone-${n.tone}`, text: n.title })))),
    v.result_words ? el("div", {}, el("h3", { text: "Result" }), el("ul", {}, v.result_words.scores.map((s) => el("li", { text: `${s.name}: ${s.total} (${s.parts})` })))) : null);
}

render();
