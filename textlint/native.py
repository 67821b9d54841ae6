"""The optional compiled accelerators: the ``textlint_native`` module, built from ``native/``.

textlint runs every check in pure Python. When the ``textlint-native`` package is installed
(``pip install ./native``, or a wheel built by ``scripts/build_native_wheels.sh``), some hot
functions run compiled instead; each computes exactly what its pure-Python twin computes,
which stays the fallback and the reference the tests compare it with. The module is used only
when its ``ABI`` is the one this textlint expects (an older or newer build is ignored), and
never when the environment sets ``TEXTLINT_NATIVE=0`` (to compare the two, or to rule the
compiled code out).
"""

from __future__ import annotations

import os
from functools import cache
from types import ModuleType

#: The interface version of ``textlint_native`` this textlint uses (``ABI`` in native/src/lib.rs).
ABI = 34


@cache
def module() -> ModuleType | None:
    """The ``textlint_native`` module when it is installed, of the expected :data:`ABI`, and not
    turned off (``TEXTLINT_NATIVE=0``); else None: the pure-Python functions run."""
    if os.environ.get("TEXTLINT_NATIVE", "1") == "0":
        return None
    try:
        import textlint_native
    except ImportError:
        return None
    return textlint_native if getattr(textlint_native, "ABI", None) == ABI else None


def function(name: str):
    """The compiled function *name*, or None (no module, or one without it)."""
    native = module()
    return None if native is None else getattr(native, name, None)
