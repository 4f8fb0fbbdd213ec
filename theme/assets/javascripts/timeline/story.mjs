// A story step by step (story.html): the previous and next buttons, the arrow keys (the
// other way round on a right-to-left page), or scrolling, each make a step the current
// one.  The current step is marked, so is its event on the overview (moved to it, through
// zoom.mjs) and on the map when the page has one; the step is in the address (#step-3),
// so that it can be linked, and a page opened at #step-3 starts there.  Moving by button
// or key adds a history entry (back returns to the step before) and takes the focus to
// the step's heading; scrolling only rewrites the address.  Without JavaScript the page
// is the same list of steps, without the buttons.
import {showDays} from "./zoom.mjs";

// The address's step: #step-N, N a step of the story (anything else is no step).
const ANCHOR = /^#step-([1-9][0-9]{0,5})$/;

/** The index of the step the address names, -1 for none, or null when it names one the
 *  story does not have. */
function asked(hash, count) {
  const match = ANCHOR.exec(hash);
  if (!match) {
    return -1;
  }
  const number = Number(match[1]);
  return number <= count ? number - 1 : null;
}

/** Marks a map's marks of `eventId` as current (and unmarks the others) when the page has
 *  a map drawn at build time (partials/tl-map.html: `a.tl-map__mark` with the ids of the
 *  events it stands for in `data-events`); does nothing on a page without one. */
export function markOnMap(root, eventId) {
  for (const mark of root.querySelectorAll("a.tl-map__mark.tl-map__mark--current")) {
    mark.classList.remove("tl-map__mark--current");
  }
  if (!eventId) {
    return;
  }
  for (const mark of root.querySelectorAll(`a.tl-map__mark[data-events~="${CSS.escape(eventId)}"]`)) {
    mark.classList.add("tl-map__mark--current");
  }
}

// A key that moves between steps, unless the reader is typing, or the key belongs to
// something else (the overview picture pans with the arrows, a link's menu, a dialog).
function stepKey(event, rtl) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
    return 0;
  }
  const target = event.target;
  if (target.closest && target.closest("input, textarea, select, [contenteditable], svg, .md-search")) {
    return 0;
  }
  const forward = rtl ? "ArrowLeft" : "ArrowRight";
  const back = rtl ? "ArrowRight" : "ArrowLeft";
  return event.key === forward ? 1 : event.key === back ? -1 : 0;
}

