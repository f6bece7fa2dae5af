// What every page shares: the connection to the class server, safe DOM building, seat marks,
// the worth bar, toasts and announcements. Text always goes in through textContent: names,
// notes and news are shown as text, never interpreted.

export const PROTOCOL = 2;

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Redraw `root` with `draw()` without losing what the person was typing or where the focus was:
// each update redraws the page, and a half-written note must survive it.
export function redraw(root, draw) {
  const saved = new Map();
  for (const field of root.querySelectorAll("input[id], select[id], textarea[id]")) {
    saved.set(field.id, field.type === "checkbox" ? field.checked : field.value);
  }
  const active = document.activeElement;
  const focused = active && active.id && root.contains(active) ? active.id : null;
  const caret = focused && "selectionStart" in active ? active.selectionStart : null;
  draw();
  for (const [id, value] of saved) {
    const field = document.getElementById(id);
    if (!field || field.dataset.fresh !== undefined) continue;
    if (field.type === "checkbox") field.checked = value;
    else if ([...(field.options || [])].some((o) => o.value === value) || field.tagName !== "SELECT") field.value = value;
  }
  const again = focused && document.getElementById(focused);
  if (again) {
    again.focus();
    if (caret !== null && "setSelectionRange" in again) {
      try { again.setSelectionRange(caret, caret); } catch (err) { /* not a text field */ }
    }
  }
}

