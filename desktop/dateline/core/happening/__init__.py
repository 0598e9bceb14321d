"""Happenings in news text: which clause a date dates, what a dateless clause reports and when, and
when two reports tell one happening.

``reading`` reads an article's reports (on ``clauses``, cut by ``segments``, and ``verbs``, with
``english``'s lexicon, ``reference`` and ``datable`` for dates that only compare, measure or
qualify, ``quotes`` for dates in quoted speech, ``together`` for the dates of a sentence that date
one happening) and titles each (``titles``, with ``naming`` for who is who, ``phrases`` for the noun
phrases and ``wording`` for the words); ``profile`` is what deciding "same happening" needs of a
report or an event, ``same`` decides it (one notion for proposals, import matching and
suggestions), and ``cluster`` groups reports without chaining.
"""
