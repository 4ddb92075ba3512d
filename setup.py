"""Puts the repository's resource folders (vocabulary, shapes, site templates, queries) into
the wheel, inside the package as `pipeline/_resources/`, where `pipeline.settings.resource_dir`
finds them through importlib.resources. Everything else about the package is in
pyproject.toml. The folders stay at the top of the repository, where people look for them.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCE_FOLDERS = ("ontology", "shapes", "site", "queries")


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the source tree
        target = Path(self.build_lib) / "pipeline" / "_resources"
        for name in RESOURCE_FOLDERS:
            shutil.copytree(name, target / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
