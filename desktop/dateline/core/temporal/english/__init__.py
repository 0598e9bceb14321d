"""The English bundle: the words (``words``, with the patterns' ``fragments``), the cue words (``cues``)
and the abbreviations (``abbreviations``) the engine and the sentence splitter read for English text.

It is the model for a second language: a new package holding the same (``WORDS``, ``CUES``,
``ABBREVIATIONS`` and the fragments its rules' patterns are written with), registered in ``language``
with those rules.
"""
