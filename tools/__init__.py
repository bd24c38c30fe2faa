"""Deterministic calculators for science-based target pathways and criteria checks.

Pure library: typed inputs and outputs, no LLM, no network, no file I/O at call time. Every rule
number comes from ``rules.toml`` with its source clause."""

from tools.errors import CalculatorInputError
from tools.result import CalcResult

__all__ = ["CalcResult", "CalculatorInputError"]
