"""Export tests use the planning fixtures of the storage tests."""

from tests.storage.conftest import counts, muni, part, store  # noqa: F401
