/*
 * Search helpers on every page (mkdocs.yml extra_javascript).
 *
 * 1. Chapter pages: "Search this chapter's case studies" (valued_care/templates/pages/ingredient.md.j2). The form
 *    opens the case-study finder with the chapter's ingredient ticked and the words as find=. It points where the
 *    page's plain link to the finder points (MkDocs wrote that link, right for both the web and the offline
 *    file:// build) and stays hidden without JavaScript, where that link does the job.
 *
 * 2. Material's search: plurals. Material indexes words as they are written and matches each word typed as the
 *    start of an indexed word, so "restraint" finds "restraints" but "restraints" does not find "restraint". Each
 *    query Material sends to its search worker gets, beside each plural-looking word, its singular ("restraints
 *    restraint", "policies policy"). Queries go through the worker's postMessage (a real Worker on the web, the
 *    iframe shim from file://), so this works in both. (Abbreviations and other names: search_meta.py's tags.)
 */
(function () {
  "use strict";
  var scopes = document.querySelectorAll(".vc-scope");
  for (var n = 0; n < scopes.length; n++) {
    var form = scopes[n].querySelector("form");
    var link = scopes[n].querySelector("a[href]");
    if (!form || !link) continue;
    form.setAttribute("action", link.getAttribute("href").split("?")[0]);
    form.hidden = false;
  }
})();

(function () {
  "use strict";
  var QUERY = 2;  // Material's SearchMessageType.QUERY

  // The singular forms a plural-looking word may have; none for other words.
  function singulars(word) {
    var w = word.toLowerCase();
    if (w.length < 4 || !/^[a-z]+s$/.test(w) || /(ss|us|is)$/.test(w)) return [];
    if (/ies$/.test(w)) return [w.slice(0, -3) + "y"];
    if (/(ches|shes|xes|zes|sses)$/.test(w)) return [w.slice(0, -2), w.slice(0, -1)];
    return [w.slice(0, -1)];
  }

  function withSingulars(query) {
    if (/["+\-:^~*]/.test(query)) return query;  // leave Material's query syntax alone
    var added = [];
    query.split(/\s+/).forEach(function (word) {
      singulars(word).forEach(function (s) { if (added.indexOf(s) < 0) added.push(s); });
    });
    return added.length ? added.join(" ") + " " + query : query;
  }

  function patch(Worker) {
    if (!Worker || !Worker.prototype || Worker.prototype.vcPlurals) return;
    var send = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        message = { type: message.type, data: withSingulars(message.data) };
      }
      return send.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
    };
    Worker.prototype.vcPlurals = true;
  }

  patch(window.Worker);
  if (window.IFrameWorker && window.IFrameWorker !== window.Worker) patch(window.IFrameWorker);
  window.vcSearchPlurals = withSingulars;  // for tests
})();
