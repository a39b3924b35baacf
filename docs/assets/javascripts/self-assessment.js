/* Self-assessment and journey planner. Everything happens in this browser: answers are kept in localStorage (until
   "Clear all answers"), the plan is built from self-assessment-data.js (written at build time from data/ by
   macros/self_assessment.py and loaded just before this script), and nothing is fetched or sent. Text from the data only ever goes into the page
   through textContent, never as HTML.

   The plan: the ingredients with the lowest average rating (data.planSize of them; on a tie, the one earlier in
   the model), shown in the model's order, each with its chapter, theory review, case studies (main ingredient
   first) and resources. An ingredient rated "Fully" throughout has nothing to plan, and one not rated is left out. */
(function () {
  "use strict";

  var root = document.getElementById("vc-assess");
  var data = window.valuedCareAssessment;
  if (!root || !data) {
    return;
  }
  var MAX = data.scale.length - 1;
  var byId = {};
  data.ingredients.forEach(function (ing) { byId[ing.id] = ing; });
  var fieldsets = Array.prototype.slice.call(root.querySelectorAll("fieldset[data-vc-ingredient]"));
  var team = document.getElementById("vc-assess-team");
  var status = document.getElementById("vc-plan-status");
  var count = document.getElementById("vc-assess-count");
  var plan = document.getElementById("vc-plan");
  var planBody = document.getElementById("vc-plan-body");
  var planFor = document.getElementById("vc-plan-for");
  var storageWorks = true;
  var shownPlan = null; // the ids in the plan last shown, to announce only real changes

  /* Links. The data holds docs-relative pages (case-studies/x.md); turn them into links the way the site was built:
     folder addresses (case-studies/x/) or, in a build without them, .html files. From disk (file://) a folder does
     not open its index.html, so name it. */
  var folders = /(\/|\/index\.html)$/.test(window.location.pathname);

  function served(path) {
    if (!folders) {
      return path.replace(/\.md$/, ".html");
    }
    return path.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/");
  }

  function pageHref(page) {
    var hash = page.indexOf("#");
    var path = hash === -1 ? page : page.slice(0, hash);
    var anchor = hash === -1 ? "" : page.slice(hash);
    var depth = served(data.page).split("/").length - 1;
    var url = served(path);
    if (folders && window.location.protocol === "file:" && (url === "" || url.slice(-1) === "/")) {
      url += "index.html";
    }
    return new Array(depth + 1).join("../") + url + anchor;
  }

  /* Storage: one record, keyed by statement text so that a reworded or reordered statement is never given an old
     answer. */
  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(data.storageKey) || "null");
      return saved && saved.version === 1 && saved.answers ? saved : null;
    } catch (err) {
      storageWorks = false;
      return null;
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(data.storageKey, JSON.stringify(state));
    } catch (err) {
      storageWorks = false;
    }
  }

  function forget() {
    try {
      window.localStorage.removeItem(data.storageKey);
    } catch (err) {
      storageWorks = false;
    }
  }

  function statementOf(fieldset) {
    return byId[fieldset.getAttribute("data-vc-ingredient")].statements[Number(fieldset.getAttribute("data-vc-statement"))];
  }

  function readForm() {
    var answers = {};
    fieldsets.forEach(function (fieldset) {
      var checked = fieldset.querySelector("input[type=radio]:checked");
      if (checked) {
        var id = fieldset.getAttribute("data-vc-ingredient");
        answers[id] = answers[id] || {};
        answers[id][statementOf(fieldset)] = Number(checked.value);
      }
    });
    return answers;
  }

  function fillForm(answers) {
    fieldsets.forEach(function (fieldset) {
      var given = answers[fieldset.getAttribute("data-vc-ingredient")] || {};
      var value = given[statementOf(fieldset)];
      fieldset.querySelectorAll("input[type=radio]").forEach(function (radio) {
        radio.checked = typeof value === "number" && Number(radio.value) === value;
      });
    });
  }

  function scoresOf(answers) {
    return data.ingredients.map(function (ing) {
      var given = answers[ing.id] || {};
      var values = ing.statements.filter(function (s) {
        return Object.prototype.hasOwnProperty.call(given, s);
      }).map(function (s) { return given[s]; });
      var sum = values.reduce(function (a, b) { return a + b; }, 0);
      return { ing: ing, given: given, rated: values.length, average: values.length ? sum / values.length : null };
    });
  }

  function weakest(scores) {
    return scores.filter(function (s) { return s.rated > 0 && s.average < MAX; })
      .sort(function (a, b) { return a.average - b.average || a.ing.number - b.ing.number; })
      .slice(0, data.planSize)
      .sort(function (a, b) { return a.ing.number - b.ing.number; });
  }

  /* Building the plan, element by element. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function link(text, page, attrs) {
    var a = el("a", attrs || {}, [text]);
    a.href = pageHref(page);
    return a;
  }

  function oneDecimal(value) {
    return (Math.round(value * 10) / 10).toString();
  }

  function listing(tag, items) {
    return el(tag, {}, items.map(function (children) { return el("li", {}, children); }));
  }

  function scoreTable(scores, chosen) {
    var rows = scores.map(function (s) {
      var inPlan = chosen.indexOf(s) !== -1;
      return el("tr", inPlan ? { "class": "vc-weak" } : {}, [
        el("th", { scope: "row" }, [s.ing.number + ". " + s.ing.title + (inPlan ? " (in your plan)" : "")]),
        el("td", {}, [s.rated + " of " + s.ing.statements.length]),
        el("td", {}, [s.rated ? oneDecimal(s.average) : "Not rated"])
      ]);
    });
    return el("table", { "class": "vc-scores" }, [
      el("caption", {}, ["Where you are now: the average rating of each ingredient, from 0 (" + data.scale[0] +
                         ") to " + MAX + " (" + data.scale[MAX] + ")"]),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col" }, ["Ingredient"]),
                                     el("th", { scope: "col" }, ["Statements rated"]),
                                     el("th", { scope: "col" }, ["Average (0 to " + MAX + ")"])])]),
      el("tbody", {}, rows)
    ]);
  }

  function caseItems(ids) {
    return ids.map(function (id) {
      var c = data.caseStudies[id];
      return [link(c.title, c.page, { "data-vc-case-study": id }), " (" + c.trusts + ")"];
    });
  }

  function ingredientPlan(score) {
    var ing = score.ing;
    var lowest = Math.min.apply(null, ing.statements.filter(function (s) {
      return Object.prototype.hasOwnProperty.call(score.given, s);
    }).map(function (s) { return score.given[s]; }));
    var low = ing.statements.filter(function (s) { return score.given[s] === lowest; });
    var parts = [
      el("h3", {}, [ing.number + ". " + ing.title]),
      el("p", {}, ["Average rating " + oneDecimal(score.average) + " out of " + MAX + ", from " + score.rated + " of " +
                   ing.statements.length + " statements."]),
      el("h4", {}, ["Where you rated yourselves lowest (" + data.scale[lowest] + ")"]),
      listing("ul", low.map(function (s) { return [s]; })),
      el("h4", {}, ["Read first"]),
      listing("ul", [["The chapter: ", link(ing.number + ". " + ing.title, ing.page)]].concat(
        ing.theory ? [["The theory review that opens it: ", link(ing.theory.title, ing.theory.page)]] : []))
    ];
    if (ing.primary.length) {
      parts.push(el("h4", {}, ["Case studies where this is the main ingredient"]),
                 listing("ol", caseItems(ing.primary)));
    }
    if (ing.others.length) {
      parts.push(el("h4", {}, ["Case studies where it plays a part"]), listing("ol", caseItems(ing.others)));
    }
    if (ing.questions.length) {
      parts.push(el("h4", {}, ["Questions to discuss as a team"]),
                 listing("ul", ing.questions.map(function (q) { return [q]; })));
    }
    if (ing.resources.length) {
      parts.push(el("h4", {}, ["Resources"]), listing("ul", ing.resources.map(function (id) {
        var r = data.resources[id];
        return [link(r.title, r.page, { "data-vc-resource": id }), ". " + r.detail];
      })));
    }
    return el("section", { "class": "vc-plan-ingredient", "data-vc-plan-ingredient": ing.id }, parts);
  }

  function names(chosen) {
    var titles = chosen.map(function (s) { return s.ing.title; });
    return titles.length > 1 ? titles.slice(0, -1).join(", ") + " and " + titles[titles.length - 1] : titles[0];
  }

  function announce(message) {
    status.textContent = message;
  }

  function render(answers, announceChange) {
    var scores = scoresOf(answers);
    var rated = scores.reduce(function (n, s) { return n + s.rated; }, 0);
    var total = data.ingredients.reduce(function (n, ing) { return n + ing.statements.length; }, 0);
    count.textContent = rated ? rated + " of " + total + " statements rated." : "No statements rated yet.";
    var chosen = weakest(scores);
    var key = rated ? chosen.map(function (s) { return s.ing.id; }).join(" ") : null;
    planBody.textContent = "";
    if (!rated) {
      planBody.appendChild(el("p", {}, ["Rate at least one statement and your reading plan will appear here."]));
    } else {
      planBody.appendChild(scoreTable(scores, chosen));
      if (chosen.length) {
        planBody.appendChild(el("p", {}, [
          "Start with " + (chosen.length === 1 ? "your lowest-rated ingredient" : "your " + chosen.length +
          " lowest-rated ingredients") + ", in the model's order: " + names(chosen) + ". For each: the chapter and " +
          "its theory review, then the case studies, the questions to discuss and the resources."]));
        chosen.forEach(function (score) { planBody.appendChild(ingredientPlan(score)); });
      } else {
        planBody.appendChild(el("p", {}, [
          "You rated every statement you answered as " + data.scale[MAX].toLowerCase() + " in place, so there is " +
          "nothing to plan yet. Rate the other ingredients, or look again at where the evidence is thinnest."]));
      }
    }
    var stamp = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    planFor.textContent = "Reading plan" + (team.value.trim() ? " for " + team.value.trim() : "") + ", " + stamp +
      ". Titles are links to pages of the Valued care in mental health knowledge base.";
    if (announceChange && key !== shownPlan) {
      announce(!rated ? "Your reading plan is empty." : chosen.length
        ? "Reading plan updated: " + names(chosen) + "." : "Reading plan updated: nothing rated below " +
          data.scale[MAX].toLowerCase() + ".");
    }
    shownPlan = key;
  }

  function current() {
    return { version: 1, team: team.value.trim(), answers: readForm() };
  }

  function changed(announceChange) {
    var state = current();
    save(state);
    render(state.answers, announceChange);
    if (!storageWorks) {
      announce("This browser is not keeping your answers, so they will go when you leave the page.");
    }
  }

  var saved = load();
  if (saved) {
    team.value = typeof saved.team === "string" ? saved.team : "";
    fillForm(saved.answers);
  }
  render(saved ? saved.answers : {}, false);
  if (saved && Object.keys(readForm()).length) {
    announce("Your answers saved in this browser have been restored.");
  }

  root.addEventListener("change", function (event) {
    if (event.target.type === "radio") {
      changed(true);
    }
  });
  team.addEventListener("input", function () { changed(false); });
  document.getElementById("vc-assess-print").addEventListener("click", function () { window.print(); });
  document.getElementById("vc-assess-clear").addEventListener("click", function () {
    if (!window.confirm("Clear all your answers from this browser? This cannot be undone.")) {
      return;
    }
    forget();
    team.value = "";
    fillForm({});
    render({}, false);
    shownPlan = null;
    announce("All answers cleared. Your reading plan is empty.");
  });

  document.getElementById("vc-assess-nojs").hidden = true;
  ["vc-tools", "vc-assess-skip"].forEach(function (id) { document.getElementById(id).hidden = false; });
  team.closest(".vc-team").hidden = false;
  plan.hidden = false;
}());
