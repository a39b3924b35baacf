"""The model diagram, reader pathways and the self-assessment planner in a real browser (Debian's Chromium, headless),
served from 127.0.0.1 and opened from file://. Every state a reader can reach is checked with axe-core against WCAG
2.0, 2.1 and 2.2 A and AA (the accessibility gate's own rules and vendored axe): 0 violations.

What the plan should hold is worked out here from the data with the rule the page states (lowest average first, ties
to the ingredient earlier in the model, then shown in the model's order), so the test follows the content.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ROOT
from quality.accessibility import audit, describe
from valued_care.data.loader import load_knowledge_base
from valued_care.site import self_assessment

pytestmark = pytest.mark.browser
MAX = len(self_assessment.SCALE) - 1


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(ROOT / "data")


@pytest.fixture
def page(chromium):
    """A fresh profile (empty localStorage) in the run's Chromium; fails the test on a script error or on any request
    that leaves this machine."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors, away = [], []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    tab.on("request", lambda req: away.append(req.url) if urlsplit(req.url).hostname not in (None, "", "127.0.0.1")
           else None)
    tab.on("dialog", lambda dialog: dialog.accept())
    yield tab
    context.close()
    # From file://, Material's own search cannot load its index: the offline copy's business (issue 5), not ours.
    assert [e for e in errors if "search/search_index" not in e] == [] and away == []


def assert_accessible(page, state: str) -> None:
    violations = audit(page)
    assert violations == [], "\n".join(describe(violations, state))


def site_path(page, href: str, served: str) -> str:
    """The site-relative path a link in the current page leads to."""
    return urljoin(page.url, href)[len(served):]


# ---- the model diagram --------------------------------------------------------------------------------------------

def expected_labels(kb) -> list[str]:
    labels = []
    for ing in kb.ingredients.values():  # each card counts the case studies with it as their main ingredient
        n = len(kb.case_studies_for(ing.id, primary_only=True))
        labels.append(f"{ing.number}. {ing.title}: {n} case {'study' if n == 1 else 'studies'} with this as main "
                      "ingredient")
    return labels


@pytest.mark.parametrize("width, shown", [(1280, "wide"), (320, "narrow")])
def test_home_diagram_is_a_list_of_nine_chapter_links_in_order(page, served, built_site, kb, width, shown):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served)
    diagram = page.get_by_role("list", name="The nine ingredients of the model, in order")
    assert diagram.count() == 1  # one layout at a time: the other is not shown, so not announced
    assert page.locator(f".vc-model__svg--{shown}").is_visible()
    links = diagram.get_by_role("link")
    assert [links.nth(i).get_attribute("aria-label") for i in range(links.count())] == expected_labels(kb)
    targets = [site_path(page, links.nth(i).get_attribute("href"), served) for i in range(links.count())]
    assert targets == [f"ingredients/{i}/" for i in kb.ingredients]
    assert all((built_site / t / "index.html").exists() for t in targets)
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # reflows: no sideways scrolling
    assert_accessible(page, f"home page at {width} px")


def test_home_diagram_is_reached_by_keyboard_in_the_models_order_with_visible_focus(page, served, kb):
    page.goto(served)
    for _ in range(100):  # Tab from the top of the page until the diagram is reached
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.vc-model')"):
            break
    reached = []
    for _ in range(9):
        reached.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
        card_fill = page.evaluate("getComputedStyle(document.activeElement.querySelector('.vc-model__card')).fill")
        assert card_fill == "rgb(255, 235, 59)"  # NHS focus yellow
        page.keyboard.press("Tab")
    assert reached == expected_labels(kb)
    assert not page.evaluate("!!document.activeElement.closest('.vc-model')")  # and then on past it
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{served}ingredients/innovation/")


def test_home_diagram_uses_system_colours_in_forced_colours_mode(chromium, served):
    context = chromium.new_context(forced_colors="active")
    tab = context.new_page()
    tab.goto(served)
    styles = tab.evaluate("""() => {
      const card = document.querySelector('.vc-model__svg--wide .vc-model__card');
      const probe = document.createElement('div'); probe.style.color = 'CanvasText'; document.body.append(probe);
      return [getComputedStyle(card).stroke, getComputedStyle(probe).color];
    }""")
    context.close()
    assert styles[0] == styles[1]


# ---- reader pathways ----------------------------------------------------------------------------------------------

def test_every_pathway_step_links_to_a_page_that_links_on_to_the_next(page, served, built_site, kb):
    for pathway in kb.pathways.values():
        page.goto(f"{served}pathways/{pathway.id}/")
        headings = page.locator("h2[id^=step-]")
        assert headings.count() == len(pathway.steps)
        for number in range(1, len(pathway.steps) + 1):
            heading = page.locator(f"#step-{number}")
            assert heading.inner_text().startswith(f"Step {number} of {len(pathway.steps)}: ")
            target = site_path(page, heading.locator("a:not(.headerlink)").get_attribute("href"), served)
            path = target.split("#")[0]
            assert (built_site / path / "index.html").exists(), target
            if number < len(pathway.steps) and pathway.steps[number - 1].kind != "resource":
                html = (built_site / path / "index.html").read_text()
                assert f"pathways/{pathway.id}/#step-{number}" in html  # the step's page knows its place


