// Zoom and pan of the overview pictures: the buttons, + and − and the arrow keys on a
// picture, the wheel, dragging, pinching.  The view lives in the address
// (?from=YYYY-MM-DD&to=…), so a zoomed view can be linked, and the list beside a picture
// shows only the events in view.  Without JavaScript a picture shows the whole period,
// and every mark still links.
//
// Nothing about the axis is decided here: its steps, their labels, how many are labelled
// and how far one may zoom in come from the page (the JSON the build writes beside each
// picture, generator/views/overview.py), and the whole period shows the axis as built.
import {read, write} from "./address.mjs";
import {onFilter} from "./filter.mjs";
import {gestures} from "./gestures.mjs";

const DAY = 86400000;
const viewers = [];
let latest = null;

/** Calls `listener` with the view a picture shows, [from, to) in milliseconds, or null
 *  for its whole period (the map shows the same period): at once, then after each change. */
export function onView(listener) {
  viewers.push(listener);
  listener(latest);
}
// Each wired picture's way to show a period, for a script that moves it (story.mjs).
const periodShown = new WeakMap();

function day(text) {
  return Date.parse(text + "T00:00:00Z");
}

function iso(time) {
  const text = new Date(time).toISOString();
  return text.slice(0, text.indexOf("T"));
}

// A check for the address: a day as the build writes them (2023-05-01, -000999-01-01),
// and one that exists (not 2023-02-30).
function isDay(text) {
  const time = day(text);
  return /^([+-]\d{6}|\d{4})-\d{2}-\d{2}$/.test(text) && Number.isFinite(time) && iso(time) === text;
}

// The first day of a month of any year (Date.UTC reads years 0-99 as 1900-1999).
function monthStart(year, month) {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 1);
  return date.getTime();
}

// overview.py's _step_words for labels: a day is its number in the month; a month its
// short name, and January its name and the year.
const RULES = {
  day(axis, from, to) {
    const shown = [];
    for (let time = Math.ceil(from / DAY) * DAY; time <= to; time += DAY) {
      shown.push({time, label: String(new Date(time).getUTCDate())});
    }
    return shown;
  },
  month(axis, from, to) {
    const first = new Date(from);
    let year = first.getUTCFullYear();
    let month = first.getUTCMonth();
    if (monthStart(year, month) < from) {
      [year, month] = month === 11 ? [year + 1, 0] : [year, month + 1];
    }
    const shown = [];
    for (let time = monthStart(year, month); time <= to; time = monthStart(year, month)) {
      const label = month === 0 ? `${axis.months[0]} ${axis.years[year - axis.firstYear]}` : axis.months[month];
      shown.push({time, label});
      [year, month] = month === 11 ? [year + 1, 0] : [year, month + 1];
    }
    return shown;
  },
};

// The axis as the build wrote it (JSON beside the picture): each level's steps as times;
// months and days are a rule, their steps made for the view drawn (`stepsOf`).
function readAxis(data, first) {
  const axis = JSON.parse(data.textContent);
  for (const level of axis.levels) {
    let at = first;
    const times = level.steps ? level.steps.split(" ").map((step) => (at += Number(step) * DAY)) : [];
    level.stepsOf = RULES[level.unit] ? (from, to) => RULES[level.unit](axis, from, to) : (from, to) => carried(level, times, from, to);
  }
  return axis;
}

function carried(level, times, from, to) {
  const shown = [];
  times.forEach((time, index) => {
    if (time >= from && time <= to) {
      shown.push({time, label: level.labels[index]});
    }
  });
  return shown;
}

// The labelled steps of a view [from, to): those of the finest level drawn for views this
// long, every n-th when there are more than `axis.labels` (overview.py's _ticks, for the
// whole period).
function ticks(axis, from, to) {
  const level = axis.levels.filter((each) => each.longest >= (to - from) / DAY).pop() || axis.levels[0];
  const shown = level.stepsOf(from, to);
  const every = Math.max(1, Math.floor(shown.length / axis.labels));
  return shown.filter((tick, index) => index % every === 0);
}

function zoomable(figure) {
  const svg = figure.querySelector("svg[data-first]");
  const data = figure.querySelector("script.tl-zoom__axis");
  const first = svg && day(svg.dataset.first);
  const last = svg && day(svg.dataset.last);
  // A period beyond JavaScript's dates (±275,760 years): the picture stays as built.
  return svg && data && Number.isFinite(first) && Number.isFinite(last) ? {svg, data, whole: [first, last + DAY]} : null;
}

