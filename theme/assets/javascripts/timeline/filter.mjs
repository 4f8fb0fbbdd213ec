// The timeline's filter: its events in place by actor, tag and year.  The filter lives
// in the address (?actor=…&tag=…&year=…), so a filtered view can be linked and cited.
// Without JavaScript the form stays hidden and the actor, tag and year pages do the
// same job.
import {oneOf, read, write} from "./address.mjs";

const NAMES = ["actor", "tag", "year"];
const listeners = [];

/** Calls `listener` after every change of the filter (the pictures show the same subset). */
export function onFilter(listener) {
  listeners.push(listener);
}

function hideEmpty(selector) {
  for (const block of document.querySelectorAll(selector)) {
    block.hidden = !block.querySelector("li:not([hidden]):not(.tl-elsewhere)");
  }
}

/** After the list changed (this filter, or the map's choice of a place or an area, which
 *  marks the others tl-elsewhere): headings left empty are hidden, the pictures redrawn. */
export function filtered() {
  hideEmpty(".tl-month");
  hideEmpty("section.tl-year");
  for (const listener of listeners) {
    listener();
  }
}

// The page's choices of one select, by value: their places in its list (as the items
// name them: data-actors="0 4"), the first option ("all") left out.
function places(select) {
  return new Map([...select?.options || []].slice(1).map((option, index) => [option.value, String(index)]));
}

// The actor named by a link to its page (actors/<id>/).
function actorOf(link) {
  return link.getAttribute("href").replace(/\/$/, "").split("/").pop();
}

// A page of cards names its actors only in the cards' links (the build does not repeat
// them in the form): the actor choice is made from those links, by name.
function offerActorsOfCards(select) {
  if (!select || select.options.length > 1) {
    return;
  }
  const links = new Map();
  for (const link of document.querySelectorAll("section.tl-year a.tl-actor-link")) {
    links.set(actorOf(link), links.get(actorOf(link)) || link);
  }
  const collator = new Intl.Collator(document.documentElement.lang || undefined);
  const sorted = [...links].sort(([, one], [, other]) => collator.compare(one.textContent, other.textContent));
  for (const [id, link] of sorted) {
    const option = new Option(link.textContent, id);
    option.dir = "auto";
    if (link.lang) {
      option.lang = link.lang;
    }
    select.add(option);
  }
}

/** Wires the page's filter form. */
export function startFilter(form) {
  offerActorsOfCards(form.elements.actor);
  // Only the choices this page has (a year page has no year choice, for instance).
  const names = NAMES.filter((name) => form.elements[name]);
  const actors = places(form.elements.actor);
  const tags = places(form.elements.tag);
  // Each item's actors as the choice's values: a row numbers them, a card links them.
  const items = [...document.querySelectorAll("section.tl-year li")].map((item) => ({
    item,
    actors: item.dataset.actors !== undefined ? item.dataset.actors.split(" ")
      : [...item.querySelectorAll("a.tl-actor-link")].map((link) => actors.get(actorOf(link))),
    tags: (item.dataset.tags || "").split(" "),
    year: item.closest("section.tl-year").dataset.year,
  }));
  const status = form.querySelector(".tl-filter__status");
  const note = form.querySelector(".tl-note");

  function matches(entry, state) {
    return (!state.actor || entry.actors.includes(actors.get(state.actor))) &&
      (!state.tag || entry.tags.includes(tags.get(state.tag))) &&
      (!state.year || entry.year === state.year);
  }

  function apply(state) {
    let shown = 0;
    for (const entry of items) {
      entry.item.hidden = !matches(entry, state);
      shown += entry.item.hidden ? 0 : 1;
    }
    const chosen = names.some((name) => state[name]);
    // The words come from the page, in its language: "Showing {shown} of 12 events."
    status.textContent = chosen ? form.dataset.status.replace("{shown}", String(shown)) : "";
    filtered();
  }

  form.addEventListener("change", () => {
    const state = Object.fromEntries(names.map((name) => [name, form.elements[name].value]));
    write(state);  // the picture's from and to stay
    note.hidden = true;
    apply(state);
  });

  const state = {};
  let refused = false;
  for (const name of NAMES) {  // a choice this page does not have is refused too
    const offered = names.includes(name) ? [...form.elements[name].options].map((option) => option.value) : [];
    const wanted = read(name, oneOf(offered.filter(Boolean)));
    state[name] = wanted.value;
    refused = refused || wanted.refused;
  }
  for (const name of names) {
    form.elements[name].value = state[name];
  }
  if (refused) {
    write(state);
    note.hidden = false;
  }
  form.hidden = false;
  apply(state);
}
