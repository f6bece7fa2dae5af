// The student's page: join the class, take a seat, read the briefing, play the table.
// Every sentence shown comes from the server (game/present); this file lays it out and sends
// back what the student chose. Each view is a function of the latest messages and can be
// drawn again at any time.

import { PROTOCOL, Connection, announce, clear, countdown, el, redraw, seatTag, statusText, toast, worthBar } from "./common.js";
import { drawMap } from "./map.js";

const TOKEN_KEY = `summit.seat.${location.host}`;
const BRIEFED_KEY = `summit.briefed.${location.host}`;
const TABS = [["news", "News"], ["offers", "Offers"], ["propose", "Propose"], ["deals", "Deals"], ["moves", "Moves"],
  ["seats", "Seats"], ["notes", "Notes"], ["map", "Map"], ["briefing", "Briefing"]];

const S = {
  screen: "join", token: localStorage.getItem(TOKEN_KEY), joining: null, welcome: null, lobby: null, seated: null,
  state: null, received: 0, news: [], notes: [], tab: "news", draft: newDraft(), said: {}, rejecting: null,
  confirmMove: null, answers: {}, preview: null, error: "", lastTurn: 0, noteTo: "", noteText: "", notesSeen: 0,
  notice: "",
};

function newDraft() {
  return { parties: new Set(), terms: {}, expires: 0, public: false, note: "", counterTo: "", gone: "", statement: { issue: "", option: "" } };
}

const app = document.getElementById("app");
const statusBox = document.getElementById("status");

const conn = new Connection({
  hello: () => {
    if (S.token) return { type: "hello", protocol: PROTOCOL, role: "student", token: S.token, views: true };
    if (S.joining) return { type: "hello", protocol: PROTOCOL, role: "student", views: true, ...S.joining };
    return null;
  },
  onMessage: receive,
  onStatus: (status) => {
    const text = statusText(status);
    statusBox.textContent = text;
    statusBox.classList.toggle("hidden", !text);
    if (status.state === "connected") forgetSaid((s) => s.code === "gone");
    if (status.state === "refused") refused(status.error);
  },
});

function refused(error) {
  if (error.code === "bad_token") {
    localStorage.removeItem(TOKEN_KEY);
    S.token = null;
    S.screen = "join";
    S.error = "Your seat pass is not known here (the class may have been started again): join with the class code.";
  } else {
    S.joining = null;
    S.error = error.message;
  }
  render();
}

function receive(m) {
  switch (m.type) {
    case "welcome":
      S.welcome = m;
      S.error = "";
      break;
    case "lobby":
      S.lobby = m;
      if (!S.seated) S.screen = "lobby";
      break;
    case "seated":
      if (m.token) {
        S.token = m.token;
        localStorage.setItem(TOKEN_KEY, m.token);
      }
      if (!S.seated || S.seated.seat !== m.seat || S.seated.table !== m.table) {
        // Coming back to a seat already briefed (a refresh, a dropped connection) goes straight to the table.
        S.screen = localStorage.getItem(BRIEFED_KEY) === `${m.table}/${m.seat}` ? "table" : "briefing";
        S.draft = newDraft();
        S.notes = [];
        S.notesSeen = 0;
      }
      S.seated = m;
      S.news = [];
      break;
    case "state":
      if (m.news_from === 0) {
        // The whole story again: a first load, or the table rolled back, after which "You ended your round"
        // would speak of a round the rollback undid (the day, phase and round read the same as before it).
        S.news = [];
        S.said = {};
      }
      if (m.view) {
        S.news = S.news.concat(m.view.news);
        // Fresh news is read out to screen-reader users; a whole first load is not.
        const fresh = m.news_from > 0 ? m.view.news.filter((n) => n.kind !== "day") : [];
        if (fresh.length) announce(fresh.slice(-3).map((n) => n.title).join(". "));
      }
      if (S.lastTurn && m.turn > S.lastTurn) {
        toast(`Day ${S.lastTurn} is over: the news has what happened.`);
        // Yesterday's draft (its parties, terms and expiry) is not today's offer: the form starts clean.
        freshDraft();
      }
      S.lastTurn = m.turn;
      S.state = m;
      S.received = performance.now();
      dropSpentCounter(m.view);
      if (m.result && S.screen === "table" && S.tab !== "end") S.tab = "end";
      break;
    case "note":
      S.notes.push(m);
      if (S.seated && m.from !== S.seated.seat) toast(`Note from ${m.name}: ${m.text}`);
      break;
    case "team":
      if (S.seated && m.member && m.member.id !== S.seated.member.id) toast(`${m.member.name} ${m.did}.`);
      break;
    case "notice":
      // What the facilitator did to the table is said once, in a banner in the page's flow that stays until
      // read: a toast as well would say it twice and lie over the news for its few seconds.
      S.notice = m.text;
      announce(m.text);
      break;
    case "error":
      if (m.id === undefined) toast(m.message, true);
      break;
    default:
      return;
  }
  render();
}

