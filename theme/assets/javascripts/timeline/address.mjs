// The page's address: the one place that reads and writes its query string.  Every
// value is read through a check, and a value the check refuses is as if absent (the
// caller says so to the reader).  A view is written back in place (no new history
// entry, but for a choice the reader may want to go back from), so that it can be
// linked and cited.

function query() {
  return new URLSearchParams(window.location.search);
}

/** `name`'s value in the address if `check` accepts it: {value, refused}; value is ""
 *  when the address has none or `check` refuses it (then `refused` is true). */
export function read(name, check) {
  const value = query().get(name);
  if (!value) {
    return {value: "", refused: false};
  }
  return check(value) ? {value, refused: false} : {value: "", refused: true};
}

/** Sets each of `values` in the address, removing those that are ""; the others stay.
 *  In place, or (`push`: a choice the reader may want to go back from) as a new entry of
 *  the history, which back and forward restore (each module listens to "popstate"). */
export function write(values, push = false) {
  const params = query();
  for (const [name, value] of Object.entries(values)) {
    if (value) {
      params.set(name, value);
    } else {
      params.delete(name);
    }
  }
  const text = params.toString();
  const address = window.location.pathname + (text ? "?" + text : "") + window.location.hash;
  if (push) {
    window.history.pushState(null, "", address);
  } else {
    window.history.replaceState(null, "", address);
  }
}

/** A check: one of `values`. */
export function oneOf(values) {
  return (value) => values.includes(value);
}

/** A check: a search's words (any text of a sensible length). */
export function words(value) {
  return value.trim().length > 0 && value.length <= 500;
}
