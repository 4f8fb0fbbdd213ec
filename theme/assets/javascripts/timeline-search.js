// Search, answered by Pagefind in the browser.  Nothing is fetched until the reader
// goes to the search field: then Pagefind's small loader and its metadata (while the
// reader types), and only the index chunks the query needs.
// Every form[data-tl-search] is served: the header's dialog and the search page (with
// filters by kind, year, actor and tag, and the query kept in the address: ?q=…).
// The words come from the page, in its language (data-* attributes).
(function () {
  "use strict";
  var forms = Array.prototype.slice.call(document.querySelectorAll("form[data-tl-search]"));
  if (!forms.length) {
    return;
  }
  function word(form, name) {
    return form.getAttribute("data-word-" + name) || "";
  }
  var loading = null;

  function pagefind(form) {
    if (!loading) {
      var bundle = new URL(form.getAttribute("data-tl-search"), window.location.href);
      loading = import(new URL("pagefind.js", bundle).href).then(function (module) {
        // Result addresses are written from the site's root, wherever it is published.
        return module.options({baseUrl: new URL("../", bundle).pathname}).then(function () {
          return module.init();
        }).then(function () {
          return module;
        });
      });
    }
    return loading;
  }

  function parts(form) {
    var scope = form.closest(".md-search__inner") || form.parentNode;
    return {status: scope.querySelector(".tl-search__status"), list: scope.querySelector(".tl-search__results")};
  }

  // Pagefind marks the words found with <mark>; everything else is shown as text.
  function excerpt(html) {
    var holder = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        holder.appendChild(mark);
      } else {
        holder.appendChild(document.createTextNode(node.textContent));
      }
    });
    holder.className = "tl-search__excerpt";
    return holder;
  }

  function render(list, results) {
    list.textContent = "";
    results.forEach(function (data) {
      var item = document.createElement("li");
      item.className = "tl-search__result";
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      item.appendChild(link);
      var facts = [data.meta && data.meta.date, data.meta && data.meta.actors].filter(Boolean);
      if (facts.length) {
        var line = document.createElement("p");
        line.className = "tl-search__facts";
        line.textContent = facts.join(" · ");
        item.appendChild(line);
      }
      item.appendChild(excerpt(data.excerpt || ""));
      list.appendChild(item);
    });
  }

  function chosenFilters(form) {
    var filters = {};
    form.querySelectorAll("select[data-filter]").forEach(function (select) {
      if (select.value) {
        filters[select.getAttribute("data-filter")] = select.value;
      }
    });
    return filters;
  }

  var latest = 0;
  function run(form) {
    var query = form.elements.q.value.trim();
    var filters = chosenFilters(form);
    var view = parts(form);
    var ticket = ++latest;
    if (!query && !Object.keys(filters).length) {
      view.status.textContent = "";
      view.list.textContent = "";
      return;
    }
    view.status.textContent = word(form, "searching");
    pagefind(form).then(function (engine) {
      return engine.search(query || null, {filters: filters});
    }).then(function (found) {
      return Promise.all(found.results.slice(0, 10).map(function (result) { return result.data(); })).then(function (data) {
        if (ticket !== latest) {
          return;  // a newer query is on its way
        }
        render(view.list, data);
        view.status.textContent = found.results.length
          ? word(form, "results").replace("{count}", String(found.results.length))
          : word(form, "none").replace("{query}", query);
      });
    }).catch(function () {
      view.status.textContent = word(form, "unavailable");
    });
  }

  function fillFilters(form) {
    var holder = form.querySelector(".tl-search__filters");
    if (!holder) {
      return Promise.resolve();
    }
    return pagefind(form).then(function (engine) { return engine.filters(); }).then(function (available) {
      var wanted = new URLSearchParams(window.location.search);
      ["kind", "year", "actor", "tag"].forEach(function (name) {
        if (!available[name]) {
          return;
        }
        var label = document.createElement("label");
        label.textContent = form.getAttribute("data-label-" + name) + " ";
        var select = document.createElement("select");
        select.setAttribute("data-filter", name);
        select.name = name;
        var any = document.createElement("option");
        any.value = "";
        any.textContent = form.getAttribute("data-label-any");
        select.appendChild(any);
        Object.keys(available[name]).sort().forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value + " (" + available[name][value] + ")";
          select.appendChild(option);
        });
        select.value = wanted.get(name) || "";
        select.addEventListener("change", function () { remember(form); run(form); });
        label.appendChild(select);
        holder.appendChild(label);
      });
    });
  }

  function remember(form) {
    var params = new URLSearchParams();
    if (form.elements.q.value.trim()) {
      params.set("q", form.elements.q.value.trim());
    }
    var filters = chosenFilters(form);
    Object.keys(filters).forEach(function (name) { params.set(name, filters[name]); });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  forms.forEach(function (form) {
    var input = form.elements.q;
    var timer = null;
    var onPage = !form.closest(".md-search");
    // Going to the field starts loading the search, so that it is ready when the first
    // word is; each keystroke asks for the word's index chunk at once (the search itself
    // waits for a pause in the typing).
    input.addEventListener("focus", function () { pagefind(form); });
    input.addEventListener("input", function () {
      var query = input.value.trim();
      if (query) {
        pagefind(form).then(function (engine) { return engine.preload(query); }).catch(function () {});
      }
      clearTimeout(timer);
      timer = setTimeout(function () { run(form); }, 150);
    });
    if (onPage) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        remember(form);
        run(form);
      });
      input.value = new URLSearchParams(window.location.search).get("q") || "";
      fillFilters(form).then(function () { run(form); });
    }
  });

  // The header's search opens on "/" (as in Material), and its field takes the focus.
  var toggle = document.getElementById("__search");
  var header = forms.filter(function (form) { return form.closest(".md-search"); })[0];
  if (toggle && header) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        header.elements.q.focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
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
})();
