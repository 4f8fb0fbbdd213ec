// Search, answered by Pagefind in the browser.  Nothing is fetched until the reader
// goes to the search field: then Pagefind's small loader, the list of the index's
// shards and their metadata (while the reader types), and only the index chunks the
// query needs.
// Every form[data-tl-search] is served: the header's dialog and the search page (with
// filters by kind, year, actor and tag, and the query kept in the address: ?q=…).
// The words come from the page, in its language (data-word-* attributes).
import {oneOf, read, words, write} from "./address.mjs";

const FILTERS = ["kind", "year", "actor", "tag"];
const PRELOAD_LETTERS = 3;
let loading = null;
let latest = 0;

// The folders of the index's other shards (a large chronology is indexed in parts,
// generator/build/search_index.py); Pagefind searches them with the first as one.
async function shards(bundle) {
  const response = await fetch(new URL("shards.json", bundle));
  if (!response.ok) {
    throw new Error("The search index lists no shards");
  }
  const folders = await response.json();
  return Array.isArray(folders) ? folders.filter((folder) => typeof folder === "string") : [];
}

// Pagefind, loaded once; a load that failed is tried again at the next search.
function pagefind(form) {
  if (!loading) {
    const bundle = new URL(form.dataset.tlSearch, window.location.href);
    loading = import(new URL("pagefind.js", bundle).href).then(async (engine) => {
      // Result addresses are written from the site's root, wherever it is published.
      const baseUrl = new URL("../", bundle).pathname;
      const [others] = await Promise.all([shards(bundle), engine.options({baseUrl})]);
      await engine.init();
      await Promise.all(others.map((folder) => engine.mergeIndex(new URL(folder, bundle).href, {baseUrl})));
      return engine;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

function word(form, name) {
  return form.getAttribute("data-word-" + name) || "";
}

function parts(form) {
  const scope = form.closest(".md-search__inner") || form.parentNode;
  return {status: scope.querySelector(".tl-search__status"), list: scope.querySelector(".tl-search__results")};
}

// Pagefind marks the words found with <mark>; everything else is shown as text.
function excerpt(html) {
  const holder = document.createElement("p");
  const parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      holder.appendChild(mark);
    } else {
      holder.appendChild(document.createTextNode(node.textContent));
    }
  }
  holder.className = "tl-search__excerpt";
  holder.dir = "auto";
  return holder;
}

function render(list, results) {
  list.textContent = "";
  for (const data of results) {
    const item = document.createElement("li");
    item.className = "tl-search__result";
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta?.title || data.url;
    link.dir = "auto"; // an editor's title keeps its own direction
    item.appendChild(link);
    const facts = [data.meta?.date, data.meta?.actors].filter(Boolean);
    if (facts.length) {
      const line = document.createElement("p");
      line.className = "tl-search__facts";
      line.textContent = facts.join(" · ");
      item.appendChild(line);
    }
    item.appendChild(excerpt(data.excerpt || ""));
    list.appendChild(item);
  }
}

function chosenFilters(form) {
  const filters = {};
  for (const select of form.querySelectorAll("select[data-filter]")) {
    if (select.value) {
      filters[select.dataset.filter] = select.value;
    }
  }
  return filters;
}

async function run(form) {
  const query = form.elements.q.value.trim();
  const filters = chosenFilters(form);
  const view = parts(form);
  const ticket = ++latest;
  if (!query && !Object.keys(filters).length) {
    view.status.textContent = "";
    view.list.textContent = "";
    return;
  }
  view.status.textContent = word(form, "searching");
  try {
    const engine = await pagefind(form);
    const found = await engine.search(query || null, {filters});
    const data = await Promise.all(found.results.slice(0, 10).map((result) => result.data()));
    if (ticket !== latest) {
      return;  // a newer query is on its way
    }
    render(view.list, data);
    view.status.textContent = found.results.length
      ? word(form, "results").replace("{count}", String(found.results.length))
      : word(form, "none").replace("{query}", query);
  } catch {
    if (ticket === latest) {
      view.list.textContent = "";
      view.status.textContent = word(form, "unavailable");
    }
  }
}

function remember(form) {
  write({q: form.elements.q.value.trim(), ...Object.fromEntries(FILTERS.map((name) => [name, ""])),
    ...chosenFilters(form)});
}

// The search page's filters, made from the index once it is loaded; their choices from
// the address when it offers them.
async function fillFilters(form) {
  const holder = form.querySelector(".tl-search__filters");
  if (holder.childElementCount) {
    return;
  }
  const available = await (await pagefind(form)).filters();
  let refused = false;
  for (const name of FILTERS.filter((each) => available[each])) {
    const values = Object.keys(available[name]).sort();
    const label = document.createElement("label");
    label.textContent = form.getAttribute("data-label-" + name) + " ";
    const select = document.createElement("select");
    select.dataset.filter = name;
    select.name = name;
    select.append(new Option(form.getAttribute("data-label-any"), ""));
    for (const value of values) {
      select.append(new Option(value + " (" + available[name][value] + ")", value));
    }
    const wanted = read(name, oneOf(values));
    select.value = wanted.value;
    refused = refused || wanted.refused;
    select.addEventListener("change", () => {
      form.querySelector(".tl-note").hidden = true;
      remember(form);
      run(form);
    });
    label.appendChild(select);
    holder.appendChild(label);
  }
  if (refused) {
    form.querySelector(".tl-note").hidden = false;
    remember(form);
  }
}

// The search page: the query from the address; a failed load says so and is tried again
// at the next search.
function searchPage(form) {
  const search = () => fillFilters(form).then(() => run(form), () => {
    parts(form).status.textContent = word(form, "unavailable");
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    remember(form);
    search();
  });
  form.elements.q.value = read("q", words).value;
  search();
}

/** Wires every search form of the page, and the header's search to "/" and Escape. */
export function startSearch(forms) {
  for (const form of forms) {
    const input = form.elements.q;
    let timer = null;
    // Going to the field starts loading the search, so that it is ready when the first
    // word is; from its third letter each keystroke asks for the word's index chunk at
    // once (the search itself waits for a pause in the typing).  Not before: a chunk of
    // each shard for "m", another for "mo", that the word would not need.
    input.addEventListener("focus", () => pagefind(form).catch(() => {}));
    input.addEventListener("input", () => {
      const query = input.value.trim();
      if (query.length >= PRELOAD_LETTERS) {
        pagefind(form).then((engine) => engine.preload(query)).catch(() => {});
      }
      clearTimeout(timer);
      timer = setTimeout(() => run(form), 150);
    });
    if (!form.closest(".md-search")) {
      searchPage(form);
    }
  }

  // The header's search opens on "/" (as in Material), and its field takes the focus.
  const toggle = document.getElementById("__search");
  const header = [...forms].find((form) => form.closest(".md-search"));
  if (!toggle || !header) {
    return;
  }
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      header.elements.q.focus();
    }
  });
  document.addEventListener("keydown", (event) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing) {
      event.preventDefault();
      toggle.checked = true;
      header.elements.q.focus();
    } else if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      header.elements.q.blur();
    }
  });
}
