"""Quality gates over a built site: accessibility, privacy, links, HTML validity, script injection, reproducibility.

Plain functions over a folder of built HTML (and, for the browser gates, a Playwright page): no pytest, no MkDocs.
The tests in tests/test_gate_*.py are thin calls into these modules.
"""
