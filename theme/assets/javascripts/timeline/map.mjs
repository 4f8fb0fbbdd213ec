// The map with JavaScript (the map itself is drawn at build time: generator/views/map.py,
// whose docstring is the contract of the data- attributes read here).
//
// - Zoom and pan, with the overview's gestures (gestures.mjs): the viewBox narrows, and
//   each mark keeps its radius in metres, so a province's disc grows with the zoom and is
//   never shrunk to a point; only a mark drawn larger than its place (a dot, or a count)
//   keeps its least size on screen.  A merged mark stays one mark: the page does not say
//   where its members lie (a mark names at most ten of its places), so it cannot split.
// - The time overview's period (?from=&to=, zoom.mjs) and the list's filter show on the
//   map only their events: a mark is recounted from the list's items it stands for (by
//   event id, then place, then position), hidden when none is left; its events the page
//   does not list count when the mark's dates meet the period.
// - A place chosen (a mark that leads to a place's page, or a place in the list under the
//   map; a mark named for one event still opens its page) or an area (the map's view:
//   "List only this area", or a merged mark's disc) lists only its events, and the overview
//   draws only those: ?place=<id> or ?bbox=w,s,e,n, restored on load and by back and
//   forward.  An item knows its places and position (data-places, data-at).
import {read, write} from "./address.mjs";
import {filtered, onFilter} from "./filter.mjs";
import {gestures} from "./gestures.mjs";
import {onView} from "./zoom.mjs";

const MAX_ZOOM = 32;  // the basemap is thinned for the whole map: past this it is too coarse
const DAY = 86400000;
const PLACE_PATH = /(?:^|\/)places\/([^/]+)\/$/;

function day(text) {
  return Date.parse(text + "T00:00:00Z");
}

function isPlaceId(value) {
  return /^[\p{L}\p{N}_-]{1,200}$/u.test(value);
}

// ?bbox=west,south,east,north in degrees (east may pass 180 across the antimeridian).
function box(text) {
  const parts = text.split(",").map(Number);
  const [west, south, east, north] = parts;
  const valid = parts.length === 4 && parts.every(Number.isFinite) && south < north && west < east &&
    south >= -90 && north <= 90 && west >= -180 && east <= 540;
  return valid ? {west, south, east, north} : null;
}

function placeOf(link) {
  return link?.getAttribute("href")?.match(PLACE_PATH)?.[1] || "";
}

function eventOf(item) {
  const article = item.querySelector("article[id]");
  return article ? article.id : (item.querySelector("a[href]")?.getAttribute("href") || "").replace(/\/$/, "").split("/").pop();
}

/** Wires every page-sized map of the page (the event pages' small locator stays as built). */
export function startMaps(figures) {
  for (const figure of figures) {
    const svg = figure.querySelector("svg[data-scale]");
    const controls = figure.querySelector(".tl-map__zoom");
    if (svg && controls) {
      start(figure, svg, controls);
    }
  }
}

