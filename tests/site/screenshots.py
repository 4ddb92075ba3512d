"""The README's screenshots: the home page and a report page of the bundled reports, as a
laptop (1280 px) and a phone (390 px) show their first screen. `make screenshots` runs it.

    python -m tests.site.screenshots docs/screenshots
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from tests.site import tools

#: name -> (site path, width, height)
SHOTS = {
    "home": ("/", 1280, 1100),
    "report": ("/id/report/000-f25f87058009babf.html", 1280, 1100),
    "report-phone": ("/id/report/000-f25f87058009babf.html", 390, 1100),
}


def build(out: Path) -> None:
    from pipeline.publish.build import build_site
    from pipeline.settings import Settings

    files = sorted((tools.REPO / "reports").glob("*.txt"))
    names = [f"reports/{p.name}" for p in files]
    result = build_site(files, Settings(out_dir=out), names=names)
    if result.exit_code != 0:
        raise SystemExit(f"the build failed ({result.exit_code})")


def shoot(origin: str, folder: Path, profile: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (path, width, height) in SHOTS.items():
        target = folder / f"{name}.png"
        subprocess.run(
            [
                tools.chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--screenshot={target}",
                f"--window-size={width},{height}",
                origin + path,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        _shrink(target)
        written.append(target)
    return written


def _shrink(png: Path) -> None:
    """256 colours are plenty for text and flat charts, and a fifth of the bytes."""
    try:
        from PIL import Image
    except ImportError:  # the full-colour screenshot is kept
        return
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colors=256)
    small.save(png, optimize=True)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else tools.REPO / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "_site"
        build(site)
        with tools.serve_folder(site) as origin:
            for path in shoot(origin, folder, Path(tmp) / "profile"):
                print(f"{path} {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