/** Wires a story's page (its `article.tl-story`). */
export function startStory(article) {
  const steps = [...article.querySelectorAll("li.tl-step")];
  const controls = article.querySelector(".tl-story__controls");
  if (!steps.length || !controls) {
    return;
  }
  const status = controls.querySelector(".tl-story__status");
  const previous = controls.querySelector("[data-step=previous]");
  const next = controls.querySelector("[data-step=next]");
  const note = controls.querySelector(".tl-note");
  const guide = article.querySelector(".tl-story__guide");
  const figure = guide.querySelector(".tl-picture");
  const rtl = getComputedStyle(article).direction === "rtl";
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const headings = steps.map((step) => step.querySelector("h2"));
  for (const heading of headings) {
    heading.setAttribute("tabindex", "-1");  // focused when the reader moves to its step
  }
  let current = -1;
  let moving = null;  // the move by button or key scrolling now: the steps it passes do not count

  function mark(index) {
    steps.forEach((step, at) => {
      step.classList.toggle("tl-step--current", at === index);
      if (at === index) {
        step.setAttribute("aria-current", "step");
      } else {
        step.removeAttribute("aria-current");
      }
    });
    const number = String(index + 1);
    for (const link of article.querySelectorAll(".tl-picture a.tl-picture__mark[data-steps]")) {
      link.classList.toggle("tl-picture__mark--current", link.dataset.steps.split(" ").includes(number));
    }
    const step = steps[index];
    markOnMap(document, step.dataset.event || "");
    if (figure && step.dataset.first) {
      showDays(figure, step.dataset.first, step.dataset.last);
    }
    status.textContent = step.querySelector(".tl-step__number").textContent;
    previous.disabled = index === 0;
    next.disabled = index === steps.length - 1;
  }

  // The step in the address: a new history entry for a move the reader asked for, the
  // same entry rewritten while scrolling (where the address names a step or nothing: a
  // footnote's #fn:… stays as the reader followed it).
  function remember(index, entry) {
    const address = window.location.pathname + window.location.search + "#" + steps[index].id;
    if (entry) {
      window.history.pushState(null, "", address);
    } else if (!window.location.hash || ANCHOR.test(window.location.hash)) {
      window.history.replaceState(null, "", address);
    }
  }

  function go(index, {entry = false, focus = false, scroll = false} = {}) {
    if (index < 0 || index >= steps.length) {
      return;
    }
    if (index !== current) {
      current = index;
      mark(index);
    }
    remember(index, entry);
    if (scroll) {
      const mine = (moving = Symbol("move"));
      const target = steps[index];
      target.scrollIntoView({behavior: smooth ? "smooth" : "auto", block: "start"});
      // Scrolling chooses again once this scroll has arrived (a step near the page's end
      // arrives where the page ends), not at the end of one that a later move interrupted;
      // at the latest after a few seconds.
      const arrived = () => {
        const top = target.getBoundingClientRect().top;
        const bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
        return Math.abs(top - parseFloat(target.style.scrollMarginTop || "0")) < 4 || bottom;
      };
      const done = () => {
        if (moving === mine && arrived()) {
          moving = null;
        }
        if (moving !== mine) {
          window.removeEventListener("scrollend", done);
        }
      };
      window.addEventListener("scrollend", done);
      window.setTimeout(done, smooth ? 1000 : 100);
      window.setTimeout(() => {
        if (moving === mine) {
          moving = null;
        }
      }, 3000);
    }
    if (focus) {
      headings[index].focus({preventScroll: true});
    }
    if (note) {
      note.hidden = true;
    }
  }

  function move(by) {
    go(Math.min(Math.max((current < 0 ? -1 : current) + by, 0), steps.length - 1), {entry: true, focus: true, scroll: true});
  }

  previous.addEventListener("click", () => move(-1));
  next.addEventListener("click", () => move(1));
  document.addEventListener("keydown", (event) => {
    const by = stepKey(event, rtl);
    if (by) {
      event.preventDefault();
      move(by);
    }
  });
  // Back and forward through the steps the reader moved to, or a step typed into the address.
  window.addEventListener("popstate", () => {
    const index = asked(window.location.hash, steps.length);
    if (index === null) {
      note.hidden = false;
    } else if (index >= 0) {
      go(index, {focus: true, scroll: true});
    }
  });
  // The step read now: the one across the reading line, just under what stays on top of
  // the page (the header, and on a wide screen the guide).  A step moved to is scrolled
  // to just above that line.  Both are measured again when the window's size changes.
  let observer = null;
  function watch() {
    const header = document.querySelector(".md-header");
    const stuck = getComputedStyle(guide).position === "sticky";
    const top = stuck ? parseFloat(getComputedStyle(guide).top) + guide.offsetHeight : (header ? header.offsetHeight : 0);
    const line = Math.min(Math.round(top) + 24, window.innerHeight - 2);
    for (const step of steps) {
      step.style.scrollMarginTop = `${line - 16}px`;
    }
    observer?.disconnect();
    observer = new IntersectionObserver((entries) => {
      const crossing = entries.find((entry) => entry.isIntersecting);
      if (crossing && !moving) {
        go(steps.indexOf(crossing.target));
      }
    }, {rootMargin: `-${line}px 0px -${window.innerHeight - line - 1}px 0px`});
    for (const step of steps) {
      observer.observe(step);
    }
  }

  controls.hidden = false;
  watch();
  let resized = 0;
  window.addEventListener("resize", () => {
    window.clearTimeout(resized);
    resized = window.setTimeout(watch, 200);
  });
  // Opened at a step, the page starts there; opened at its top, no step is current yet
  // (the overview shows the whole story) and "next" leads to the first.
  const start = asked(window.location.hash, steps.length);
  previous.disabled = true;
  if (start === null) {
    note.hidden = false;  // a step the story does not have: the reader starts at the top
  } else if (start >= 0) {
    go(start, {scroll: true});
  }
}
