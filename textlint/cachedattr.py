"""``cached_property`` without a lock: the value of a method computed on first access and kept
in the instance's ``__dict__``, which answers every later access (the descriptor is not asked
again), as :func:`functools.cached_property` does.

Python 3.11's ``functools.cached_property`` takes a lock on every first access (Python 3.12
dropped it): ~2 µs more, and a document's properties are first read ~15 times a document. No
textlint object is shared by threads while its properties are computed; a property computed
twice at once would compute the same value.
"""

from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar, overload

T = TypeVar("T")


class cached_property(Generic[T]):  # noqa: N801 (named as functools' own)
    """:func:`functools.cached_property` without its lock (see the module's docstring)."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.attrname: str | None = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner: type, name: str) -> None:
        self.attrname = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value
