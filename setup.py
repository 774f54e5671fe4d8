"""Package layout for setuptools: the code under desktop/ plus the top-level
resources/ and seeds/ folders, installed as desktop._resources and desktop._seeds
so that a plain ``pip install .`` finds them (see desktop/resources.py)."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["desktop", "desktop.*"]) + ["desktop._resources", "desktop._seeds"],
    package_dir={"desktop._resources": "resources", "desktop._seeds": "seeds"},
    package_data={"desktop._resources": ["*", "**/*"], "desktop._seeds": ["*.txt"]},
)
