"""The data layer: typed records, safe YAML reading, loading, checks across files and the knowledge base."""