// -- drawing ---------------------------------------------------------------------------------

let drawn = null;

function render() {
  header();
  // Updates arrive whenever anything at the table changes; a screen they do not change is left alone,
  // so a selection, an open list or a half-typed word is never disturbed.
  const key = screenKey();
  if (key === drawn) return;
  drawn = key;
  const view = { join: joinScreen, lobby: lobbyScreen, briefing: briefingScreen, table: tableScreen }[S.screen];
  redraw(app, () => clear(app, view()));
}

function screenKey() {
  const m = S.state;
  const d = S.draft;
  const v = m && m.view ? { ...m.view, news: S.tab === "news" ? S.news.length : 0 } : null;
  return JSON.stringify([S.screen, S.tab, S.error, S.screen === "lobby" ? S.lobby : null,
    S.seated ? [S.seated.table, S.seated.seat, S.seated.team_code] : null, S.screen === "table" ? v : null,
    m ? [m.paused, m.started, m.ended, m.phase, m.controllers, !!m.result] : null, S.said, S.answers, S.rejecting,
    S.confirmMove, S.preview, [[...d.parties], d.terms, d.expires, d.public, d.counterTo, d.gone, d.statement],
    S.notes.length, S.noteTo, unread(), S.notice, S.tab === "map" ? [innerWidth, innerHeight] : null]);
}

// The map's names are laid out for the window's size: a phone turned on its side lays them out again.
let resizing = null;
addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(render, 150); });

function header() {
  const v = S.state && S.state.view;
  document.getElementById("top-title").textContent = v ? v.title.split(":")[0] : "Summit";
  document.getElementById("top-day").textContent = v ? v.day : "";
  document.getElementById("top-phase").textContent = v ? v.phase : "";
  // At the table the same words stand beside "End my round"; before the start there is nobody to wait for.
  document.getElementById("top-waiting").textContent = v && S.state.started && S.screen !== "table" ? v.waiting : "";
  // The seat's final score as things stand; its parts in the tooltip.
  const score = document.getElementById("top-score");
  score.textContent = v && v.score ? v.score.headlines[0] : "";
  score.title = v && v.score ? v.score.detail : "";
  tick();
}

function tick() {
  const node = document.getElementById("top-countdown");
  if (S.state && !S.state.paused) countdown(node, S.state.deadline, S.received);
  else node.textContent = S.state && S.state.paused ? (S.state.started ? "paused" : "not started") : "";
}
setInterval(tick, 1000);

function joinScreen() {
  const code = el("input", { id: "code", name: "code", autocomplete: "off", autocapitalize: "characters", required: true, maxlength: 12, spellcheck: "false" });
  const name = el("input", { id: "name", name: "name", autocomplete: "nickname", required: true, maxlength: 40 });
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("code");
  if (fromLink) code.value = fromLink;
  const form = el("form", { class: "panel stack", onsubmit: (e) => {
    e.preventDefault();
    S.joining = { code: code.value.trim(), name: name.value.trim() };
    S.error = "";
    conn.request(conn.hello()).catch(refused);
  } },
  el("h1", { text: "Join your class" }),
  el("p", { class: "muted", text: "Type the class code on the board and the name your class will see." }),
  el("label", {}, el("span", { text: "Class code" }), code),
  el("label", {}, el("span", { text: "Your name" }), name),
  S.error ? el("p", { class: "tone-bad", role: "alert", text: S.error }) : null,
  el("button", { class: "primary", type: "submit", text: "Join" }));
  return form;
}

function lobbyScreen() {
  if (!S.lobby) return el("p", { class: "muted", text: "Loading the tables\u2026" });
  const tables = S.lobby.tables.map((t) => el("section", { class: "panel" },
    el("h2", {}, `Table ${t.table}: `, el("span", { class: "muted", text: t.title })),
    t.over ? el("p", { class: "muted", text: "This table's summit is over." }) : null,
    el("ul", { class: "stack", style: null }, t.seats.map((s) => seatChoice(t, s)))));
  return el("div", {},
    el("h1", { text: S.welcome ? `Choose a seat, ${S.joining ? S.joining.name : ""}` : "Choose a seat" }),
    S.lobby.ended ? el("p", { class: "banner warn", text: "The class has ended." }) : noticeBanner(),
    S.error ? el("p", { class: "tone-bad", role: "alert", text: S.error }) : null,
    el("div", { class: "grid" }, tables));
}

