"""External programs the tests use: skip when missing on a developer's machine, fail in CI
(where .ci/run installs them), so a missing tool can never hide behind a skip there."""

from __future__ import annotations

import os
import shutil

import pytest


def need(program: str, install: str) -> str:
    """The path of ``program``; skip the test if missing, or fail when CI=true."""
    path = shutil.which(program)
    if path:
        return path
    message = f"{program} is not installed ({install})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run this check: {message}")
    pytest.skip(message)
