/*
 * The case-study finder (page: macros/templates/pages/finder.md.j2, loaded by overrides/finder.html).
 *
 * The page already lists every case study, so it works without JavaScript. This script shows the search form and
 * filters that same list in place: it moves the existing list items and never builds markup from data. Its data,
 * window.vcFinderData, is written at build time by macros/search_index.py: a lunr index that lunr.js 2.3.9 loads as
 * it is (nothing is indexed here) and a table of each case study's facet values. Everything is plain scripts, so
 * the finder also works from file://.
 */
(function () {
  "use strict";

  var data = window.vcFinderData;
  var root = document.getElementById("vc-finder");
  if (!data || !root || !window.lunr) {
    document.documentElement.classList.remove("vc-js");  // show the whole static list instead
    return;
  }

  var PAGE = 20;            // results shown at first and added by "Show more"
  var TYPING_MS = 1000;     // keystrokes closer together than this share one history entry
  var ADDRESS_MS = 300;     // the address follows typing once it pauses, not on every keystroke
  var ANNOUNCE_MS = 400;    // wait for typing to pause before the live region speaks

  var started = performance.now();
  var index = lunr.Index.load(data.index);
  var facets = data.facets;
  var docs = data.docs;
  var form = document.getElementById("vc-finder-form");
  var input = document.getElementById("vc-finder-q");
  var status = document.getElementById("vc-finder-status");
  var list = document.getElementById("vc-finder-results");
  var more = document.getElementById("vc-finder-more");
  var mainOnly = document.getElementById("vc-f-main");
  var items = docs.map(function (doc) { return document.getElementById("cs-" + doc[0]); });
  var allDocs = docs.map(function (_, n) { return n; });
  var INGREDIENT = facets.map(function (facet) { return facet.key; }).indexOf("ingredient");

  // For each facet: its checkboxes, its count labels and its value positions, in the order of data.facets.
  var boxes = [], countLabels = [], valueRows = [], shownCounts = [];
  facets.forEach(function (facet, f) {
    var fieldset = form.querySelector('fieldset[data-facet="' + facet.key + '"]');
    boxes[f] = facet.values.map(function (slug) {
      return fieldset.querySelector('input[value="' + slug + '"]');
    });
    countLabels[f] = facet.values.map(function (slug) {
      return fieldset.querySelector('[data-count="' + slug + '"]');
    });
    valueRows[f] = boxes[f].map(function (box) { return box.parentNode; });
    shownCounts[f] = facet.values.map(function () { return -1; });
  });

  var state = emptyState();
  var limit = PAGE;
  var lastTyped = 0;
  var announceTimer = null, addressTimer = null, newEntry = false;
  var queryCache = new Map();
  var onScreen = [];        // the results in the list now, so an unchanged list is not laid out again

  function emptyState() {
    return { q: "", main: false, selected: facets.map(function (facet) { return facet.values.map(function () { return false; }); }) };
  }

  // ---- state <-> URL and form -------------------------------------------------------------------------------

  function stateFromSearch(search) {
    var params = new URLSearchParams(search), next = emptyState();
    next.q = params.get("q") || "";
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
    if (s.q.trim()) params.append("q", s.q);
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

  // ---- search ------------------------------------------------------------------------------------------------

  // Words as lunr indexed them (trimmed, stop words dropped, stemmed); the last word, while it is still being
  // typed, matches as a prefix of its stem.
  function queryTerms(text) {
    var tokens = lunr.tokenizer(text), required = [], prefix = null;
    var typing = !/\s$/.test(text);
    tokens.forEach(function (token, n) {
      var word = lunr.trimmer(token);
      if (!word.toString()) return;
      if (n === tokens.length - 1 && typing) {
        if (word.toString().length >= 3) prefix = lunr.stemmer(word).toString();
        return;
      }
      if (!lunr.stopWordFilter(word)) return;
      var stem = lunr.stemmer(word).toString();
      if (required.indexOf(stem) < 0) required.push(stem);
    });
    return { required: required, prefix: prefix };
  }

  // Positions of matching documents, most relevant first; null when there are no words to search for.
  //
  // A case study matches when it holds every whole word and a word starting with the last one, in any searched
  // field. lunr's own Index.query does this with REQUIRED clauses, but it builds and merges sets for every
  // expanded term and field, which grows too slow for typing at thousands of case studies (48 ms at 500 for
  // "east london fo"). So matching is counted here on plain arrays, from lunr's inverted index, and only the
  // matches are scored, with the same BM25 weights lunr stored in its field vectors (field boosts included), so
  // the order is lunr's.
  var nDocs = docs.length;
  var fields = index.fields;
  var postings = new Map();     // index term -> {docs: case studies holding it, weights: its weight in each}
  var expansions = new Map();   // typed prefix -> index terms starting with it
  var clauseHits = new Uint8Array(nDocs), seenIn = new Int32Array(nDocs), scores = new Float64Array(nDocs);
  var clauseNumber = 0;

  // One term's case studies and its weight in each (summed over the fields), read once from lunr's index.
  function postingOf(term) {
    var found = postings.get(term);
    if (found) return found;
    var entry = index.invertedIndex[term], total = new Map();
    if (entry) {
      fields.forEach(function (field) {
        for (var ref in entry[field]) {
          var w = weight(index.fieldVectors[field + "/" + ref], entry._index);
          total.set(+ref, (total.get(+ref) || 0) + w);
        }
      });
    }
    found = { docs: Int32Array.from(total.keys()), weights: Float32Array.from(total.values()) };
    postings.set(term, found);
    return found;
  }

  function expand(prefix) {
    var terms = expansions.get(prefix);
    if (!terms) {
      terms = index.tokenSet.intersect(lunr.TokenSet.fromString(prefix + "*")).toArray();
      expansions.set(prefix, terms);
    }
    return terms;
  }

  function weight(vector, termIndex) {
    var at = vector.positionForIndex(termIndex);
    return vector.elements[at] === termIndex ? vector.elements[at + 1] : 0;
  }

  function search(text) {
    var terms = queryTerms(text);
    if (!terms.required.length && !terms.prefix) return null;
    var key = terms.required.join(" ") + "|" + terms.prefix;
    var found = queryCache.get(key);
    if (found) return found;

    var clauses = terms.required.map(function (stem) { return [stem]; });
    if (terms.prefix) clauses.push(expand(terms.prefix));
    clauseHits.fill(0);
    clauses.forEach(function (clause, c) {
      clauseNumber++;
      clause.forEach(function (term) {
        var holding = postingOf(term).docs;
        for (var k = 0; k < holding.length; k++) {
          var d = holding[k];
          if (seenIn[d] !== clauseNumber && clauseHits[d] === c) { seenIn[d] = clauseNumber; clauseHits[d]++; }
        }
      });
    });
    found = [];
    for (var d = 0; d < nDocs; d++) if (clauseHits[d] === clauses.length) { found.push(d); scores[d] = 0; }

    clauses.forEach(function (clause) {
      clause.forEach(function (term) {
        var posting = postingOf(term);
        for (var k = 0; k < posting.docs.length; k++) {
          var d = posting.docs[k];
          if (clauseHits[d] === clauses.length) scores[d] += posting.weights[k];
        }
      });
    });
    found.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    if (queryCache.size > 200) queryCache.clear();
    queryCache.set(key, found);
    return found;
  }

  // ---- filter, count, show -------------------------------------------------------------------------------------

  function render(announceNow) {
    var hits = search(state.q);
    var candidates = hits || allDocs;
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
    announce(results.length, hits !== null, announceNow);
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
    var same = shown === onScreen.length;
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

  function announce(total, ranked, now) {
    var noun = total === 1 ? "case study" : "case studies";
    var text = total === 0 ? "No case studies match. Try fewer words or filters."
      : total + " " + noun + (ranked ? ", most relevant first." : ", A to Z.");
    clearTimeout(announceTimer);
    if (now) status.textContent = text;
    else announceTimer = setTimeout(function () { status.textContent = text; }, ANNOUNCE_MS);
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

  state = stateFromSearch(location.search);
  showInForm(state);
  form.hidden = false;
  root.classList.add("vc-finder--ready");
  render(true);
  root.setAttribute("data-ready", "");
  window.vcFinder = { readyAt: performance.now(), setupMs: performance.now() - started, search: search };

  // While the reader looks at the page, read every term's posting out of lunr's index in small slices, so that no
  // keystroke pays for the first use of a common word (about 20 ms each at 5,000 case studies).
  var pending = Object.keys(index.invertedIndex), next = 0;
  var idle = window.requestIdleCallback || function (fn) { return setTimeout(function () { fn({ timeRemaining: function () { return 8; } }); }, 50); };
  idle(function warm(deadline) {
    while (next < pending.length && deadline.timeRemaining() > 2) postingOf(pending[next++]);
    if (next < pending.length) idle(warm);
  });
})();