function seatChoice(table, seat) {
  const bots = seat.bots || [];
  const who = seat.free ? `played by an AI leader (${seat.controller}) until someone takes it`
    : `held by ${seat.holders.map((h) => bots.includes(h) ? `${h} (a bot)` : h).join(", ")}`;
  const item = el("li", { class: "row" }, el("strong", { class: "ellipsis", text: seat.name }), el("span", { class: "muted small", text: who }));
  if (table.over) return item;
  if (seat.free) {
    item.append(el("button", { class: "primary", onclick: () => claim(table.table, seat.seat), text: `Take ${seat.name}` }));
  } else {
    // A held seat is joined with its team code, by a classmate or by its own student on another device.
    const id = `team-${table.table}-${seat.seat}`;
    const input = el("input", { id, size: 8, maxlength: 8, autocomplete: "off", autocapitalize: "characters", spellcheck: "false",
      "aria-describedby": `${id}-help` });
    item.append(el("form", { class: "row team-join", onsubmit: (e) => { e.preventDefault(); claim(table.table, seat.seat, input.value); } },
      el("label", { for: id }, el("span", { text: `Team code for ${seat.name}` }), input),
      el("button", { type: "submit", text: "Join the team" }),
      el("span", { class: "small muted", id: `${id}-help`, text: "Shown in the briefing and under Seats on a device already playing this seat." })));
  }
  return item;
}

function claim(table, seat, teamCode) {
  const message = { type: "claim", table, seat };
  if (teamCode) message.team_code = teamCode;
  conn.request(message).then(() => { S.error = ""; }).catch((err) => { S.error = err.message; render(); });
}

function briefingScreen() {
  const b = S.seated && S.seated.briefing;
  if (!b) return el("p", { text: "Loading your briefing\u2026" });
  return el("div", {}, noticeBanner(), briefing(b),
    el("button", { class: "primary", id: "to-table", onclick: () => {
      localStorage.setItem(BRIEFED_KEY, `${S.seated.table}/${S.seated.seat}`);
      S.screen = "table";
      S.tab = "news";
      render();
      app.focus();
    }, text: "Go to the table" }));
}

function briefing(b) {
  return el("article", { class: "stack" },
    el("h1", {}, `You are ${b.name}`),
    el("p", { class: "muted", text: `${b.leader}, ${b.title} \u00b7 ${b.title_text} \u00b7 ${b.date}` }),
    teamCode(),
    el("section", { class: "panel" }, el("h2", { text: "The situation" }), el("p", { text: b.situation })),
    el("section", { class: "panel" }, el("h2", { text: "Your briefing (for you alone)" }), el("p", { text: b.briefing })),
    el("section", { class: "panel" }, el("h2", { text: "Your secret objectives" }),
      el("ul", {}, b.objectives.map((o) => el("li", {}, `${o.text} `, el("strong", { text: `(${o.points} points)` }))))),
    el("section", { class: "panel" }, el("h2", { text: "What each issue is worth to you" }),
      el("p", { text: b.walk_away_text }),
      b.issues.map((i) => el("div", { class: "scroll-x" }, el("table", {},
        el("caption", { class: "muted small", text: `${i.name} \u2014 weight ${i.weight}` }),
        el("thead", {}, el("tr", {}, el("th", { text: "option" }), el("th", { class: "num", text: "worth to you (0 to 1)" }))),
        el("tbody", {}, i.options.map((o) => el("tr", {}, el("td", { text: o.label }), el("td", { class: "num", text: o.value.toFixed(2) })))))))));
}

// -- the table -----------------------------------------------------------------------------------

function tableScreen() {
  const m = S.state;
  if (!m || !m.view) return el("p", { text: "Waiting for the table\u2026" });
  const v = m.view;
  const tabs = TABS.concat(m.result ? [["end", "The end"]] : []);
  const bar = el("div", { class: "tabs", role: "tablist", "aria-label": "The table" }, tabs.map(([id, label]) =>
    el("button", { role: "tab", id: `tab-${id}`, "aria-selected": String(S.tab === id), "aria-controls": "panel",
      onclick: () => openTab(id), onkeydown: tabKeys },
    label, id === "offers" && v.waiting_offers ? el("span", { class: "badge", "aria-label": `${v.waiting_offers} waiting`, text: String(v.waiting_offers) }) : null,
    id === "notes" && unread() ? el("span", { class: "badge", text: String(unread()) }) : null)));
  const status = [];
  if (m.paused) status.push(el("p", { class: "banner warn", text: m.started ? "Paused by the facilitator." : "The facilitator has not started the class yet." }));
  if (m.ended) status.push(el("p", { class: "banner warn", text: "The class has ended." }));
  // Once the class has ended, the banner above says so: the facilitator's notice of it would say it again.
  else status.push(noticeBanner());
  const act = m.started && !m.result ? el("div", { class: "row" },
    el("span", { class: v.your_turn ? "tone-accent" : "muted", id: "waiting", text: v.waiting }),
    m.phase === "talks" ? el("button", { class: "primary", id: "end-round", disabled: !v.can_end_round,
      onclick: () => send({ type: "done" }, "end-round", "You ended your round."), text: "End my round" }) : null,
    current("end-round") ? el("span", { class: S.said["end-round"].bad ? "tone-bad" : "tone-good", id: "end-round-said", text: S.said["end-round"].text }) : null) : null;
  const panel = el("section", { id: "panel", role: "tabpanel", "aria-labelledby": `tab-${S.tab}` },
    ({ news, offers, propose, deals, moves, seats, notes, map, briefing: () => briefing(S.seated.briefing), end }[S.tab] || news)(v));
  // Once the class has ended nobody speaks next, whatever round the table had reached.
  const order = v.talk_order && !m.ended ? el("p", { class: "small muted", id: "talk-order", text: v.talk_order }) : null;
  return el("div", {}, status, act, order, bar, panel);
}

