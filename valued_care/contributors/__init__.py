"""Tools for contributors and editors: the case-study scaffold and review dates."""
