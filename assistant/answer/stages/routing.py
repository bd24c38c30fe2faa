"""Routing: does the question need a calculator (and which, with which arguments), or the documents?"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.answer.router import Route, route
from assistant.answer.stages.analysis import Analysis

RouteKind = Literal["calculation", "fact"]


@dataclass(frozen=True)
class RouteDecision:
    kind: RouteKind
    plan: Route | None = None


class Routing:
    def run(self, analysis: Analysis) -> RouteDecision:
        plan = route(analysis.parsed)
        if plan is not None:
            return RouteDecision("calculation", plan)
        return RouteDecision("fact")
