/*
 * Chapter pages: "Search this chapter's case studies" (macros/templates/pages/ingredient.md.j2). The form opens the
 * case-study finder filtered to the chapter's ingredient. It points where the page's plain link to the finder
 * points (MkDocs wrote that link, right for both the web and the offline file:// build) and stays hidden without
 * JavaScript, where that link does the job.
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
