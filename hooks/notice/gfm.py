"""Text for GitHub-flavoured Markdown (the review in a job summary), shown as written.

Whatever comes from the notice, the editors or the tools is escaped here before it lands in
the review's Markdown, or fenced with a fence its text cannot close.
"""

from __future__ import annotations

import re


def escape(text: str) -> str:
    """``text`` shown as written: HTML's and Markdown's special characters escaped."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]|#!~])", r"\\\1", escaped)


def fenced(text: str, indent: str = "") -> list[str]:
    """``text`` as a code block that nothing in it can close: a fence longer than any run of
    backticks inside."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    lines = [f"{indent}{line}" for line in text.splitlines()]
    return [f"{indent}{fence}text", *lines, f"{indent}{fence}"]
