from django import template

from portal import bureau_facts as registry

register = template.Library()


@register.simple_tag
def bureau_facts(company):
    """The facts the bureau vouches for about ``company`` (see ``portal.bureau_facts``)."""
    return registry.facts_for(company)
