"""The "Order a sample" box of a product page."""

from django import template

from payments.stripe_client import stripe_configured

from ..cart import SampleCart
from ..forms import SampleQuantityForm
from ..selectors import is_sample_orderable, sample_limit

register = template.Library()


@register.inclusion_tag("orders/includes/sample_box.html", takes_context=True)
def sample_order_box(context, product):
    """Quantity and "Add to sample cart" when the product offers samples, a link to a cart that has samples;
    a notice instead when payments are off."""
    request = context.get("request")
    form = SampleQuantityForm(product=product, auto_id="sample_%s")
    form.fields["quantity"].widget.attrs["aria-describedby"] = "sample_quantity_helptext"
    return {
        "product": product,
        "show": is_sample_orderable(product),
        "limit": sample_limit(product),
        "form": form,
        "payments_available": stripe_configured(),
        "cart_size": len(SampleCart(request.session)) if request is not None else 0,
    }
