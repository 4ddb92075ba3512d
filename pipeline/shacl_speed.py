"""Four adaptations that make pyshacl validate a report in about half the time without
changing what it finds.

pyshacl evaluates a shape once per value node reached through `sh:node` and
`sh:property`, thousands of times per report, and each evaluation

* reads the shape's triples from the shapes graph again, and
* keeps those predicates that are constraint parameters, testing each against a list of
  about forty parameters with `in` (term equality, one by one);

and each evaluation of a `sh:sparql` constraint (once per focus node) scans the query's
text with five regular expressions to check it is a legal SHACL query, although the text
is the same every time.

`MemoisedGraph` answers a repeated triple pattern from the answer it gave before (the
shapes graph does not change while it is read); `install` lets the parameter test use a
set; and the SPARQL check remembers the texts it passed (a text it refuses is checked,
and refused, every time). All give the same terms in the same order as before, so pyshacl
makes the same decisions in the same order. `reference()` turns them off, to compare
against.

The fourth is `FocusAnswers`: a `sh:sparql` SELECT, which pyshacl asks once per focus
node with `$this` bound, is asked once per data graph with `$this` free, and each focus
node is given the rows whose `$this` is that node. rdflib spent most of each call on its
fixed cost, not on the rows; the rows are the same (see `FocusAnswers`).

The data graph is left as it is: pyshacl needs a context-aware store for it (so not
rdflib's SimpleMemory), copying it into another store costs more than the copy saves, and
its triple patterns rarely repeat, so remembering answers gains nothing there.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from rdflib import Graph, Variable
from rdflib.paths import Path
from rdflib.query import Result
from rdflib.term import Identifier

# The pyshacl releases the project allows (pyproject.toml). Outside this range the
# parameter list is left alone: validation is then as slow as pyshacl makes it, never
# different.
PYSHACL_RANGE = ((0, 30), (0, 41))

_Triple = tuple[Any, Any, Any]
_Check = Callable[..., Any]


class _State(threading.local):
    enabled = True


_STATE = _State()


class _ParameterList(list[Any]):
    """pyshacl's list of constraint parameters, with set membership.

    It stays a list (same items, same order) for everything else pyshacl does with it;
    `.copy()`, which pyshacl takes before adding the SHACL-JS or SHACL-AF parameters,
    gives a plain list. rdflib terms hash consistently with their equality, so `in`
    answers exactly as the linear scan does."""

    def __init__(self, items: Iterable[Any]) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item: object) -> bool:
        if _STATE.enabled:
            return item in self._members
        return super().__contains__(item)


class MemoisedGraph(Graph):
    """A graph that remembers the answer to each triple pattern until it changes.

    For a graph read far more often than written, such as a shapes graph. The answer is
    the store's own, in the store's order; any add or removal that changes the graph
    forgets all answers. Writes that bypass this object (straight to its store) are not
    seen: give the store to nobody else."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._answers: dict[_Triple, tuple[_Triple, ...]] = {}

    # an iterator over the remembered answer, where rdflib declares a generator
    def triples(self, triple: Any) -> Iterator[Any]:  # type: ignore[override]
        if not _STATE.enabled or isinstance(triple[1], Path):
            # a property path is evaluated through `triples` again, pattern by pattern
            return super().triples(triple)
        answer = self._answers.get(triple)
        if answer is None:
            answer = self._answers[triple] = tuple(super().triples(triple))
        return iter(answer)

    def add(self, triple: Any) -> MemoisedGraph:
        # pyshacl adds its few system triples to the shapes graph on every run; they are
        # there from the second run on, so the answers can stay
        if self._answers and triple not in self:
            self._answers.clear()
        super().add(triple)
        return self

    def addN(self, quads: Iterable[Any]) -> MemoisedGraph:
        self._answers.clear()
        super().addN(quads)
        return self

    def remove(self, triple: Any) -> MemoisedGraph:
        self._answers.clear()
        super().remove(triple)
        return self


_THIS = Variable("this")
_Row = Mapping[Variable, Identifier]


