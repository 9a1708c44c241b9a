"""Which suppliers a request is sent to.

A supplier matches when the bureau has verified it and it has a live product in the request's category (or a
category below it) that ships to the destination, and, for every certificate type the buyer requires, holds a
certificate of that type valid today and recognised in the destination market.
"""

from catalog.showcase.models import Certificate, Product


def matching_company_ids(*, category, destination, required_certificates):
    """The pks of the matching suppliers (see the module docstring), sorted."""
    shipping = Product.objects.public().in_category(category).values_list("company_id", "ships_to")
    company_ids = {company_id for company_id, markets in shipping if destination in (markets or [])}
    required = set(required_certificates)
    if not company_ids or not required:
        return sorted(company_ids)
    held = {}
    certificates = (
        Certificate.objects.valid_today()
        .filter(company_id__in=company_ids, certificate_type__in=required)
        .values_list("company_id", "certificate_type", "recognised_markets")
    )
    for company_id, certificate_type, markets in certificates:
        if destination in (markets or []):
            held.setdefault(company_id, set()).add(certificate_type)
    return sorted(company_id for company_id in company_ids if held.get(company_id, set()) >= required)