// The last day an item or a mark may mean: written only when not its first ("" when open).
function lastDay(element) {
  return element.dataset.last ?? element.dataset.first;
}

// The view the address asks for, [from, to); `refused` when it asks for one that is not.
function asked() {
  const from = read("from", isDay);
  const to = read("to", isDay);
  if (!from.value && !to.value && !from.refused && !to.refused) {
    return {view: null, refused: false};
  }
  const view = [day(from.value), day(to.value) + DAY];
  return view[0] < view[1] ? {view, refused: false} : {view: null, refused: true};
}

/** Shows the days from `first` to `last` (ISO, as the marks carry them) on a wired
 *  picture, centred, with room around them, without writing the address (the caller's
 *  own state is there).  False when the picture is not wired (or the days are not valid). */
export function showDays(figure, first, last) {
  const show = periodShown.get(figure);
  const from = day(first);
  const to = day(last || first) + DAY;
  if (!show || !Number.isFinite(from) || !Number.isFinite(to)) {
    return false;
  }
  show(from, to);
  return true;
}

/** Wires every overview picture of the page. */
export function startZoom(figures) {
  const wanted = asked();
  const showing = [...figures].map((figure) => {
    const parts = zoomable(figure);
    return parts ? start(figure, parts, wanted) : true;
  });
  if (wanted.refused || (wanted.view && !showing.includes(true))) {
    write({from: "", to: ""});  // no picture can show it: the address says what is shown
  }
}

