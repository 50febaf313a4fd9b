"""Package layout: ``rules/`` and ``schemas/`` ship inside the package as ``ecslint.rules`` and
``ecslint.schemas`` (never as top-level packages), so ``pip install .`` and ``pip install -e .`` both work."""
import os

from setuptools import setup

here = os.path.dirname(os.path.abspath(__file__))


def subpackages(root, prefix):
    out = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(here, root)):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")))
        if "__init__.py" in filenames:
            rel = os.path.relpath(dirpath, os.path.join(here, root))
            out.append(prefix if rel == "." else prefix + "." + rel.replace(os.sep, "."))
    return out


setup(
    packages=subpackages("ecslint", "ecslint") + subpackages("rules", "ecslint.rules") + ["ecslint.schemas"],
    package_dir={"ecslint": "ecslint", "ecslint.rules": "rules", "ecslint.schemas": "schemas"},
    package_data={"ecslint": ["py.typed", "data/*.zip", "data/*.md"], "ecslint.schemas": ["*.json", "*/*.json", "*.md"]},
    include_package_data=False,
)
