"""The ten-hour yearly advisory allowance (000 "Cascale support")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tools.advisory_allowance import advisory_allowance
from tools.errors import CalculatorInputError


def test_allowance_is_the_documents_ten_hours() -> None:
    r = advisory_allowance(2026, [1.5, 2.0], planned_hours=3)
    assert r.outputs["allowance_hours"] == 10
    assert r.rules[0].document == "000_0879da0e186f5247.txt"
    assert r.outputs["used_hours"] == 3.5
    assert r.outputs["left_hours"] == 6.5
    assert r.outputs["left_after_planned"] == 3.5
    assert r.verdict == "within_allowance"
    assert not r.warnings


def test_a_session_past_the_allowance_warns_in_three_languages() -> None:
    r = advisory_allowance(2026, [4, 4], planned_hours=3)
    assert r.verdict == "exceeds_allowance"
    assert r.outputs["over_by_hours"] == 1
    assert set(r.warnings[0].text) == {"vi", "zh", "en"}
    assert "by 1 hours" in r.warnings[0].text["en"]


def test_exactly_ten_hours_fits() -> None:
    assert advisory_allowance(2026, [5], planned_hours=5).verdict == "within_allowance"


@pytest.mark.parametrize(("used", "planned"), [([-1.0], 0.0), ([1.0], -0.5), ([float("nan")], 0.0)])
def test_bad_hours_are_refused(used: list[float], planned: float) -> None:
    with pytest.raises(CalculatorInputError) as err:
        advisory_allowance(2026, used, planned_hours=planned)
    assert set(err.value.messages) == {"vi", "zh", "en"}


@given(
    st.lists(st.floats(min_value=0, max_value=6, allow_nan=False), max_size=8),
    st.floats(min_value=0, max_value=6, allow_nan=False),
)
def test_used_plus_left_is_the_allowance_until_it_runs_out(used: list[float], planned: float) -> None:
    r = advisory_allowance(2027, used, planned_hours=planned)
    o = r.outputs
    assert o["left_hours"] == pytest.approx(max(10 - sum(used), 0), abs=0.02)
    assert (r.verdict == "exceeds_allowance") == (o["used_after_planned"] > 10)
    assert o["over_by_hours"] >= 0 and o["left_after_planned"] >= 0
