// The crisis map as SVG: regions in their holder's colour with the holder's code on them (so control
// reads without colour), sites with their names, and the front line. Drawn from the public map
// and the seat's observation of who holds what; nothing here decides anything.
//
// Labels are laid out for the size the map is shown at: each name is set at a size a person can read on
// that screen and put where it covers no other name or marker. A name that finds no room (the crowded middle
// of a map on a phone) is replaced by a number, and the numbers are spelled out in a key under the map.

import { el, marker, svg } from "./common.js";

const W = 800;
const REGION_PX = 13, SITE_PX = 12, NUMBER_PX = 12;   // on screen, whatever the map's scale
const LABEL_ORDER = { port: 0, airbase: 0, city: 1, crossing: 2, base: 3, post: 3 };

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

// The area-weighted centre of a polygon: inside it for the shapes maps have, unlike the mean of its corners.
function centroid(points) {
  let area = 0, cx = 0, cy = 0;
  points.forEach(([x0, y0], i) => {
    const [x1, y1] = points[(i + 1) % points.length];
    const cross = x0 * y1 - x1 * y0;
    area += cross; cx += (x0 + x1) * cross; cy += (y0 + y1) * cross;
  });
  if (Math.abs(area) < 1e-9) return [points.reduce((a, p) => a + p[0], 0) / points.length, points.reduce((a, p) => a + p[1], 0) / points.length];
  return [cx / (3 * area), cy / (3 * area)];
}

// Screen pixels per map unit: the map fills the width it is given, unless the window's height holds it back
// (style.css: width 100%, at most 80% of the window's height).
function pixelsPerUnit(height) {
  const main = document.getElementById("app");
  const pad = main ? parseFloat(getComputedStyle(main).paddingLeft) * 2 : 24;
  const wide = Math.min(window.innerWidth, main ? main.clientWidth || window.innerWidth : window.innerWidth) - pad;
  return Math.min(wide / W, (window.innerHeight * 0.8) / height);
}

let ruler = null;
function textWidth(text, px) {
  ruler = ruler || document.createElement("canvas").getContext("2d");
  ruler.font = `${px}px ${getComputedStyle(document.body).fontFamily}`;
  return ruler.measureText(text).width;
}

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// Light text with a dark halo stays readable over any fill; centred on (x, y).
function label(x, y, text, size, unit) {
  const node = svg("text", { x, y, "text-anchor": "middle", "dominant-baseline": "central", fill: "#e4eaf0",
    "font-size": size, stroke: "#0d1218", "stroke-width": 3 * unit, "paint-order": "stroke" });
  node.textContent = text;
  return node;
}

class Layout {
  constructor(width, height, unit) {
    this.bounds = { x: 0, y: 0, w: width, h: height };
    this.unit = unit;                 // map units per screen pixel
    this.taken = [];
  }

  block(x, y, size) {
    const box = { x: x - size / 2, y: y - size / 2, w: size, h: size };
    this.taken.push(box);
    return box;
  }

  // The first of `spots` (centres) where `text` at `px` covers nothing already placed (but `mine`, the space
  // kept for its own marker, whose corners the marker's shape leaves empty), or null.
  fit(text, px, spots, mine = null) {
    const u = this.unit, halo = 2 * u;
    const w = textWidth(text, px) * u + 2 * halo, h = px * 1.25 * u + 2 * halo;
    for (const [cx, cy] of spots(w, h)) {
      const box = { x: cx - w / 2, y: cy - h / 2, w, h };
      const inside = box.x >= 0 && box.y >= 0 && box.x + w <= this.bounds.w && box.y + h <= this.bounds.h;
      if (inside && !this.taken.some((t) => t !== mine && overlaps(t, box))) {
        this.taken.push(box);
        return [cx, cy];
      }
    }
    return null;
  }
}

// Centres around a point at distance `gap` and twice that: right, left, above, below, then the corners.
function around(x, y, gap) {
  return (w, h) => [1, 2].flatMap((k) => {
    const dx = gap * k + w / 2, dy = gap * k + h / 2;
    return [[x + dx, y], [x - dx, y], [x, y - dy], [x, y + dy], [x + dx, y - dy], [x - dx, y - dy], [x + dx, y + dy], [x - dx, y + dy]];
  });
}

// Centres against a marker at (x, y) whose kept space reaches `gap` from its centre: beside it, above, below,
// then tucked into its corners; and only where this marker is the nearest one, for a number set down between
// two markers could be read as the other's.
function against(x, y, gap, markers) {
  const own = (cx, cy) => markers.every(([mx, my]) => (mx === x && my === y)
    || Math.hypot(cx - mx, cy - my) > Math.hypot(cx - x, cy - y));
  return (w, h) => {
    const dx = gap + w / 2, dy = gap + h / 2, cx = gap * 0.75 + w / 2, cy = gap * 0.75 + h / 2;
    return [[x + dx, y], [x - dx, y], [x, y - dy], [x, y + dy], [x + cx, y - cy], [x - cx, y - cy], [x + cx, y + cy],
      [x - cx, y + cy]].filter(([px, py]) => own(px, py));
  };
}

function nearCentre(x, y) {
  return (w, h) => [[x, y], [x, y - h], [x, y + h], [x - w / 3, y], [x + w / 3, y], [x, y - 2 * h], [x, y + 2 * h]];
}

