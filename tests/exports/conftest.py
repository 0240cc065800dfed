"""Export tests use the planning fixtures of the storage tests."""

from tests.storage.conftest import counts, muni, part  # noqa: F401
