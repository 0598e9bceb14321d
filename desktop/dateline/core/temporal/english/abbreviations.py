"""Where a period does not end an English sentence: abbreviations, titles, initials, month names."""

from __future__ import annotations

from ..bundle import Abbreviations

ABBREVIATIONS = Abbreviations(
    # tokens that end in a period without ending a sentence, lower case, without the final period
    abbreviations=frozenset(
        """
        mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev fr sr jr st mt ft
        pres supt insp det atty hon messrs mmes mme mlle
        jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
        inc ltd co corp bros dept univ assn est approx vs etc al fig no nos vol pp ch art sec op
        e.g i.e a.m p.m u.s u.k u.n e.u u.s.a d.c n.y l.a
        """.split()
    ),
    # after these, a capitalised word usually continues the sentence ("U.S. Secretary", "Gen. Smith")
    titles=frozenset(
        "mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev fr st mt hon "
        "u.s u.k u.n e.u".split()
    ),
    months=frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split()),
    openers=frozenset(
        "The A An He She It They We I But And In On At This That These Those There Its His Her "
        "Their".split()
    ),
    zones=frozenset(
        "EST EDT CST CDT MST MDT PST PDT AKST HST GMT UTC BST CET CEST ET CT MT PT JST HKT SGT AEST "
        "AEDT MSK Eastern Central Mountain Pacific".split()
    ),
    numbered=frozenset("no nos vol pp ch art sec fig op".split()),
)
