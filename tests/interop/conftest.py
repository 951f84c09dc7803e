"""The example models, one test each."""

from __future__ import annotations

from pathlib import Path

import pytest
from interop_cases import EXAMPLES


@pytest.fixture(params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def example_path(request: pytest.FixtureRequest) -> Path:
    return request.param
