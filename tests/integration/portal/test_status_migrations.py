"""The history that applications and payments kept before the status machine survives the move to StatusChange."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from coaching.models import Application
from payments.models import Payment
from tests.factories.accounts import UserFactory
from tests.factories.coaching import ApplicationFactory
from tests.factories.payments import PaymentFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("coaching", "0004_program_fee"), ("payments", "0001_initial")]
LATEST = [("coaching", "0006_delete_statuschange"), ("payments", "0003_remove_payment_history")]


@pytest.fixture(autouse=True)
def _back_to_the_latest_migrations():
    """These tests move the test database to older states; later tests need every migration applied."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def migrate(targets):
    """Migrate the test database to ``targets``; the apps (historical models) of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_application_and_payment_history_is_copied_into_status_changes():
    """coaching 0005 and payments 0002 copy every old history entry, with who, note and when."""
    staff = UserFactory()
    application = ApplicationFactory(status="in_review")
    payment = PaymentFactory(status="paid")
    when = timezone.now().replace(microsecond=0)

    old = migrate(BEFORE)
    old.get_model("coaching", "StatusChange").objects.bulk_create(
        [
            old.get_model("coaching", "StatusChange")(
                application_id=application.pk, from_status="draft", to_status="submitted", created_at=when
            ),
            old.get_model("coaching", "StatusChange")(
                application_id=application.pk,
                from_status="submitted",
                to_status="in_review",
                changed_by_id=staff.pk,
                note="go",
                created_at=when + timedelta(minutes=1),
            ),
        ]
    )
    old.get_model("payments", "Payment").objects.filter(pk=payment.pk).update(
        history=[{"at": when.isoformat(), "from": "pending", "to": "paid", "note": "evt_1"}]
    )

    migrate(LATEST)
    application = Application.objects.get(pk=application.pk)
    rows = list(application.history.values_list("from_status", "to_status", "changed_by_id", "note", "created_at"))
    assert rows == [
        ("draft", "submitted", None, "", when),
        ("submitted", "in_review", staff.pk, "go", when + timedelta(minutes=1)),
    ]
    [paid] = Payment.objects.get(pk=payment.pk).history.all()
    assert (paid.from_status, paid.to_status, paid.note, paid.created_at) == ("pending", "paid", "evt_1", when)