function start(figure, svg, controls) {
  const [, , width, height] = svg.getAttribute("viewBox").split(" ").map(Number);
  const data = svg.dataset;
  const west = Number(data.west);
  const north = Number(data.north);
  const scale = Number(data.scale);  // metres a unit
  const xPerDegree = width / (Number(data.east) - west);
  const yPerDegree = height / (north - Number(data.south));
  const status = controls.querySelector(".tl-zoom__status");
  const note = controls.querySelector(".tl-note");
  const everyPlace = controls.querySelector("button[data-map=all]");
  const list = figure.querySelector(".tl-map__list");
  const items = [...document.querySelectorAll("li[data-first]")].map((item) => {
    const at = (item.dataset.at || "").split(" ").map(Number);
    return {item, id: eventOf(item), places: (item.dataset.places || "").split(" ").filter(Boolean),
      at: at.length === 2 && at.every(Number.isFinite) ? {lat: at[0], lon: at[1]} : null};
  });

  // Degrees to units of the viewBox (east of the antimeridian, when the view crosses it).
  function x(lon) {
    return ((lon < west ? lon + 360 : lon) - west) * xPerDegree;
  }
  function y(lat) {
    return (north - lat) * yPerDegree;
  }

  const marks = [...svg.querySelectorAll("a.tl-map__mark")].map((link) => {
    const circle = link.querySelector("circle");
    const entry = link.getAttribute("href").startsWith("#") && list ? list.querySelector(link.getAttribute("href")) : null;
    const parts = entry ? [...entry.querySelectorAll("a[href]")] : [];
    return {link, circle, text: link.querySelector("text"), built: Number(circle.getAttribute("r")),
      cx: Number(circle.getAttribute("cx")), cy: Number(circle.getAttribute("cy")),
      metres: Number(link.dataset.r), count: Number(link.dataset.count), place: link.dataset.place || "",
      first: day(link.dataset.first), last: day(link.dataset.last || link.dataset.first),
      places: new Set([link.dataset.place, ...parts.map(placeOf)].filter(Boolean)),
      events: new Set([...(link.dataset.events || "").split(" "), ...parts.map(eventOf)].filter(Boolean)),
      members: []};
  });
  // Each item's mark: the one that names its event, else its place, else the nearest
  // whose disc holds its position (a merged mark names only its busiest places).
  for (const entry of items) {
    const named = marks.find((mark) => mark.events.has(entry.id)) ||
      (entry.places.length ? marks.find((mark) => mark.places.has(entry.places[0])) : null) ||
      nearest(entry.at);
    named?.members.push(entry);
  }
  function nearest(at) {
    if (!at) {
      return null;
    }
    let found = null;
    let least = Infinity;
    for (const mark of marks) {
      const apart = Math.hypot(x(at.lon) - mark.cx, y(at.lat) - mark.cy);
      if (apart <= mark.built + 1 && apart < least) {
        [found, least] = [mark, apart];
      }
    }
    return found;
  }

  // --- zoom and pan: the viewBox ---------------------------------------------------------
  let view = {x: 0, y: 0, w: width};

  function set(left, top, wide) {
    const w = Math.min(Math.max(wide, width / MAX_ZOOM), width);
    const h = w * height / width;
    view = {x: Math.min(Math.max(left, 0), width - w), y: Math.min(Math.max(top, 0), height - h), w};
    svg.setAttribute("viewBox", [view.x, view.y, w, h].map((n) => Number(n.toFixed(2))).join(" "));
    const zoom = width / w;
    figure.classList.toggle("tl-map--zoomed", zoom > 1);
    figure.style.setProperty("--tl-map-zoom", String(zoom));
    for (const mark of marks) {
      // Its radius on the ground; at least the size it was drawn with, on screen.
      const r = Math.max(mark.metres / scale, mark.built / zoom).toFixed(2);
      if (r !== mark.r) {
        mark.r = r;
        mark.circle.setAttribute("r", r);
      }
    }
  }
  gestures(svg, controls, {
    zoom(factor, point) {
      const h = view.w * height / width;
      const [cx, cy] = [view.x + point.x * view.w, view.y + point.y * h];
      set(cx - point.x * view.w * factor, cy - point.y * h * factor, view.w * factor);
    },
    pan(dx, dy) {
      set(view.x + dx * view.w, view.y + dy * view.w * height / width, view.w);
    },
    reset: () => set(0, 0, width),
  }, {vertical: true});

  // The area in view, in degrees.
  function shown() {
    const h = view.w * height / width;
    const round = (n) => Number(n.toFixed(3));
    return {west: round(west + view.x / xPerDegree), east: round(west + (view.x + view.w) / xPerDegree),
      north: round(north - view.y / yPerDegree), south: round(north - (view.y + h) / yPerDegree)};
  }
  function showArea(area) {
    const left = x(area.west);
    set(left, y(area.north), Math.max((area.east - area.west) * xPerDegree, (area.north - area.south) * yPerDegree * width / height));
  }

  // A place named by the address: the view moved (and zoomed, never past the whole map)
  // to the marks of its events, their discs whole in view.
  function showPlace(place) {
    const its = marks.filter((mark) => mark.places.has(place) || mark.members.some((entry) => entry.places.includes(place)));
    if (!its.length) {
      return;
    }
    const reach = (mark) => Math.max(mark.metres / scale, mark.built);
    const left = Math.min(...its.map((mark) => mark.cx - reach(mark)));
    const right = Math.max(...its.map((mark) => mark.cx + reach(mark)));
    const top = Math.min(...its.map((mark) => mark.cy - reach(mark)));
    const bottom = Math.max(...its.map((mark) => mark.cy + reach(mark)));
    const wide = Math.max(right - left, (bottom - top) * width / height) * 1.5;
    set((left + right - wide) / 2, (top + bottom - wide * height / width) / 2, wide);
  }

  // --- the period and the filter: marks recounted -------------------------------------
  let period = null;
  // Counts in the page's language, in the digits the build wrote them with.
  const written = marks.find((mark) => mark.text)?.text.textContent || "";
  const digits = new Intl.NumberFormat(document.documentElement.lang || undefined,
    /[0-9]/.test(written) ? {numberingSystem: "latn"} : {});
  for (const mark of marks) {
    mark.written = mark.text?.textContent || "";
    mark.shown = mark.count;
  }
  function recount() {
    let total = 0;
    for (const mark of marks) {
      const listed = mark.members.filter((entry) => !entry.item.hidden && !entry.item.classList.contains("tl-outside")).length;
      // Its events this page does not list: counted when the mark's dates meet the period.
      const unlisted = mark.count - mark.members.length;
      const meets = !period || (mark.first < period[1] && mark.last + DAY > period[0]);
      const count = listed + (unlisted > 0 && meets ? unlisted : 0);
      // Written only when changed: a page of hundreds of marks redraws none for nothing.
      if (count !== mark.shown) {
        mark.shown = count;
        mark.link.style.display = count ? "" : "none";
        if (mark.text) {
          mark.text.textContent = count === mark.count ? mark.written : digits.format(count);
        }
      }
      total += count;
    }
    const located = marks.reduce((sum, mark) => sum + mark.count, 0);
    status.textContent = total < located ? controls.dataset.wordPeriod.replace("{shown}", String(total)) : "";
    status.dataset.shown = String(total);
  }
  onView((now) => {
    period = now;
    recount();
  });
  onFilter(recount);

  // --- a place or an area chosen ----------------------------------------------------
  // Only a list whose items say where they are (a listing's: data-at) can be narrowed to
  // a place or an area; elsewhere (an actor's page) the map zooms, and its marks open.
  const filterable = items.some((entry) => entry.at);
  const known = new Set([...items.flatMap((entry) => entry.places), ...marks.flatMap((mark) => [...mark.places])]);
  const chosen = controls.querySelector(".tl-map__chosen") || document.createElement("span");
  chosen.className = "tl-map__chosen";
  status.before(chosen);

  function inside(at, area) {
    if (!at) {
      return false;
    }
    const lon = at.lon < area.west ? at.lon + 360 : at.lon;
    return at.lat >= area.south && at.lat <= area.north && lon >= area.west && lon <= area.east;
  }
  // A place's name (its mark's, written beside the controls, or a link's in the list
  // under the map), and the address of its page (a link to it, or made like its mark's
  // link: events/x/ → places/id/).
  const names = new Map([...controls.querySelector("template.tl-map__names")?.content.children || []]
    .map((name) => [name.dataset.place, name.textContent]));
  function nameOf(place) {
    const mark = marks.find((each) => each.place === place);
    const link = [...figure.querySelectorAll(".tl-map__list ul a[href]")].find((each) => placeOf(each) === place);
    const text = names.get(place) || link?.textContent.trim() || place;
    const page = [...document.querySelectorAll("a[href]")].find((each) => placeOf(each) === place);
    const href = page ? page.getAttribute("href") : mark?.link.getAttribute("href").replace(/events\/[^/]+\/$/, `places/${place}/`);
    return {text, href: href && PLACE_PATH.test(href) ? href : ""};
  }
  function say(place, area) {
    chosen.textContent = "";
    if (place) {
      const [before, after] = controls.dataset.wordPlace.split("{place}");
      const {text, href} = nameOf(place);
      const link = document.createElement(href ? "a" : "bdi");
      link.textContent = text;
      if (href) {
        link.href = href;
        link.dir = "auto";
      }
      chosen.append(before, link, after || "");
    } else if (area) {
      chosen.textContent = controls.dataset.wordArea;
    }
  }

  function choose({place = "", area = null}) {
    for (const entry of items) {
      const match = place ? entry.places.includes(place) : area ? inside(entry.at, area) : true;
      entry.item.classList.toggle("tl-elsewhere", !match);
    }
    for (const mark of marks) {
      const match = place ? mark.places.has(place) || mark.members.some((entry) => entry.places.includes(place))
        : area ? inside({lat: Number(mark.link.dataset.lat), lon: Number(mark.link.dataset.lon)}, area) : true;
      mark.link.classList.toggle("tl-map__mark--dim", !match);
    }
    everyPlace.hidden = !place && !area;
    say(place, area);
    filtered();
  }
  function pick(values) {
    write({place: values.place || "", bbox: values.area ? [values.area.west, values.area.south, values.area.east, values.area.north].join(",") : ""}, true);
    note.hidden = true;
    choose(values);
  }

  // A place's mark, or a place in the list under the map: its events.  A merged mark: the
  // area of its disc, zoomed to.  Another mark (one event) still opens its page, as does
  // any link clicked with a modifier (a new tab).
  figure.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!filterable || !link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    const mark = marks.find((each) => each.link === link);
    const place = placeOf(link);  // a mark named for one event still opens its page
    if (place) {
      event.preventDefault();
      pick({place});
    } else if (mark && mark.link.getAttribute("href").startsWith("#")) {
      event.preventDefault();
      const reach = Number(mark.circle.getAttribute("r")) * 1.1;
      const round = (n) => Number(n.toFixed(3));
      const area = {west: round(west + (mark.cx - reach) / xPerDegree), east: round(west + (mark.cx + reach) / xPerDegree),
        north: round(north - (mark.cy - reach) / yPerDegree), south: round(north - (mark.cy + reach) / yPerDegree)};
      showArea(area);
      pick({area});
    }
  });
  controls.addEventListener("click", (event) => {
    const what = event.target.closest("button[data-map]")?.dataset.map;
    if (what === "area") {
      pick({area: shown()});
    } else if (what === "all") {
      pick({});
    }
  });

  // The choice the address names (on load, and back and forward): a place of this page's
  // events, or an area that meets the map.
  function restore(first) {
    const place = read("place", (value) => isPlaceId(value) && known.has(value));
    const area = read("bbox", (value) => {
      const asked = box(value);
      return asked && asked.west < Number(data.east) && asked.east > west && asked.south < north && asked.north > Number(data.south);
    });
    if (place.refused || area.refused) {
      write({place: "", bbox: ""});
    }
    const values = {place: place.value, area: !place.value && area.value ? box(area.value) : null};
    if (values.area && first) {
      showArea(values.area);
    } else if (values.place && first) {
      showPlace(values.place);
    }
    if (!first || values.place || values.area) {  // on load, nothing to undo
      choose(values);
    }
    note.hidden = !(place.refused || area.refused);
  }
  window.addEventListener("popstate", () => restore(false));

  controls.hidden = false;
  for (const mark of marks) {
    mark.r = mark.circle.getAttribute("r");
  }
  if (filterable) {
    restore(true);
  } else {
    controls.querySelector("button[data-map=area]").hidden = true;
  }
  recount();
}
