// The crisis map as SVG: regions in their holder's colour with the holder's code on them (so control
// reads without colour), sites with their names, and the front line. Drawn from the public map
// and the seat's observation of who holds what; nothing here decides anything.

import { el, marker, svg } from "./common.js";

const W = 800;

function projection(map) {
  const xs = [], ys = [];
  for (const r of map.regions) for (const [x, y] of r.polygon) { xs.push(x); ys.push(y); }
  for (const s of map.sites) for (const [x, y] of (s.path.length ? s.path : [s.at])) { xs.push(x); ys.push(y); }
  let [loX, loY, hiX, hiY] = xs.length ? [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] : map.bounds;
  const padX = (hiX - loX) * 0.06 + 1e-6, padY = (hiY - loY) * 0.06 + 1e-6;
  loX -= padX; hiX += padX; loY -= padY; hiY += padY;
  const k = Math.cos(((loY + hiY) / 2) * Math.PI / 180);
  const scale = W / ((hiX - loX) * k);
  const height = (hiY - loY) * scale;
  return { height, at: ([lon, lat]) => [(lon - loX) * k * scale, height - (lat - loY) * scale] };
}

function centre(points) {
  const n = points.length;
  return [points.reduce((a, p) => a + p[0], 0) / n, points.reduce((a, p) => a + p[1], 0) / n];
}

// Light text with a dark halo stays readable over any fill.
function label(x, y, text, size, anchor) {
  const node = svg("text", { x, y, "text-anchor": anchor, fill: "#e4eaf0", "font-size": size, stroke: "#0d1218",
    "stroke-width": "3", "paint-order": "stroke" });
  node.textContent = text;
  return node;
}

export function drawMap(pub, control, looks) {
  const map = pub.map;
  const p = projection(map);
  const picture = svg("svg", { viewBox: `0 0 ${W} ${Math.round(p.height)}`, role: "img",
    "aria-label": "Map of the crisis: who holds each region and site" });
  const holders = new Set();
  for (const r of map.regions) {
    const holder = control.regions[r.id];
    const look = looks[holder];
    if (look) holders.add(holder);
    const points = r.polygon.map(p.at);
    picture.append(svg("polygon", { points: points.map((q) => q.join(",")).join(" "), fill: look ? look.colour : "#787878",
      "fill-opacity": "0.35", stroke: "#96a3b1", "stroke-width": "1" }));
    const [x, y] = centre(points);
    picture.append(label(x, y, `${r.name}${look ? ` [${look.code}]` : ""}`, 18, "middle"));
  }
  if (map.front.length > 1) {
    picture.append(svg("polyline", { points: map.front.map(p.at).map((q) => q.join(",")).join(" "), fill: "none",
      stroke: "#f05a3c", "stroke-width": "3", "stroke-dasharray": "8 5" }));
  }
  for (const s of map.sites) {
    const holder = control.sites[s.id];
    const look = looks[holder];
    let at = s.at;
    if (s.path.length) {
      // A road: drawn along its path, named at its middle.
      const points = s.path.map(p.at);
      picture.append(svg("polyline", { points: points.map((q) => q.join(",")).join(" "), fill: "none",
        stroke: look ? look.colour : "#96a3b1", "stroke-width": "4", "stroke-linecap": "round" }));
      at = s.path[Math.floor(s.path.length / 2)];
    }
    const [x, y] = p.at(at);
    if (!s.path.length) picture.append(marker(look || { shape: "cross", colour: "#787878" }, 16, [x, y]));
    picture.append(label(x + 11, y + 6, s.name, 16, "start"));
  }
  const legend = el("div", { class: "legend" }, [...holders].map((h) => el("span", { class: "seat" }, marker(looks[h]),
    `${looks[h].name} [${looks[h].code}]`)), el("span", { class: "muted", text: "dashed red: the front line" }));
  return el("figure", {}, picture, el("figcaption", {}, legend));
}
