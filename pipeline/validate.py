"""SHACL validation of report graphs and of the cross-report graph.

Runs pyshacl with the shapes in shapes/, turns every sh:ValidationResult into a `Problem`
located in the report file and line its focus node was read from, and builds a
deterministic sh:ValidationReport graph for publishing. Never prints, never exits.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from pyshacl import validate as pyshacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from pipeline.model import Check, Problem, Severity
from pipeline.rdf import DATASET_KEY, MappedGraph
from pipeline.rdf.iris import Iris, report_key
from pipeline.rdf.namespaces import DCTERMS, LP, RDF, RDFS, SH, XSD, new_graph
from pipeline.settings import SHAPES, Settings, resource_dir
from pipeline.shacl_speed import FocusAnswers, memoised
from pipeline.shacl_speed import install as adapt_pyshacl

REPORT_SHAPES = ("common.ttl", "structure.ttl", "consistency.ttl")
DATASET_SHAPES = ("common.ttl", "dataset.ttl")

_SEVERITY = {SH.Violation: Severity.ERROR, SH.Warning: Severity.WARNING, SH.Info: Severity.INFO}


@dataclass(frozen=True, slots=True)
class Shapes:
    """A loaded shapes graph, the finding code of each shape, and its message templates."""

    graph: Graph
    codes: dict[str, str]
    templates: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]

    def language_of(self, shape: str, message: str) -> str | None:
        """pyshacl drops the language tag when it fills in a SPARQL message template;
        the template the message matches tells the language again."""
        for language, pattern in self.templates.get(shape, ()):
            if pattern.fullmatch(message):
                return language
        return None


@dataclass(frozen=True, slots=True)
class Validation:
    """The outcome for one graph: problems sorted by file, line and code, and the same as RDF
    (`report`), which is a function of the problems alone."""

    key: str
    problems: tuple[Problem, ...]
    base_iri: str

    @property
    def report(self) -> Graph:
        """The problems as an sh:ValidationReport, made each time it is asked for: a build
        holds one validation per report, and their graphs were most of what they held
        (500 MB at 10,000 reports)."""
        return _report_graph(self.key, self.problems, self.base_iri)

    @property
    def conforms(self) -> bool:
        """True when nothing is a violation (warnings allowed)."""
        return not any(p.severity is Severity.ERROR for p in self.problems)


def load_shapes(names: Iterable[str] = REPORT_SHAPES, directory: Path | None = None) -> Shapes:
    """Read shapes files; raises OSError or a parser error when one cannot be read."""
    folder = directory or resource_dir(SHAPES)
    # pyshacl reads each shape's triples again for every node it checks against the shape
    graph = memoised(new_graph())
    for name in names:
        graph.parse(folder / name, format="turtle")
    codes: dict[str, str] = {}
    for shape, code in graph.subject_objects(LP.findingCode):
        codes[str(shape)] = str(code)
        for prop in graph.objects(shape, SH.property):
            codes.setdefault(str(prop), str(code))
    templates: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for shape, message in graph.subject_objects(SH.message):
        if isinstance(message, Literal) and message.language:
            parts = re.split(r"\{[?$]\w+\}", str(message))
            pattern = re.compile(".*?".join(re.escape(part) for part in parts), re.DOTALL)
            templates.setdefault(str(shape), []).append((message.language, pattern))
    return Shapes(
        graph, codes, {k: tuple(sorted(v, key=lambda t: t[0])) for k, v in templates.items()}
    )


def validate_graph(
    mapped: MappedGraph, settings: Settings, shapes: Shapes | None = None
) -> Validation:
    """Validate one report's graph on its own (structure and consistency shapes)."""
    return _validate(mapped, settings, shapes or load_shapes(REPORT_SHAPES))


def validate_dataset(
    dataset: MappedGraph, settings: Settings, shapes: Shapes | None = None
) -> Validation:
    """Validate the cross-report graph once (see `pipeline.rdf.dataset_graph`)."""
    return _validate(dataset, settings, shapes or load_shapes(DATASET_SHAPES))


def validation_of(key: str, problems: Iterable[Problem], settings: Settings) -> Validation:
    """The `Validation` of graph `key` from its problems (found in another process, say):
    the published report graph is a function of the problems alone."""
    ordered = sorted(problems, key=_problem_order)
    return Validation(key, tuple(ordered), settings.base_iri)


class _PreparedQueries(Graph):
    """The data graph as pyshacl sees it: the same store, but a SPARQL text is parsed and
    translated once per process rather than once per focus node.

    pyshacl evaluates each `sh:sparql` constraint with the same text for every focus node
    (the node is passed as an initial binding), and rdflib parses a text again on every
    call; parsing was most of the validation time. The prepared query is what rdflib would
    build itself from the same text, base and namespaces, so the results are the same.
    A SELECT asked for one focus node at a time is asked once for all (`FocusAnswers`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._focus = FocusAnswers()

    def query(
        self,
        query_object: str | Query,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Mapping[str, Any] | None = None,  # rdflib's names
        initBindings: Mapping[str, Any] | None = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Any:
        if isinstance(query_object, str) and processor == "sparql":
            namespaces = dict(initNs or dict(self.namespaces()))
            base = kwargs.pop("base", None)
            query_object = _prepared(query_object, tuple(sorted(namespaces.items())), base)
            if initBindings is not None and set(initBindings) == {"this"}:
                prepared = query_object

                def free() -> Any:
                    return super(_PreparedQueries, self).query(
                        prepared, processor, result, initNs, None, use_store_provided, **kwargs
                    )

                answer = self._focus.answer(prepared, initBindings["this"], free)
                if answer is not None:
                    return answer
        return super().query(
            query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
        )


@functools.lru_cache(maxsize=1024)
def _prepared(text: str, namespaces: tuple[tuple[str, Any], ...], base: str | None) -> Query:
    return translateQuery(parseQuery(text), base, dict(namespaces))


def _validate(mapped: MappedGraph, settings: Settings, shapes: Shapes) -> Validation:
    results = _results(mapped, shapes)
    problems = sorted(
        (
            _problem(results, result, mapped, shapes)
            for result in results.subjects(RDF.type, SH.ValidationResult)
        ),
        key=_problem_order,
    )
    return Validation(mapped.key, tuple(problems), settings.base_iri)


def _results(mapped: MappedGraph, shapes: Shapes) -> Graph:
    """pyshacl's own validation report graph."""
    data = _PreparedQueries(
        store=mapped.graph.store,
        identifier=mapped.graph.identifier,
        namespace_manager=mapped.graph.namespace_manager,
    )
    adapt_pyshacl()
    _, results, _ = pyshacl_validate(
        data,
        shacl_graph=shapes.graph,
        inference="none",
        advanced=False,
        meta_shacl=False,
        allow_warnings=True,
    )
    return cast(Graph, results)