// The facilitator's last notice, until the student says it is read.
function noticeBanner() {
  if (!S.notice) return null;
  return el("div", { class: "banner info row", id: "notice" }, el("span", { text: S.notice }),
    el("button", { onclick: () => { S.notice = ""; render(); }, text: "OK" }));
}

function tabKeys(e) {
  const ids = [...document.querySelectorAll('[role="tab"]')];
  const k = ids.indexOf(e.currentTarget);
  const to = e.key === "ArrowRight" ? k + 1 : e.key === "ArrowLeft" ? k - 1 : null;
  if (to === null) return;
  const next = ids[(to + ids.length) % ids.length];
  next.focus();
  next.click();
}

function forgetSaid(which) {
  const kept = Object.fromEntries(Object.entries(S.said).filter(([key, s]) => !which(s, key)));
  if (Object.keys(kept).length === Object.keys(S.said).length) return;
  S.said = kept;
  render();
}

function freshDraft() {
  S.draft = newDraft();
  S.preview = null;
  delete S.answers.propose;
}

function openTab(id) {
  // Leaving the form after asking about it ends that draft: the answer was about it, and a later offer
  // must not carry its parties and terms unseen.
  if (S.tab === "propose" && id !== "propose" && S.answers.propose && !S.answers.propose.used) freshDraft();
  if (id !== S.tab) S.said = S.said["end-round"] ? { "end-round": S.said["end-round"] } : {};
  S.tab = id;
  render();
}

// When an action was sent: what the student was told about it ("You ended your round.") is not true of
// a later round, whichever arrives first, the answer or the next round.
function moment(m) {
  return m ? `${m.turn}/${m.phase}/${m.round}` : "";
}

function current(key) {
  const s = S.said[key];
  return s && (!s.at || s.at === moment(S.state)) ? s : null;
}

function said(key) {
  const s = current(key);
  return s ? el("p", { class: s.bad ? "tone-bad" : "tone-good", role: "status", text: s.text }) : null;
}

function send(action, key, done) {
  const m = S.state;
  const at = moment(m);
  return conn.request({ type: "act", turn: m.turn, phase: m.phase, round: m.round, action })
    .then(() => { S.said = { [key]: { text: done, at } }; announce(done); render(); return true; })
    .catch((err) => { S.said = { [key]: { text: err.message, bad: true, code: err.code, at } }; announce(err.message, true); render(); return false; });
}

function news(v) {
  const items = [...S.news].reverse();
  return el("div", { class: "two-col" },
    el("section", { class: "panel", "aria-label": "The situation" }, el("h2", { text: "The situation" }),
      el("table", {}, el("tbody", {}, v.tracks.map((t) => el("tr", {}, el("td", { text: t.name }), el("td", { class: "num", text: t.value })))))),
    el("section", { "aria-label": "News, newest first" }, el("h2", { text: "News" }),
      items.length ? items.map((n) => n.kind === "day" ? el("div", { class: "divider", text: n.title })
        : el("article", { class: "news-item" }, el("div", { class: `tone-${n.tone}`, text: n.title }),
          n.body ? el("p", { class: "small muted", text: n.body }) : null,
          n.source ? el("div", { class: "source", text: `Source: ${n.source}` }) : null,
          n.source_detail ? el("details", { class: "source" }, el("summary", { text: "About this source" }),
            el("dl", {}, n.source_detail.map((r) => [el("dt", { text: r.label }), el("dd", { text: r.text })]))) : null))
        : el("p", { class: "muted", text: "No news yet." })));
}

function offers(v) {
  if (!v.offers.length) return el("p", { class: "muted", text: "No offers yet. Build one under Propose, or wait for the others to speak." });
  return el("div", {}, v.offers.map((o) => offerCard(o)));
}

