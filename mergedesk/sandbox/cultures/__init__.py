"""The cultures the generator mixes, each with a weight (≈ its share of records): names,
places, phone plans, mail domains and legal forms, by region. Data only."""

from __future__ import annotations

from mergedesk.sandbox.cultures.americas import AMERICAS
from mergedesk.sandbox.cultures.asia_pacific import ASIA_PACIFIC
from mergedesk.sandbox.cultures.europe import EUROPE
from mergedesk.sandbox.pools import Culture

CULTURES: tuple[Culture, ...] = (*AMERICAS, *EUROPE, *ASIA_PACIFIC)
