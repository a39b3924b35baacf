"""The case-study finder in a real browser (Debian's Chromium, headless), over http and from file://.

What the list should show is worked out from the same data: which case studies a search finds comes from the
finder's own engine (finder-search.js, whose matching and ranking tests/test_search_engine.py checks against the
data), and what the filters and counts then show is worked out here in Python, so the test follows the content
as it grows.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest

from conftest import ROOT, build_site
from valued_care.data.loader import load_knowledge_base
from valued_care.site.search_index import finder_data

pytestmark = pytest.mark.browser
PAGE = 20  # results the finder shows at first and adds with "Show more" (finder.js)
PHONE = {"width": 375, "height": 812}


# ---- fixtures (chromium and served, the built site over http, come from conftest) ----------------------------

@pytest.fixture(scope="module")
def data():
    return finder_data(load_knowledge_base(ROOT / "data"))


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """The offline build (OFFLINE=true turns on Material's offline plugin: pages as .html files, for file://)."""
    out = tmp_path_factory.mktemp("offline") / "site"
    result = build_site(out, extra_env={"OFFLINE": "true"})
    assert result.returncode == 0, result.stderr[-4000:]
    return out


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    yield tab
    context.close()
    # Material's own search on file:// is the offline plugin's business (issue 5), not the finder's.
    assert [e for e in errors if "search/search_index" not in e] == []


# ---- the oracle: what the finder should show, from the same data ----------------------------------------------

def engine_hits(page, text: str) -> list[str]:
    """The case studies the finder's engine finds for text, most relevant first."""
    return page.evaluate("""t => { const found = window.vcFinder.search(t);
        return found ? found.hits.map(d => window.vcFinderData.docs[d][0]) : null; }""", text)


def expected_counts(data, ids: set[str], facet: str, ticked: dict[str, set[str]]) -> dict[str, int]:
    """Counts of one facet's values over ids, with every other facet's ticked values applied."""
    keys = [f["key"] for f in data["facets"]]
    values = {f["key"]: f["values"] for f in data["facets"]}
    counts = {v: 0 for v in values[facet]}
    for doc in data["docs"]:
        if doc[0] not in ids:
            continue
        row = {k: {values[k][n] for n in doc[i + 1]} for i, k in enumerate(keys)}
        if all(not chosen or row[k] & chosen for k, chosen in ticked.items() if k != facet):
            for v in row[facet]:
                counts[v] += 1
    return counts


# ---- helpers ----------------------------------------------------------------------------------------------------

def ready(page):
    page.wait_for_selector("#vc-finder[data-ready]")


def shown_ids(page) -> list[str]:
    return page.eval_on_selector_all("#vc-finder-results > li", "items => items.map(li => li.id.slice(3))")


def assert_shows(page, expected: set[str]):
    shown = shown_ids(page)
    assert set(shown) <= expected and len(shown) == min(len(expected), PAGE)
    assert page.is_hidden("#vc-finder-more") == (len(expected) <= PAGE)


def shown_counts(page, facet: str) -> dict[str, int]:
    texts = page.eval_on_selector_all(
        f'fieldset[data-facet="{facet}"] [data-count]', "spans => spans.map(s => [s.dataset.count, s.textContent])")
    return {slug: int(text.strip("()")) for slug, text in texts}


def status(page) -> str:
    page.wait_for_function("document.getElementById('vc-finder-status').textContent.trim() !== ''")
    return page.inner_text("#vc-finder-status")


def wait_for_status(page, pattern: str):
    page.wait_for_function("p => new RegExp(p).test(document.getElementById('vc-finder-status').textContent)",
                           arg=pattern)


def a_query_word(page, kb) -> str:
    """A word from the titles that finds several case studies but not most, the same on every run."""
    words = sorted({w.lower() for c in kb.case_studies.values() for w in re.findall(r"[A-Za-z]{5,}", c.title)})
    hits = {w: len(engine_hits(page, w) or []) for w in words}
    fitting = [w for w in words if 3 <= hits[w] <= max(3, len(kb.case_studies) // 3)] or words
    return max(fitting, key=lambda w: hits[w])


def narrowing(values: list[str], among: set[str], values_of) -> str:
    """A value held by some but not all of among (so ticking it changes the counts), else by any."""
    held = {v: sum(v in values_of(i) for i in among) for v in values}
    return next((v for v in values if 0 < held[v] < len(among)), next(v for v in values if held[v]))


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


# ---- the journey, over http and from file:// -----------------------------------------------------------------

def journey(page, kb, data, finder_url: str):
    """Type, tick, check counts and results, reload, go back: the finder's whole contract."""
    page.goto(finder_url)
    ready(page)
    every = [doc[0] for doc in data["docs"]]
    assert shown_ids(page) == every[:PAGE]
    assert status(page).startswith(f"{len(every)} case stud")

    word = a_query_word(page, kb)
    page.click("#vc-finder-q")
    page.keyboard.type(word, delay=20)
    ranked = engine_hits(page, word)
    hits = set(ranked)
    assert hits, word
    wait_for_status(page, f"^{len(hits)} case stud")
    assert_shows(page, hits)
    assert "most relevant first" in status(page)
    assert shown_ids(page) == ranked[:PAGE]  # in the engine's order
    for facet in ("ingredient", "setting", "method", "period"):
        assert shown_counts(page, facet) == expected_counts(data, hits, facet, {})
    assert query(page.url)["find"] == [word]

    # Tick an ingredient, with the keyboard.
    ingredient = narrowing(list(kb.ingredients), hits, lambda i: kb.case_studies[i].ingredients)
    box = f"#vc-f-ingredient-{ingredient}"
    page.focus(box)
    page.keyboard.press("Space")
    assert page.is_checked(box)
    ticked = {"ingredient": {ingredient}}
    narrowed = {i for i in hits if ingredient in kb.case_studies[i].ingredients}
    wait_for_status(page, f"^{len(narrowed)} case stud")
    assert_shows(page, narrowed)
    assert shown_counts(page, "setting") == expected_counts(data, hits, "setting", ticked)
    assert shown_counts(page, "ingredient") == expected_counts(data, hits, "ingredient", ticked)
    assert query(page.url)["ingredient"] == [ingredient]

    # Tick a setting too: counts of every group follow both choices.
    setting = narrowing([f["values"] for f in data["facets"] if f["key"] == "setting"][0], narrowed,
                        lambda i: kb.case_studies[i].settings)
    page.check(f"#vc-f-setting-{setting}")
    ticked["setting"] = {setting}
    both = {i for i in narrowed if setting in kb.case_studies[i].settings}
    wait_for_status(page, f"^{len(both)} case stud")
    assert_shows(page, both)
    assert shown_counts(page, "region") == expected_counts(data, hits, "region", ticked)
    order = shown_ids(page)

    # The address holds the whole state: reload and get the same page.
    page.reload()
    ready(page)
    assert page.input_value("#vc-finder-q") == word
    assert page.is_checked(box) and page.is_checked(f"#vc-f-setting-{setting}")
    assert shown_ids(page) == order

    # Back undoes one step at a time.
    page.go_back()
    wait_for_status(page, f"^{len(narrowed)} case stud")
    assert not page.is_checked(f"#vc-f-setting-{setting}") and page.is_checked(box)
    page.go_back()
    wait_for_status(page, f"^{len(hits)} case stud")
    assert not page.is_checked(box)
    assert page.input_value("#vc-finder-q") == word


def test_finder_over_http(page, served):
    kb = load_knowledge_base(ROOT / "data")
    journey(page, kb, finder_data(kb), served + "finder/")


def test_finder_from_file_in_the_offline_build(page, offline_site):
    kb = load_knowledge_base(ROOT / "data")
    finder = offline_site / "finder.html"
    if not finder.exists():  # until the offline plugin is configured, pages keep directory URLs
        finder = offline_site / "finder" / "index.html"
    journey(page, kb, finder_data(kb), finder.as_uri())


def test_chapter_search_opens_the_finder_filtered_to_the_chapter(page, served, data):
    kb = load_knowledge_base(ROOT / "data")
    ingredient = next(iter(kb.ingredients))
    page.goto(served + f"ingredients/{ingredient}/")
    page.fill("#vc-scope-q", "staff")
    page.press("#vc-scope-q", "Enter")
    ready(page)
    assert query(page.url) == {"ingredient": [ingredient], "find": ["staff"]}
    assert page.is_checked(f"#vc-f-ingredient-{ingredient}") and page.input_value("#vc-finder-q") == "staff"
    assert not page.is_checked("#__search")  # Material's search stays closed
    expected = {i for i in engine_hits(page, "staff") if ingredient in kb.case_studies[i].ingredients}
    wait_for_status(page, f"^{len(expected) or 'No'} case stud")


def test_an_old_q_address_opens_the_finder_with_its_words_and_not_materials_search(page, served, data):
    """Cause 4 of issue 12: ?q= is also Material's search parameter, so it opened Material's search on top."""
    page.goto(served + "finder/?q=" + quote_plus("staff survey") + "&setting=community")
    ready(page)
    assert query(page.url) == {"find": ["staff survey"], "setting": ["community"]}  # rewritten once
    assert page.input_value("#vc-finder-q") == "staff survey" and page.is_checked("#vc-f-setting-community")
    assert not page.is_checked("#__search") and not page.is_visible(".md-search__output")
    page.goto(served + "finder/?find=staff")
    ready(page)
    assert not page.is_checked("#__search") and page.input_value("#vc-finder-q") == "staff"


def test_show_more_and_clear(page, served, data):
    page.goto(served + "finder/")
    ready(page)
    total = len(data["docs"])
    if total > PAGE:
        page.click("#vc-finder-more")
        assert len(shown_ids(page)) == min(total, 2 * PAGE)
        assert page.evaluate("document.activeElement.closest('li').id") == "cs-" + data["docs"][PAGE][0]
    page.fill("#vc-finder-q", "zzzzqqq")
    wait_for_status(page, "^No case studies match")
    page.click("#vc-finder-clear")
    wait_for_status(page, f"^{total} case stud")
    assert page.input_value("#vc-finder-q") == "" and urlsplit(page.url).query == ""


def test_nothing_found_never_shows_the_whole_list_and_offers_ways_on(page, served, data):
    """Cause 3 of issue 12: an address matching nothing said so and still listed every case study."""
    page.goto(served + "finder/?find=zzzzqqq")
    ready(page)
    assert status(page).startswith("No case studies match") and shown_ids(page) == []
    assert page.is_visible("#vc-finder-none") and page.is_hidden("#vc-finder-more")
    page.fill("#vc-finder-q", "violense")  # a word no case study holds: searched as the nearest one, and said so
    wait_for_status(page, "Showing \u201cviolence\u201d for \u201cviolense\u201d")
    assert shown_ids(page) and page.is_hidden("#vc-finder-none")
    # Words that match, but not with the filters ticked: their counts without the filters, and a way back.
    hits = set(engine_hits(page, "restraint"))
    region = next(r for r in data["facets"] if r["key"] == "region")["values"]
    kb = load_knowledge_base(ROOT / "data")
    empty = next(r for r in region if not any(kb.case_studies[i].region == r for i in hits))
    page.goto(served + f"finder/?find=restraint&region={empty}")
    ready(page)
    assert shown_ids(page) == [] and page.is_visible("#vc-finder-none")
    assert page.inner_text("#vc-finder-none-words").strip() == f"restraint: {len(hits)} case studies"
    page.click("#vc-finder-none-clear")
    wait_for_status(page, f"^{len(hits)} case stud")
    assert query(page.url) == {"find": ["restraint"]}


def test_on_a_phone_the_count_and_first_results_are_on_the_first_screen(page, served, data):
    page.set_viewport_size(PHONE)
    page.goto(served + "finder/")
    ready(page)
    toggle = page.locator("#vc-finder-filters-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#vc-finder-filters fieldset").first.is_visible()  # filters folded away
    page.click("#vc-finder-q")
    page.keyboard.type("violence", delay=20)
    wait_for_status(page, "most relevant first")
    box = page.locator("#vc-finder-q").bounding_box()
    count = page.locator("#vc-finder-status").bounding_box()
    first = page.locator("#vc-finder-results > li").first.bounding_box()
    assert box["y"] < count["y"] < first["y"] and first["y"] + 40 < PHONE["height"]
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.locator("#vc-finder-filters fieldset input[type=checkbox]").first.check()
    assert re.fullmatch(r"Filters \(1\)\W*", toggle.inner_text())
    wait_for_status(page, "case stud")


def test_without_javascript_the_finder_page_lists_every_case_study_and_the_listing_pages(chromium, served, data):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "finder/")
    assert page.locator("#vc-finder-results > li").count() == len(data["docs"])
    assert page.locator("#vc-finder-results > li a").first.is_visible()
    assert not page.locator("#vc-finder-form").is_visible()
    for listing in ("settings/", "trusts/", "case-studies/"):
        assert page.locator(f'article a[href="../{listing}"]').count() >= 1
    page.goto(served + "ingredients/" + data["facets"][0]["values"][0] + "/")
    assert not page.locator(".vc-scope form").is_visible()
    assert "finder/?ingredient=" in page.locator(".vc-scope a").get_attribute("href")
    context.close()


def test_facets_are_fieldsets_with_legends_and_labelled_checkboxes(page, served, data):
    page.goto(served + "finder/")
    ready(page)
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('#vc-finder-form input')]
        .filter(i => i.type !== 'hidden' && !(i.labels && i.labels.length)).map(i => i.id)""")
    assert unlabelled == []
    assert page.locator("#vc-finder-form fieldset > legend").count() == len(data["facets"])
    assert page.get_attribute("#vc-finder-status", "role") == "status"


# ---- Material's own search, tuned by valued_care/site/search_meta.py ---------------------------------------------------

def material_results(page, served: str, query: str) -> list[dict]:
    page.goto(served + "?q=" + quote_plus(query))
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    return page.eval_on_selector_all(".md-search-result__item > a", r"""links => links.map(a => ({
        href: new URL(a.href).pathname.replace(/\/$/, ''), title: a.querySelector('h1, h2').textContent,
        tags: [...a.querySelectorAll('.md-tag')].map(t => t.textContent)}))""")


def test_site_search_puts_the_chapter_first_and_shows_each_hits_ingredients(page, served):
    kb = load_knowledge_base(ROOT / "data")
    ingredient = max(kb.ingredients.values(), key=lambda i: len(kb.case_studies_for(i.id)))
    results = material_results(page, served, ingredient.title.split()[0])
    assert results[0]["href"].endswith(f"ingredients/{ingredient.id}")
    case = kb.case_studies[sorted(kb.case_studies)[0]]
    results = material_results(page, served, " ".join(case.title.split()[:4]))
    hit = next(r for r in results if r["href"].endswith(f"case-studies/{case.id}"))
    assert hit["tags"][:len(case.ingredients)] == [kb.ingredients[i].title for i in case.ingredients]
    assert not [r for r in results if "finder" in r["href"]]


def test_site_search_finds_plurals_and_the_glossarys_other_names(page, served):
    """Cause 5 of issue 12: "restraints" and "OAPs" found nothing relevant in Material's search."""
    kb = load_knowledge_base(ROOT / "data")
    restraint = {c.id for c in kb.case_studies.values() if re.search(r"\brestraint\b", c.title + c.summary, re.I)}
    found = [r["href"].rsplit("/", 1)[-1] for r in material_results(page, served, "restraints")]
    assert restraint and restraint & set(found)
    out_of_area = [r for r in material_results(page, served, "OAPs") if "/case-studies/" in r["href"]]
    assert out_of_area and "OAP" in out_of_area[0]["tags"]


def test_site_search_finds_plurals_from_file_in_the_offline_build(page, offline_site):
    page.goto((offline_site / "index.html").as_uri())
    page.fill("input.md-search__input", "restraints")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    found = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.pathname)")
    kb = load_knowledge_base(ROOT / "data")
    restraint = {c.id for c in kb.case_studies.values() if re.search(r"\brestraint\b", c.title + c.summary, re.I)}
    assert {f"case-studies/{cid}.html" for cid in restraint} & {href.split("/site/", 1)[-1] for href in found}
