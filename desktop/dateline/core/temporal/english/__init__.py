"""The English bundle: the words (``words``, with the patterns' ``fragments``), the cue words (``cues``)
and the abbreviations (``abbreviations``) the engine and the sentence splitter read for English text.

It is the model for a second language: a new package with the same three modules and rules whose
patterns are written with its own fragments (see ``language``).
"""
