"""Headless Debian Chromium through Playwright, set up so that it makes no requests of its own."""
from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium calls home at start; the privacy gate must see only the site.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-domain-reliability",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication"]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
