"""Happenings in news text: which clause a date dates, what a dateless clause reports and when, and
when two reports tell one happening.

``reading`` reads an article's reports (on ``clauses`` and ``verbs``, with ``english``'s lexicon and
``reference`` for dates that only compare); ``profile`` is what deciding "same happening" needs of a
report or an event, ``same`` decides it (one notion for proposals, import matching and suggestions),
and ``cluster`` groups reports without chaining.
"""
