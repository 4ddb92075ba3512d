"""A built site for the publishing and browser tests: the bundled corpus through
`pipeline.build`, plus the pages and crawler files while the build does not write them."""

from __future__ import annotations

from pathlib import Path

from pipeline.build import build_site
from pipeline.catalog import coverage, site_distributions
from pipeline.config import Settings
from pipeline.crawlers import CATALOG_TTL, write_crawler_files

REPORTS = Path(__file__).resolve().parents[1] / "reports"


def build_corpus_site(out: Path) -> Path:
    """Builds the five bundled reports into `out` and returns it."""
    settings = Settings(out_dir=out)
    built = build_site(sorted(REPORTS.glob("*.txt")), settings)
    if not (out / "index.html").is_file():
        _render(built.mapped, settings)
    if not (out / CATALOG_TTL).is_file():
        temporal = coverage(built.mapped.reports)
        write_crawler_files(out, settings, site_distributions(out), temporal=temporal)
    return out


def _render(mapped: object, settings: Settings) -> None:
    from pipeline.build import Mapped
    from pipeline.dumps import ONTOLOGY_DIR, SHAPES_DIR
    from pipeline.render import render_site
    from pipeline.render.context import SiteInput, read_turtle

    assert isinstance(mapped, Mapped)
    site = SiteInput(
        settings,
        mapped.parsed,
        (*mapped.graphs, mapped.shared),
        mapped.validations,
        read_turtle(ONTOLOGY_DIR),
        read_turtle(SHAPES_DIR),
    )
    render_site(site, settings.out_dir)
