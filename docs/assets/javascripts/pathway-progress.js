/* Reader pathways: "mark as read" ticks and "continue with step N", kept in this browser's localStorage only.
   The route works without this script; it only shows the progress box and the tick boxes the page hides. */
(function () {
  "use strict";

  var box = document.getElementById("vc-progress");
  if (!box) {
    return;
  }
  var key = "valued-care:pathway:" + box.getAttribute("data-vc-pathway");
  var total = Number(box.getAttribute("data-vc-total"));
  var status = document.getElementById("vc-progress-status");
  var next = document.getElementById("vc-progress-next");
  var ticks = Array.prototype.slice.call(document.querySelectorAll("input[data-vc-step]"));
  var storageWorks = true;

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (err) {
      storageWorks = false;
      return [];
    }
  }

  function save(read) {
    try {
      if (read.length) {
        window.localStorage.setItem(key, JSON.stringify(read));
      } else {
        window.localStorage.removeItem(key);
      }
    } catch (err) {
      storageWorks = false;
    }
  }

  function stepHeading(number) {
    return document.getElementById("step-" + number);
  }

  function stepTitle(number) {
    var heading = stepHeading(number);
    var link = heading && heading.querySelector("a:not(.headerlink)");
    return link ? link.textContent.trim() : "";
  }

  function show(announce) {
    var read = 0;
    var firstUnread = null;
    ticks.forEach(function (tick) {
      var number = Number(tick.getAttribute("data-vc-number"));
      var heading = stepHeading(number);
      if (heading) {
        heading.classList.toggle("vc-step-read", tick.checked);
      }
      if (tick.checked) {
        read += 1;
      } else if (firstUnread === null) {
        firstUnread = number;
      }
    });
    var message = read === total ? "You have read all " + total + " steps of this pathway."
      : "You have read " + read + " of " + total + " steps.";
    if (!storageWorks) {
      message += " This browser is not keeping your ticks, so they will go when you leave the page.";
    }
    if (announce || read > 0) {
      status.textContent = message;
    }
    next.textContent = "";
    if (firstUnread !== null) {
      var link = document.createElement("a");
      link.href = "#step-" + firstUnread;
      link.textContent = (read ? "Continue with step " : "Start with step ") + firstUnread + ": " + stepTitle(firstUnread);
      next.appendChild(link);
    }
  }

  var saved = load();
  ticks.forEach(function (tick) {
    tick.checked = saved.indexOf(tick.getAttribute("data-vc-step")) !== -1;
    tick.closest(".vc-step-mark").hidden = false;
    tick.addEventListener("change", function () {
      save(ticks.filter(function (t) { return t.checked; }).map(function (t) { return t.getAttribute("data-vc-step"); }));
      show(true);
    });
  });
  document.getElementById("vc-progress-clear").addEventListener("click", function () {
    ticks.forEach(function (tick) { tick.checked = false; });
    save([]);
    show(false);
    status.textContent = "Your progress on this pathway has been cleared.";
  });
  box.hidden = false;
  show(false);
}());
