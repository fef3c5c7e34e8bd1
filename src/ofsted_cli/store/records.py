"""Light record classes: what the compiled validator (store/validator.py) builds.

Each has the slots pydantic_core fills when it validates a model (the fields in `__dict__`),
so that a record reads like the model it stands for: `council.inspections[0].framework`.
"""

from __future__ import annotations


class Record:
    """A validated record: its fields as attributes, like the model it stands for."""

    __slots__ = (
        "__dict__",
        "__pydantic_fields_set__",
        "__pydantic_extra__",
        "__pydantic_private__",
    )

    def __repr__(self) -> str:
        return f"{type(self).__name__}({vars(self)!r})"


class Council(Record):
    __slots__ = ()


class Inspection(Record):
    __slots__ = ()


class Statement(Record):
    __slots__ = ()


class Speaker(Record):
    __slots__ = ()


class Source(Record):
    __slots__ = ()


class Group(Record):
    __slots__ = ()


class Figure(Record):
    __slots__ = ()
