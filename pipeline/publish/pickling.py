"""Pickles of frozen dataclasses made without Python 3.11's slow path.

A frozen dataclass with slots is pickled through the `__getstate__` and `__setstate__`
that `dataclasses` adds, and both look the fields up again for every object. A build
pickles hundreds of thousands of them (each report's problems in the cache, each page's
view for its key), and that lookup was a tenth of a rebuild's own work. Here such an
object is pickled as its class and its field values, the way a plain tuple is, and is made
again by calling the class: the same object, read or compared.

rdflib's terms are pickled as their text and made again by calling their class, which
checks an IRI and parses a literal's text into its value again: reading every report's
summary spent most of its time there. Here a literal is pickled with its value and made
again from its parts, an IRI from its text alone (it was checked when first made): the same
terms, equal and hashed alike, a third faster to read back.
"""

from __future__ import annotations

import dataclasses
import io
import operator
import pickle
from collections.abc import Callable
from typing import Any

from rdflib.term import Literal, URIRef

_Reduced = tuple[type, tuple[Any, ...]]
#: How each class is taken apart; None for a class pickled the usual way.
_FIELDS: dict[type, Callable[[Any], tuple[Any, ...]] | None] = {}


def dumps(value: object) -> bytes:
    """`pickle.dumps(value)` (highest protocol), read back with `pickle.loads`."""
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> _Reduced | Any:
        kind = type(obj)
        if kind is URIRef:
            return _iri, (str(obj),)
        if kind is Literal and _LITERAL_STATE:
            return _literal, (str(obj), obj._language, obj._datatype, obj._value, obj._ill_typed)
        try:
            values = _FIELDS[kind]
        except KeyError:
            values = _FIELDS[kind] = _values_of(kind)
        if values is None:
            return NotImplemented
        return kind, values(obj)


def _values_of(kind: type) -> Callable[[Any], tuple[Any, ...]] | None:
    """Only frozen dataclasses with slots: nothing but their fields can hold state, and
    calling the class with the field values makes the same object."""
    params = getattr(kind, "__dataclass_params__", None)
    if params is None or not params.frozen or not params.init or "__slots__" not in kind.__dict__:
        return None
    fields = dataclasses.fields(kind)
    if not fields or not all(f.init and not f.kw_only for f in fields):
        return None
    names = [f.name for f in fields]
    if len(names) == 1:
        name = names[0]
        return lambda obj: (getattr(obj, name),)
    return operator.attrgetter(*names)  # a tuple of the values, in C


#: The literal's state beside its text, as this rdflib keeps it (another version is pickled
#: the usual way).
_LITERAL_STATE = Literal.__slots__ == ("_language", "_datatype", "_value", "_ill_typed")


def _iri(text: str) -> URIRef:
    made: URIRef = str.__new__(URIRef, text)
    return made


def _literal(
    text: str, language: str | None, datatype: URIRef | None, value: Any, ill_typed: bool | None
) -> Literal:
    made: Literal = str.__new__(Literal, text)
    made._language = language
    made._datatype = datatype
    made._value = value
    made._ill_typed = ill_typed
    return made
