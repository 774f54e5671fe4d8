"""Package layout for setuptools: the code under desktop/ plus the top-level
resources/ and seeds/ folders, installed as desktop._resources and desktop._seeds
so that a plain ``pip install .`` finds them (see desktop/resources.py)."""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent


def data_packages(root: str, package: str) -> list[str]:
    """``package`` and one package name per sub-folder of ``root`` (data only)."""
    base = HERE / root
    subs = sorted(p.relative_to(base).as_posix().replace("/", ".") for p in base.rglob("*") if p.is_dir())
    return [package] + [f"{package}.{s}" for s in subs if "__pycache__" not in s]


RESOURCE_PACKAGES = data_packages("resources", "desktop._resources")

setup(
    packages=find_packages(include=["desktop", "desktop.*"]) + RESOURCE_PACKAGES + ["desktop._seeds"],
    package_dir={"desktop._resources": "resources", "desktop._seeds": "seeds"},
    package_data={**{p: ["*"] for p in RESOURCE_PACKAGES}, "desktop._seeds": ["*.txt"]},
)
