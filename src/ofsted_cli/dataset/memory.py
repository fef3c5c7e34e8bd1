"""Memory while parsing: the one place the cycle collector is paused (issue 14).

Light on purpose: the store imports it on its warm path, which must not import pydantic.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cycle collector: parsing makes millions of acyclic objects, and each full
    collection would walk them all again (reference counting still frees everything)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
