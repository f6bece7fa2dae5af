// The projector: what the whole room may see, in type readable from the back of the classroom.
// It joins with the class code (#code=...) and receives only public information.

import { PROTOCOL, Connection, clear, countdown, el, fragmentParam, statusText } from "./common.js";

const P = { code: fragmentParam("code"), tables: [], received: 0, error: "" };
const app = document.getElementById("app");
const statusBox = document.getElementById("status");

new Connection({
  hello: () => (P.code ? { type: "hello", protocol: PROTOCOL, role: "projector", code: P.code } : null),
  onMessage: (m) => {
    if (m.type === "public") { P.tables = m.tables; P.received = performance.now(); render(); }
  },
  onStatus: (status) => {
    const text = statusText(status);
    statusBox.textContent = text;
    statusBox.classList.toggle("hidden", !text);
    if (status.state === "refused") { P.error = status.error.message; render(); }
  },
});

function render() {
  const url = `${location.protocol}//${location.host}`;
  const code = P.code ? `${P.code.slice(0, 3)}-${P.code.slice(3)}` : "";
  clear(app,
    el("section", { class: "row", "aria-label": "How to join" },
      el("div", { class: "qr" }, el("img", { src: "/qr.svg", alt: `QR code of ${url}` })),
      el("div", {}, el("div", { text: "Join at" }), el("div", { class: "code-big", text: url.replace(/^https?:\/\//, "") }),
        el("div", { text: "with the class code" }), el("div", { class: "code-big", text: code }))),
    P.error ? el("p", { class: "banner warn", text: P.error }) : null,
    el("div", { class: "grid" }, P.tables.map(table)));
  tick();
}

function table(t) {
  const w = t.words;
  return el("section", { class: "panel", "aria-label": `Table ${t.table}` },
    el("h2", {}, `Table ${t.table} \u00b7 ${w.day}`),
    t.ended ? null : el("p", {}, el("span", { text: w.phase }), " ",
      el("span", { class: "countdown tone-accent", "data-deadline": t.table })),
    standing(t),
    w.deals.length ? el("div", {}, el("h3", { text: "Signed" }), w.deals.map((d) => el("div", {}, el("p", { class: "tone-good", text: d.title }),
      el("ul", {}, d.terms.map((x) => el("li", { text: x })))))) : null,
    w.statements.length ? el("div", {}, el("h3", { text: "Said in public" }), el("ul", {}, w.statements.slice(0, 4).map((s) => el("li", { text: s })))) : null,
    el("h3", { text: "News" }), el("ul", {}, w.news.slice(0, 5).map((n) => el("li", { class: `tone-${n.tone}`, text: n.title }))));
}

// Where the table stands when it is not simply under way: the room reads this from the back.
function standing(t) {
  if (t.ended) return el("p", { class: "tone-bad", text: t.over ? "The summit is over; the class has ended" : "The class has ended" });
  if (t.paused) return el("p", { class: "tone-bad", text: t.started ? "Paused" : "Waiting to start" });
  return null;
}

function tick() {
  for (const node of document.querySelectorAll("[data-deadline]")) {
    const t = P.tables.find((x) => x.table === node.dataset.deadline);
    if (t && !t.paused) countdown(node, t.deadline, P.received);
  }
}
setInterval(tick, 1000);

render();