def _problem(results: Graph, result: Node, mapped: MappedGraph, shapes: Shapes) -> Problem:
    focus = str(results.value(result, SH.focusNode))
    path_node = results.value(result, SH.resultPath)
    path = str(path_node) if isinstance(path_node, URIRef) else None
    shape = results.value(result, SH.sourceShape)
    component = results.value(result, SH.sourceConstraintComponent)
    severity = _SEVERITY.get(results.value(result, SH.resultSeverity), Severity.ERROR)  # type: ignore[call-overload]
    shape_key = str(shape) if isinstance(shape, URIRef) else ""
    messages = {
        m.language or shapes.language_of(shape_key, str(m)): str(m)
        for m in results.objects(result, SH.resultMessage)
        if isinstance(m, Literal)
    }
    value = results.value(result, SH.value)
    # Row-level funding checks name the offending amount as the value: point at it.
    span = (
        isinstance(value, URIRef) and mapped.sources.locate(str(value))
    ) or mapped.sources.locate(focus, path)
    code = shapes.codes.get(shape_key) or _component_code(component)
    return Problem(
        code=code,
        severity=severity,
        message=messages.get("en") or messages.get(None) or code,
        message_lv=messages.get("lv") or messages.get("en") or code,
        file=span.file if span else None,
        span=span,
        focus=focus,
        path=path,
        shape=shape_key,
        value=None if value is None or isinstance(value, BNode) else str(value),
        check=Check.SHACL,
    )


def _component_code(component: Node | None) -> str:
    """`sh:MinCountConstraintComponent` -> `shacl.min-count`."""
    name = str(component).rpartition("#")[2].removesuffix("ConstraintComponent") or "unknown"
    return "shacl." + re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _problem_order(p: Problem) -> tuple[str, int, int, str, str, str, str]:
    line = p.span.line if p.span else 0
    start = p.span.start if p.span else 0
    return (p.file or "", line, start, p.code, p.focus or "", p.path or "", p.value or "")


def _report_graph(key: str, problems: Sequence[Problem], base_iri: str) -> Graph:
    """sh:ValidationReport with minted IRIs (no blank nodes), so it is stable and linkable."""
    iris = Iris(base_iri)
    # A build makes one of these per report: no prefixes bound (lodpipe serialises with
    # its own) and no named graphs, else each cost about 60 KB, most of it the bindings.
    graph = Graph(store="SimpleMemory", bind_namespaces="none")
    node = iris.dataset_validation() if key == DATASET_KEY else iris.report(key).validation()
    graph.add((node, RDF.type, SH.ValidationReport))
    if key != DATASET_KEY:
        # which report was checked: quality can then be queried together with the data
        graph.add((node, DCTERMS.subject, iris.report(key).page))
    conforms = not any(p.severity is Severity.ERROR for p in problems)
    graph.add((node, SH.conforms, Literal(conforms)))
    severities = {v: k for k, v in _SEVERITY.items()}
    for n, problem in enumerate(problems, start=1):
        # Results are parts of their report's page: "#validation-3" on a report, "#result-3"
        # on the cross-report validation page (never a page of their own).
        result = URIRef(f"{node}-{n}" if "#" in node else f"{node}#result-{n}")
        graph.add((node, SH.result, result))
        graph.add((result, RDF.type, SH.ValidationResult))
        graph.add((result, SH.focusNode, URIRef(problem.focus or "")))
        graph.add((result, SH.resultSeverity, severities[problem.severity]))
        graph.add((result, SH.resultMessage, Literal(problem.message, lang="en")))
        graph.add((result, SH.resultMessage, Literal(problem.message_lv, lang="lv")))
        graph.add((result, LP.findingCode, Literal(problem.code)))
        if problem.shape:
            graph.add((result, SH.sourceShape, URIRef(problem.shape)))
        if problem.path:
            graph.add((result, SH.resultPath, URIRef(problem.path)))
        if problem.value is not None:
            graph.add((result, SH.value, Literal(problem.value)))
        if problem.span is not None:
            source = iris.report(report_key(problem.span.file))
            graph.add((result, RDFS.seeAlso, source.source_line(problem.span.line)))
            graph.add((result, LP.line, Literal(problem.span.line, datatype=XSD.positiveInteger)))
    return graph


def merge_reports(validations: Iterable[Validation]) -> Graph:
    """All validation reports in one graph, for publishing next to the dumps."""
    graph = new_graph()
    for validation in validations:
        for triple in validation.report:
            graph.add(triple)
    return graph