function offerCard(o) {
  const key = `offer-${o.id}`;
  const buttons = el("div", { class: "row" });
  if (o.mine) {
    buttons.append(el("button", { disabled: !o.can.withdraw, onclick: () => send({ type: "withdraw", proposal: o.id }, key, "Withdrawn."), text: "Withdraw" }));
  } else if (S.rejecting === o.id) {
    const reason = el("input", { id: `reason-${o.id}`, maxlength: 300, placeholder: "why (optional; they will read it)", "aria-label": "Your reason" });
    buttons.append(reason,
      el("button", { onclick: () => { S.rejecting = null; send({ type: "reject", proposal: o.id, reason: reason.value.trim() }, key, "Rejected."); }, text: "Send the refusal" }),
      el("button", { onclick: () => { S.rejecting = null; render(); }, text: "Cancel" }));
  } else {
    buttons.append(
      el("button", { class: "primary", disabled: !o.can.accept, onclick: () => send({ type: "accept", proposal: o.id }, key, "Accepted."), text: "Accept" }),
      el("button", { disabled: !o.can.reject, onclick: () => { S.rejecting = o.id; render(); document.getElementById(`reason-${o.id}`).focus(); }, text: "Reject\u2026" }),
      el("button", { disabled: !o.can.counter, onclick: () => counter(o), text: "Counter\u2026" }));
  }
  const ai = S.state.controllers[o.from] !== "human" && !o.mine && o.open;
  if (ai) buttons.append(askButton(o.from, () => ask(o.from, o.terms_raw, o.parties, key), false));
  return el("article", { class: `card${o.needs_answer ? " needs" : ""}`, "aria-label": o.label },
    el("h3", {}, seatTag(looks()[o.from], o.mine ? "You" : null), " ", el("span", { text: o.headline.replace(/^From [^:]+: /, "") })),
    el("p", { class: "small muted", text: o.accepted_line }),
    el("ul", { class: "lines" }, o.terms.map((t) => el("li", { text: t }))),
    o.notes.map((n) => el("p", { class: `tone-${n.tone}`, text: n.text })),
    o.why_not ? el("p", { class: "small muted", text: `Not now: ${o.why_not}.` }) : null,
    worthBar(o.worth), buttons, answerBlock(key), said(key));
}

function counter(o) {
  S.draft = newDraft();
  o.parties.filter((p) => p !== S.seated.seat).forEach((p) => S.draft.parties.add(p));
  S.draft.terms = { ...o.terms_raw };
  S.draft.counterTo = o.id;
  S.tab = "propose";
  render();
  refreshPreview();
}

function ask(seat, terms, parties, key) {
  conn.request({ type: "ask", seat, terms, parties })
    .then((answer) => { S.answers[key] = { ...answer, parties }; render(); announce(answer.text); })
    .catch((err) => { S.said = { [key]: { text: err.message, bad: true, code: err.code } }; render(); });
}

// A leader takes a few questions a day from each seat; the button says how many are left, from the server.
function askButton(seat, onclick, blank) {
  const view = S.state && S.state.view;
  const a = (view && view.asks && view.asks[seat]) || { left: 1, label: `What would ${name(seat)} want?`, note: "" };
  return el("button", { onclick, disabled: blank || a.left <= 0, title: a.note, "aria-description": a.note, text: a.label });
}

function answerBlock(key) {
  const a = S.answers[key];
  if (!a) return null;
  return el("div", { class: "panel" }, el("p", {}, el("strong", { text: `${name(a.seat)}: ` }), a.text),
    a.terms ? el("button", { onclick: () => useAnswer(a), text: "Use these terms" }) : null);
}

// The leader signs exactly the package it named, so the form holds exactly that: its terms, the seats asked
// with it and those who sign them, nothing left from an earlier draft.
function useAnswer(a) {
  const me = S.seated.seat;
  const d = newDraft();
  d.terms = { ...a.terms };
  (a.parties || []).filter((p) => p !== me).forEach((p) => d.parties.add(p));
  S.state.view.compose.issues.filter((i) => d.terms[i.id]).forEach((i) => i.signatories.filter((p) => p !== me).forEach((p) => d.parties.add(p)));
  S.draft = d;
  S.preview = null;
  a.used = true;
  if (S.answers.propose !== a) delete S.answers.propose;
  S.tab = "propose";
  render();
  refreshPreview();
}

// A counter-offer answers an open offer: once that offer is signed, refused or lapsed, or this seat accepted it,
// the package stays as an offer of its own, and the server's words say so.
function dropSpentCounter(v) {
  const d = S.draft;
  if (!v || !d.counterTo) return;
  const o = v.offers.find((x) => x.id === d.counterTo);
  if (o && o.counterable) return;
  d.gone = o ? o.counter_gone : v.compose.counter_gone;
  d.counterTo = "";
}

