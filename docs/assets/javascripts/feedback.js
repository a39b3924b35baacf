// Report a problem by email (overrides/partials/feedback.html). The mailto: link works on its own; with this script
// the box for the problem is shown and what the reader types is added to the email's body as they type. Nothing is
// sent anywhere by this page: the reader's own email program opens, and they choose whether to send.
(function () {
  "use strict";

  function enhance(box) {
    var link = box.querySelector("[data-vc-feedback-link]");
    var fields = box.querySelector("[data-vc-feedback-fields]");
    var text = box.querySelector("textarea");
    if (!link || !fields || !text) return;
    var base = link.getAttribute("href");  // ends with the body's "What is wrong:" line, already encoded
    function update() {
      link.setAttribute("href", base + encodeURIComponent(text.value));
    }
    fields.hidden = false;
    text.addEventListener("input", update);
    update();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-vc-feedback]"), enhance);
})();
