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
    return { g: g, x: +m[1], y: +m[2], vx: 0, vy: 0, fixed: g.classList.contains("centre") };
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

  var ticks = 0, running = false, dragged = null, moved = false;
  function run() {
    if (running) return;
    running = true; ticks = 0;
    (function frame() {
      step(); draw();
      if (++ticks < 200 || dragged) requestAnimationFrame(frame); else running = false;
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