export function clear(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

const SVG = "http://www.w3.org/2000/svg";

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

const SHAPE_POINTS = {
  triangle: [[0, -1], [0.9, 0.75], [-0.9, 0.75]],
  diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
  pentagon: [0, 1, 2, 3, 4].map((k) => [Math.sin(k * 2 * Math.PI / 5), -Math.cos(k * 2 * Math.PI / 5)]),
  hexagon: [0, 1, 2, 3, 4, 5].map((k) => [Math.sin(k * Math.PI / 3), -Math.cos(k * Math.PI / 3)]),
  down: [[-0.9, -0.75], [0.9, -0.75], [0, 1]],
};

// A seat's marker: its shape filled with its colour, so colour is never the only cue.
export function marker(look, size = 14, at = null) {
  const r = size / 2 - 1;
  const cx = at ? at[0] : size / 2, cy = at ? at[1] : size / 2;
  let shape;
  if (look.shape === "circle") shape = svg("circle", { cx, cy, r });
  else if (look.shape === "square") shape = svg("rect", { x: cx - r * 0.85, y: cy - r * 0.85, width: r * 1.7, height: r * 1.7 });
  else if (look.shape === "cross") {
    const w = r * 0.45;
    shape = svg("path", { d: `M${cx - w} ${cy - r}h${2 * w}v${r - w}h${r - w}v${2 * w}h${w - r}v${r - w}h${-2 * w}v${w - r}h${w - r}v${-2 * w}h${r - w}z` });
  } else {
    const pts = (SHAPE_POINTS[look.shape] || SHAPE_POINTS.diamond).map(([x, y]) => `${cx + x * r},${cy + y * r}`);
    shape = svg("polygon", { points: pts.join(" ") });
  }
  shape.setAttribute("fill", look.colour);
  shape.setAttribute("stroke", "#0d1218");
  shape.setAttribute("stroke-width", "1");
  if (at) return shape;
  return svg("svg", { width: size, height: size, viewBox: `0 0 ${size} ${size}`, "aria-hidden": "true" }, shape);
}

export function seatTag(look, name = null) {
  if (!look) return el("span", { text: name || "" });
  return el("span", { class: "seat" }, marker(look), el("span", { class: "ellipsis", text: name || look.name }),
    el("span", { class: "code", text: `[${look.code}]` }));
}

// The stakes bar: what a choice does to the final score, in points, part by part. The numbers and the
// words come from the server (the engine's stakes, said by game.present.worth); this only draws them:
// a bar around zero, gains to the right of the centre line and losses to the left.
export function worthBar(words) {
  if (!words) return null;
  const gain = words.segments.filter((s) => s.points > 0).reduce((a, s) => a + s.points, 0);
  const loss = words.segments.filter((s) => s.points < 0).reduce((a, s) => a - s.points, 0);
  const span = Math.max(gain, loss, 10);
  const bar = el("div", { class: "bar", role: "img", "aria-label": words.headline }, el("div", { class: "zero" }));
  let right = 50, left = 50;
  for (const s of words.segments) {
    const width = (Math.abs(s.points) / span) * 50;
    const seg = el("div", { class: `seg ${s.points > 0 ? "good" : "bad"} part-${s.part}`, title: `${s.part} ${s.points > 0 ? "+" : ""}${s.points}` });
    if (s.points > 0) { seg.style.left = `${right}%`; right += width; } else { left -= width; seg.style.left = `${left}%`; }
    seg.style.width = `${width}%`;
    bar.append(seg);
  }
  return el("div", { class: "worth" }, el("div", { class: `tone-${words.tone}`, text: words.headline }), bar,
    words.parts.length ? el("ul", { class: "lines small" }, words.parts.map((p) => el("li", { text: p.text }))) : null,
    words.notes ? el("div", { class: "small muted", text: words.notes }) : null);
}

// -- toasts and the screen reader -----------------------------------------------------------

export function toast(text, bad = false) {
  let box = document.getElementById("toasts");
  if (!box) {
    box = el("div", { id: "toasts" });
    document.body.append(box);
  }
  const item = el("div", { class: `toast${bad ? " bad" : ""}`, text });
  box.append(item);
  setTimeout(() => item.remove(), 6000);
  announce(text);
}

export function announce(text, urgent = false) {
  const region = document.getElementById(urgent ? "alert" : "live");
  if (!region) return;
  region.textContent = "";
  setTimeout(() => { region.textContent = text; }, 30);
}

export function countdown(node, deadline, receivedAt) {
  // Seconds left as the server said, counted down here between updates.
  if (!deadline) {
    node.textContent = "";
    return;
  }
  const left = Math.max(0, deadline.seconds_left - (performance.now() - receivedAt) / 1000);
  const m = Math.floor(left / 60), s = Math.floor(left % 60);
  node.textContent = `${m}:${String(s).padStart(2, "0")} left`;
}

export function fragmentParam(name) {
  const params = new URLSearchParams(location.hash.slice(1));
  return params.get(name);
}

// -- the connection --------------------------------------------------------------------------

// One WebSocket to the class server that comes back by itself: `hello()` builds the greeting for
// each (re)connection, `onMessage` gets every message, `onStatus` the connection's state in words.
export class Connection {
  constructor({ hello, onMessage, onStatus }) {
    this.hello = hello;
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.nextId = 1;
    this.waiting = new Map();
    this.delay = 500;
    this.stopped = false;
    this.open();
  }

  url() {
    return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
  }

  open() {
    let ws;
    try {
      ws = new WebSocket(this.url());
    } catch (err) {
      this.retry();
      return;
    }
    this.ws = ws;
    ws.addEventListener("open", async () => {
      this.delay = 500;
      this.onStatus({ state: "connected" });
      const greeting = this.hello();
      if (greeting) {
        try {
          await this.request(greeting);
        } catch (err) {
          this.onStatus({ state: "refused", error: err });
        }
      }
    });
    ws.addEventListener("message", (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (err) { return; }
      const pending = message.id !== undefined ? this.waiting.get(message.id) : undefined;
      if (pending) {
        this.waiting.delete(message.id);
        if (message.type === "error") pending.reject(message); else pending.resolve(message);
      }
      this.onMessage(message);
    });
    ws.addEventListener("close", () => {
      for (const pending of this.waiting.values()) pending.reject({ code: "gone", message: "the connection closed" });
      this.waiting.clear();
      if (!this.stopped) this.retry();
    });
  }

  retry() {
    const wait = this.delay;
    this.delay = Math.min(10000, this.delay * 2);
    this.onStatus({ state: "retrying", seconds: Math.round(wait / 1000) || 1 });
    setTimeout(() => this.open(), wait);
  }

  reconnect() {
    if (this.ws) this.ws.close();
  }

  stop() {
    this.stopped = true;
    if (this.ws) this.ws.close();
  }

  request(message) {
    return new Promise((resolve, reject) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        reject({ code: "gone", message: "not connected to the class server" });
        return;
      }
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ ...message, id }));
    });
  }
}

export function statusText(status) {
  if (status.state === "retrying") return `The class server is not reachable; retrying in ${status.seconds} s\u2026`;
  if (status.state === "refused") return status.error.message;
  return "";
}
