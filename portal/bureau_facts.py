"""Facts the bureau vouches for about a company, shown beside its name on public pages.

The core knows no feature app: an app that knows such a fact (coaching: "completed the coaching program X")
registers a provider in its ``AppConfig.ready()``; the showcase's templates ask ``{% bureau_facts company %}``
(``portal/templatetags/bureau_facts.py``) without importing the app.
"""

_providers = []


def register(provider):
    """``provider(company)`` returns a list of short texts in the active language."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def facts_for(company):
    return [fact for provider in _providers for fact in provider(company)]
