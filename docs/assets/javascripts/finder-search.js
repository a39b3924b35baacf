/*
 * The case-study finder's search engine (loaded before finder.js by overrides/finder.html). No page or form here:
 * window.vcFinderSearch(data) returns search(text), which finder.js calls on every keystroke.
 *
 * Its data, window.vcFinderData, is written at build time by valued_care/site/search_index.py with the same text
 * analysis as lunr.js 2.3.9 (tokenizer, trimmer, stop words, stemmer), which this script uses on what is typed:
 * - terms: every term of the index, sorted; postings: for each, [case study, BM25 weight, ...] (lunr's weights,
 *   field boosts included: a word in a title counts most);
 * - vocabulary: groups of equivalent forms from the glossary ("out area placement" = "oap"), each form a term
 *   sequence, the forms numbered in order through all groups. Wherever a case study uses a form, the index holds
 *   the group's concept term (synthetic[0] + group) and, for a form of several words, its phrase term
 *   (synthetic[1] + number), in the field it is used in. A glossary phrase typed is searched as its phrase term,
 *   and as the concept term of its group at a lower weight, so the words typed rank above their equivalents;
 * - words: the word behind a stem, to show corrections in words ("seclus" -> "seclusion").
 *
 * Matching is ranked OR: every query word (or glossary phrase) is a clause, optional; case studies holding more of
 * the clauses come first, then those with the higher summed weight. A clause holds alternatives: the word's stem,
 * its glossary equivalents, and, for the word still being typed, every term it starts. A word the index does not
 * hold at all is searched as its nearest index terms (edit distance 1, or 2 for long words) and reported as a
 * correction.
 */
