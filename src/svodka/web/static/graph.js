// The co-occurrence graph on an entity page: a small force layout with dragging.
// The server draws the nodes on a circle (that is the graph without JavaScript); this
// script lets them settle (springs along edges, repulsion between nodes, a pull to the
// centre) and lets the reader drag them. A click that did not drag follows the link.
(function () {
  "use strict";
  var svg = document.getElementById("graph");
  if (!svg) return;
  var SIZE = 480;
  var groups = Array.prototype.slice.call(svg.querySelectorAll(".node"));
  var lines = Array.prototype.slice.call(svg.querySelectorAll(".edges line"));
  var nodes = groups.map(function (g) {
    var m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform"));
    var text = g.querySelector("text");
    var box = text ? text.getBBox() : { x: 0, y: 0, width: 0, height: 0 };
    // the label's box relative to the node's centre, with a little room around it
    var label = { x: box.x - 3, y: box.y - 2, w: box.width + 6, h: box.height + 4 };
    return { g: g, x: +m[1], y: +m[2], vx: 0, vy: 0, label: label,
             fixed: g.classList.contains("centre") };
  });
  var edges = lines.map(function (line) {
    return { line: line, a: nodes[+line.dataset.a], b: nodes[+line.dataset.b] };
  });

  function draw() {
    nodes.forEach(function (n) { n.g.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")"); });
    edges.forEach(function (e) {
      e.line.setAttribute("x1", e.a.x); e.line.setAttribute("y1", e.a.y);
      e.line.setAttribute("x2", e.b.x); e.line.setAttribute("y2", e.b.y);
    });
  }

  function step() {
    var i, j, a, b, dx, dy, d2, d, f;
    for (i = 0; i < nodes.length; i++) {
      for (j = i + 1; j < nodes.length; j++) {
        a = nodes[i]; b = nodes[j];
        dx = b.x - a.x; dy = b.y - a.y; d2 = dx * dx + dy * dy + 0.01;
        f = 2200 / d2; d = Math.sqrt(d2);
        a.vx -= f * dx / d; a.vy -= f * dy / d; b.vx += f * dx / d; b.vy += f * dy / d;
      }
    }
    for (i = 0; i < nodes.length; i++) {
      for (j = i + 1; j < nodes.length; j++) separate(nodes[i], nodes[j]);
    }
    edges.forEach(function (e) {
      dx = e.b.x - e.a.x; dy = e.b.y - e.a.y; d = Math.sqrt(dx * dx + dy * dy) + 0.01;
      f = (d - 140) * 0.02;
      e.a.vx += f * dx / d; e.a.vy += f * dy / d; e.b.vx -= f * dx / d; e.b.vy -= f * dy / d;
    });
    nodes.forEach(function (n) {
      n.vx += (SIZE / 2 - n.x) * 0.005; n.vy += (SIZE / 2 - n.y) * 0.005;
      if (!n.fixed && n !== dragged) {
        n.x = Math.max(30, Math.min(SIZE - 30, n.x + n.vx));
        n.y = Math.max(30, Math.min(SIZE - 30, n.y + n.vy));
      }
      n.vx *= 0.6; n.vy *= 0.6;
    });
  }

  // Labels must not overlap: when two labels' boxes do, the nodes are pushed apart along
  // the axis where the overlap is smaller (usually up or down, labels being wide).
  function separate(a, b) {
    var ax = a.x + a.label.x, ay = a.y + a.label.y, bx = b.x + b.label.x, by = b.y + b.label.y;
    var ox = Math.min(ax + a.label.w, bx + b.label.w) - Math.max(ax, bx);
    var oy = Math.min(ay + a.label.h, by + b.label.h) - Math.max(ay, by);
    if (ox <= 0 || oy <= 0) return;
    var push = 0.25, sx = bx + b.label.w / 2 >= ax + a.label.w / 2 ? 1 : -1;
    var sy = by + b.label.h / 2 >= ay + a.label.h / 2 ? 1 : -1;
    if (oy < ox) { a.vy -= sy * oy * push; b.vy += sy * oy * push; }
    else { a.vx -= sx * ox * push; b.vx += sx * ox * push; }
  }

  // the last steps move the nodes by their labels alone, so no two are left overlapping
  function settle() {
    var pass, i, j;
    for (pass = 0; pass < 60; pass++) {
      for (i = 0; i < nodes.length; i++) {
        for (j = i + 1; j < nodes.length; j++) separate(nodes[i], nodes[j]);
      }
      nodes.forEach(function (n) {
        if (!n.fixed && n !== dragged) {
          n.x = Math.max(30, Math.min(SIZE - 30, n.x + n.vx));
          n.y = Math.max(30, Math.min(SIZE - 30, n.y + n.vy));
        }
        n.vx = 0; n.vy = 0;
      });
    }
    draw();
    svg.setAttribute("data-settled", "1");
  }

  var ticks = 0, running = false, dragged = null, moved = false;
  function run() {
    if (running) return;
    running = true; ticks = 0;
    (function frame() {
      step(); draw();
      if (++ticks < 200 || dragged) requestAnimationFrame(frame);
      else { running = false; settle(); }
    })();
  }

  function point(event) {
    var p = svg.createSVGPoint();
    p.x = event.clientX; p.y = event.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  nodes.forEach(function (n) {
    n.g.addEventListener("pointerdown", function (event) {
      dragged = n; moved = false;
      n.g.setPointerCapture(event.pointerId);
      event.preventDefault();
      run();
    });
    n.g.addEventListener("pointermove", function (event) {
      if (dragged !== n) return;
      var p = point(event);
      n.x = p.x; n.y = p.y; moved = true;
    });
    n.g.addEventListener("pointerup", function () { dragged = null; run(); });
    n.g.addEventListener("click", function (event) { if (moved) event.preventDefault(); });
  });
  run();
})();
