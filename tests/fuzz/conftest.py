"""The fuzz suites record their case counts and outcomes like the reliability suite (for RELIABILITY.md)."""

from tests.reliability.outcomes import outcome, pytest_runtest_makereport, pytest_sessionfinish

__all__ = ["outcome", "pytest_runtest_makereport", "pytest_sessionfinish"]
