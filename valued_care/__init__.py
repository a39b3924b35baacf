"""The valued care knowledge base: data -> typed records -> site pages, search, PDFs and open data.

Layers, each importing only those above it: data (records and loading), site (pages and search), outputs (PDF,
open data, feed, offline copy), contributors (scaffold, review dates). See ARCHITECTURE.md."""
