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
    block.hidden = !block.querySelector("li[data-year]:not([hidden])");
  }
}

/** Wires the page's filter form. */
export function startFilter(form) {
  // Only the choices this page has (a year page has no year choice, for instance).
  const names = NAMES.filter((name) => form.elements[name]);
  const items = [...document.querySelectorAll("li[data-year]")];
  const status = form.querySelector(".tl-filter__status");
  const note = form.querySelector(".tl-note");

  function matches(item, state) {
    return (!state.actor || item.dataset.actors.split(" ").includes(state.actor)) &&
      (!state.tag || item.dataset.tags.split(" ").includes(state.tag)) &&
      (!state.year || item.dataset.year === state.year);
  }

  function apply(state) {
    let shown = 0;
    for (const item of items) {
      item.hidden = !matches(item, state);
      shown += item.hidden ? 0 : 1;
    }
    hideEmpty(".tl-month");
    hideEmpty("section.tl-year");
    const filtered = names.some((name) => state[name]);
    // The words come from the page, in its language: "Showing {shown} of 12 events."
    status.textContent = filtered ? form.dataset.status.replace("{shown}", String(shown)) : "";
    for (const listener of listeners) {
      listener();
    }
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