class FocusAnswers:
    """The rows of each SELECT asked of one data graph with `$this` free, by their `$this`.

    Binding `$this` before evaluation (as pyshacl does) and keeping the rows of the free
    query whose `$this` is the node give the same rows: every query of our shapes binds
    `$this` in its patterns and projects it, and groups by it where it aggregates, so a
    row of one focus node never depends on another's. Where a row comes back with `$this`
    unbound (a query that does not bind it), that query is asked per node, as pyshacl
    asks it. The data graph must not change while it is validated (pyshacl, without
    inference, never changes it)."""

    def __init__(self) -> None:
        self._rows: dict[object, tuple[list[Variable], dict[Identifier, list[_Row]]] | None] = {}

    def answer(self, query: object, this: Identifier, ask: Callable[[], Result]) -> Result | None:
        """The rows of `query` for focus node `this`; `ask()` evaluates it with `$this`
        free. None where the query must be asked per node (or the adaptation is off)."""
        if not _STATE.enabled:
            return None
        if query not in self._rows:
            self._rows[query] = _by_focus(ask())
        known = self._rows[query]
        if known is None:
            return None
        variables, rows = known
        result = Result("SELECT")
        result.vars = variables
        result.bindings = list(rows.get(this, ()))
        return result


def _by_focus(whole: Result) -> tuple[list[Variable], dict[Identifier, list[_Row]]] | None:
    if whole.type != "SELECT" or whole.vars is None or _THIS not in whole.vars:
        return None
    rows: dict[Identifier, list[_Row]] = {}
    for row in whole.bindings:
        this = row.get(_THIS)
        if this is None:
            return None
        rows.setdefault(this, []).append(row)
    return list(whole.vars), rows


def _remembering(check: _Check) -> _Check:
    """pyshacl's check of a SPARQL constraint's text, answered from memory for a text (and
    kind of call) it passed before: the check reads nothing but the text, the helper's
    class (its patterns) and which variables may be pre-bound."""
    passed: set[tuple[type, str, bool, frozenset[str]]] = set()

    @functools.wraps(check)
    def remembered(
        helper: Any, sparql_text: str, valuenode: Any = None, extravars: Any = None
    ) -> Any:
        if not _STATE.enabled:
            return check(helper, sparql_text, valuenode=valuenode, extravars=extravars)
        key = (type(helper), sparql_text, valuenode is not None, frozenset(extravars or ()))
        if key in passed:
            return True
        answer = check(helper, sparql_text, valuenode=valuenode, extravars=extravars)
        passed.add(key)  # only reached when the text passed: a refusal raises every time
        return answer

    remembered.lodpipe_remembering = True  # type: ignore[attr-defined]
    return remembered


def memoised(graph: Graph) -> MemoisedGraph:
    """A `MemoisedGraph` over `graph`'s store, identifier and prefixes; it takes over the
    store (write through it, not through `graph`)."""
    return MemoisedGraph(
        store=graph.store, identifier=graph.identifier, namespace_manager=graph.namespace_manager
    )


def supported(version: str) -> bool:
    """True for the pyshacl releases the parameter adaptation is made for."""
    try:
        release = tuple(int(part) for part in version.split(".")[:2])
    except ValueError:
        return False
    low, high = PYSHACL_RANGE
    return low <= release < high


def install() -> bool:
    """Let pyshacl test constraint parameters against a set and remember the SPARQL texts
    it checked; once per process is enough, again is harmless. False (nothing done) for
    a pyshacl release outside `PYSHACL_RANGE`.

    pyshacl (0.40) keeps the list in `pyshacl.shape.CONSTRAINT_PARAMS`, filled on first
    use when empty; filling it first with the same items is the whole adaptation. A
    release that does not read it there ignores it: slower, never different."""
    import pyshacl
    from pyshacl import shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP
    from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper

    if not supported(str(pyshacl.__version__)):
        return False
    current = getattr(shape, "CONSTRAINT_PARAMS", (None, None))
    if not isinstance(current[0], _ParameterList):
        shape.CONSTRAINT_PARAMS = (  # type: ignore[attr-defined]
            _ParameterList(ALL_CONSTRAINT_PARAMETERS),
            CONSTRAINT_PARAMETERS_MAP,
        )
    check = SPARQLQueryHelper.check_invalid_sparql
    if not getattr(check, "lodpipe_remembering", False):
        SPARQLQueryHelper.check_invalid_sparql = _remembering(check)  # type: ignore[method-assign]
    return True


@contextlib.contextmanager
def reference() -> Iterator[None]:
    """Within this block (in this thread) pyshacl runs as if neither adaptation were
    there: the results to compare the adapted runs with."""
    previous = _STATE.enabled
    _STATE.enabled = False
    try:
        yield
    finally:
        _STATE.enabled = previous
