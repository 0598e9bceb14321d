"""How sure a report's date is, by how it was found: the confidence an event shows is the estimated
probability that its date is right (``benchmarks/newsdev.py`` prints the reliability table)."""

from __future__ import annotations

# Confidence that a report's date is right, by how it was found. ``benchmarks/newsdev.py`` measures
# them against annotated news: a past clause of the story dated by the story's day is right about as
# often as a day the text states, and a year or a decade the text states is often the date of something
# else the sentence mentions (the company's founding, last year's sales), so a coarse date counts less.
CONF_LEAD = 0.89
CONF_STORY = 0.89
CONF_CONTINUED = 0.8
SUBORDINATE_FACTOR = 0.9
IRREALIS_FACTOR = 0.85
PRECISION_FACTOR = {
    "minute": 1.0,
    "hour": 1.0,
    "day": 1.0,
    "week": 0.85,
    "month": 0.9,
    "season": 0.75,
    "quarter": 0.75,
    "half": 0.75,
    "year": 0.6,
    "decade": 0.5,
    "century": 0.5,
}
