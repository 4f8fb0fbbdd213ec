// The browser code of every page (mkdocs.yml loads it as a module, after the page is
// parsed): the timeline's filter, the maps, the overview pictures' zoom, search.  Each enhances
// markup that works without it; the `tl-js` class (main.html) keeps their room from the
// first paint.
import {startFilter} from "./filter.mjs";
import {startMaps} from "./map.mjs";
import {startSearch} from "./search.mjs";
import {startZoom} from "./zoom.mjs";

const filter = document.querySelector("form.tl-filter");
if (filter) {
  startFilter(filter);  // first: the pictures draw what the filter leaves
}
// The map before the overview: its place or area narrows the list the overview draws,
// and it follows the overview's period from its first drawing.
startMaps(document.querySelectorAll(".tl-map"));
startZoom(document.querySelectorAll(".tl-picture"));
startSearch(document.querySelectorAll("form[data-tl-search]"));