(function () {
  "use strict";

  var PREFIX_MIN = 3;        // a word being typed matches as a prefix once it has this many letters
  var EQUIVALENT = 0.5;      // weight of a glossary equivalent against the words typed
  var CORRECTED = 0.7;       // weight of a correction's terms
  var MAX_CORRECTIONS = 3;   // nearest terms searched for a word the index does not hold
  // A word found in more than this share of the case studies ("use", "service") says little about what a reader
  // wants: it adds to the score but does not count as a word matched, so "reducing use of agency nurses" ranks the
  // case study about agency staff above those that merely hold "use" and "reducing".
  var COMMON = 0.4;
  var FAMILY = 0.8;          // weight of a term of the same word family ("reduction" for "reduce")
  var FAMILY_MIN = 5;        // letters a stem needs before its family is searched

  window.vcFinderSearch = function (data) {
    var terms = data.terms, postings = data.postings, words = data.words || {};
    var synthetic = data.synthetic || [], CONCEPT = synthetic[0], PHRASE = synthetic[1];
    var nDocs = data.docs.length;
    var termAt = new Map();
    terms.forEach(function (term, n) { termAt.set(term, n); });

    var formOf = new Map(), longestForm = 1, number = 0;   // form -> [group, number]
    (data.vocabulary || []).forEach(function (group, g) {
      group.forEach(function (form) {
        if (!formOf.has(form)) formOf.set(form, [g, number]);
        number++;
        longestForm = Math.max(longestForm, form.split(" ").length);
      });
    });

    // ---- text analysis: lunr.js's own, as the index was built ----------------------------------------------

    function analyse(text) {
      var tokens = lunr.tokenizer(text), items = [];
      var typing = text.length > 0 && !/[\s\-]$/.test(text);
      tokens.forEach(function (token, n) {
        var word = lunr.trimmer(token).toString();
        if (!word) return;
        items.push({
          word: word,
          stem: lunr.stemmer(new lunr.Token(word, {})).toString(),
          stop: !lunr.stopWordFilter(new lunr.Token(word, {})),
          typing: typing && n === tokens.length - 1
        });
      });
      return items.filter(function (item) { return !item.stop; });
    }

    // ---- the index ------------------------------------------------------------------------------------------

    function holds(term) { return termAt.has(term); }

    // Terms starting with prefix, by binary search in the sorted list.
    function startingWith(prefix) {
      var lo = 0, hi = terms.length, found = [];
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (terms[mid] < prefix) lo = mid + 1; else hi = mid;
      }
      for (var n = lo; n < terms.length && terms[n].lastIndexOf(prefix, 0) === 0; n++) {
        if (!isSynthetic(terms[n])) found.push(terms[n]);
      }
      return found;
    }

    // Levenshtein distance of a and b, or limit + 1 once it must be over limit.
    function distance(a, b, limit) {
      if (Math.abs(a.length - b.length) > limit) return limit + 1;
      var previous = [], current = [];
      for (var j = 0; j <= b.length; j++) previous[j] = j;
      for (var i = 1; i <= a.length; i++) {
        current = [i];
        var best = i;
        for (j = 1; j <= b.length; j++) {
          current[j] = Math.min(previous[j] + 1, current[j - 1] + 1,
                                previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
          best = Math.min(best, current[j]);
        }
        if (best > limit) return limit + 1;
        previous = current;
      }
      return previous[b.length];
    }

    // The index terms nearest to a term it does not hold: edit distance 1, or 2 from 7 letters; the ones in the
    // most case studies first.
    function nearest(term, limit) {
      var best = limit + 1, found = [];
      for (var n = 0; n < terms.length; n++) {
        if (isSynthetic(terms[n])) continue;
        var d = distance(term, terms[n], Math.min(limit, best));
        if (d < best) { best = d; found = []; }
        if (d === best && d <= limit) found.push(terms[n]);
      }
      found.sort(function (a, b) { return postings[termAt.get(b)].length - postings[termAt.get(a)].length; });
      return found.slice(0, MAX_CORRECTIONS);
    }

    function shown(term) { return words[term] || term; }

    // ---- the query: clauses of alternatives ----------------------------------------------------------------

    function alternative(termList, factor) { return { terms: termList, factor: factor }; }

    function isSynthetic(term) {
      return synthetic.some(function (prefix) {
        return term.lastIndexOf(prefix, 0) === 0 && /^\d+$/.test(term.slice(prefix.length));
      });
    }

    // The glossary form starting at item i, as long as possible: {size, group, number} or null.
    function phraseAt(items, i) {
      for (var size = Math.min(longestForm, items.length - i); size >= 1; size--) {
        var form = items.slice(i, i + size).map(function (item) { return item.stem; }).join(" ");
        var found = formOf.get(form);
        if (found) return { size: size, group: found[0], number: found[1] };
      }
      return null;
    }

    // Terms of the same word family as a stem the stemmer did not bring together ("reduc" from reduce, "reduct"
    // from reduction): the stem with up to two letters more or fewer, at least FAMILY_MIN letters long.
    function family(stem) {
      var found = [];
      if (stem.length < FAMILY_MIN) return found;
      startingWith(stem).forEach(function (t) { if (t !== stem && t.length - stem.length <= 2) found.push(t); });
      for (var cut = 1; cut <= 2 && stem.length - cut >= FAMILY_MIN; cut++) {
        if (holds(stem.slice(0, -cut))) found.push(stem.slice(0, -cut));
      }
      return found;
    }

    function wordClause(item) {
      var alternatives = [alternative([item.stem], 1)];
      family(item.stem).forEach(function (t) { alternatives.push(alternative([t], FAMILY)); });
      if (item.typing && item.word.length >= PREFIX_MIN) {
        var seen = new Set([item.stem]);
        startingWith(item.stem).concat(item.word === item.stem ? [] : startingWith(item.word)).forEach(function (t) {
          if (!seen.has(t)) { seen.add(t); alternatives.push(alternative([t], 1)); }
        });
      }
      return { words: [item.word], alternatives: alternatives, stem: item.stem, corrected: null };
    }

    function clausesOf(items) {
      var clauses = [];
      for (var i = 0; i < items.length;) {
        var phrase = phraseAt(items, i), clause;
        if (phrase && phrase.size > 1) {
          clause = { words: [], alternatives: [alternative([PHRASE + phrase.number], 1)], corrected: null };
          clause.words = items.slice(i, i + phrase.size).map(function (item) { return item.word; });
        } else {
          clause = wordClause(items[i]);
        }
        if (phrase) clause.alternatives.push(alternative([CONCEPT + phrase.group], EQUIVALENT));
        clauses.push(clause);
        i += phrase ? phrase.size : 1;
      }
      clauses.forEach(correct);
      return clauses;
    }

    function found(clause) {
      return clause.alternatives.some(function (alt) { return alt.terms.every(holds); });
    }

    // A word the index does not hold at all is searched as its nearest terms.
    function correct(clause) {
      if (found(clause) || clause.words.length !== 1 || clause.stem.length < 4) return;
      var near = nearest(clause.stem, clause.stem.length >= 7 ? 2 : 1);
      if (!near.length) return;
      clause.alternatives = near.map(function (t) { return alternative([t], CORRECTED); });
      var form = formOf.get(near[0]);  // a glossary name misspelled still finds its equivalents
      if (form) clause.alternatives.push(alternative([CONCEPT + form[0]], CORRECTED * EQUIVALENT));
      clause.corrected = shown(near[0]);
    }

    // ---- scoring ----------------------------------------------------------------------------------------------

    var matched = new Uint16Array(nDocs), score = new Float64Array(nDocs), seenIn = new Int32Array(nDocs);
    var best = new Float64Array(nDocs), clauseStamp = new Int32Array(nDocs);
    var altCount = new Uint16Array(nDocs), altSum = new Float64Array(nDocs), altStamp = new Int32Array(nDocs);
    var searchNo = 0, clauseNo = 0, altNo = 0;

    // Adds one clause's best alternative to each case study holding all the terms of one of its alternatives.
    function scoreClause(clause, hits) {
      clauseNo++;
      var touched = [];
      clause.alternatives.forEach(function (alt) {
        altNo++;
        var lists = alt.terms.map(function (t) { return termAt.has(t) ? postings[termAt.get(t)] : null; });
        if (lists.indexOf(null) >= 0) return;
        lists.forEach(function (list) {
          for (var k = 0; k < list.length; k += 2) {
            var d = list[k];
            if (altStamp[d] !== altNo) { altStamp[d] = altNo; altCount[d] = 0; altSum[d] = 0; }
            altCount[d]++;
            altSum[d] += list[k + 1];
          }
        });
        for (var k = 0, first = lists[0]; k < first.length; k += 2) {
          var d = first[k];
          if (altCount[d] !== lists.length) continue;
          var s = altSum[d] * alt.factor;
          if (clauseStamp[d] !== clauseNo) { clauseStamp[d] = clauseNo; best[d] = s; touched.push(d); }
          else if (s > best[d]) best[d] = s;
        }
      });
      var counts = touched.length <= COMMON * nDocs;
      touched.forEach(function (d) {
        if (seenIn[d] !== searchNo) { seenIn[d] = searchNo; matched[d] = 0; score[d] = 0; hits.push(d); }
        if (counts) matched[d]++;
        score[d] += best[d];
      });
      return touched.length;
    }

    // Positions of matching case studies, most relevant first, with what the reader should be told; null when
    // there is nothing to search for.
    function search(text) {
      var clauses = clausesOf(analyse(text));
      if (!clauses.length) return null;
      searchNo++;
      var hits = [];
      var counts = clauses.map(function (clause) { return scoreClause(clause, hits); });
      hits.sort(function (a, b) { return matched[b] - matched[a] || score[b] - score[a] || a - b; });
      return {
        hits: hits,
        clauses: clauses.map(function (clause, n) {
          return { words: clause.words.join(" "), corrected: clause.corrected, count: counts[n] };
        })
      };
    }

    // Index words within edit distance 2 of a word, for "did you mean" when nothing matches.
    function suggest(word) {
      var item = analyse(word + " ")[0];
      if (!item || item.stem.length < 3) return [];
      return nearest(item.stem, 2).map(shown);
    }

    return { search: search, suggest: suggest };
  };
})();