def test_pathway_progress_is_kept_in_this_browser_and_can_be_cleared(page, served, kb):
    pathway = kb.pathways["board-members"]
    total = len(pathway.steps)
    page.goto(f"{served}pathways/board-members/")
    assert_accessible(page, "pathway, nothing read")
    page.check("input[data-vc-number='1']")
    page.check("input[data-vc-number='2']")
    assert page.inner_text("#vc-progress-status") == f"You have read 2 of {total} steps."
    next_link = page.locator("#vc-progress-next a")
    assert next_link.get_attribute("href") == "#step-3"
    assert next_link.inner_text().startswith("Continue with step 3: ")
    assert "vc-step-read" in page.get_attribute("#step-1", "class")
    assert_accessible(page, "pathway, two steps read")
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 900})

    page.reload()
    assert [page.is_checked(f"input[data-vc-number='{n}']") for n in (1, 2, 3)] == [True, True, False]
    assert page.inner_text("#vc-progress-status") == f"You have read 2 of {total} steps."

    page.click("#vc-progress-clear")
    assert not page.is_checked("input[data-vc-number='1']")
    assert page.evaluate("localStorage.getItem('valued-care:pathway:board-members')") is None
    assert page.inner_text("#vc-progress-status") == "Your progress on this pathway has been cleared."
    assert_accessible(page, "pathway, progress cleared")


# ---- the self-assessment ------------------------------------------------------------------------------------------

def answers_with_a_tie(kb) -> dict[str, list[int]]:
    """Mostly everywhere, except: four ingredients at Partly (a tie for the three places in the plan), one at Fully
    (nothing to plan) and one mixed."""
    ingredients = list(kb.ingredients.values())
    answers = {i.id: [2] * len(i.what_good_looks_like) for i in ingredients}
    for index in (1, 3, 6, 8):
        answers[ingredients[index].id] = [1] * len(ingredients[index].what_good_looks_like)
    answers[ingredients[4].id] = [MAX] * len(ingredients[4].what_good_looks_like)
    answers[ingredients[0].id] = [0] + [MAX] * (len(ingredients[0].what_good_looks_like) - 1)
    return answers


def expected_plan(kb, answers: dict[str, list[int]]) -> list[str]:
    """The page's rule, from the data: the lowest averages below Fully, ties to the earlier ingredient."""
    scored = [(sum(v) / len(v), kb.ingredients[rid].number, rid) for rid, v in answers.items() if v]
    weakest = sorted(s for s in scored if s[0] < MAX)[:self_assessment.PLAN_SIZE]
    return [rid for _, _, rid in sorted(weakest, key=lambda s: s[1])]


def expected_case_studies(kb, rid: str) -> list[str]:
    primary = [c.id for c in kb.case_studies_for(rid, primary_only=True)]
    return primary + [c.id for c in kb.case_studies_for(rid) if c.id not in primary]


def rate(page, answers: dict[str, list[int]]) -> None:
    for rid, values in answers.items():
        for s, value in enumerate(values):
            page.check(f"input[name='rate-{rid}-{s}'][value='{value}']")


def ratings_shown(page, kb) -> dict[str, list[int | None]]:
    return page.evaluate("""(ids) => Object.fromEntries(ids.map(([rid, n]) => [rid, [...Array(n).keys()].map(s => {
        const checked = document.querySelector(`input[name='rate-${rid}-${s}']:checked`);
        return checked ? Number(checked.value) : null; })]))""",
                         [[i.id, len(i.what_good_looks_like)] for i in kb.ingredients.values()])


def plan_shown(page) -> list[str]:
    return page.eval_on_selector_all("section[data-vc-plan-ingredient]",
                                     "els => els.map(e => e.dataset.vcPlanIngredient)")


