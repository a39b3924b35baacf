"""The site layer: every page and file of the site, made from the knowledge base (no MkDocs here)."""