function propose(v) {
  const c = v.compose;
  const d = S.draft;
  const me = S.seated.seat;
  const parties = el("fieldset", {}, el("legend", { text: "Who signs (you always do)" }),
    c.seats.map((s) => el("label", { class: "check" },
      el("input", { type: "checkbox", id: `party-${s.id}`, "data-fresh": true, checked: d.parties.has(s.id), onchange: (e) => {
        if (e.target.checked) d.parties.add(s.id); else d.parties.delete(s.id);
        render();
        refreshPreview();
      } }), seatTag(looks()[s.id], s.name))));
  const issues = el("fieldset", {}, el("legend", { text: "The package: an option for each issue you put in" }),
    c.issues.length ? c.issues.map((i) => {
      const select = el("select", { id: `issue-${i.id}`, "data-fresh": true, onchange: (e) => {
        if (e.target.value) {
          d.terms[i.id] = e.target.value;
          i.signatories.filter((s) => s !== me).forEach((s) => d.parties.add(s));
        } else delete d.terms[i.id];
        render();
        refreshPreview();
      } }, el("option", { value: "", text: "\u2014 not in this package \u2014" }),
      i.options.map((o) => el("option", { value: o.value, selected: d.terms[i.id] === o.value, text: o.label })));
      return el("label", {}, el("span", { text: `${i.name} (signed by ${i.signatory_names.join(", ")})` }), select);
    }) : el("p", { class: "muted", text: "No issue is on the table now." }));
  const expires = el("select", { id: "expires", "data-fresh": true, onchange: (e) => { d.expires = Number(e.target.value); refreshPreview(); } },
    c.expires.map((x) => el("option", { value: x.turn, selected: d.expires === x.turn, text: x.label })));
  const note = el("textarea", { id: "offer-note", "data-fresh": true, maxlength: 300, oninput: (e) => { d.note = e.target.value; } });
  note.value = d.note;
  const aiParties = [...d.parties].filter((p) => S.state.controllers[p] && S.state.controllers[p] !== "human");
  const preview = S.preview;
  const sendButton = el("button", { class: "primary", id: "send-offer", disabled: !c.can_propose || !Object.keys(d.terms).length,
    onclick: sendOffer, text: d.counterTo ? "Send counter-offer" : "Send offer" });
  return el("div", { class: "stack" },
    d.counterTo ? el("p", { class: "banner info", text: "A counter-offer: change the terms, then send it back." }) : null,
    d.gone ? el("p", { class: "banner info", role: "status", text: d.gone }) : null,
    c.can_propose ? null : el("p", { class: "muted", text: "You can send offers when it is your turn in the talks." }),
    parties, issues,
    el("div", { class: "row" }, el("label", {}, el("span", { text: "Open" }), expires),
      el("label", { class: "check" }, el("input", { type: "checkbox", id: "public", "data-fresh": true, checked: d.public, onchange: (e) => { d.public = e.target.checked; render(); } }), "Public (everyone sees it)")),
    el("label", {}, el("span", { text: "What you say with it (optional)" }), note),
    preview ? worthBar(preview.worth) : null,
    preview && preview.problem ? el("p", { class: "tone-bad", text: preview.problem }) : null,
    preview && preview.warning ? el("p", { class: "tone-bad", role: "status", text: `\u26a0 ${preview.warning}` }) : null,
    draftSummary(c, d),
    el("div", { class: "row" }, sendButton,
      el("button", { onclick: () => { freshDraft(); render(); }, text: "Clear" }),
      aiParties.map((p) => askButton(p, () => ask(p, d.terms, [me, ...d.parties], "propose"), !Object.keys(d.terms).length))),
    answerBlock("propose"), said("propose"), statementBox(v));
}

// What Send would send, in one line just above it: on a phone the parties and the issues are screens away.
function draftSummary(c, d) {
  const to = c.seats.filter((s) => d.parties.has(s.id)).map((s) => s.name);
  const terms = c.issues.filter((i) => d.terms[i.id]).map((i) => {
    const option = i.options.find((o) => o.value === d.terms[i.id]);
    return `${i.name}: ${option ? option.label : d.terms[i.id]}`;
  });
  if (!to.length && !terms.length) return el("p", { class: "small muted", id: "offer-summary", text: "Nothing in the offer yet: choose who signs and the terms above." });
  return el("p", { class: "summary", id: "offer-summary", "aria-live": "polite" },
    el("strong", { text: "To: " }), to.length ? to.join(", ") : "nobody yet", "; ",
    el("strong", { text: "terms: " }), terms.length ? terms.join(", ") : "none yet", d.public ? " (public)" : "");
}

let previewTimer = null;
function refreshPreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    const d = S.draft;
    if (!Object.keys(d.terms).length) { S.preview = null; render(); return; }
    const message = { type: "preview", terms: d.terms, parties: [S.seated.seat, ...d.parties] };
    if (d.expires) message.expires = d.expires;
    conn.request(message).then((p) => { S.preview = p; render(); }).catch(() => {});
  }, 120);
}

function sendOffer() {
  const d = S.draft;
  const base = { parties: [S.seated.seat, ...d.parties], terms: d.terms, expires: d.expires, reason: d.note.trim() };
  const action = d.counterTo ? { type: "counter", proposal: d.counterTo, ...base } : { type: "propose", public: d.public, ...base };
  if (!action.reason) delete action.reason;
  if (!action.expires) delete action.expires;
  send(action, "propose", "Sent.").then((ok) => { if (ok) { freshDraft(); render(); } });
}

