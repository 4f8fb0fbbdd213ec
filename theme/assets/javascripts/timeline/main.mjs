// The browser code of every page (mkdocs.yml loads it as a module, after the page is
// parsed): the timeline's filter, the maps, the overview pictures' zoom, search, and on a
// story's page its steps one by one (loaded there only).  Each enhances
// markup that works without it; the `tl-js` class (main.html) keeps their room from the
// first paint.
import {startFilter} from "./filter.mjs";
import {startSearch} from "./search.mjs";
import {startZoom} from "./zoom.mjs";

const filter = document.querySelector("form.tl-filter");
if (filter) {
  startFilter(filter);  // first: the pictures draw what the filter leaves
}
startZoom(document.querySelectorAll(".tl-picture"));
// The map's code only where there is a map to zoom (a chronology without coordinates
// never loads it); it takes the overview's period as it is, and redraws the overview
// when it narrows the list to a place.
const maps = document.querySelectorAll(".tl-map");
if (document.querySelector(".tl-map__zoom")) {
  import("./map.mjs").then(({startMaps}) => startMaps(maps));
}
startSearch(document.querySelectorAll("form[data-tl-search]"));
const story = document.querySelector("article.tl-story");
if (story) {
  import("./story.mjs").then(({startStory}) => startStory(story));  // after the zoom: it moves the pictures
}
