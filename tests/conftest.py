from __future__ import annotations

import os

import pytest

# Tests never load third-party plugins (hermetic, as in CI).
os.environ.setdefault("ECSLINT_DISABLE_PLUGIN_AUTOLOAD", "1")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true", help="rewrite .expected snapshots of rule fixtures")


@pytest.fixture
def update_snapshots(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-snapshots"))