function statementBox(v) {
  const c = v.compose;
  if (!c.can_state) return el("p", { class: "small muted", text: "A public statement (once a day, on your turn) commits you in front of everyone." });
  const st = S.draft.statement;
  const issue = c.issues.find((i) => i.id === st.issue) || c.issues[0];
  if (!issue) return null;
  const issueSelect = el("select", { id: "state-issue", "data-fresh": true, onchange: (e) => { st.issue = e.target.value; st.option = ""; render(); } },
    c.issues.map((i) => el("option", { value: i.id, selected: i.id === issue.id, text: i.name })));
  const optionSelect = el("select", { id: "state-option", "data-fresh": true, onchange: (e) => { st.option = e.target.value; } },
    issue.options.map((o) => el("option", { value: o.value, selected: st.option === o.value, text: o.label })));
  return el("fieldset", {}, el("legend", { text: "Say it in public: backing down later costs you at home" }),
    el("div", { class: "row" }, issueSelect, el("span", { text: "your stand:" }), optionSelect,
      el("button", { onclick: () => send({ type: "statement", issue: issue.id, option: st.option || issue.options[0].value }, "statement", "Said in public."), text: "Say it" })),
    said("statement"));
}

function deals(v) {
  return el("div", {},
    v.deals.length ? v.deals.map((a) => el("article", { class: "card" }, el("h3", { text: a.title }),
      el("ul", { class: "lines" }, a.terms.map((t) => el("li", { text: t }))),
      a.binds.map((b) => el("p", { class: "small muted", text: b }))))
      : el("p", { class: "muted", text: "Nothing is signed yet. A package becomes an agreement when every party to it has accepted." }),
    v.statements.length ? el("section", {}, el("h2", { text: "Public statements on the record" }), el("ul", {}, v.statements.map((s) => el("li", { text: s })))) : null,
    v.breaches.length ? el("section", {}, el("h2", { text: "Broken promises" }), el("ul", {}, v.breaches.map((s) => el("li", { class: "tone-bad", text: s })))) : null);
}

function moves(v) {
  const mv = v.moves;
  return el("div", {},
    mv.chosen ? el("p", { class: "banner info", text: `Today you chose: ${mv.chosen}. Waiting for the others.` }) : null,
    mv.hint ? el("p", { class: "tone-accent", text: mv.hint }) : null,
    mv.cards.map((c) => {
      const key = `move-${c.id}`;
      const confirming = S.confirmMove === c.id;
      const make = () => {
        if (c.breaks.length && !confirming) { S.confirmMove = c.id; render(); return; }
        S.confirmMove = null;
        send({ type: "move", move: c.id }, key, `You chose: ${c.name}.`);
      };
      return el("article", { class: "card" }, el("h3", { class: c.breaks.length ? "tone-bad" : "", text: (c.breaks.length ? "\u26a0 " : "") + c.name }),
        el("p", { class: "small muted", text: c.kind }), el("p", { text: c.description }),
        c.why_not ? el("p", { class: "tone-bad", text: `\u2717 ${c.why_not}` }) : c.requires ? el("p", { class: "small muted", text: c.requires }) : null,
        el("ul", { class: "lines small" }, c.effects.map((e) => el("li", { text: e }))),
        c.breaks.map((b) => el("p", { class: "tone-bad small", text: b })),
        worthBar(c.stakes),
        el("button", { class: confirming ? "danger" : "primary", disabled: !c.available, onclick: make,
          text: confirming ? "Break the agreement: make this move anyway" : "Make this move" }),
        confirming ? el("button", { onclick: () => { S.confirmMove = null; render(); }, text: "Cancel" }) : null,
        said(key));
    }),
    el("section", {}, el("h2", { text: "Moves revealed so far" }),
      mv.revealed.length ? el("ul", {}, mv.revealed.map((r) => el("li", { text: r }))) : el("p", { class: "muted", text: "None yet: moves are revealed together after the talks." })));
}

function seats(v) {
  const l = looks();
  return el("div", {},
    teamCode(),
    el("div", { class: "scroll-x" }, el("table", {},
      el("thead", {}, el("tr", {}, el("th", { text: "seat" }), v.seats[0].stats.map((s) => el("th", { class: "num", title: s.name, text: s.short })),
        el("th", { class: "num", title: "how far they trust you", text: "trusts you" }), el("th", { class: "num", title: "how far you trust them", text: "you trust" }))),
      el("tbody", {}, v.seats.map((s) => el("tr", {},
        el("td", {}, seatTag(l[s.id], s.name), el("div", { class: "small muted", text: `${s.leader} \u00b7 played by ${s.played_by}${s.talk ? ` \u00b7 ${s.talk.text}` : s.to_move ? " \u00b7 to move" : ""}` })),
        s.stats.map((x) => el("td", { class: "num", title: x.name, text: String(x.value) })),
        el("td", { class: "num", text: s.trusts_you === null ? "\u2014" : String(s.trusts_you) }),
        el("td", { class: "num", text: s.you_trust === null ? "\u2014" : String(s.you_trust) })))))));
}

