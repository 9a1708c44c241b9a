from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .currencies import format_minor, to_minor
from .errors import PaymentError


class RefundForm(forms.Form):
    """Staff enter the refund in major units (e.g. 120.50); it must fit what is still refundable."""

    amount = forms.DecimalField(label=gettext_lazy("Amount to refund"), min_value=0, decimal_places=2)
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, payment, **kwargs):
        super().__init__(*args, **kwargs)
        self.payment = payment
        self.fields["amount"].help_text = _("In %(currency)s; at most %(remaining)s.") % {
            "currency": payment.currency,
            "remaining": format_minor(payment.refundable_minor, payment.currency),
        }

    def clean_amount(self):
        try:
            amount_minor = to_minor(self.cleaned_data["amount"], self.payment.currency, exact=True)
        except PaymentError as error:
            raise forms.ValidationError(str(error)) from error
        if amount_minor < 1:
            raise forms.ValidationError(_("The refund must be greater than zero."))
        if amount_minor > self.payment.refundable_minor:
            raise forms.ValidationError(
                _("At most %(remaining)s can still be refunded.")
                % {"remaining": format_minor(self.payment.refundable_minor, self.payment.currency)}
            )
        return amount_minor