// One picture; true when it shows the view the address asks for (or none is asked).
function start(figure, {svg, data, whole}, wanted) {
  const axis = readAxis(data, whole[0]);
  const shortest = axis.shortest * DAY;
  const margin = Number(svg.dataset.margin);
  const width = Number(svg.dataset.width);
  const lang = document.documentElement.lang || "en";
  let view = whole.slice();
  const shapes = [...svg.querySelectorAll("a[data-first]")].map((link) => {
    const shape = link.querySelector("rect, circle");
    return {link, shape, first: day(link.dataset.first), last: day(lastDay(link)) + DAY,
      point: shape.tagName.toLowerCase() === "circle", number: link.querySelector(".tl-picture__number")};
  }).filter((item) => Number.isFinite(item.first) && Number.isFinite(item.last));
  const bands = [...svg.querySelectorAll("g.tl-picture__era")].map((group) => ({
    group, rect: group.querySelector("rect"), label: group.querySelector("text"),
    first: day(group.dataset.first), last: day(group.dataset.last) + DAY}));
  // The list this picture is the overview of: the timeline's, or an actor's events, each
  // found by its link (the same address as its mark's).
  const items = [...figure.parentElement.querySelectorAll("li[data-first]")];
  const itemOf = new Map(items.map((item) => [item.querySelector("a[href]")?.getAttribute("href"), item]));
  const axisGroup = svg.querySelector(".tl-picture__axis");
  const built = [...axisGroup.children].slice(1);  // the ticks of the whole period; the first child is the line
  const controls = figure.querySelector(".tl-zoom");
  const status = figure.querySelector(".tl-zoom__status");
  const note = figure.querySelector(".tl-note");

  function x(time) {
    return margin + (time - view[0]) / (view[1] - view[0]) * (width - 2 * margin);
  }
  function words(time) {
    const options = {timeZone: "UTC", year: "numeric", month: "short", day: "numeric"};
    return new Intl.DateTimeFormat(lang, options).format(new Date(time));
  }

  function drawAxis(zoomed) {
    for (const node of axisGroup.querySelectorAll(".tl-tick")) {
      node.remove();
    }
    for (const node of built) {
      node.style.display = zoomed ? "none" : "";
    }
    if (!zoomed) {
      return;
    }
    for (const tick of ticks(axis, view[0], view[1])) {
      // Drawn like the build's first tick (a line, then its label), at another place.
      const [line, text] = built.slice(0, 2).map((node) => node.cloneNode(true));
      const at = x(tick.time).toFixed(1);
      line.setAttribute("x1", at);
      line.setAttribute("x2", at);
      text.setAttribute("x", at);
      text.textContent = tick.label;
      for (const node of [line, text]) {
        node.setAttribute("class", "tl-tick");
        node.style.display = "";
        axisGroup.appendChild(node);
      }
    }
  }

  // An event filtered out of the list (by actor, tag or year, or by the map's place or
  // area: tl-elsewhere) leaves the picture too.
  function listed(item) {
    const entry = itemOf.get(item.link.getAttribute("href"));
    return !entry || (!entry.hidden && !entry.classList.contains("tl-elsewhere"));
  }

  function draw() {
    for (const item of shapes) {
      const left = x(item.first);
      const right = x(item.last);
      const inside = right >= margin && left <= width - margin && listed(item);
      item.link.style.display = inside ? "" : "none";
      if (!inside) {
        continue;
      }
      let after = left + 7;  // where a story's step number goes (overview.py's template)
      if (item.point) {
        item.shape.setAttribute("cx", left.toFixed(1));
      } else {
        const from = Math.max(left, margin);
        const drawn = Math.max(Math.min(right, width - margin) - from, 3);
        item.shape.setAttribute("x", from.toFixed(1));
        item.shape.setAttribute("width", drawn.toFixed(1));
        after = from + drawn + 3;
      }
      item.number?.setAttribute("x", after.toFixed(1));
    }
    for (const band of bands) {
      const left = Math.max(x(band.first), margin);
      const right = Math.min(x(band.last), width - margin);
      band.group.style.display = right > left ? "" : "none";
      band.rect.setAttribute("x", left.toFixed(1));
      band.rect.setAttribute("width", Math.max(right - left, 1).toFixed(1));
      band.label.setAttribute("x", (left + 3).toFixed(1));
    }
    const zoomed = view[0] > whole[0] || view[1] < whole[1];
    drawAxis(zoomed);
    for (const item of items) {
      const first = item.dataset.first;
      const last = lastDay(item);
      const inside = !zoomed || (first && day(first) < view[1] && (!last || day(last) + DAY > view[0]));
      item.classList.toggle("tl-outside", !inside);
    }
    // Said (to screen readers too) only when the view is not the whole period.
    status.textContent = zoomed ? words(view[0]) + " – " + words(view[1] - DAY) : "";
    latest = zoomed ? view.slice() : null;
    for (const listener of viewers) {
      listener(latest);
    }
  }

  function set(from, to, remember = true) {
    const span = Math.min(Math.max(to - from, shortest), whole[1] - whole[0]);
    const begin = Math.min(Math.max(from, whole[0]), whole[1] - span);
    view = [begin, begin + span];
    const zoomed = view[0] > whole[0] || view[1] < whole[1];
    if (remember) {
      write(zoomed ? {from: iso(view[0]), to: iso(view[1] - DAY)} : {from: "", to: ""});
    }
    note.hidden = true;
    draw();
  }
  function zoom(factor, centre) {
    const middle = centre === undefined ? (view[0] + view[1]) / 2 : centre;
    set(middle - (middle - view[0]) * factor, middle + (view[1] - middle) * factor);
  }
  // A point of the picture's box (a fraction of its width) as a time.
  function timeAt(fraction) {
    return view[0] + (fraction * width - margin) / (width - 2 * margin) * (view[1] - view[0]);
  }

  controls.hidden = false;
  gestures(svg, controls, {
    zoom: (factor, point) => zoom(factor, timeAt(point.x)),
    pan: (dx) => {
      const shift = (view[1] - view[0]) * dx;
      set(view[0] + shift, view[1] + shift);
    },
    reset: () => set(whole[0], whole[1]),
  });
  // Back and forward: the view the address now names.
  window.addEventListener("popstate", () => {
    const now = asked().view;
    if (now && now[0] < whole[1] && now[1] > whole[0]) {
      set(now[0], now[1]);
    } else {
      set(whole[0], whole[1]);
    }
  });

  // A period shown for another script: a quarter of the whole at least, the period in
  // its middle with as much again on either side.
  periodShown.set(figure, (from, to) => {
    const span = Math.max(3 * (to - from), (whole[1] - whole[0]) / 4);
    const middle = (from + to) / 2;
    set(middle - span / 2, middle + span / 2, false);
  });
  onFilter(draw);
  // A view that this picture's period does not meet falls back to the whole period, and
  // the picture says so.
  const fits = wanted.view && wanted.view[0] < whole[1] && wanted.view[1] > whole[0];
  if (fits) {
    set(wanted.view[0], wanted.view[1]);
  } else {
    draw();
  }
  note.hidden = fits || !(wanted.view || wanted.refused);
  return fits || !wanted.view;
}