// The seat's team code, where a student looks for it on a second device or when a classmate asks.
function teamCode() {
  return el("p", { class: "muted small team-code" }, "Your team code: ", el("strong", { class: "tone-accent", text: S.seated.team_code }),
    " \u2014 a classmate joins your seat with it, and so do you on another device.");
}

function unread() {
  const me = S.seated && S.seated.seat;
  return S.notes.slice(S.notesSeen).filter((n) => n.from !== me).length;
}

function notes() {
  S.notesSeen = S.notes.length;
  const me = S.seated.seat;
  const others = S.seated.public.seats.filter((s) => s.id !== me);
  if (!S.noteTo) S.noteTo = others[0].id;
  const to = el("select", { id: "note-to", "data-fresh": true, onchange: (e) => { S.noteTo = e.target.value; } },
    others.map((s) => el("option", { value: s.id, selected: S.noteTo === s.id, text: s.name })));
  const text = el("textarea", { id: "note-text", "data-fresh": true, maxlength: 500, oninput: (e) => { S.noteText = e.target.value; } });
  text.value = S.noteText;
  const sendNote = (e) => {
    e.preventDefault();
    conn.request({ type: "note", to: S.noteTo, text: S.noteText })
      .then(() => { S.noteText = ""; S.said = { note: { text: "Sent." } }; render(); })
      .catch((err) => { S.said = { note: { text: err.message, bad: true, code: err.code } }; render(); });
  };
  return el("div", { class: "stack" },
    el("form", { class: "panel stack", onsubmit: sendNote }, el("h2", { text: "A private note" }),
      el("label", {}, el("span", { text: "To" }), to), el("label", {}, el("span", { text: "Note (at most 500 characters; only they, your team and the facilitator read it)" }), text),
      el("button", { class: "primary", type: "submit", text: "Send note" }), said("note")),
    el("section", { "aria-label": "Notes" }, S.notes.length ? [...S.notes].reverse().map((n) => el("article", { class: "card" },
      el("p", { class: "small muted" }, n.from === me ? `You (${n.name}) to ${name(n.to)}` : `${n.name} (${name(n.from)}) to you`),
      el("p", { class: "pre", text: n.text })))
      : el("p", { class: "muted", text: "No notes yet." })));
}

function map(v) {
  return el("div", { class: "map" }, drawMap(S.seated.public, v.map, looks()));
}

function end(v) {
  const r = v.result;
  if (!r) return el("p", { text: "The summit is not over yet." });
  const report = S.state && S.state.report;
  // A table ended before the summit shows its scores as they stood: par rates whole games only.
  const rated = r.rated !== false;
  return el("div", { class: "stack" },
    el("h2", { text: rated ? "The summit is over" : "The class has ended" }),
    report ? el("p", {}, el("a", { class: "button primary", id: "open-report", href: report, target: "_blank", rel: "noopener", text: "Open the full report" }),
      el("span", { class: "small muted", text: rated ? " Every offer, reason, promise and score of your table; it opens once every table playing this scenario has finished." : " Every offer, reason, promise and score of your table, as far as it got." })) : null,
    el("p", { class: "tone-accent", id: "par-headline", text: r.headline }),
    el("div", { class: "scroll-x" }, el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "seat" }), el("th", { class: "num", text: "score" }),
      rated ? el("th", { class: "num", title: "above or below what AI leaders score in this seat", text: "vs par" }) : null, rated ? el("th", { text: "against the AI in this seat" }) : null, el("th", { text: "made of" }))),
      el("tbody", {}, r.scores.map((s) => el("tr", { class: s.you ? "tone-accent" : "" }, el("td", { text: s.name + (s.you ? " (you)" : "") }), el("td", { class: "num", text: String(s.total) }),
        rated ? el("td", { class: "num", title: s.par_line, text: s.vs_par }) : null, rated ? el("td", { class: "small", text: `${s.rating}: better than ${s.percentile}% (par ${s.par})` }) : null, el("td", { class: "small", text: s.parts })))))),
    el("p", { class: "small muted", text: r.par_note }),
    el("h2", { text: `Beside history (${r.history_date})` }),
    el("p", { text: r.history_summary }),
    el("div", { class: "scroll-x" }, el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "issue" }), el("th", { text: "your table" }), el("th", { text: "the summit" }), el("th", { text: "beside it" }))),
      el("tbody", {}, r.compare.map((c) => el("tr", {}, el("td", { text: c.issue }), el("td", { text: c.table }), el("td", { text: c.history }),
        el("td", { class: c.same ? "small tone-good" : "small", title: c.note || "", text: c.verdict })))))),
    el("p", { class: "muted", text: `Closeness to history: ${Math.round(r.closeness * 100)}%. ${r.history_source ? "Source: " + r.history_source : ""}` }),
    r.aftermath ? el("p", { text: r.aftermath }) : null);
}

function looks() {
  return S.seated ? S.seated.looks : {};
}

function name(seat) {
  const s = S.seated && S.seated.public.seats.find((x) => x.id === seat);
  return s ? s.name : seat;
}

render();
