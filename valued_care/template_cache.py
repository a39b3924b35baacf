"""Compiled templates kept between builds, so a build does not parse and compile the same templates again (a fifth of
the build at the real content).

Jinja's own bytecode cache, in Jinja's own per-user folder outside the project (in the system's temporary folder,
made by Jinja with mode 0700 and refused if another user owns it or anyone else may write to it), so no pull request
can put a file there: only files this user's own builds wrote are ever loaded. A compiled template is used only for
the same template file with the same source (Jinja checks both), and only by an environment that compiles the same
way: Jinja decides at compile time how to call each filter, test and finalize (whether it is given the context), so
their kinds and every syntax option are part of the file name (settings_key), and a change to any of them compiles
afresh instead of running stale code.
"""
from __future__ import annotations

import hashlib

import jinja2

# Environment options that change what a template compiles to.
_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
            "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "is_async")


def _kind(function) -> str:
    """How Jinja calls it (jinja2.pass_context and friends), which the compiled code bakes in."""
    return str(getattr(function, "jinja_pass_arg", None))


def settings_key(env: jinja2.Environment) -> str:
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", "?")
    parts = [
        repr([getattr(env, option) for option in _OPTIONS]),
        repr(autoescape),
        "finalize:" + ("none" if env.finalize is None else _kind(env.finalize)),
        repr(sorted((name, _kind(f)) for name, f in env.filters.items())),
        repr(sorted((name, _kind(t)) for name, t in env.tests.items())),
        repr(sorted(env.extensions)),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def keep_compiled(env: jinja2.Environment, name: str, directory: str | None = None) -> jinja2.Environment:
    """Give env a cache of compiled templates (call it once its filters, tests and finalize are all set). name keeps
    environments of different purposes apart; directory is for tests (default: Jinja's safe per-user folder).
    Where no safe folder can be had, env compiles every time, as without a cache."""
    pattern = f"valued-care-{name}-{settings_key(env)}-%s.cache"
    try:
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(directory, pattern)
    except RuntimeError:  # Jinja found the per-user folder unsafe (another owner, or writable by others)
        env.bytecode_cache = None
    return env
