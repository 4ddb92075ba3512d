"""A triple store for a graph that is filled first and read afterwards: the summary graph
of a whole archive (every report's names, periods, places and validation results).

rdflib's stores keep each triple in three levels of nested dictionaries, about 760 bytes
a triple: 160 MiB for the summary graph at 1,000 reports, the largest thing a build holds.
Here each term is kept once and numbered, and the triples are three sorted arrays of the
numbers packed into one integer (subject-predicate-object, predicate-object-subject,
object-subject-predicate), found by binary search: about 120 bytes a triple, terms included.
Reads sort the triples added since the last read into the arrays first.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, MutableSequence
from typing import Any

from rdflib.store import Store
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
Pattern = tuple[Node | None, Node | None, Node | None]


class CompactStore(Store):
    """Triples as numbered terms in sorted arrays, for lodpipe's own reading (no named
    graphs, no SPARQL of its own: rdflib evaluates queries over `triples`). Iteration
    follows the numbers, which follow the order terms were first added in: the same
    additions always read back in the same order."""

    def __init__(self, configuration: str | None = None, identifier: Node | None = None) -> None:
        super().__init__(configuration)
        self.identifier = identifier
        self._ids: dict[Node, int] = {}
        self._terms: list[Node] = []
        # Added since the last read, as term numbers, in three columns.
        self._new = (array("I"), array("I"), array("I"))
        self._bits = 1
        self._spo = self._pos = self._osp = _index(1)
        self._namespace: dict[str, Any] = {}
        self._prefix: dict[Any, str] = {}

    # Filling

    def add(self, triple: Triple, context: Any = None, quoted: bool = False) -> None:
        number = self._number
        s, p, o = triple
        new_s, new_p, new_o = self._new
        new_s.append(number(s))
        new_p.append(number(p))
        new_o.append(number(o))

    def extend(self, triples: Iterable[Triple]) -> None:
        """`add` for many triples at once: the summary graph takes hundreds of thousands on
        every build, and a call per triple and term was most of the time it took."""
        ids, terms = self._ids, self._terms
        new_s, new_p, new_o = self._new
        for s, p, o in triples:
            # Written out for each place: a loop over the three cost a third more.
            n = ids.get(s)
            if n is None:
                n = ids[s] = len(terms)
                terms.append(s)
            new_s.append(n)
            n = ids.get(p)
            if n is None:
                n = ids[p] = len(terms)
                terms.append(p)
            new_p.append(n)
            n = ids.get(o)
            if n is None:
                n = ids[o] = len(terms)
                terms.append(o)
            new_o.append(n)

    def intern(self, term: Node) -> Node:
        """The store's own copy of `term` (added if new): what it adds is kept once."""
        return self._terms[self._number(term)]

    def _number(self, term: Node) -> int:
        found = self._ids.get(term)
        if found is None:
            found = self._ids[term] = len(self._terms)
            self._terms.append(term)
        return found

    def remove(self, triple_pattern: Pattern, context: Any = None) -> None:
        self._sort()  # first: it may widen the numbers
        bits = self._bits
        gone = {_packed(*t, bits) for t in self._matching(triple_pattern)}
        if gone:
            self._pack(t for t in self._all() if _packed(*t, bits) not in gone)

    # Reading

    def triples(
        self, triple_pattern: Pattern, context: Any = None
    ) -> Iterator[tuple[Triple, Iterator[Any]]]:
        terms = self._terms
        for s, p, o in self._matching(triple_pattern):
            yield (terms[s], terms[p], terms[o]), iter(())

    def __len__(self, context: Any = None) -> int:
        self._sort()
        return len(self._spo)

    def nodes(self) -> list[Node]:
        """The terms in a subject's or an object's place, each once, in number order: read
        off the two indexes that begin with them, without making any triple."""
        self._sort()
        shift = 2 * self._bits
        numbers = {key >> shift for key in self._spo}
        numbers.update(key >> shift for key in self._osp)
        terms = self._terms
        return [terms[n] for n in sorted(numbers)]

    def _matching(self, pattern: Pattern) -> Iterator[tuple[int, int, int]]:
        self._sort()
        limit = 1 << self._bits
        numbers = [None if term is None else self._ids.get(term, limit) for term in pattern]
        if any(n is not None and n >= limit for n in numbers):
            return  # a term in no triple: nothing matches
        s, p, o = numbers
        if s is not None and p is None and o is not None:
            for o_, s_, p_ in self._range(self._osp, o, s):
                yield s_, p_, o_
        elif s is not None:
            yield from self._range(self._spo, *(n for n in (s, p, o) if n is not None))
        elif p is not None:
            for p_, o_, s_ in self._range(self._pos, *(n for n in (p, o) if n is not None)):
                yield s_, p_, o_
        elif o is not None:
            for o_, s_, p_ in self._range(self._osp, o):
                yield s_, p_, o_
        else:
            yield from self._range(self._spo)

    def _range(self, index: MutableSequence[int], *prefix: int) -> Iterator[tuple[int, int, int]]:
        """The entries of `index` that begin with the numbers `prefix`, in index order,
        each as its three numbers."""
        bits = self._bits
        mask = (1 << bits) - 1
        low = 0
        for n in prefix:
            low = (low << bits) | n
        free = (3 - len(prefix)) * bits
        low <<= free
        high = low + (1 << free)
        for i in range(bisect_left(index, low), len(index)):
            key = index[i]
            if key >= high:
                break
            yield key >> (2 * bits), (key >> bits) & mask, key & mask

    def _all(self) -> Iterator[tuple[int, int, int]]:
        yield from self._range(self._spo)
        yield from zip(*self._new, strict=True)

    def _sort(self) -> None:
        if self._new[0]:
            self._pack(self._all())

    def _pack(self, triples: Iterable[tuple[int, int, int]]) -> None:
        """Make the three indexes from `triples` (read lazily, from the indexes as they
        are; duplicates dropped)."""
        bits = max(1, (len(self._terms) - 1).bit_length())
        whole, shift = (1 << 2 * bits) - 1, 2 * bits
        # Written out rather than through `_packed`: a call per triple doubled the time.
        keys = sorted([(((s << bits) | p) << bits) | o for s, p, o in triples])
        spo = _index(bits, dict.fromkeys(keys))  # sorted, so each duplicate once
        del keys
        self._bits = bits
        self._spo = spo
        # Each index is the one before it turned: (a, b, c) -> (b, c, a).
        self._pos = _index(bits, sorted([((k & whole) << bits) | (k >> shift) for k in spo]))
        self._osp = _index(bits, sorted([((k & whole) << bits) | (k >> shift) for k in self._pos]))
        self._new = (array("I"), array("I"), array("I"))

    # Prefixes, as rdflib's own stores keep them

    def bind(self, prefix: str, namespace: Any, override: bool = True) -> None:
        if not override and (prefix in self._namespace or namespace in self._prefix):
            return
        old = self._namespace.pop(prefix, None)
        if old is not None:
            self._prefix.pop(old, None)
        old_prefix = self._prefix.pop(namespace, None)
        if old_prefix is not None:
            self._namespace.pop(old_prefix, None)
        self._namespace[prefix] = namespace
        self._prefix[namespace] = prefix

    def namespace(self, prefix: str) -> Any:
        return self._namespace.get(prefix)

    def prefix(self, namespace: Any) -> str | None:
        return self._prefix.get(namespace)

    def namespaces(self) -> Iterator[tuple[str, Any]]:
        yield from self._namespace.items()


#: The bits of an unsigned machine integer: three term numbers are packed into one while
#: they fit (2 million terms)
WORD = 64


def _index(bits: int, keys: Iterable[int] = ()) -> MutableSequence[int]:
    """An index of keys of three `bits`-bit numbers: an array of machine integers while
    they fit, else a list of Python's integers, which have no size limit."""
    if 3 * bits <= WORD:
        return array("Q", keys)
    return list(keys)


def _packed(s: int, p: int, o: int, bits: int) -> int:
    return (((s << bits) | p) << bits) | o
