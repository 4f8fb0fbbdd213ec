// Progressive enhancement of the timeline page: filter the events in place by actor,
// tag and year.  The filter lives in the address (?actor=…&tag=…&year=…), so a filtered
// view can be linked and cited.  Without JavaScript the form stays hidden and the
// actor, tag and year pages do the same job.
(function () {
  "use strict";
  var form = document.querySelector("form.tl-filter");
  if (!form) {
    return;
  }
  // Only the selects this page has (a year page has no year choice, for instance).
  var names = ["actor", "tag", "year"].filter(function (name) { return form.elements[name]; });
  var items = Array.prototype.slice.call(document.querySelectorAll("li[data-year]"));
  var status = form.querySelector(".tl-filter__status");

  function wanted() {
    var params = new URLSearchParams(window.location.search);
    var state = {actor: "", tag: "", year: ""};
    names.forEach(function (name) { state[name] = params.get(name) || ""; });
    return state;
  }

  function matches(item, state) {
    var actors = item.getAttribute("data-actors").split(" ");
    var tags = item.getAttribute("data-tags").split(" ");
    return (!state.actor || actors.indexOf(state.actor) >= 0) &&
      (!state.tag || tags.indexOf(state.tag) >= 0) &&
      (!state.year || item.getAttribute("data-year") === state.year);
  }

  function hideEmpty(selector) {
    document.querySelectorAll(selector).forEach(function (block) {
      block.hidden = !block.querySelector("li[data-year]:not([hidden])");
    });
  }

  function apply(state) {
    var shown = 0;
    items.forEach(function (item) {
      item.hidden = !matches(item, state);
      shown += item.hidden ? 0 : 1;
    });
    hideEmpty(".tl-month");
    hideEmpty("section.tl-year");
    names.forEach(function (name) { form.elements[name].value = state[name]; });
    var filtered = names.some(function (name) { return state[name]; });
    // The words come from the page, in its language: "Showing {shown} of 12 events."
    status.textContent = filtered ? form.getAttribute("data-status").replace("{shown}", String(shown)) : "";
    // The overview picture (timeline-zoom.js) shows the same subset.
    document.dispatchEvent(new CustomEvent("tl-filtered"));
  }

  form.addEventListener("change", function () {
    var params = new URLSearchParams(window.location.search);  // keeps the picture's from and to
    var state = {actor: "", tag: "", year: ""};
    names.forEach(function (name) {
      state[name] = form.elements[name].value;
      params.delete(name);
      if (state[name]) {
        params.set(name, state[name]);
      }
    });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    apply(state);
  });

  form.hidden = false;
  apply(wanted());
})();
