// Zoom and pan of the overview picture: the buttons, + and − and the arrow keys on the
// picture, the wheel, dragging.  The view lives in the address (?from=YYYY-MM-DD&to=…),
// so a zoomed view can be linked, and the list below shows only the events in view.
// Without JavaScript the picture shows the whole period, and every mark still links.
(function () {
  "use strict";
  var figure = document.querySelector(".tl-picture");
  var svg = figure && figure.querySelector("svg[data-first]");
  if (!svg) {
    return;
  }
  var DAY = 86400000;
  var lang = document.documentElement.lang || "en";
  var margin = Number(svg.getAttribute("data-margin"));
  var width = Number(svg.getAttribute("data-width"));
  var whole = [day(svg.getAttribute("data-first")), day(svg.getAttribute("data-last")) + DAY];
  if (!isFinite(whole[0]) || !isFinite(whole[1])) {
    return;  // a period beyond JavaScript's dates (±275,760 years): the picture stays as built
  }
  var view = whole.slice();
  var shapes = Array.prototype.slice.call(svg.querySelectorAll("a[data-first]")).map(function (link) {
    var shape = link.querySelector("rect, circle");
    return {link: link, shape: shape, first: day(link.getAttribute("data-first")),
      last: day(link.getAttribute("data-last")) + DAY, point: shape.tagName.toLowerCase() === "circle"};
  }).filter(function (item) { return isFinite(item.first) && isFinite(item.last); });
  var bands = Array.prototype.slice.call(svg.querySelectorAll("g.tl-picture__era")).map(function (group) {
    return {group: group, rect: group.querySelector("rect"), label: group.querySelector("text"),
      first: day(group.getAttribute("data-first")), last: day(group.getAttribute("data-last")) + DAY};
  });
  var items = Array.prototype.slice.call(document.querySelectorAll("li[data-first]"));
  var axis = svg.querySelector(".tl-picture__axis");
  var controls = figure.querySelector(".tl-zoom");
  var status = figure.querySelector(".tl-zoom__status");

  function day(iso) {
    return Date.parse(iso + "T00:00:00Z");
  }
  // Date.UTC reads years 0-99 as 1900-1999; these are the years as written.
  function utc(year, month, date) {
    var time = new Date(0);
    time.setUTCFullYear(year, month, date);
    return time.getTime();
  }
  function iso(time) {
    var text = new Date(time).toISOString();
    return text.slice(0, text.indexOf("T"));
  }
  function x(time) {
    return margin + (time - view[0]) / (view[1] - view[0]) * (width - 2 * margin);
  }
  function words(time, options) {
    return new Intl.DateTimeFormat(lang, Object.assign({timeZone: "UTC"}, options)).format(new Date(time));
  }

  function ticks() {
    Array.prototype.slice.call(axis.querySelectorAll(".tl-tick")).forEach(function (node) { node.remove(); });
    Array.prototype.slice.call(axis.children).forEach(function (node, index) {
      node.style.display = index === 0 ? "" : "none";  // the static ticks are for the whole period
    });
    var span = (view[1] - view[0]) / DAY;
    var unit = span > 3 * 366 ? "year" : span > 62 ? "month" : "day";
    // Past forty years, a step of ten, a hundred, ... years (as the picture is built).
    var step = unit === "year" ? Math.pow(10, Math.max(0, Math.ceil(Math.log10(span / 365.2425 / 40)))) : 1;
    var at = new Date(view[0]);
    var marks = [];
    at = unit === "year" ? utc(Math.floor(at.getUTCFullYear() / step) * step, 0, 1) : unit === "month"
      ? utc(at.getUTCFullYear(), at.getUTCMonth(), 1) : utc(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
    while (at <= view[1] && marks.length < 400) {
      if (at >= view[0]) {
        marks.push(at);
      }
      var next = new Date(at);
      at = unit === "year" ? utc(next.getUTCFullYear() + step, 0, 1) : unit === "month"
        ? utc(next.getUTCFullYear(), next.getUTCMonth() + 1, 1) : at + DAY;
    }
    var every = Math.max(1, Math.ceil(marks.length / 12));
    marks.forEach(function (time, index) {
      if (index % every) {
        return;
      }
      var before = new Date(time).getUTCFullYear() < 1;  // named with its era: "1000 BC"
      var label = unit === "year" ? words(time, {year: "numeric", era: before ? "short" : undefined}) : unit === "month"
        ? words(time, {month: "short", year: new Date(time).getUTCMonth() === 0 ? "numeric" : undefined})
        : words(time, {day: "numeric", month: "short"});
      var line = document.createElementNS("http://www.w3.org/2000/svg", "line");
      line.setAttribute("class", "tl-tick");
      ["x1", "x2"].forEach(function (name) { line.setAttribute(name, x(time).toFixed(1)); });
      line.setAttribute("y1", "18");
      line.setAttribute("y2", "26");
      var text = document.createElementNS("http://www.w3.org/2000/svg", "text");
      text.setAttribute("class", "tl-tick");
      text.setAttribute("x", x(time).toFixed(1));
      text.setAttribute("y", "13");
      text.textContent = label;
      axis.appendChild(line);
      axis.appendChild(text);
    });
  }

  // An event filtered out of the list below (by actor, tag or year) leaves the picture too.
  function listed(item) {
    var id = item.link.getAttribute("href").replace(/\/$/, "").split("/").pop();
    var card = document.getElementById(id);
    var entry = card && card.closest("li");
    return !entry || !entry.hidden;
  }

  function draw() {
    shapes.forEach(function (item) {
      var left = x(item.first);
      var right = x(item.last);
      var shown = right >= margin && left <= width - margin && listed(item);
      item.link.style.display = shown ? "" : "none";
      if (!shown) {
        return;
      }
      if (item.point) {
        item.shape.setAttribute("cx", left.toFixed(1));
      } else {
        var from = Math.max(left, margin);
        item.shape.setAttribute("x", from.toFixed(1));
        item.shape.setAttribute("width", Math.max(Math.min(right, width - margin) - from, 3).toFixed(1));
      }
    });
    bands.forEach(function (band) {
      var left = Math.max(x(band.first), margin);
      var right = Math.min(x(band.last), width - margin);
      band.group.style.display = right > left ? "" : "none";
      band.rect.setAttribute("x", left.toFixed(1));
      band.rect.setAttribute("width", Math.max(right - left, 1).toFixed(1));
      band.label.setAttribute("x", (left + 3).toFixed(1));
    });
    ticks();
    var zoomed = view[0] > whole[0] || view[1] < whole[1];
    items.forEach(function (item) {
      var first = item.getAttribute("data-first");
      var last = item.getAttribute("data-last");
      var inside = !zoomed || (first && day(first) < view[1] && (!last || day(last) + DAY > view[0]));
      item.classList.toggle("tl-outside", !inside);
    });
    // Said (to screen readers too) only when the view is not the whole period.
    status.textContent = zoomed ? words(view[0], {year: "numeric", month: "short", day: "numeric"}) + " – " +
      words(view[1] - DAY, {year: "numeric", month: "short", day: "numeric"}) : "";
  }

  function remember() {
    var params = new URLSearchParams(window.location.search);
    if (view[0] > whole[0] || view[1] < whole[1]) {
      params.set("from", iso(view[0]));
      params.set("to", iso(view[1] - DAY));
    } else {
      params.delete("from");
      params.delete("to");
    }
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function set(from, to) {
    var span = Math.min(Math.max(to - from, DAY), whole[1] - whole[0]);
    from = Math.min(Math.max(from, whole[0]), whole[1] - span);
    view = [from, from + span];
    remember();
    draw();
  }
  function zoom(factor, centre) {
    var middle = centre === undefined ? (view[0] + view[1]) / 2 : centre;
    set(middle - (middle - view[0]) * factor, middle + (view[1] - middle) * factor);
  }
  function pan(fraction) {
    var shift = (view[1] - view[0]) * fraction;
    set(view[0] + shift, view[1] + shift);
  }
  function timeAt(clientX) {
    var box = svg.getBoundingClientRect();
    var unit = (clientX - box.left) / box.width * width;
    return view[0] + (unit - margin) / (width - 2 * margin) * (view[1] - view[0]);
  }

  controls.hidden = false;
  controls.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-zoom]");
    if (!button) {
      return;
    }
    var what = button.getAttribute("data-zoom");
    if (what === "in") {
      zoom(0.5);
    } else if (what === "out") {
      zoom(2);
    } else {
      set(whole[0], whole[1]);
    }
  });
  svg.setAttribute("tabindex", "0");
  svg.addEventListener("keydown", function (event) {
    var keys = {"+": function () { zoom(0.5); }, "=": function () { zoom(0.5); }, "-": function () { zoom(2); },
      "ArrowLeft": function () { pan(-0.2); }, "ArrowRight": function () { pan(0.2); },
      "Home": function () { set(whole[0], whole[1]); }};
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });
  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    zoom(event.deltaY > 0 ? 1.25 : 0.8, timeAt(event.clientX));
  }, {passive: false});
  // Drag with one pointer; pinch with two (touch): the time under the fingers' middle
  // stays put while their distance sets the zoom.  touch-action: pan-y (in the CSS)
  // leaves vertical scrolling of the page to the browser.
  var dragging = null;
  var touches = {};
  var pinch = null;
  function fingers() {
    return Object.keys(touches).map(function (id) { return touches[id]; });
  }
  svg.addEventListener("pointerdown", function (event) {
    touches[event.pointerId] = event.clientX;
    var down = fingers();
    if (down.length === 2) {
      dragging = null;
      pinch = {distance: Math.abs(down[0] - down[1]) || 1, centre: timeAt((down[0] + down[1]) / 2), view: view.slice()};
    } else {
      dragging = {x: event.clientX, view: view.slice()};
    }
  });
  function lift(event) {
    delete touches[event.pointerId];
    pinch = null;
    dragging = null;
  }
  window.addEventListener("pointerup", lift);
  window.addEventListener("pointercancel", lift);
  svg.addEventListener("pointermove", function (event) {
    if (pinch && touches[event.pointerId] !== undefined) {
      touches[event.pointerId] = event.clientX;
      var down = fingers();
      var factor = pinch.distance / (Math.abs(down[0] - down[1]) || 1);
      var centre = pinch.centre;
      set(centre - (centre - pinch.view[0]) * factor, centre + (pinch.view[1] - centre) * factor);
      return;
    }
    if (!dragging || event.buttons !== 1) {
      return;
    }
    var box = svg.getBoundingClientRect();
    var moved = (dragging.x - event.clientX) / box.width * (dragging.view[1] - dragging.view[0]);
    if (Math.abs(event.clientX - dragging.x) > 3) {
      set(dragging.view[0] + moved, dragging.view[1] + moved);
    }
  });

  document.addEventListener("tl-filtered", draw);
  var params = new URLSearchParams(window.location.search);
  if (params.get("from") && params.get("to")) {
    set(day(params.get("from")), day(params.get("to")) + DAY);
  } else {
    draw();
  }
})();