// Names where they fit; a name that does not is a number. A site's number is set down first, against its own
// marker, and the names then fit around the numbers; a region's or a road's number, which may stand anywhere
// on it, goes last. A name that no longer fits becomes a number too, and the layout is made again, until every
// name and number has its place.
function placeLabels(items, markers, markerSize, width, height, u) {
  const numbered = new Set();
  for (;;) {
    const layout = new Layout(width, height, u);
    const kept = markers.map(([x, y]) => layout.block(x, y, markerSize + 4 * u));
    const texts = [], numbers = new Map();
    let missed = false;
    const number = (k) => String([...numbered].sort((a, b) => a - b).indexOf(k) + 1);
    items.forEach((item, k) => {
      if (!numbered.has(k) || !item.marker) return;
      const [x, y] = item.at;
      const mine = kept[markers.indexOf(item.at)];
      const text = number(k);
      const spot = layout.fit(text, NUMBER_PX, against(x, y, markerSize / 2 + 2 * u, markers), mine)
        || layout.fit(text, NUMBER_PX, around(x, y, markerSize / 2 + 2 * u)) || [x + markerSize / 2 + 4 * u, y];
      numbers.set(k, [...spot, text, NUMBER_PX]);
    });
    items.forEach((item, k) => {
      if (numbered.has(k)) return;
      const [x, y] = item.at;
      const spot = layout.fit(item.text, item.px, item.marker ? around(x, y, markerSize / 2 + 3 * u) : nearCentre(x, y));
      if (spot) texts.push([...spot, item.text, item.px]);
      else {
        numbered.add(k);
        missed = true;
      }
    });
    if (missed) continue;
    items.forEach((item, k) => {
      if (!numbered.has(k) || item.marker) return;
      const [x, y] = item.at;
      const text = number(k);
      // Kept off the markers where it can be, or it would read as a site's number.
      const clear = (spots) => (w, h) => spots(w, h).filter(([cx, cy]) =>
        markers.every(([mx, my]) => Math.hypot(cx - mx, cy - my) > markerSize + Math.max(w, h)));
      const spot = layout.fit(text, NUMBER_PX, clear(nearCentre(x, y))) || layout.fit(text, NUMBER_PX, clear(around(x, y, 2 * u)))
        || layout.fit(text, NUMBER_PX, nearCentre(x, y)) || layout.fit(text, NUMBER_PX, around(x, y, 2 * u)) || [x, y];
      numbers.set(k, [...spot, text, NUMBER_PX]);
    });
    const order = [...numbered].sort((a, b) => a - b);
    return { texts: texts.concat(order.map((k) => numbers.get(k))), unplaced: order.map((k) => [items[k].text, items[k].at]) };
  }
}

export function drawMap(pub, control, looks) {
  const map = pub.map;
  const p = projection(map);
  const u = 1 / pixelsPerUnit(p.height);
  const picture = svg("svg", { viewBox: `0 0 ${W} ${Math.round(p.height)}`, role: "img",
    "aria-label": "Map of the crisis: who holds each region and site" });
  const holders = new Set();
  const regions = [];
  for (const r of map.regions) {
    const holder = control.regions[r.id];
    const look = looks[holder];
    if (look) holders.add(holder);
    const points = r.polygon.map(p.at);
    picture.append(svg("polygon", { points: points.map((q) => q.join(",")).join(" "), fill: look ? look.colour : "#787878",
      "fill-opacity": "0.35", stroke: "#96a3b1", "stroke-width": "1" }));
    regions.push([`${r.name}${look ? ` [${look.code}]` : ""}`, centroid(points)]);
  }
  if (map.front.length > 1) {
    picture.append(svg("polyline", { points: map.front.map(p.at).map((q) => q.join(",")).join(" "), fill: "none",
      stroke: "#f05a3c", "stroke-width": "3", "stroke-dasharray": "8 5" }));
  }
  const markerSize = Math.max(16, 11 * u);
  const sites = [];
  for (const s of map.sites) {
    const look = looks[control.sites[s.id]];
    if (s.path.length) {
      // A road: drawn along its path, named at its middle.
      const points = s.path.map(p.at);
      picture.append(svg("polyline", { points: points.map((q) => q.join(",")).join(" "), fill: "none",
        stroke: look ? look.colour : "#96a3b1", "stroke-width": "4", "stroke-linecap": "round" }));
      sites.push([s, points[Math.floor(points.length / 2)], true]);
    } else {
      const at = p.at(s.at);
      // Named in a title (a pointer's tooltip, a screen reader's name), so a number on the map has its marker.
      picture.append(svg("g", { class: "site" }, svg("title", {}, s.name),
        marker(look || { shape: "cross", colour: "#787878" }, markerSize, at)));
      sites.push([s, at, false]);
    }
  }
  const items = regions.map(([text, at]) => ({ text, at, px: REGION_PX, marker: false }));
  sites.sort((a, b) => a[2] - b[2] || (LABEL_ORDER[a[0].kind] ?? 4) - (LABEL_ORDER[b[0].kind] ?? 4));
  for (const [s, at, road] of sites) items.push({ text: s.name, at, px: SITE_PX, marker: !road });
  const markers = sites.filter(([, , road]) => !road).map(([, at]) => at);
  const { texts, unplaced } = placeLabels(items, markers, markerSize, W, p.height, u);
  for (const [x, y, text, px] of texts) picture.append(label(x, y, text, px * u, u));
  const legend = el("div", { class: "legend" }, [...holders].map((h) => el("span", { class: "seat" }, marker(looks[h]),
    `${looks[h].name} [${looks[h].code}]`)), el("span", { class: "muted", text: "dashed red: the front line" }));
  const key = unplaced.length ? el("ol", { class: "map-key small", "aria-label": "The numbers on the map" },
    unplaced.map(([name], k) => el("li", { value: k + 1, text: name }))) : null;
  return el("figure", {}, picture, el("figcaption", {}, legend, key));
}
