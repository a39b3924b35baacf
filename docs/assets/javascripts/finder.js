/*
 * The case-study finder (page: valued_care/templates/pages/finder.md.j2, loaded by overrides/finder.html).
 *
 * The page already lists every case study, so it works without JavaScript. This script shows the search form and
 * filters that same list in place: it moves the existing list items, and builds no markup from data (what it says
 * goes in as text). Its data, window.vcFinderData, is written at build time by valued_care/site/search_index.py;
 * its search engine is finder-search.js. Everything is plain scripts, so the finder also works from file://.
 *
 * The address keeps the state: find= (the words; Material's search owns q=, so an old ?q= link is read once and
 * the address rewritten), one parameter per ticked value, main=1.
 */
(function () {
  "use strict";

  var data = window.vcFinderData;
  var root = document.getElementById("vc-finder");
  if (!data || !root || !window.lunr || !window.vcFinderSearch) {
    document.documentElement.classList.remove("vc-js");  // show the whole static list instead
    return;
  }

  var PAGE = 20;            // results shown at first and added by "Show more"
  var TYPING_MS = 1000;     // keystrokes closer together than this share one history entry
  var ADDRESS_MS = 300;     // the address follows typing once it pauses, not on every keystroke
  var ANNOUNCE_MS = 400;    // wait for typing to pause before the live region speaks
  var PARAM = "find", OLD_PARAM = "q";

  var started = performance.now();
  var engine = window.vcFinderSearch(data);
  var facets = data.facets;
  var docs = data.docs;
  var $ = function (id) { return document.getElementById(id); };
  var form = $("vc-finder-form"), input = $("vc-finder-q"), status = $("vc-finder-status");
  var list = $("vc-finder-results"), more = $("vc-finder-more"), mainOnly = $("vc-f-main");
  var toggle = $("vc-finder-filters-toggle"), filters = $("vc-finder-filters"), toggleCount = $("vc-finder-filters-n");
  var none = $("vc-finder-none"), noneWhy = $("vc-finder-none-why"), noneMean = $("vc-finder-none-mean");
  var noneWords = $("vc-finder-none-words"), noneClear = $("vc-finder-none-clear");
  var items = docs.map(function (doc) { return document.getElementById("cs-" + doc[0]); });
  var allDocs = docs.map(function (_, n) { return n; });
  var INGREDIENT = facets.map(function (facet) { return facet.key; }).indexOf("ingredient");

  // For each facet: its checkboxes, its count labels and its value positions, in the order of data.facets.
  var boxes = [], countLabels = [], valueRows = [], shownCounts = [];
  facets.forEach(function (facet, f) {
    var fieldset = form.querySelector('fieldset[data-facet="' + facet.key + '"]');
    boxes[f] = facet.values.map(function (slug) { return fieldset.querySelector('input[value="' + slug + '"]'); });
    countLabels[f] = facet.values.map(function (slug) { return fieldset.querySelector('[data-count="' + slug + '"]'); });
    valueRows[f] = boxes[f].map(function (box) { return box.parentNode; });
    shownCounts[f] = facet.values.map(function () { return -1; });
  });

  var state = emptyState();
  var limit = PAGE;
  var lastTyped = 0;
  var announceTimer = null, addressTimer = null, newEntry = false;
  var queryCache = new Map();
  var onScreen = null;      // the results in the list now (null: the static list), so an unchanged list is kept

  function emptyState() {
    return { q: "", main: false, selected: facets.map(function (facet) { return facet.values.map(function () { return false; }); }) };
  }

  // ---- state <-> URL and form -------------------------------------------------------------------------------

  function stateFromSearch(search) {
    var params = new URLSearchParams(search), next = emptyState();
    next.q = params.get(PARAM) || params.get(OLD_PARAM) || "";
    next.main = params.get("main") === "1";
    facets.forEach(function (facet, f) {
      params.getAll(facet.key).forEach(function (slug) {
        var v = facet.values.indexOf(slug);
        if (v >= 0) next.selected[f][v] = true;
      });
    });
    return next;
  }

  function stateFromForm() {
    var next = emptyState();
    next.q = input.value;
    next.main = mainOnly ? mainOnly.checked : false;
    boxes.forEach(function (row, f) { row.forEach(function (box, v) { next.selected[f][v] = box.checked; }); });
    return next;
  }

  function searchFromState(s) {
    var params = new URLSearchParams();
    if (s.q.trim()) params.append(PARAM, s.q);
    facets.forEach(function (facet, f) {
      s.selected[f].forEach(function (on, v) { if (on) params.append(facet.key, facet.values[v]); });
    });
    if (s.main) params.append("main", "1");
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function showInForm(s) {
    input.value = s.q;
    if (mainOnly) mainOnly.checked = s.main;
    boxes.forEach(function (row, f) { row.forEach(function (box, v) { box.checked = s.selected[f][v]; }); });
  }

  function remember(replace) {
    var search = searchFromState(state);
    if (search === location.search) return;
    var url = location.pathname + search + location.hash;
    try {
      history[replace ? "replaceState" : "pushState"]({ vcFinder: true }, "", url);
    } catch (err) {
      // Some browsers refuse history entries for file:// pages; the finder still works, the address just stays.
    }
  }

  function ticked() {
    var n = state.main ? 1 : 0;
    state.selected.forEach(function (row) { row.forEach(function (on) { if (on) n++; }); });
    return n;
  }

  // ---- search ------------------------------------------------------------------------------------------------

  function search(text) {
    var key = text.toLowerCase();
    if (queryCache.has(key)) return queryCache.get(key);
    var found = engine.search(text);
    if (queryCache.size > 200) queryCache.clear();
    queryCache.set(key, found);
    return found;
  }

  // ---- filter, count, show -------------------------------------------------------------------------------------

  function render(announceNow) {
    var found = search(state.q);
    var candidates = found ? found.hits : allDocs;
    var nFacets = facets.length;
    var active = state.selected.map(function (row) { return row.indexOf(true) >= 0; });
    var counts = facets.map(function (facet) { return new Array(facet.values.length).fill(0); });
    var results = [];

    for (var c = 0; c < candidates.length; c++) {
      var doc = docs[candidates[c]], failed = 0, failedFacet = -1;
      for (var f = 0; f < nFacets; f++) {
        var values = doc[f + 1], ok = !active[f], n = valueCount(values, f);
        for (var k = 0; !ok && k < n; k++) ok = state.selected[f][values[k]];
        if (!ok) { failed++; failedFacet = f; }
      }
      if (failed > 1) continue;
      if (failed === 0) results.push(candidates[c]);
      // A value's count: the case studies that would match if it were ticked alongside the other groups' choices.
      for (f = 0; f < nFacets; f++) {
        if (failed === 1 && failedFacet !== f) continue;
        values = doc[f + 1];
        for (k = 0, n = valueCount(values, f); k < n; k++) counts[f][values[k]]++;
      }
    }

    showCounts(counts);
    showResults(results);
    showNone(results.length === 0 ? found : null, active.indexOf(true) >= 0 || state.main);
    announce(results.length, found, announceNow);
    toggleCount.textContent = ticked() ? " (" + ticked() + ")" : "";
  }

  // How many of a case study's values in facet f count: only the first (its main ingredient) when the reader asks
  // for main ingredients only.
  function valueCount(values, f) {
    return f === INGREDIENT && state.main ? Math.min(1, values.length) : values.length;
  }

  function showCounts(counts) {
    counts.forEach(function (row, f) {
      row.forEach(function (n, v) {
        if (shownCounts[f][v] === n) return;
        shownCounts[f][v] = n;
        countLabels[f][v].textContent = "(" + n + ")";
        valueRows[f][v].classList.toggle("vc-facet__value--none", n === 0);
      });
    });
  }

  function showResults(results) {
    var shown = Math.min(results.length, limit);
    var same = onScreen !== null && shown === onScreen.length;
    for (var n = 0; same && n < shown; n++) same = results[n] === onScreen[n];
    if (!same) {
      var fragment = document.createDocumentFragment();
      onScreen = results.slice(0, shown);
      for (n = 0; n < shown; n++) fragment.appendChild(items[results[n]]);
      list.replaceChildren(fragment);
    }
    var rest = results.length - shown;
    more.hidden = rest <= 0;
    if (rest > 0) more.textContent = "Show " + Math.min(rest, PAGE) + " more (" + rest + " not shown yet)";
  }

  function quoted(text) { return "\u201c" + text + "\u201d"; }

  function plural(n) { return n + (n === 1 ? " case study" : " case studies"); }

  // What the reader is told about the words: corrections made, and words no case study holds.
  function aboutWords(found) {
    if (!found) return "";
    var said = [];
    found.clauses.forEach(function (clause) {
      if (clause.corrected) said.push("Showing " + quoted(clause.corrected) + " for " + quoted(clause.words) + ".");
      else if (!clause.count) said.push("No case study contains " + quoted(clause.words) + ".");
    });
    return said.join(" ");
  }

  function announce(total, found, now) {
    var text = total === 0 ? "No case studies match" + (state.q.trim() ? " " + quoted(state.q.trim()) : "") + "."
      : plural(total) + (found ? ", most relevant first." : ", A to Z.");
    if (total > 0) text = (text + " " + aboutWords(found)).trim();
    clearTimeout(announceTimer);
    if (now) status.textContent = text;
    else announceTimer = setTimeout(function () { status.textContent = text; }, ANNOUNCE_MS);
  }

  // ---- nothing found: the nearest ways on ------------------------------------------------------------------

  function button(text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "vc-finder__way";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function showNone(found, filtered) {
    none.hidden = !(found || filtered) || list.children.length > 0;
    if (none.hidden) return;
    var matching = found ? found.clauses.filter(function (c) { return c.count > 0; }) : [];
    noneWhy.textContent = matching.length && filtered
      ? "No case study matches these words together with the filters you ticked. Without the filters:"
      : filtered ? "No case study has every filter you ticked." : "No case study contains these words.";
    noneWords.replaceChildren.apply(noneWords, matching.map(function (clause) {
      var li = document.createElement("li");
      li.appendChild(button(clause.words + ": " + plural(clause.count), function () { searchFor(clause.words, true); }));
      return li;
    }));
    noneWords.hidden = !matching.length || !filtered;
    var suggestions = [];
    if (found && !matching.length) {
      found.clauses.forEach(function (c) {
        engine.suggest(c.words).forEach(function (s) { if (suggestions.indexOf(s) < 0) suggestions.push(s); });
      });
    }
    noneMean.replaceChildren(document.createTextNode(suggestions.length ? "Did you mean " : "Try other words, or browse the lists below."));
    suggestions.forEach(function (s, n) {
      if (n) noneMean.appendChild(document.createTextNode(n === suggestions.length - 1 ? " or " : ", "));
      noneMean.appendChild(button(s, function () { searchFor(s, false); }));
    });
    if (suggestions.length) noneMean.appendChild(document.createTextNode("?"));
    noneClear.hidden = !filtered;
  }

  function searchFor(text, clearFilters) {
    state = clearFilters ? emptyState() : stateFromForm();
    state.q = text;
    showInForm(state);
    limit = PAGE;
    render(true);
    remember(false);
    input.focus();
  }

  // ---- events ------------------------------------------------------------------------------------------------

  input.addEventListener("input", function () {
    state.q = input.value;
    limit = PAGE;
    render(false);
    var now = performance.now();
    if (now - lastTyped >= TYPING_MS) newEntry = true;
    lastTyped = now;
    clearTimeout(addressTimer);
    addressTimer = setTimeout(function () { remember(!newEntry); newEntry = false; }, ADDRESS_MS);
  });

  form.addEventListener("change", function (event) {
    if (event.target === input) return;
    clearTimeout(addressTimer);
    state = stateFromForm();
    limit = PAGE;
    lastTyped = 0;
    render(true);
    remember(false);
  });

  form.addEventListener("submit", function (event) { event.preventDefault(); });

  form.addEventListener("reset", function () {
    setTimeout(function () {   // the form's values are reset after this event
      state = emptyState();
      showInForm(state);
      limit = PAGE;
      render(true);
      remember(false);
      input.focus();
    }, 0);
  });

  noneClear.addEventListener("click", function () { searchFor(input.value, true); });

  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    filters.classList.toggle("vc-finder__filters--closed", !open);
  });

  more.addEventListener("click", function () {
    var first = list.children.length;
    limit += PAGE;
    render(true);
    var next = list.children[first];
    var link = next && next.querySelector("a");
    if (link) link.focus();
  });

  window.addEventListener("popstate", function () {
    clearTimeout(addressTimer);
    state = stateFromSearch(location.search);
    showInForm(state);
    limit = PAGE;
    render(true);
  });

  // ---- start -------------------------------------------------------------------------------------------------

  // An old link with ?q= (Material's search parameter) opened Material's search too: close it, keep the words.
  function adoptOldAddress() {
    if (!new URLSearchParams(location.search).has(OLD_PARAM)) return;
    remember(true);
    var overlay = document.getElementById("__search");
    if (overlay && overlay.checked) {
      overlay.checked = false;
      overlay.dispatchEvent(new Event("change"));
    }
  }

  state = stateFromSearch(location.search);
  showInForm(state);
  adoptOldAddress();
  form.hidden = false;
  $("vc-finder-static").hidden = true;
  filters.classList.add("vc-finder__filters--closed");   // only narrow screens show it closed (finder.css)
  toggle.setAttribute("aria-expanded", "false");
  root.classList.add("vc-finder--ready");
  render(true);
  root.setAttribute("data-ready", "");
  window.vcFinder = { readyAt: performance.now(), setupMs: performance.now() - started, search: engine.search };
})();
