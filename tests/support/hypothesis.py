"""Hypothesis profiles: a quick one for local runs, the thorough one in CI.

OMS_HYPOTHESIS_PROFILE chooses (`.ci/run` sets `ci`); unset means `dev`. tests/conftest.py
imports this module, so the profile is loaded before any test module builds its settings.
A test states its own example count only when one example is expensive (a database per
example, a real server): `examples(dev=…, ci=…)` gives the count for the running profile.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE_VARIABLE = "OMS_HYPOTHESIS_PROFILE"
PROFILES = ("dev", "ci")

# CI keeps Hypothesis's own default of 100 examples, which the suite was built with;
# locally a fifth of that still exercises every strategy on each run. Both skip the
# "generation is slow" health check: it times the machine, and these 2 cores are shared.
QUIET = [HealthCheck.too_slow]
settings.register_profile("ci", max_examples=100, print_blob=True, suppress_health_check=QUIET)
settings.register_profile("dev", max_examples=20, suppress_health_check=QUIET)

PROFILE = os.environ.get(PROFILE_VARIABLE, "dev")
if PROFILE not in PROFILES:
    raise RuntimeError(f"{PROFILE_VARIABLE}={PROFILE!r}: expected one of {', '.join(PROFILES)}")
settings.load_profile(PROFILE)


def examples(*, dev: int, ci: int) -> int:
    """The example count of an expensive test under the running profile."""
    return ci if PROFILE == "ci" else dev