def test_self_assessment_plans_reading_for_the_weakest_ingredients_and_keeps_answers(page, served, built_site, kb):
    page.goto(f"{served}self-assessment/")
    assert page.is_hidden("#vc-assess-nojs") and page.is_visible("#vc-tools")
    assert page.locator("fieldset.vc-rating").count() == sum(len(i.what_good_looks_like) for i in kb.ingredients.values())
    assert "Rate at least one statement" in page.inner_text("#vc-plan-body")
    assert_accessible(page, "self-assessment, empty")

    # One answer: a plan of one ingredient appears, and the live region says so.
    first = next(iter(kb.ingredients.values()))
    page.check(f"input[name='rate-{first.id}-0'][value='1']")
    assert plan_shown(page) == [first.id]
    assert page.inner_text("#vc-plan-status") == f"Reading plan updated: {first.title}."
    assert_accessible(page, "self-assessment, one answer, plan shown")

    answers = answers_with_a_tie(kb)
    rate(page, answers)
    weakest = expected_plan(kb, answers)
    assert plan_shown(page) == weakest
    assert len(weakest) == self_assessment.PLAN_SIZE
    for rid in weakest:
        section = page.locator(f"section[data-vc-plan-ingredient='{rid}']")
        cases = section.locator("a[data-vc-case-study]")
        assert [cases.nth(i).get_attribute("data-vc-case-study") for i in range(cases.count())] == \
            expected_case_studies(kb, rid)
        for i in range(cases.count()):
            target = site_path(page, cases.nth(i).get_attribute("href"), served)
            assert target == f"case-studies/{cases.nth(i).get_attribute('data-vc-case-study')}/"
            assert (built_site / target / "index.html").exists()
        theory = site_path(page, section.get_by_role("link", name=kb.theory[rid].title).get_attribute("href"), served)
        assert theory == f"theory/{rid}/"
        resources = section.locator("a[data-vc-resource]")
        assert resources.count() == len(kb.resources_for(rid))
        assert site_path(page, resources.first.get_attribute("href"), served).startswith("resources/#res-")
    titles = [kb.ingredients[rid].title for rid in weakest]
    assert page.inner_text("#vc-plan-status") == f"Reading plan updated: {titles[0]}, {titles[1]} and {titles[2]}."
    assert_accessible(page, "self-assessment, every statement rated, plan shown")
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # the form and the plan reflow
    assert_accessible(page, "self-assessment, plan shown, 320 px wide")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.reload()
    assert ratings_shown(page, kb) == answers
    assert plan_shown(page) == weakest
    assert_accessible(page, "self-assessment, answers restored after reload")

    page.click("#vc-assess-clear")
    assert all(v is None for values in ratings_shown(page, kb).values() for v in values)
    assert page.evaluate(f"localStorage.getItem('{self_assessment.STORAGE_KEY}')") is None
    assert plan_shown(page) == []
    assert page.inner_text("#vc-plan-status") == "All answers cleared. Your reading plan is empty."
    assert_accessible(page, "self-assessment, cleared")
    page.reload()
    assert plan_shown(page) == []


def test_self_assessment_works_by_keyboard(page, served, kb):
    page.goto(f"{served}self-assessment/")
    first = next(iter(kb.ingredients.values()))
    page.focus(f"input[name='rate-{first.id}-0'][value='0']")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # arrows move the choice within a radio group
    assert ratings_shown(page, kb)[first.id][0] == 1
    assert plan_shown(page) == [first.id]


def test_printing_shows_the_plan_without_the_form(page, served, kb):
    page.goto(f"{served}self-assessment/")
    first = next(iter(kb.ingredients.values()))
    page.check(f"input[name='rate-{first.id}-0'][value='0']")
    page.fill("#vc-assess-team", "Ward 7")
    page.emulate_media(media="print")
    assert page.is_hidden("#vc-assess-form") and page.is_hidden("#vc-tools")
    assert page.is_visible("#vc-plan") and page.is_visible(f"section[data-vc-plan-ingredient='{first.id}']")
    assert page.inner_text("#vc-plan-for").startswith("Reading plan for Ward 7, ")


def test_self_assessment_works_from_disk(page, built_site, kb):
    page.goto((built_site / "self-assessment" / "index.html").as_uri())
    rid = next(iter(kb.ingredients))
    page.check(f"input[name='rate-{rid}-0'][value='0']")
    links = page.locator(f"section[data-vc-plan-ingredient='{rid}'] a")
    assert links.count() > 3
    for i in range(links.count()):
        url = urljoin(page.url, links.nth(i).get_attribute("href"))
        assert url.startswith("file://") and Path(urlsplit(url).path).is_file(), url  # index.html, not a folder
    page.reload()
    assert ratings_shown(page, kb)[rid][0] == 0


def test_the_offline_copy_plans_and_links_with_plain_file_names(page, built_downloads, tmp_path, kb):
    """The offline zip is built without folder addresses (culture.html, not culture/): the diagram and the plan
    follow it, and answers are kept from file:// too."""
    from valued_care import urls
    from valued_care.outputs.offline import TOP_FOLDER

    with zipfile.ZipFile(built_downloads / urls.OFFLINE_ZIP) as bundle:
        bundle.extractall(tmp_path)
    site = tmp_path / TOP_FOLDER
    page.goto((site / "index.html").as_uri())
    diagram = page.locator(".vc-model__svg--wide a")
    assert [diagram.nth(i).get_attribute("href") for i in range(diagram.count())] == \
        [f"ingredients/{i}.html" for i in kb.ingredients]
    page.goto((site / "self-assessment.html").as_uri())
    rid = list(kb.ingredients)[-1]
    page.check(f"input[name='rate-{rid}-0'][value='1']")
    hrefs = page.eval_on_selector_all("#vc-plan-body a", "els => els.map(e => e.getAttribute('href'))")
    assert f"case-studies/{expected_case_studies(kb, rid)[0]}.html" in hrefs
    for href in hrefs:
        assert (site / href.split("#")[0]).is_file(), href
    page.reload()
    assert ratings_shown(page, kb)[rid][0] == 1
