"""Headless Debian Chromium through Playwright, set up so that it makes no requests of its own; and `settle`, which
every check that reads what a page looks like (axe above all) calls first."""
from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium calls home at start; the privacy gate must see only the site.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-domain-reliability",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication"]

SETTLE_TIMEOUT_MS = 5_000
QUIET_FRAMES = 2  # the page must be still at the end of this many animation frames in a row

# Still means: web fonts loaded, every animation and transition (document.getAnimations(): CSS animations, CSS
# transitions, Web Animations) finished or idle, and the scroll position unchanged since the frame before.
# document.getAnimations() brings styles up to date first, so a transition a class change has just started counts.
# A frame that never comes (a page not being drawn) is waited for at most 250 ms, so the deadline always holds.
_SETTLE = """async ({timeout, quietFrames}) => {
  const deadline = performance.now() + timeout;
  const frame = () => new Promise(done => { requestAnimationFrame(() => done()); setTimeout(done, 250); });
  const busy = () => document.getAnimations().filter(a => a.pending || !["finished", "idle"].includes(a.playState));
  const describe = a => {
    const el = a.effect && a.effect.target;
    const where = !el ? "(no element)" : el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + [...el.classList].map(c => "." + c).join("");
    const what = a.transitionProperty ? "transition of " + a.transitionProperty
      : a.animationName ? "animation " + a.animationName : "animation" + (a.id ? " " + a.id : "");
    return `${what} on ${where} (${a.playState}${a.pending ? ", pending" : ""})`;
  };
  await Promise.race([document.fonts.ready, new Promise(done => setTimeout(done, timeout))]);
  let quiet = 0, scroll = [scrollX, scrollY];
  while (performance.now() < deadline) {
    await frame();
    const now = [scrollX, scrollY];
    const still = busy().length === 0 && now[0] === scroll[0] && now[1] === scroll[1];
    scroll = now;
    quiet = still ? quiet + 1 : 0;
    if (quiet >= quietFrames) return null;
  }
  const running = busy().map(describe);
  return running.length ? running : [`the page kept scrolling (now at ${scrollX}, ${scrollY})`];
}"""


class PageNotSettled(AssertionError):
    """The page was still moving when a check needed it still."""


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


def settle(page, timeout_ms: int = SETTLE_TIMEOUT_MS) -> None:
    """Wait until `page` is still: no animation or transition running and no scrolling, over QUIET_FRAMES frames in
    a row. Raises PageNotSettled, naming what still moves, if that takes longer than timeout_ms.

    Checks that read styles (axe's colour contrast above all) call this first: Material fades the page title into
    the header as the page scrolls, and mid-fade its colour fails contrast although the finished state passes.
    """
    moving = page.evaluate(_SETTLE, {"timeout": timeout_ms, "quietFrames": QUIET_FRAMES})
    if moving:
        raise PageNotSettled(f"{page.url}: still moving after {timeout_ms} ms: " + "; ".join(moving))
