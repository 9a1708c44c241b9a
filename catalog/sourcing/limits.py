"""Spam defences for requests for quotation: the inquiry desk's rate limiter and URL count, with RFQ counters.

A request reaches several suppliers, so fewer are allowed than for inquiries.
"""

from catalog.inquiries.limits import RateLimit

PER_IP = RateLimit("rfq-ip", limit=3, window_seconds=600)
PER_EMAIL = RateLimit("rfq-email", limit=5, window_seconds=86400)
