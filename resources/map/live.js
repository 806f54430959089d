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
    drawn: [], frame: 0, pending: false, applied: 0, lastDrawMs: 0,
  };

  var PALETTE = {
    dark: {
      bg: '#0b1118', district: '#121c27', districtLine: '#5d7088', street: '#7f95b3', community: '#3f5168',
      grid: '#2a394b', gridText: 'rgba(160,178,200,0.85)', streetText: 'rgba(190,205,225,0.55)',
      green: '#2fbf71', blue: '#3d8bfd', red: '#ff4d4f', none: '#9aa6b8', drill: '#c38cff',
      outline: '#0b1118', unitLine: '#ffffff', clusterFill: 'rgba(20,28,38,0.92)', clusterText: '#ffffff', heat: '#ff8c42', selected: '#ffffff', near: '#ffd166', text: '#e6e9ef', textHalo: 'rgba(11,17,24,0.85)',
      unit: {free: '#2fbf71', en_route: '#ffb020', on_scene: '#ff7a45', busy: '#d46bff', off: '#6b7585'},
      cam: {online: '#7fd4ff', offline: '#6b7585', alarm: '#ff4d4f'},
    },
    light: {
      bg: '#e9eef4', district: '#f8fafc', districtLine: '#6b7a90', street: '#55657d', community: '#9aa8bb',
      grid: '#c5cfdb', gridText: 'rgba(60,72,90,0.85)', streetText: 'rgba(40,52,70,0.45)',
      green: '#1e8e4e', blue: '#1a5fd0', red: '#d4232a', none: '#6b7585', drill: '#8a3ffc',
      outline: '#ffffff', unitLine: '#111827', clusterFill: 'rgba(255,255,255,0.94)', clusterText: '#1b2330', heat: '#e8590c', selected: '#111827', near: '#b7791f', text: '#1b2330', textHalo: 'rgba(255,255,255,0.9)',
      unit: {free: '#1e8e4e', en_route: '#c77700', on_scene: '#d9480f', busy: '#9c36b5', off: '#8a94a6'},
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

  function draw() {
    var t0 = performance.now();
    S.pending = false;
    if (!S.map) return;
    var ctx = S.ctx, v = view(), C = S.colours, z = S.map.getZoom();
    var W = v.w, H = v.h, pad = 30;
    ctx.setTransform(S.ratio, 0, 0, S.ratio, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.textBaseline = 'middle';
    var drawn = [];  // hit-test list: [x, y, r, kind, id]

    // labels of the base: street names when zoomed out, grid codes when zoomed in
    if (S.layers.bounds && z >= 12 && z < 15) {
      var fs = z >= 14 ? 17 : 14;
      for (var k = 0; k < S.streetCentres.length; k++) {
        var sc = S.streetCentres[k], sx = sc.mx * v.scale - v.ox, sy = sc.my * v.scale - v.oy;
        if (sx > -200 && sx < W + 200 && sy > -50 && sy < H + 50)
          text(ctx, sc.name, sx, sy, '600 ' + fs + 'px "Noto Sans CJK SC", sans-serif', C.streetText);
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

    // cameras: small squares
    if (S.layers.cameras) {
      var cs = z >= 15 ? 6 : 4;
      var byStatus = {};
      S.cams.forEach(function (c) {
        var x = c.mx * v.scale - v.ox, y = c.my * v.scale - v.oy;
        if (x < -pad || y < -pad || x > W + pad || y > H + pad) return;
        (byStatus[c.status] = byStatus[c.status] || []).push(x, y);
        drawn.push([x, y, cs + 3, 'camera', c.id]);
      });
      Object.keys(byStatus).forEach(function (st) {
        var pts = byStatus[st];
        ctx.beginPath();
        for (var i = 0; i < pts.length; i += 2) ctx.rect(pts[i] - cs, pts[i + 1] - cs * 0.7, cs * 2, cs * 1.4);
        ctx.fillStyle = C.cam[st] || C.cam.online;
        ctx.fill();
        ctx.lineWidth = 1.2;
        ctx.strokeStyle = C.outline;
        ctx.stroke();
      });
    }

    // incidents: clustered by screen cell when zoomed out, else one shape each
    var shown = 0;
    if (S.layers.incidents) {
      var r = z >= 16 ? 8 : (z >= 14 ? 6.5 : 5.5);
      var cluster = z < S.clusterBelow, cell = 56, cells = new Map(), singles = [];
      S.inc.forEach(function (i) {
        if (!visibleInc(i)) return;
        var x = i.mx * v.scale - v.ox, y = i.my * v.scale - v.oy;
        if (x < -pad || y < -pad || x > W + pad || y > H + pad) return;
        shown++;
        if (!cluster) { singles.push([x, y, i]); return; }
        var key = Math.floor(x / cell) * 100003 + Math.floor(y / cell);
        var c = cells.get(key);
        if (!c) cells.set(key, c = {n: 0, sx: 0, sy: 0, r: 0, b: 0, g: 0, urgent: 0, drill: 0, first: i, x: x, y: y});
        c.n++; c.sx += x; c.sy += y;
        if (i.sla) c[i.sla]++;
        if (i.pri) c.urgent++;
        if (i.drill) c.drill++;
      });
      // clusters: a dark disc with the count, ringed by the share of each SLA colour (a donut);
      // drawn as one path per colour, not one per cluster: a few hundred clusters cost ~1 ms
      var discs = [], rings = {r: [], b: [], g: [], '': []}, dashed = [], badges = [];
      cells.forEach(function (c) {
        if (c.n === 1) { singles.push([c.x, c.y, c.first]); return; }
        var x = c.sx / c.n, y = c.sy / c.n, cr = Math.min(28, 12 + Math.sqrt(c.n) * 1.8);
        discs.push([x, y, cr, c.n]);
        var a0 = -Math.PI / 2, parts = [['r', c.r], ['b', c.b], ['g', c.g], ['', c.n - c.r - c.b - c.g]];
        for (var pi = 0; pi < parts.length; pi++) {
          if (!parts[pi][1]) continue;
          var a1 = a0 + TAU * parts[pi][1] / c.n;
          rings[parts[pi][0]].push([x, y, cr - 2.5, a0, a1]);
          a0 = a1;
        }
        if (c.drill) dashed.push([x, y, cr + 3]);
        if (c.urgent) badges.push([x + cr * 0.8, y - cr * 0.8]);
        drawn.push([x, y, cr, 'cluster', c]);
      });
      if (discs.length) {
        ctx.beginPath();
        for (var di = 0; di < discs.length; di++) {
          ctx.moveTo(discs[di][0] + discs[di][2], discs[di][1]);
          ctx.arc(discs[di][0], discs[di][1], discs[di][2], 0, TAU);
        }
        ctx.fillStyle = C.clusterFill;
        ctx.fill();
        ctx.lineWidth = 5;
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
        if (badges.length) {  // a red triangle badge: urgent ones inside
          ctx.beginPath();
          for (var bi = 0; bi < badges.length; bi++) shapePath(ctx, badges[bi][0], badges[bi][1], 5, true);
          ctx.fillStyle = C.red; ctx.fill(); ctx.lineWidth = 1.2; ctx.strokeStyle = C.outline; ctx.stroke();
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
      if (z >= 17) for (var l = 0; l < singles.length; l++)
        text(ctx, singles[l][2].label, singles[l][0] + r + 6, singles[l][1] + 1,
             '13px "Noto Sans CJK SC", sans-serif', C.text, 'left');
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
      Object.keys(ugroups).forEach(function (st) {
        var pts = ugroups[st];
        ctx.beginPath();
        for (var i = 0; i < pts.length; i += 2) {  // a diamond: never confused with an incident's dot
          var ux = pts[i], uy = pts[i + 1], d = ur * 1.35;
          ctx.moveTo(ux, uy - d); ctx.lineTo(ux + d, uy); ctx.lineTo(ux, uy + d); ctx.lineTo(ux - d, uy); ctx.closePath();
        }
        ctx.fillStyle = C.unit[st] || C.unit.off;
        ctx.fill();
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = C.unitLine;
        ctx.stroke();
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
      text(ctx, sel.id, sx0, sy0 - 32, '700 16px sans-serif', C.selected);
    }

    S.drawn = drawn;
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
    S.gridLayer.eachLayer(function (l) {
      var p = l.feature.properties, c = l.getBounds().getCenter(), m = merc(c.lat, c.lng);
      S.gridIndex.set(p.code, l);
      S.gridCentres.push({mx: m[0], my: m[1], short: p.code.slice(9, 12) + '-' + p.code.slice(12),
                          name: S.lang === 'en' ? p.name_en : p.name_zh});
    });
    S.streetLayer.eachLayer(function (l) {
      var p = l.feature.properties, c = l.getBounds().getCenter(), m = merc(c.lat, c.lng);
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
      if (S.fill === 'load' && n) style = {fillColor: C.heat, fillOpacity: 0.06 + 0.32 * Math.sqrt(n / max)};
      else if (S.fill === 'sla' && n) style = {fillColor: colourOf(worst.get(code) || ''), fillOpacity: 0.3};
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
  function legend() {
    var L_ = S.labels.legend, C = S.colours;
    if (!L_) return;
    if (S.legend) S.legend.remove();
    var ctl = L.control({position: 'bottomleft'});
    ctl.onAdd = function () {
      var d = L.DomUtil.create('div', 'cm-legend');
      function dot(colour) { return '<svg width="14" height="14"><circle cx="7" cy="7" r="6" fill="' + colour + '"/></svg>'; }
      function tri(colour) { return '<svg width="14" height="14"><path d="M7 1 L13 12 L1 12 Z" fill="' + colour + '"/></svg>'; }
      function dia(colour) { return '<svg width="14" height="14"><path d="M7 1 L13 7 L7 13 L1 7 Z" fill="' + colour + '" stroke="' + C.unitLine + '"/></svg>'; }
      var rows = [
        [dot(C.green), L_.green], [dot(C.blue), L_.blue], [dot(C.red), L_.red], [dot(C.none), L_.none],
        [tri(C.none), L_.urgent],
        ['<svg width="14" height="14"><circle cx="7" cy="7" r="5.5" fill="none" stroke="' + C.drill + '" stroke-width="2" stroke-dasharray="3 2"/></svg>', L_.drill],
      ];
      ['free', 'en_route', 'on_scene', 'busy', 'off'].forEach(function (k) { rows.push([dia(C.unit[k]), (S.labels.status || {})[k] || k]); });
      rows.push(['<svg width="14" height="14"><rect x="1" y="3" width="12" height="8" fill="' + C.cam.online + '"/></svg>', L_.camera]);
      d.innerHTML = '<div class="cm-legend-title">' + esc(L_.title) + '</div>' + rows.map(function (r) {
        return '<div class="cm-legend-row">' + r[0] + '<span>' + esc(r[1]) + '</span></div>';
      }).join('');
      L.DomEvent.disableClickPropagation(d);
      return d;
    };
    ctl.addTo(S.map);
    S.legend = ctl;
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
    if (h[3] === 'cluster') {
      var b = L.latLngBounds([]);
      S.inc.forEach(function (i) {
        if (!visibleInc(i)) return;
        var p = S.map.latLngToContainerPoint([i.lat, i.lon]);
        if (Math.abs(p.x - h[0]) <= h[2] * 1.6 && Math.abs(p.y - h[1]) <= h[2] * 1.6) b.extend([i.lat, i.lon]);
      });
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
    var m = merc(a[1], a[2]);
    S.inc.set(a[0], {id: a[0], lat: a[1], lon: a[2], mx: m[0], my: m[1], pri: a[3], sla: a[4], drill: a[5],
                     t: a[6], grid: a[7], label: a[8], show: a[9]});
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
        resize();
        // Until the operator moves the map by hand, keep showing what was asked for (the whole
        // district, or the incident flown to) when the panel changes size: docks settle after load.
        if (!S.userMoved) {
          if (S.target) map.setView([S.target[0], S.target[1]], S.target[2], {animate: false});
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
      if (window.qt && window.QWebChannel) {
        new QWebChannel(qt.webChannelTransport, function (ch) {
          S.bridge = ch.objects.bridge;
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
      if (b.incReset) { S.inc.clear(); changedInc = true; }
      if (b.inc) { for (var i = 0; i < b.inc.length; i++) putInc(b.inc[i]); changedInc = changedInc || b.inc.length > 0; }
      if (b.incDel) { for (var j = 0; j < b.incDel.length; j++) S.inc.delete(b.incDel[j]); changedInc = changedInc || b.incDel.length > 0; }
      if (b.unitReset) S.units.clear();
      if (b.units) for (var k = 0; k < b.units.length; k++) putUnit(b.units[k]);
      if (b.cams) for (var c = 0; c < b.cams.length; c++) putCam(b.cams[c]);
      if (b.now) S.now = b.now;
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
    timeWindow: function (hours, now) { S.windowH = hours; if (now) S.now = now; refill(); draw(); },
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
      S.target = null; S.userMoved = false;
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
              applied: S.applied, drawMs: S.lastDrawMs, target: S.target || null, layers: S.layers, fill: S.fill, windowH: S.windowH};
    },
    incident: function (id) { var i = S.inc.get(id); return i ? {lat: i.lat, lon: i.lon, sla: i.sla, show: i.show} : null; },
    unit: function (id) { var u = S.units.get(id); return u ? {lat: u.lat, lon: u.lon, status: u.status} : null; },
    // where an incident is drawn on screen (container pixels), or null when off screen/hidden
    screenOf: function (kind, id) {
      for (var k = 0; k < S.drawn.length; k++) if (S.drawn[k][3] === kind && S.drawn[k][4] === id)
        return [S.drawn[k][0], S.drawn[k][1]];
      return null;
    },
    gridStyle: function (code) { var l = S.gridIndex.get(code); return l ? {fillOpacity: l.options.fillOpacity, fillColor: l.options.fillColor} : null; },
  };
  window.CM = CM;
})();
