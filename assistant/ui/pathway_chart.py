"""Emissions by year for a target, against the 1.5°C and well-below-2°C lines: the chart and its table.

Every point comes from the calculators (``absolute_contraction`` for the reference lines); this module
only draws them. Without base-year emissions the chart is indexed to 100. The chart is a Plotly figure
(Plotly.js ships inside Gradio's front end, so it draws offline) handed to ``gr.Plot`` as its JSON: each
line has its own colour and dash so lines that coincide (a target equal to the 1.5°C line) stay
readable, the legend sits under the plot, and the base and target years are marked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pandas as pd
from gradio.components.plot import PlotData

from assistant.ui.labels import ui
from assistant.ui.theme import FONTS
from tools import validation
from tools.i18n import ambition_name, fmt
from tools.pathways import absolute_contraction
from tools.result import CalcResult

CHARTED = {"absolute_contraction", "check_absolute_target", "intensity_to_absolute", "geva"}
REFERENCE_AMBITIONS = ("1.5C", "WB2C")
FONT_STACK = ", ".join(f"'{f}'" if " " in f else f for f in FONTS)

# Drawing order (wide lines first, so a dashed line on top of an equal solid one stays visible) and
# legend order: target, 1.5°C, well-below 2°C, your plan.
STYLE: dict[str, dict[str, Any]] = {
    "target": {"color": "#9a3412", "width": 6, "dash": "longdash", "rank": 1, "opacity": 0.55},
    "plan": {"color": "#1d4ed8", "width": 3, "dash": "solid", "rank": 4, "opacity": 1.0},
    "1.5C": {"color": "#047857", "width": 2.5, "dash": "dash", "rank": 2, "opacity": 1.0},
    "wb2c": {"color": "#6d28d9", "width": 2.5, "dash": "dot", "rank": 3, "opacity": 1.0},
}


@dataclass(frozen=True)
class Series:
    kind: str  # "target" (what the rules ask), "plan" (what was entered), "1.5C", "wb2c"
    points: list[tuple[int, float]]


@dataclass(frozen=True)
class Pathway:
    base_year: int
    target_year: int
    indexed: bool  # no base-year emissions given: base year = 100
    series: list[Series]


def pathway(result: CalcResult) -> Pathway | None:
    """The lines to draw for a result, or ``None`` when the calculator has no pathway."""
    if result.calculator not in CHARTED:
        return None
    inputs = result.inputs
    base_year, target_year = int(inputs["base_year"]), int(inputs["target_year"])
    given = inputs.get("base_emissions")
    base = float(given or 100.0)
    series: list[Series] = []
    for kind, end in _own_lines(result, base):
        series.append(Series(kind, _straight(base_year, target_year, base, end)))
    if not series:
        return None
    for amb in REFERENCE_AMBITIONS:
        ref = absolute_contraction(
            base_year,
            target_year,
            ambition=amb,
            base_emissions=base,
            rule_set=validation.rule_set(result.rule_set),
        )
        points = [(int(p["year"]), float(p["emissions"])) for p in ref.outputs["pathway"]]
        series.append(Series(validation.ambition(amb), points))
    return Pathway(base_year, target_year, not given, series)


def series_label(kind: str, lang: str) -> str:
    return ui(f"series.{kind}", lang) if kind in ("target", "plan") else ambition_name(kind, lang)


def pathway_rows(result: CalcResult, lang: str) -> list[dict[str, Any]]:
    """Rows ``{year, emissions, series}`` (labels in ``lang``); empty when there is nothing to draw."""
    found = pathway(result)
    if found is None:
        return []
    return [
        {"year": y, "emissions": e, "series": series_label(s.kind, lang)} for s in found.series for y, e in s.points
    ]


def pathway_figure(found: Pathway, lang: str) -> PlotData:
    """The chart as a Plotly figure: one trace per line, years marked, legend under the plot."""
    traces = []
    for s in sorted(found.series, key=lambda s: -STYLE[s.kind]["width"]):
        style = STYLE[s.kind]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": series_label(s.kind, lang),
                "x": [y for y, _ in s.points],
                "y": [e for _, e in s.points],
                "line": {"color": style["color"], "width": style["width"], "dash": style["dash"]},
                "marker": {"size": 5 if s.kind != "target" else 9, "color": style["color"]},
                "opacity": style["opacity"],
                "legendrank": style["rank"],
                "meta": s.kind,
                "hovertemplate": "%{y:,.1f}",
            }
        )
    years = (found.base_year, found.target_year)
    marks = [ui("chart_base_year", lang, year=years[0]), ui("chart_target_year", lang, year=years[1])]
    layout = {
        "font": {"family": FONT_STACK, "size": 14, "color": "#1f2937"},
        "separators": ",." if lang == "vi" else ".,",
        "xaxis": {
            "title": {"text": ui("year", lang)},
            "tickformat": "d",
            "dtick": 1 if years[1] - years[0] <= 15 else None,
            "range": [years[0] - 0.5, years[1] + 0.5],
        },
        "yaxis": {
            "title": {"text": ui("emissions_index" if found.indexed else "emissions", lang)},
            "rangemode": "tozero",
        },
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": -0.22, "yanchor": "top", "font": {"size": 14}},
        "margin": {"l": 70, "r": 20, "t": 40, "b": 40},
        "hovermode": "x unified",
        "shapes": [
            {
                "type": "line",
                "x0": year,
                "x1": year,
                "xref": "x",
                "y0": 0,
                "y1": 1,
                "yref": "paper",
                "line": {"color": "#4b5563", "width": 1.5, "dash": "dashdot"},
            }
            for year in years
        ],
        "annotations": [
            {
                "x": year,
                "xref": "x",
                "y": 1.0,
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": anchor,
                "text": text,
                "showarrow": False,
                "font": {"size": 13, "color": "#374151"},
            }
            for year, text, anchor in zip(years, marks, ("left", "right"), strict=True)
        ],
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
    }
    return PlotData(type="plotly", plot=json.dumps({"data": traces, "layout": layout}, ensure_ascii=False))


def pathway_table(found: Pathway | None, lang: str) -> pd.DataFrame:
    """The chart's numbers, a column per line (legend order), numbers written as the reader writes them."""
    if found is None:
        return pd.DataFrame({ui("year", lang): []})
    ordered = sorted(found.series, key=lambda s: STYLE[s.kind]["rank"])
    years = sorted({y for s in ordered for y, _ in s.points})
    table: dict[str, list[str]] = {ui("year", lang): [str(y) for y in years]}
    for s in ordered:
        values = dict(s.points)
        table[series_label(s.kind, lang)] = [fmt(values[y], lang, 1) if y in values else "" for y in years]
    return pd.DataFrame(table)


def _own_lines(result: CalcResult, base: float) -> list[tuple[str, float]]:
    """(kind, emissions in the target year) of the lines the result itself defines."""
    out = result.outputs
    lines: list[tuple[str, float]] = []
    if result.calculator == "check_absolute_target":
        lines.append(("plan", base * (1 - float(result.inputs["reduction_percent"]) / 100)))
        if out.get("required_reduction_percent") is not None:
            lines.append(("target", base * (1 - float(out["required_reduction_percent"]) / 100)))
    elif result.calculator == "intensity_to_absolute" and "absolute_change_percent" in out:
        lines.append(("plan", base * (1 + float(out["absolute_change_percent"]) / 100)))
    elif "absolute_change_percent" in out:
        lines.append(("target", base * (1 + float(out["absolute_change_percent"]) / 100)))
    elif "required_reduction_percent" in out:
        lines.append(("target", base * (1 - float(out["required_reduction_percent"]) / 100)))
    return lines


def _straight(base_year: int, target_year: int, base: float, end: float) -> list[tuple[int, float]]:
    n = target_year - base_year
    return [(y, round(base + (end - base) * (y - base_year) / n, 3)) for y in range(base_year, target_year + 1)]
