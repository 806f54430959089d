/* The console's live map layers, on top of the Leaflet map folium wrote.
 *
 * Python feeds this page in batches: one CM.apply({...}) per tick (runJavaScript), compact
 * arrays, never re-rendered HTML. Everything live (incidents, units, cameras, selection, nearby
 * teams, grid labels) is drawn by one canvas layer of our own, pinned over the map: 25,000 points
 * are projected and painted in a few milliseconds, grouped by colour into single paths.
 * Clicks and hovers are hit-tested here and go back to Python over QWebChannel.
 * No request leaves the machine: this file, Leaflet and the district come from local files.
 */
(function () {
  'use strict';

  var TAU = Math.PI * 2;
  var S = {
    map: null, bridge: null, canvas: null, ctx: null, tip: null, ratio: 1,
    inc: new Map(),    // id -> {id, lat, lon, mx, my, pri, sla, drill, t, grid, label, show}
    units: new Map(),  // id -> {id, lat, lon, mx, my, status, team, callsign}
    cams: new Map(),   // id -> {id, lat, lon, mx, my, name, status}
    sel: null, near: [],
    layers: {grids: true, bounds: true, incidents: true, units: true, cameras: true},
    fill: 'load', windowH: 0, now: Date.now() / 1000,
    clusterBelow: 16, theme: 'dark', labels: {}, colours: null,
    gridLayer: null, streetLayer: null, communityLayer: null, districtLayer: null,
    gridIndex: new Map(), gridCentres: [], streetCentres: [],
    drawn: [], frame: 0, pending: false, applied: 0, lastDrawMs: 0, edges: [], gcAt: 0, gcs: 0, gcMs: 0,
    cl: {dirty: true, levels: {}},  // clusters per zoom, rebuilt when the incidents or the filter change
  };
  // QtWebEngine 6.10+ builds V8 so that it never starts a collection on allocation (QTBUG-150562):
  // a busy page's garbage piled up at ~100 MB/h. The console starts the engine with --expose-gc,
  // and the page collects every half minute (a few ms on its heap of ~20 MB), off the batch path.
  var GC_EVERY_MS = 30000;
  var CLUSTER_PX = 60;   // within this many pixels of a hotspot's seed, an incident joins it
  var CLUSTER_MIN_Z = 8;

  var PALETTE = {
    dark: {
      bg: '#0b1118', district: '#121c27', districtLine: '#5d7088', street: '#7f95b3', community: '#3f5168',
      grid: '#2a394b', gridText: 'rgba(160,178,200,0.85)', streetText: 'rgba(190,205,225,0.55)',
      green: '#1fb58a', blue: '#3d8bfd', red: '#ff5a1f', none: '#9aa6b8', drill: '#c38cff',
      outline: '#0b1118', unitLine: '#ffffff', clusterFill: 'rgba(20,28,38,0.92)', clusterText: '#ffffff', heat: '#ff8c42', selected: '#ffffff', near: '#ffd166', text: '#e6e9ef', textHalo: 'rgba(11,17,24,0.85)',
      urgentBadge: '#ffffff', urgentText: '#0b1118',
      unit: {free: '#f0e442', en_route: '#e69f00', on_scene: '#cc79a7', busy: '#8f7ff0', off: '#6b7585'},
      cam: {online: '#7fd4ff', offline: '#6b7585', alarm: '#ff4d4f'},
    },
    light: {
      bg: '#e9eef4', district: '#f8fafc', districtLine: '#6b7a90', street: '#55657d', community: '#9aa8bb',
      grid: '#c5cfdb', gridText: 'rgba(60,72,90,0.85)', streetText: 'rgba(40,52,70,0.45)',
      green: '#007d5c', blue: '#1a5fd0', red: '#d24a00', none: '#6b7585', drill: '#8a3ffc',
      outline: '#ffffff', unitLine: '#111827', clusterFill: 'rgba(255,255,255,0.94)', clusterText: '#1b2330', heat: '#e8590c', selected: '#111827', near: '#b7791f', text: '#1b2330', textHalo: 'rgba(255,255,255,0.9)',
      urgentBadge: '#1b2330', urgentText: '#ffffff',
      unit: {free: '#b8a800', en_route: '#c77700', on_scene: '#b5487f', busy: '#6a5acd', off: '#8a94a6'},
      cam: {online: '#0077b6', offline: '#8a94a6', alarm: '#d4232a'},
    },
  };
  var SLA_KEY = {g: 'green', b: 'blue', r: 'red', '': 'none'};
  var SLA_RANK = {r: 3, b: 2, g: 1, '': 0};

  // --- projection: Web Mercator in [0,1] world units, computed once per point ------------------
  function merc(lat, lon) {
    var s = Math.sin(lat * Math.PI / 180);
    s = Math.max(-0.9999, Math.min(0.9999, s));
    return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
  }
  function unmerc(mx, my) {
    return [Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180 / Math.PI, mx * 360 - 180];
  }
  function view() {  // world units -> container pixels: px = mx * scale - ox
    var m = S.map, scale = 256 * Math.pow(2, m.getZoom());
    var o = m.getPixelOrigin(), p = m._getMapPanePos();  // Leaflet's own origin and pan offset
    return {scale: scale, ox: o.x - p.x, oy: o.y - p.y, w: S.canvas.width / S.ratio, h: S.canvas.height / S.ratio};
  }

  // --- the canvas over the map --------------------------------------------------------------
  function makeCanvas() {
    var c = document.createElement('canvas');
    c.className = 'cm-live';
    S.map.getContainer().appendChild(c);
    S.canvas = c;
    S.ctx = c.getContext('2d');
    S.tip = document.createElement('div');
    S.tip.className = 'cm-tip';
    S.map.getContainer().appendChild(S.tip);
    resize();
  }
  function resize() {
    var size = S.map.getSize();
    S.ratio = window.devicePixelRatio || 1;
    S.canvas.width = Math.round(size.x * S.ratio);
    S.canvas.height = Math.round(size.y * S.ratio);
    S.canvas.style.width = size.x + 'px';
    S.canvas.style.height = size.y + 'px';
  }
  function collect(force) {
    if (typeof window.gc !== 'function') return false;
    var t = performance.now();
    if (!force && t - S.gcAt < GC_EVERY_MS) return false;
    window.gc();
    S.gcAt = performance.now(); S.gcs++; S.gcMs = S.gcAt - t;
    return true;
  }
  function request() {
    if (S.pending) return;
    S.pending = true;
    window.requestAnimationFrame(function () { if (S.pending) draw(); });
  }

  function colourOf(sla) { return S.colours[SLA_KEY[sla] || 'none']; }
  function visibleInc(i) {
    return i.show && (!S.windowH || i.t >= S.now - S.windowH * 3600);
  }

  function shapePath(ctx, x, y, r, urgent) {
    if (urgent) {  // a triangle for urgent, larger: reads as "danger" across a room
      ctx.moveTo(x, y - r * 1.25);
      ctx.lineTo(x + r * 1.15, y + r * 0.8);
      ctx.lineTo(x - r * 1.15, y + r * 0.8);
      ctx.closePath();
    } else {
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, TAU);
    }
  }
  function text(ctx, s, x, y, font, colour, align) {
    ctx.font = font;
    ctx.textAlign = align || 'center';
    ctx.lineWidth = 3;
    ctx.strokeStyle = S.colours.textHalo;
    ctx.strokeText(s, x, y);
    ctx.fillStyle = colour;
    ctx.fillText(s, x, y);
  }

  // --- clusters that follow the data (issue 14): seeded at the densest places, level by level ---
  // Level z+1's clusters are grouped again at z (hierarchical, like supercluster): a hotspot is
  // one disc at every zoom, never split by a screen grid; discs that would still overlap merge.
  function discR(n) { return Math.min(28, 12 + Math.sqrt(n) * 1.8); }
  function gather(items, z) {
    var scale = 256 * Math.pow(2, z), rw = CLUSTER_PX / scale, grid = new Map(), out = [];
    function key(cx, cy) { return cx * 1000003 + cy; }
    for (var k = 0; k < items.length; k++) {
      var it = items[k], gk = key(Math.floor(it.mx / rw), Math.floor(it.my / rw));
      var cell = grid.get(gk);
      if (!cell) grid.set(gk, cell = []);
      cell.push(it);
      it.used = false;
    }
    // the biggest first: a hotspot seeds its own cluster before its edges can seed others
    var order = items.slice().sort(function (a, b) { return b.n - a.n || a.mx - b.mx || a.my - b.my; });
    for (var o = 0; o < order.length; o++) {
      var seed = order[o];
      if (seed.used) continue;
      var c = {n: 0, sx: 0, sy: 0, r: 0, b: 0, g: 0, urgent: 0, drill: 0, first: null,
               x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity};
      var cx = Math.floor(seed.mx / rw), cy = Math.floor(seed.my / rw);
      for (var dx = -1; dx <= 1; dx++) for (var dy = -1; dy <= 1; dy++) {
        var cellItems = grid.get(key(cx + dx, cy + dy));
        if (!cellItems) continue;
        for (var q = 0; q < cellItems.length; q++) {
          var it2 = cellItems[q];
          if (it2.used) continue;
          var ex = it2.mx - seed.mx, ey = it2.my - seed.my;
          if (ex * ex + ey * ey > rw * rw) continue;
          it2.used = true;
          it2.parent = c;
          absorb(c, it2);
        }
      }
      out.push(finish(c));
    }
    return mergeOverlaps(out, scale);
  }
  function absorb(c, it) {
    c.n += it.n; c.sx += it.mx * it.n; c.sy += it.my * it.n;
    c.r += it.r; c.b += it.b; c.g += it.g; c.urgent += it.urgent; c.drill += it.drill;
    c.x0 = Math.min(c.x0, it.x0); c.y0 = Math.min(c.y0, it.y0); c.x1 = Math.max(c.x1, it.x1); c.y1 = Math.max(c.y1, it.y1);
    c.first = c.first || it.first;
  }
  function finish(c) { c.mx = c.sx / c.n; c.my = c.sy / c.n; return c; }
  function mergeOverlaps(list, scale) {
    for (var pass = 0; pass < 3; pass++) {
      var merged = false, cellW = 2 * 28 / scale, grid = new Map();
      for (var k = 0; k < list.length; k++) {
        var gk = Math.floor(list[k].mx / cellW) * 1000003 + Math.floor(list[k].my / cellW);
        (grid.get(gk) || grid.set(gk, []).get(gk)).push(k);
      }
      var gone = new Uint8Array(list.length);
      for (var a = 0; a < list.length; a++) {
        if (gone[a]) continue;
        var A = list[a], cx = Math.floor(A.mx / cellW), cy = Math.floor(A.my / cellW);
        for (var dx = -1; dx <= 1; dx++) for (var dy = -1; dy <= 1; dy++) {
          var cell = grid.get((cx + dx) * 1000003 + cy + dy);
          if (!cell) continue;
          for (var q = 0; q < cell.length; q++) {
            var b = cell[q];
            if (b === a || gone[b]) continue;
            var B = list[b], ddx = (A.mx - B.mx) * scale, ddy = (A.my - B.my) * scale;
            var reach = (A.n > 1 ? discR(A.n) : 8) + (B.n > 1 ? discR(B.n) : 8);
            if (ddx * ddx + ddy * ddy >= reach * reach) continue;
            var sx = A.mx * A.n + B.mx * B.n, sy = A.my * A.n + B.my * B.n;  // weighted centre
            absorb(A, B); A.sx = sx; A.sy = sy; finish(A);
            B.mergedInto = A;
            gone[b] = 1; merged = true;
          }
        }
      }
      if (!merged) return list;
      list = list.filter(function (_c, i) { return !gone[i]; });
    }
    return list;
  }
  function pointOf(i) {
    return {n: 1, mx: i.mx, my: i.my, r: i.sla === 'r' ? 1 : 0, b: i.sla === 'b' ? 1 : 0,
            g: i.sla === 'g' ? 1 : 0, urgent: i.pri ? 1 : 0, drill: i.drill ? 1 : 0, first: i,
            x0: i.mx, y0: i.my, x1: i.mx, y1: i.my, parent: null};
  }
  function clusterLevels() {
    var cl = S.cl;
    if (!cl.dirty) return cl;
    var pts = [], byId = new Map();
    S.inc.forEach(function (i) {
      if (!visibleInc(i)) return;
      var p = pointOf(i);
      pts.push(p);
      byId.set(i.id, p);
    });
    cl.points = pts; cl.byId = byId; cl.levels = {}; cl.dirty = false; cl.builtNow = S.now;
    return cl;
  }
  // An incident whose colour, priority or drill flag changed but not its place or visibility:
  // its counts move along its chain of clusters, nothing is regrouped (a batch of 20 SLA
  // changes over 20,000 incidents costs microseconds, not a rebuild).
  function clusterRecount(i, before) {
    var cl = S.cl, p = !cl.dirty && cl.byId && cl.byId.get(i.id);
    if (!p) return;
    var now = pointOf(i), keys = ['r', 'b', 'g', 'urgent', 'drill'], d = {};
    for (var k = 0; k < keys.length; k++) d[keys[k]] = now[keys[k]] - before[keys[k]];
    for (var node = p; node; node = node.parent) {
      while (node.mergedInto) node = node.mergedInto;
      for (var j = 0; j < keys.length; j++) node[keys[j]] += d[keys[j]];
    }
  }
  function clustersAt(z) {  // built on demand, from the level above
    var cl = clusterLevels(), zi = Math.max(CLUSTER_MIN_Z, Math.min(S.clusterBelow - 1, Math.round(z)));
    if (cl.levels[zi]) return cl.levels[zi];
    var src = zi >= S.clusterBelow - 1 ? cl.points : clustersAt(zi + 1);
    return (cl.levels[zi] = gather(src, zi));
  }
  function worstKey(c) { return c.r ? 'r' : (c.b ? 'b' : (c.g ? 'g' : '')); }
  // placed labels: a label is drawn only where it overlaps none placed before it
  function placeLabel(placed, x, y, w, h) {
    for (var k = 0; k < placed.length; k++) {
      var p = placed[k];
      if (x < p[0] + p[2] && x + w > p[0] && y < p[1] + p[3] && y + h > p[1]) return false;
    }
    placed.push([x, y, w, h]);
    return true;
  }
  function labelAt(ctx, placed, s, x, y, font, colour, align) {
    ctx.font = font;
    var w = ctx.measureText(s).width + 6, h = parseInt(/(\d+)px/.exec(font)[1], 10) + 4;
    var left = align === 'left' ? x - 3 : x - w / 2;
    if (!placeLabel(placed, left, y - h / 2, w, h)) return false;
    text(ctx, s, x, y, font, colour, align);
    return true;
  }

  // a team off screen: an arrow on the edge, pointing at it, with its name and distance
  function edgeArrow(ctx, sx, sy, tx, ty, W, H, label, n) {
    var dx = tx - sx, dy = ty - sy, m = 26, k = Infinity;
    if (dx > 0) k = Math.min(k, (W - m - sx) / dx); else if (dx < 0) k = Math.min(k, (m - sx) / dx);
    if (dy > 0) k = Math.min(k, (H - m - sy) / dy); else if (dy < 0) k = Math.min(k, (m - sy) / dy);
    if (!isFinite(k) || k <= 0) return;
    var ex = sx + dx * k, ey = sy + dy * k, a = Math.atan2(dy, dx), C = S.colours;
    ctx.beginPath();
    ctx.moveTo(ex + 14 * Math.cos(a), ey + 14 * Math.sin(a));
    ctx.lineTo(ex + 10 * Math.cos(a + 2.5), ey + 10 * Math.sin(a + 2.5));
    ctx.lineTo(ex + 10 * Math.cos(a - 2.5), ey + 10 * Math.sin(a - 2.5));
    ctx.closePath();
    ctx.fillStyle = C.near; ctx.fill(); ctx.lineWidth = 1.5; ctx.strokeStyle = C.outline; ctx.stroke();
    var right = ex > W / 2;
    var stack = S.edges.filter(function (e) { return Math.abs(e[0] - ex) < 160 && Math.abs(e[1] - ey) < 40; }).length;
    text(ctx, label, ex + (right ? -18 : 18), ey + (ey < H / 2 ? 16 + 18 * stack : -16 - 18 * stack),
         '700 15px "Noto Sans CJK SC", sans-serif', C.near, right ? 'right' : 'left');
    S.edges.push([ex, ey, label]);
  }

  function draw() {
    var t0 = performance.now();
    S.edges = [];
    S.pending = false;
    if (!S.map) return;
    var ctx = S.ctx, v = view(), C = S.colours, z = S.map.getZoom();
    var W = v.w, H = v.h, pad = 30;
    ctx.setTransform(S.ratio, 0, 0, S.ratio, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.textBaseline = 'middle';
    var drawn = [];  // hit-test list: [x, y, r, kind, id]
    var placed = [];  // label boxes, most important first: the selection, then incidents, then streets
    var sel0 = S.sel && S.inc.get(S.sel);
    if (sel0) placeLabel(placed, sel0.mx * v.scale - v.ox - 70, sel0.my * v.scale - v.oy - 44, 140, 24);

    // labels of the base: street names when zoomed out, grid codes when zoomed in
    if (S.layers.bounds && z >= 11 && z < 15) {  // a name that would overlap another is left out
      var fs = z >= 14 ? 17 : (z >= 12 ? 14 : 13);
      for (var k = 0; k < S.streetCentres.length; k++) {
        var sc = S.streetCentres[k], sx = sc.mx * v.scale - v.ox, sy = sc.my * v.scale - v.oy;
        if (sx > -200 && sx < W + 200 && sy > -50 && sy < H + 50)  // hidden where it would overlap
          labelAt(ctx, placed, sc.name, sx, sy, '600 ' + fs + 'px "Noto Sans CJK SC", sans-serif', C.streetText);
      }
    }
    if (S.layers.grids && z >= 15) {
      var gfs = z >= 17 ? 14 : 12;
      for (var g = 0; g < S.gridCentres.length; g++) {
        var gc = S.gridCentres[g], gx = gc.mx * v.scale - v.ox, gy = gc.my * v.scale - v.oy;
        if (gx > -100 && gx < W + 100 && gy > -30 && gy < H + 30) {
          text(ctx, gc.short, gx, gy - (z >= 17 ? 9 : 0), '600 ' + gfs + 'px "Noto Sans CJK SC", sans-serif', C.gridText);
          if (z >= 17) text(ctx, gc.name, gx, gy + 9, gfs + 'px "Noto Sans CJK SC", sans-serif', C.gridText);
        }
      }
    }

    // cameras: a small camera glyph
    if (S.layers.cameras) {
      var cs = z >= 15 ? 6 : 4;
      var byStatus = {};
      S.cams.forEach(function (c) {
        var x = c.mx * v.scale - v.ox, y = c.my * v.scale - v.oy;
        if (x < -pad || y < -pad || x > W + pad || y > H + pad) return;
        (byStatus[c.status] = byStatus[c.status] || []).push(x, y);
        drawn.push([x, y, cs + 3, 'camera', c.id]);
      });
      Object.keys(byStatus).forEach(function (st) {  // a camera glyph: a hollow body and its lens
        var pts = byStatus[st], i;
        ctx.beginPath();
        for (i = 0; i < pts.length; i += 2) ctx.rect(pts[i] - cs, pts[i + 1] - cs * 0.7, cs * 2, cs * 1.4);
        ctx.lineWidth = 3.2; ctx.strokeStyle = C.outline; ctx.stroke();
        ctx.lineWidth = 1.8; ctx.strokeStyle = C.cam[st] || C.cam.online; ctx.stroke();
        ctx.beginPath();
        for (i = 0; i < pts.length; i += 2) { ctx.moveTo(pts[i] + cs * 0.45, pts[i + 1]); ctx.arc(pts[i], pts[i + 1], cs * 0.45, 0, TAU); }
        ctx.fillStyle = C.cam[st] || C.cam.online; ctx.fill();
      });
    }

    // incidents: clusters that follow the data when zoomed out (clustersAt), else one shape each
    var shown = 0;
    if (S.layers.incidents) {
      var r = z >= 16 ? 8 : (z >= 14 ? 6.5 : 5.5);
      var cluster = z < S.clusterBelow, singles = [];
      var discs = [], rings = {r: [], b: [], g: [], '': []}, dashed = [], drillSegs = [], badges = [];
      if (!cluster) {
        S.inc.forEach(function (i) {
          if (!visibleInc(i)) return;
          var x = i.mx * v.scale - v.ox, y = i.my * v.scale - v.oy;
          if (x < -pad || y < -pad || x > W + pad || y > H + pad) return;
          shown++;
          singles.push([x, y, i]);
        });
      } else {
        var level = clustersAt(z);
        for (var ci = 0; ci < level.length; ci++) {
          var c = level[ci], x = c.mx * v.scale - v.ox, y = c.my * v.scale - v.oy;
          if (x < -pad - 30 || y < -pad - 30 || x > W + pad + 30 || y > H + pad + 30) continue;
          shown += c.n;
          if (c.n === 1) { singles.push([c.first.mx * v.scale - v.ox, c.first.my * v.scale - v.oy, c.first]); continue; }
          var cr = discR(c.n);
          discs.push([x, y, cr, c.n]);
          // the ring: the worst colour inside, read at a glance from across the room
          rings[worstKey(c)].push([x, y, cr - 2.5, 0, TAU]);
          if (c.drill === c.n) dashed.push([x, y, cr + 3]);  // all of it an exercise
          else if (c.drill) drillSegs.push([x, y, cr + 3, -Math.PI / 2, -Math.PI / 2 + TAU * c.drill / c.n]);
          if (c.urgent) badges.push([x + cr * 0.85, y - cr * 0.85, c.urgent]);
          drawn.push([x, y, cr, 'cluster', c]);
        }
      }
      if (discs.length) {
        ctx.beginPath();
        for (var di = 0; di < discs.length; di++) {
          ctx.moveTo(discs[di][0] + discs[di][2], discs[di][1]);
          ctx.arc(discs[di][0], discs[di][1], discs[di][2], 0, TAU);
        }
        ctx.fillStyle = C.clusterFill;
        ctx.fill();
        ctx.lineWidth = 6;
        Object.keys(rings).forEach(function (k) {
          var segs = rings[k];
          if (!segs.length) return;
          ctx.beginPath();
          for (var si = 0; si < segs.length; si++) {
            var sg = segs[si];
            ctx.moveTo(sg[0] + sg[2] * Math.cos(sg[3]), sg[1] + sg[2] * Math.sin(sg[3]));
            ctx.arc(sg[0], sg[1], sg[2], sg[3], sg[4]);
          }
          ctx.strokeStyle = colourOf(k);
          ctx.stroke();
        });
        if (dashed.length) {
          ctx.beginPath();
          for (var dq = 0; dq < dashed.length; dq++) {
            ctx.moveTo(dashed[dq][0] + dashed[dq][2], dashed[dq][1]);
            ctx.arc(dashed[dq][0], dashed[dq][1], dashed[dq][2], 0, TAU);
          }
          ctx.setLineDash([5, 3]); ctx.lineWidth = 2; ctx.strokeStyle = C.drill; ctx.stroke(); ctx.setLineDash([]);
        }
        if (drillSegs.length) {  // part drill: its share as a violet arc, not the drill ring
          ctx.beginPath();
          for (var dsi = 0; dsi < drillSegs.length; dsi++) {
            var ds = drillSegs[dsi];
            ctx.moveTo(ds[0] + ds[2] * Math.cos(ds[3]), ds[1] + ds[2] * Math.sin(ds[3]));
            ctx.arc(ds[0], ds[1], ds[2], ds[3], ds[4]);
          }
          ctx.lineWidth = 3; ctx.strokeStyle = C.drill; ctx.stroke();
        }
        if (badges.length) {  // a triangle with how many urgent ones are inside: a number says more than a mark
          ctx.beginPath();
          for (var bi = 0; bi < badges.length; bi++) shapePath(ctx, badges[bi][0], badges[bi][1], 9, true);
          ctx.fillStyle = C.urgentBadge; ctx.fill(); ctx.lineWidth = 1.5; ctx.strokeStyle = C.outline; ctx.stroke();
          ctx.fillStyle = C.urgentText; ctx.font = '700 11px sans-serif'; ctx.textAlign = 'center';
          for (var bt = 0; bt < badges.length; bt++) ctx.fillText(String(badges[bt][2]), badges[bt][0], badges[bt][1] + 2);
        }
        ctx.textAlign = 'center';
        ctx.fillStyle = C.clusterText;  // on the disc: no halo needed
        ctx.font = '700 14px sans-serif';
        for (var ti = 0; ti < discs.length; ti++) ctx.fillText(String(discs[ti][3]), discs[ti][0], discs[ti][1] + 0.5);
      }
      // singles, grouped by colour and shape: one path per group
      var groups = {};
      for (var s = 0; s < singles.length; s++) {
        var it = singles[s][2], gk = (it.sla || '-') + (it.pri ? 'u' : 'n');
        (groups[gk] = groups[gk] || []).push(singles[s]);
        drawn.push([singles[s][0], singles[s][1], r + 4, 'incident', it.id]);
      }
      Object.keys(groups).forEach(function (gk) {
        var list = groups[gk], urgent = gk.charAt(gk.length - 1) === 'u';
        ctx.beginPath();
        for (var q = 0; q < list.length; q++) shapePath(ctx, list[q][0], list[q][1], urgent ? r * 1.2 : r, urgent);
        ctx.fillStyle = colourOf(list[0][2].sla);
        ctx.fill();
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = C.outline;
        ctx.stroke();
      });
      // drills: a dashed violet ring and "演" so nobody mistakes an exercise for the real thing
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = C.drill;
      ctx.beginPath();
      var drills = [];
      for (var d = 0; d < singles.length; d++) {
        if (!singles[d][2].drill) continue;
        ctx.moveTo(singles[d][0] + r + 5, singles[d][1]);
        ctx.arc(singles[d][0], singles[d][1], r + 5, 0, TAU);
        drills.push(singles[d]);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      if (z >= 14) for (var dd = 0; dd < drills.length; dd++)
        text(ctx, S.labels.drill || 'DRILL', drills[dd][0] + r + 8, drills[dd][1] - r - 4,
             '700 12px "Noto Sans CJK SC", sans-serif', C.drill, 'left');
      if (z >= 16) for (var l = 0; l < singles.length; l++)  // short: serial and category; none on top of another
        labelAt(ctx, placed, singles[l][2].label, singles[l][0] + r + 6, singles[l][1] + 1,
                '600 13px "Noto Sans CJK SC", sans-serif', C.text, 'left');
    }

    // field units: status-coloured dots, callsigns when zoomed in
    if (S.layers.units) {
      var ur = z >= 15 ? 5.5 : (z >= 13 ? 4 : 3);
      var ugroups = {}, ulabels = [];
      S.units.forEach(function (u) {
        var x = u.mx * v.scale - v.ox, y = u.my * v.scale - v.oy;
        if (x < -pad || y < -pad || x > W + pad || y > H + pad) return;
        (ugroups[u.status] = ugroups[u.status] || []).push(x, y);
        drawn.push([x, y, ur + 3, 'unit', u.id]);
        if (z >= 15) ulabels.push([x, y, u.callsign || u.team]);
      });
      // Each unit a square with a light outline: two axis-aligned fillRects, the cheapest thing a
      // canvas draws and rasterises. Measured with 5,000 units in software rendering: stroked
      // diamond paths ~100 ms a frame, sprites ~50, rotated rects cheap to draw but ~70 ms to
      // rasterise, these squares a few. Circles and triangles are incidents', the camera a glyph.
      var a = ur + 1.6, b = ur;
      Object.keys(ugroups).forEach(function (st) {
        var pts = ugroups[st], i;
        ctx.fillStyle = C.unitLine;
        for (i = 0; i < pts.length; i += 2) ctx.fillRect(pts[i] - a, pts[i + 1] - a, 2 * a, 2 * a);
        ctx.fillStyle = C.unit[st] || C.unit.off;
        for (i = 0; i < pts.length; i += 2) ctx.fillRect(pts[i] - b, pts[i + 1] - b, 2 * b, 2 * b);
      });
      if (ulabels.length < 400) for (var ul = 0; ul < ulabels.length; ul++)
        text(ctx, ulabels[ul][2], ulabels[ul][0], ulabels[ul][1] - ur - 8, '600 12px sans-serif', C.text);
    }

    // selection and "teams near here" on top of everything
    var sel = S.sel && S.inc.get(S.sel);
    if (sel) {
      var sx0 = sel.mx * v.scale - v.ox, sy0 = sel.my * v.scale - v.oy;
      for (var n = 0; n < S.near.length; n++) {
        var nb = S.near[n], nx = nb.mx * v.scale - v.ox, ny = nb.my * v.scale - v.oy;
        if (nx < 30 || ny < 30 || nx > W - 30 || ny > H - 30) { edgeArrow(ctx, sx0, sy0, nx, ny, W, H, (n + 1) + '. ' + nb.label, n); continue; }
        ctx.beginPath();
        ctx.setLineDash([8, 5]);
        ctx.moveTo(sx0, sy0);
        ctx.lineTo(nx, ny);
        ctx.lineWidth = n === 0 ? 3 : 2;
        ctx.strokeStyle = C.near;
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.arc(nx, ny, 11, 0, TAU);
        ctx.lineWidth = 3;
        ctx.stroke();
        text(ctx, (n + 1) + '. ' + nb.label, nx + 15, ny, '700 15px "Noto Sans CJK SC", sans-serif', C.near, 'left');
      }
      ctx.beginPath();
      ctx.arc(sx0, sy0, 17, 0, TAU);
      ctx.lineWidth = 4;
      ctx.strokeStyle = C.selected;
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(sx0, sy0, 23, 0, TAU);
      ctx.lineWidth = 2;
      ctx.strokeStyle = C.red;
      ctx.stroke();
      text(ctx, sel.label, sx0, sy0 - 32, '700 16px "Noto Sans CJK SC", sans-serif', C.selected);
    }

    S.drawn = drawn;
    S.placed = placed;
    S.shown = shown;
    S.frame++;
    S.lastDrawMs = performance.now() - t0;
  }

  // --- the base: district, streets, communities, grids (from resources/district.geojson) ------
  function base(geo) {
    var C = S.colours, renderer = L.canvas({padding: 0.3});
    function level(name) { return geo.features.filter(function (f) { return f.properties.level === name; }); }
    // over tiles the district is only outlined; on the vector base it is the land
    S.districtLayer = L.geoJSON(level('district'), {renderer: renderer, interactive: false,
      style: {color: C.districtLine, weight: 3, fillColor: C.district, fillOpacity: S.tiles ? 0 : 1}}).addTo(S.map);
    S.gridLayer = L.geoJSON(level('grid'), {renderer: renderer, interactive: false,
      style: {color: C.grid, weight: 1, fillOpacity: 0}}).addTo(S.map);
    S.communityLayer = L.geoJSON(level('community'), {renderer: renderer, interactive: false,
      style: {color: C.community, weight: 1.6, fill: false}}).addTo(S.map);
    S.streetLayer = L.geoJSON(level('street'), {renderer: renderer, interactive: false,
      style: {color: C.street, weight: 2.6, fill: false}}).addTo(S.map);
    // a label where the file says (district new writes a point inside each area: a street of two
    // polygons or one round a hole has its box's centre outside it), else the box's centre
    function labelAt(l, p) { return p.label ? L.latLng(p.label[1], p.label[0]) : l.getBounds().getCenter(); }
    S.gridLayer.eachLayer(function (l) {
      var p = l.feature.properties, c = labelAt(l, p), m = merc(c.lat, c.lng);
      S.gridIndex.set(p.code, l);
      S.gridCentres.push({mx: m[0], my: m[1], short: p.code.slice(9, 12) + '-' + p.code.slice(12),
                          name: S.lang === 'en' ? p.name_en : p.name_zh});
    });
    S.streetLayer.eachLayer(function (l) {
      var p = l.feature.properties, c = labelAt(l, p), m = merc(c.lat, c.lng);
      S.streetCentres.push({mx: m[0], my: m[1], name: S.lang === 'en' ? p.name_en : p.name_zh});
    });
    S.bounds = S.districtLayer.getBounds();
  }

  // grid fill: open-incident load, or the worst SLA colour among its incidents
  var fillTimer = null;
  function refillSoon() { if (!fillTimer) fillTimer = setTimeout(refill, 250); }
  function refill() {
    fillTimer = null;
    if (!S.gridLayer) return;
    var count = new Map(), worst = new Map();
    if (S.fill !== 'none') S.inc.forEach(function (i) {
      if (!visibleInc(i) || !i.grid) return;
      count.set(i.grid, (count.get(i.grid) || 0) + 1);
      if (SLA_RANK[i.sla] > SLA_RANK[worst.get(i.grid) || '']) worst.set(i.grid, i.sla);
    });
    var C = S.colours, max = 1;
    count.forEach(function (n) { if (n > max) max = n; });
    S.gridIndex.forEach(function (layer, code) {
      var n = count.get(code) || 0, style;
      // legible at 4 m: from a clear tint for one case to a strong fill for the busiest grid
      if (S.fill === 'load' && n) style = {fillColor: C.heat, fillOpacity: 0.16 + 0.46 * Math.sqrt(n / max)};
      else if (S.fill === 'sla' && n) style = {fillColor: colourOf(worst.get(code) || ''), fillOpacity: 0.42};
      else style = {fillOpacity: 0};
      layer.setStyle(style);
    });
  }

  function showLayers() {
    var m = S.map;
    [[S.gridLayer, S.layers.grids], [S.communityLayer, S.layers.bounds], [S.streetLayer, S.layers.bounds]]
      .forEach(function (pair) {
        if (!pair[0]) return;
        if (pair[1] && !m.hasLayer(pair[0])) m.addLayer(pair[0]);
        if (!pair[1] && m.hasLayer(pair[0])) m.removeLayer(pair[0]);
      });
  }

  // --- legend (bottom left): what the colours and shapes mean, in the console's language ---------
  function fitLegend(d) {  // at most a sixth of the map's height: as many columns as that takes
    var h = S.map.getSize().y, rows = d.querySelector('.cm-legend-rows');
    if (!rows) return;
    var n = rows.children.length, rowH = (rows.children[0] && rows.children[0].offsetHeight) || 20;
    var fit = Math.max(1, Math.floor((h / 6 - 30) / rowH));
    rows.style.gridTemplateRows = 'repeat(' + Math.min(n, fit) + ', auto)';
  }
  function legend() {
    var L_ = S.labels.legend, C = S.colours;
    if (!L_) return;
    if (S.legend) S.legend.remove();
    var ctl = L.control({position: 'bottomleft'});
    ctl.onAdd = function () {
      var d = L.DomUtil.create('div', 'cm-legend');
      function dot(colour) { return '<svg width="14" height="14"><circle cx="7" cy="7" r="6" fill="' + colour + '"/></svg>'; }
      function tri(colour) { return '<svg width="14" height="14"><path d="M7 1 L13 12 L1 12 Z" fill="' + colour + '"/></svg>'; }
      function dia(colour) { return '<svg width="14" height="14"><rect x="2" y="2" width="10" height="10" fill="' + colour + '" stroke="' + C.unitLine + '" stroke-width="1.6"/></svg>'; }
      var rows = [
        [dot(C.green), L_.green], [dot(C.blue), L_.blue], [dot(C.red), L_.red], [dot(C.none), L_.none],
        [tri(C.none), L_.urgent],
        ['<svg width="14" height="14"><circle cx="7" cy="7" r="5.5" fill="none" stroke="' + C.drill + '" stroke-width="2" stroke-dasharray="3 2"/></svg>', L_.drill],
      ];
      ['free', 'en_route', 'on_scene', 'busy', 'off'].forEach(function (k) { rows.push([dia(C.unit[k]), (S.labels.status || {})[k] || k]); });
      rows.push(['<svg width="14" height="14"><rect x="1.5" y="3.5" width="11" height="7" fill="none" stroke="' + C.cam.online + '" stroke-width="1.8"/><circle cx="7" cy="7" r="2" fill="' + C.cam.online + '"/></svg>', L_.camera]);
      d.innerHTML = '<div class="cm-legend-title">' + esc(L_.title) + ' ▾</div><div class="cm-legend-rows">' +
        rows.map(function (r) {
          return '<div class="cm-legend-row">' + r[0] + '<span>' + esc(r[1]) + '</span></div>';
        }).join('') + '</div>';
      if (S.legendCollapsed) d.classList.add('collapsed');
      // a click on the title folds it away (and back); the choice outlives a theme change
      d.firstChild.addEventListener('click', function () {
        S.legendCollapsed = !S.legendCollapsed;
        d.classList.toggle('collapsed', S.legendCollapsed);
      });
      fitLegend(d);
      L.DomEvent.disableClickPropagation(d);
      return d;
    };
    ctl.addTo(S.map);
    S.legend = ctl;
    fitLegend(ctl.getContainer());  // measured once in the page
  }

  // --- hit testing: clicks and hovers ----------------------------------------------------------
  function hit(pt) {
    var best = null, bestD = Infinity;
    for (var k = S.drawn.length - 1; k >= 0; k--) {  // last drawn is on top
      var d = S.drawn[k], dx = d[0] - pt.x, dy = d[1] - pt.y, dist = Math.sqrt(dx * dx + dy * dy);
      if (dist <= d[2] && dist < bestD - 0.5) { best = d; bestD = dist; }
    }
    return best;
  }
  function onClick(e) {
    var h = hit(e.containerPoint);
    if (!h) {  // on no marker: a place (the call-taking form takes it)
      if (S.bridge && S.bridge.mapClicked) S.bridge.mapClicked(e.latlng.lat, e.latlng.lng);
      return;
    }
    if (h[3] === 'cluster') {  // zoom to what the disc holds
      var c = h[4], sw = unmerc(c.x0, c.y1), ne = unmerc(c.x1, c.y0);
      var b = L.latLngBounds([sw, ne]);
      if (b.isValid()) S.map.flyToBounds(b.pad(0.4), {maxZoom: S.clusterBelow + 1, duration: 0.6});
      return;
    }
    if (S.bridge) {
      if (h[3] === 'incident') S.bridge.incidentClicked(h[4]);
      else if (h[3] === 'unit') S.bridge.unitClicked(h[4]);
      else if (h[3] === 'camera') S.bridge.cameraClicked(h[4]);
    }
  }
  function onMove(e) {
    var h = hit(e.containerPoint), tip = S.tip, L_ = S.labels;
    S.map.getContainer().style.cursor = h ? 'pointer' : '';
    if (!h) { tip.style.display = 'none'; return; }
    var html;
    if (h[3] === 'incident') {
      var i = S.inc.get(h[4]);
      html = '<b>' + esc(i.id) + '</b> ' + esc(i.label) + (i.drill ? ' <i>' + esc(L_.drill || '') + '</i>' : '');
    } else if (h[3] === 'unit') {
      var u = S.units.get(h[4]);
      html = '<b>' + esc(u.callsign || u.id) + '</b> ' + esc(u.team) + ' · ' + esc((L_.status || {})[u.status] || u.status);
    } else if (h[3] === 'camera') {
      var c = S.cams.get(h[4]);
      html = '<b>' + esc(c.name) + '</b> ' + esc(L_.camera || '');
    } else {
      html = esc((L_.cluster || '{n}').replace('{n}', h[4].n));
    }
    tip.innerHTML = html;
    tip.style.display = 'block';
    tip.style.left = (e.containerPoint.x + 14) + 'px';
    tip.style.top = (e.containerPoint.y + 10) + 'px';
  }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
    });
  }

  // --- records from Python (compact arrays) ----------------------------------------------------
  function putInc(a) {  // [id, lat, lon, urgent, sla, drill, t, grid, label, show]
    var old = S.inc.get(a[0]);
    if (old && old.lat === a[1] && old.lon === a[2] && old.show === a[9] && old.t === a[6]) {
      // the same place and visibility: changed in place, its clusters recounted, not rebuilt
      var before = pointOf(old);
      old.pri = a[3]; old.sla = a[4]; old.drill = a[5]; old.grid = a[7]; old.label = a[8];
      clusterRecount(old, before);
      return;
    }
    var m = merc(a[1], a[2]);
    S.inc.set(a[0], {id: a[0], lat: a[1], lon: a[2], mx: m[0], my: m[1], pri: a[3], sla: a[4], drill: a[5],
                     t: a[6], grid: a[7], label: a[8], show: a[9]});
    S.cl.dirty = true;
  }
  function putUnit(a) {  // [id, lat, lon, status, team, callsign]
    var m = merc(a[1], a[2]), u = S.units.get(a[0]);
    if (u) { u.lat = a[1]; u.lon = a[2]; u.mx = m[0]; u.my = m[1]; u.status = a[3]; return; }
    S.units.set(a[0], {id: a[0], lat: a[1], lon: a[2], mx: m[0], my: m[1], status: a[3], team: a[4], callsign: a[5]});
  }
  function putCam(a) {  // [id, lat, lon, name, status]
    var m = merc(a[1], a[2]);
    S.cams.set(a[0], {id: a[0], lat: a[1], lon: a[2], mx: m[0], my: m[1], name: a[3], status: a[4]});
  }

  var CM = {
    attach: function (map) {
      S.map = map;
      S.colours = PALETTE.dark;
      makeCanvas();
      L.control.scale({imperial: false}).addTo(map);
      map.on('move zoom viewreset', request);
      map.on('resize', function () {
        if (S.legend) fitLegend(S.legend.getContainer());
        resize();
        // Until the operator moves the map by hand, keep showing what was asked for (the whole
        // district, or the incident flown to) when the panel changes size: docks settle after load.
        if (!S.userMoved) {
          if (S.target && S.target.fit) map.fitBounds(S.target.fit, {animate: false});  // fitPoints' view
          else if (S.target) map.setView([S.target[0], S.target[1]], S.target[2], {animate: false});
          else if (S.bounds) map.fitBounds(S.bounds, {animate: false});
        }
        draw();
      });
      var byHand = function () { S.userMoved = true; };
      map.getContainer().addEventListener('mousedown', byHand);
      map.getContainer().addEventListener('wheel', byHand, {passive: true});
      map.getContainer().addEventListener('keydown', byHand);
      map.on('click', onClick);
      map.on('mousemove', onMove);
      map.on('mouseout', function () { S.tip.style.display = 'none'; });
      window.setInterval(collect, GC_EVERY_MS);
      if (window.qt && window.QWebChannel) {
        new QWebChannel(qt.webChannelTransport, function (ch) {
          S.bridge = ch.objects.bridge;
          // batches arrive as text over the channel: a script source per batch would be kept
          // by the renderer for good
          S.bridge.batch.connect(function (text) { S.bridge.applied(CM.apply(JSON.parse(text))); });
          S.bridge.pageReady();
        });
      }
    },
    // once, after load: district geometry, language, translated labels, theme
    init: function (o) {
      S.lang = o.lang;
      S.tiles = !!o.tiles;
      S.labels = o.labels || {};
      CM.theme(o.theme || 'dark');
      base(o.geo);
      legend();
      if (o.fit !== false) S.map.fitBounds(S.bounds, {animate: false});
      S.map.setMaxBounds(S.bounds.pad(1.5));
      draw();
      return S.inc.size;
    },
    theme: function (name) {
      S.theme = PALETTE[name] ? name : 'dark';
      S.colours = PALETTE[S.theme];
      document.documentElement.setAttribute('data-theme', S.theme);
      var C = S.colours;
      if (S.districtLayer) {
        S.districtLayer.setStyle({color: C.districtLine, fillColor: C.district});
        S.gridLayer.setStyle({color: C.grid});
        S.communityLayer.setStyle({color: C.community});
        S.streetLayer.setStyle({color: C.street});
        refill();
        legend();
      }
      request();
    },
    // one batch: {inc: [...], incDel: [ids], incReset: bool, units: [...], unitReset, cams: [...],
    //             sel: id|null, near: [[lat, lon, label]], now: epoch s, batch: n}
    apply: function (b) {
      var changedInc = false;
      if (b.incReset) { S.inc.clear(); changedInc = true; S.cl.dirty = true; }
      if (b.inc) { for (var i = 0; i < b.inc.length; i++) putInc(b.inc[i]); changedInc = changedInc || b.inc.length > 0; }
      if (b.incDel) {
        for (var j = 0; j < b.incDel.length; j++) if (S.inc.delete(b.incDel[j])) S.cl.dirty = true;
        changedInc = changedInc || b.incDel.length > 0;
      }
      if (b.unitReset) S.units.clear();
      if (b.units) for (var k = 0; k < b.units.length; k++) putUnit(b.units[k]);
      if (b.cams) for (var c = 0; c < b.cams.length; c++) putCam(b.cams[c]);
      if (b.now) {  // the time window slides: regroup every 30 s, not every batch
        if (S.windowH && b.now - (S.cl.builtNow || 0) >= 30) S.cl.dirty = true;
        S.now = b.now;
      }
      if (b.sel !== undefined) S.sel = b.sel;
      if (b.near) S.near = b.near.map(function (n) { var m = merc(n[0], n[1]); return {mx: m[0], my: m[1], label: n[2]}; });
      if (changedInc) refillSoon();
      draw();  // applied and painted before the call returns: the caller's callback is the "visible" time
      S.applied = b.batch || S.applied + 1;
      return JSON.stringify([S.applied, S.inc.size, S.units.size, S.lastDrawMs]);  // PySide takes strings, not arrays
    },
    layers: function (o) {
      for (var k in o) S.layers[k] = !!o[k];
      showLayers();
      refill();
      draw();
    },
    gridFill: function (mode) { S.fill = mode; refill(); },
    timeWindow: function (hours, now) {
      if (S.windowH || hours) S.cl.dirty = true;  // who is inside the window changed
      S.windowH = hours; if (now) S.now = now; refill(); draw();
    },
    flyTo: function (lat, lon, zoom, animate) {
      var z = zoom || Math.max(S.map.getZoom(), 16);
      S.target = [lat, lon, z];
      S.userMoved = false;
      if (animate === false) S.map.setView([lat, lon], z, {animate: false});
      else S.map.flyTo([lat, lon], z, {duration: 0.8});
    },
    // the place of the call being taken: one pin, or none
    pin: function (lat, lon) {
      if (S.pin) { S.map.removeLayer(S.pin); S.pin = null; }
      if (lat === null || lat === undefined) return;
      S.pin = L.circleMarker([lat, lon], {radius: 11, color: '#ffffff', weight: 3, fillColor: '#ff3d00',
                                          fillOpacity: 0.95, interactive: false}).addTo(S.map);
    },
    pinAt: function () { return S.pin ? [S.pin.getLatLng().lat, S.pin.getLatLng().lng] : null; },
    // every point in view, at least minSpanM metres across the shorter side (the wall's switch:
    // the incident, its nearest free teams and cameras, never a single grid cell on a 4K wall)
    fitPoints: function (pts, minSpanM, animate) {
      if (!pts || !pts.length) return;
      var b = L.latLngBounds(pts.map(function (p) { return [p[0], p[1]]; }));
      var c = b.getCenter(), half = (minSpanM || 600) / 2;
      var dLat = half / 111320, dLon = half / (111320 * Math.cos(c.lat * Math.PI / 180));
      b.extend([c.lat - dLat, c.lng - dLon]); b.extend([c.lat + dLat, c.lng + dLon]);
      S.target = {fit: b.pad(0.15)}; S.userMoved = false;  // kept through a resize (the wall's banner)
      if (animate === false) S.map.fitBounds(b.pad(0.15), {animate: false});
      else S.map.flyToBounds(b.pad(0.15), {duration: 0.8});
    },
    // metres across the map's shorter side now (tests of the wall's switch)
    spanM: function () {
      var b = S.map.getBounds(), sz = S.map.getSize();
      var w = S.map.distance(b.getSouthWest(), b.getSouthEast()), h = S.map.distance(b.getSouthWest(), b.getNorthWest());
      return sz.x < sz.y ? w : h;
    },
    fit: function () { S.target = null; S.userMoved = false; S.map.fitBounds(S.bounds, {animate: false}); },
    // for tests and the bench: what the page holds and shows
    state: function () {
      var c = S.map.getCenter();
      return {inc: S.inc.size, units: S.units.size, cams: S.cams.size, shown: S.shown, frame: S.frame,
              zoom: S.map.getZoom(), lat: c.lat, lon: c.lng, sel: S.sel, near: S.near.length,
              applied: S.applied, drawMs: S.lastDrawMs, target: S.target || null, layers: S.layers, fill: S.fill, windowH: S.windowH,
              gc: typeof window.gc === 'function', gcs: S.gcs, gcMs: S.gcMs};
    },
    // for tests: the discs drawn now ([x, y, n, worst, urgent, drill]), the edge arrows, the labels
    clusters: function () {
      return S.drawn.filter(function (d) { return d[3] === 'cluster'; }).map(function (d) {
        var c = d[4]; return [Math.round(d[0]), Math.round(d[1]), c.n, worstKey(c), c.urgent, c.drill];
      });
    },
    edges: function () { return S.edges; },
    // for tests: collect now (false when the engine was started without --expose-gc)
    collect: function () { return collect(true); },
    placed: function () { return S.placed || []; },
    legendBox: function () {
      var d = S.legend && S.legend.getContainer();
      return d ? {h: d.offsetHeight, mapH: S.map.getSize().y, collapsed: d.classList.contains('collapsed')} : null;
    },
    incident: function (id) { var i = S.inc.get(id); return i ? {lat: i.lat, lon: i.lon, sla: i.sla, show: i.show} : null; },
    unit: function (id) { var u = S.units.get(id); return u ? {lat: u.lat, lon: u.lon, status: u.status} : null; },
    // where an incident is drawn on screen (container pixels), or null when off screen/hidden
    screenOf: function (kind, id) {
      for (var k = 0; k < S.drawn.length; k++) if (S.drawn[k][3] === kind && S.drawn[k][4] === id)
        return [S.drawn[k][0], S.drawn[k][1]];
      return null;
    },
    // for tests: the container pixel where a place is drawn
    pixelOf: function (lat, lon) { var p = S.map.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; },
    gridStyle: function (code) { var l = S.gridIndex.get(code); return l ? {fillOpacity: l.options.fillOpacity, fillColor: l.options.fillColor} : null; },
  };
  window.CM = CM;
})();
