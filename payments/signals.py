"""Signals other apps listen to (catalog fulfils sample orders, coaching enrols on a paid fee).

All are sent inside the transaction that changes the payment, with the payment row locked,
so a receiver's database work commits or rolls back with it; receivers send e-mail with
``transaction.on_commit``.
"""

from django.dispatch import Signal

# Sent exactly once per payment, when it first becomes paid. Arguments: payment.
payment_succeeded = Signal()

# Sent each time the refunded total of a payment grows. Arguments: payment, amount_refunded_minor.
payment_refunded = Signal()

# Sent on every status change of a payment (failed, expired, pending again on a new attempt, paid, refunds),
# after the new status is saved. Arguments: payment, old_status, new_status.
payment_status_changed = Signal()
