// The zoom and pan gestures shared by the overview pictures (zoom.mjs, in time) and the
// maps (map.mjs, in space): the buttons, + and − and the arrow keys, the wheel, dragging
// with one pointer and pinching with two.  Each picture says what a gesture does to its
// own view; here a gesture is only where it happened and how far it went, as fractions
// of the picture's box (0 at its left or top edge, 1 at the other).

// A drag shorter than this (in CSS pixels) is a click: the mark under it still opens.
const SLOP = 3;

/** Wires `svg` (made focusable) and the `controls` (buttons with data-zoom="in", "out",
 *  "reset"; others are the caller's) to `view`'s functions:
 *  zoom(factor, {x, y}) — factor < 1 zooms in, about that point of the box;
 *  pan(dx, dy) — moves the view by those fractions of its size;
 *  reset() — the whole picture.
 *  `vertical`: whether up and down move the view too (a map) or are left to the page. */
export function gestures(svg, controls, view, {vertical = false} = {}) {
  const middle = {x: 0.5, y: 0.5};
  controls.addEventListener("click", (event) => {
    const what = event.target.closest("button[data-zoom]")?.dataset.zoom;
    if (what === "in") {
      view.zoom(0.5, middle);
    } else if (what === "out") {
      view.zoom(2, middle);
    } else if (what === "reset") {
      view.reset();
    }
  });

  svg.setAttribute("tabindex", "0");
  const keys = {"+": () => view.zoom(0.5, middle), "=": () => view.zoom(0.5, middle), "-": () => view.zoom(2, middle),
    ArrowLeft: () => view.pan(-0.2, 0), ArrowRight: () => view.pan(0.2, 0), Home: () => view.reset()};
  if (vertical) {
    Object.assign(keys, {ArrowUp: () => view.pan(0, -0.2), ArrowDown: () => view.pan(0, 0.2)});
  }
  svg.addEventListener("keydown", (event) => {
    if (Object.hasOwn(keys, event.key) && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      keys[event.key]();
    }
  });

  function at(clientX, clientY) {
    const box = svg.getBoundingClientRect();
    return {x: (clientX - box.left) / box.width, y: (clientY - box.top) / box.height, box};
  }
  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    view.zoom(event.deltaY > 0 ? 1.25 : 0.8, at(event.clientX, event.clientY));
  }, {passive: false});

  // Drag with one pointer; pinch with two (touch): the point under the fingers' middle
  // stays put while their distance sets the zoom.  The CSS's touch-action leaves to the
  // browser the scrolling the picture does not take.
  const touches = new Map();
  let last = null;  // the pointer (or the fingers' middle and distance) at the last move
  let dragged = false;
  function spread() {
    const [one, other] = [...touches.values()];
    const centre = {x: (one.x + other.x) / 2, y: (one.y + other.y) / 2};
    const distance = vertical ? Math.hypot(one.x - other.x, one.y - other.y) : Math.abs(one.x - other.x);
    return {...centre, distance: distance || 1};
  }
  svg.addEventListener("pointerdown", (event) => {
    touches.set(event.pointerId, {x: event.clientX, y: event.clientY});
    last = touches.size === 2 ? spread() : {x: event.clientX, y: event.clientY, start: {x: event.clientX, y: event.clientY}};
    dragged = false;
  });
  function lift(event) {
    touches.delete(event.pointerId);
    last = null;
  }
  window.addEventListener("pointerup", lift);
  window.addEventListener("pointercancel", lift);
  svg.addEventListener("pointermove", (event) => {
    if (!last || !touches.has(event.pointerId)) {
      return;
    }
    touches.set(event.pointerId, {x: event.clientX, y: event.clientY});
    if (touches.size === 2 && last.distance) {
      // Zoomed about where the fingers' middle was, then moved to where it is: what was
      // under it stays under it (a view at its whole extent cannot move before zooming).
      const now = spread();
      const was = at(last.x, last.y);
      view.zoom(last.distance / now.distance, was);
      view.pan((last.x - now.x) / was.box.width, vertical ? (last.y - now.y) / was.box.height : 0);
      last = now;
      dragged = true;
      return;
    }
    if (touches.size !== 1 || event.buttons !== 1 || !last.start) {
      return;
    }
    if (!dragged && Math.hypot(event.clientX - last.start.x, event.clientY - last.start.y) <= SLOP) {
      return;
    }
    const box = svg.getBoundingClientRect();
    view.pan((last.x - event.clientX) / box.width, vertical ? (last.y - event.clientY) / box.height : 0);
    last = {x: event.clientX, y: event.clientY, start: last.start};
    dragged = true;
  });
  // The click that ends a drag does not open the mark the drag began on.
  svg.addEventListener("click", (event) => {
    if (dragged) {
      event.preventDefault();
      event.stopPropagation();
      dragged = false;
    }
  }, true);
}
