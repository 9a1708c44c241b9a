"""Program fees in the coaching domain: the enrolment guard, the waiver, and what a paid or refunded fee does."""

import pytest
from django.core import mail
from django.utils import timezone

from coaching import selectors, services
from coaching.models import Application, ApplicationError, FeeNotSettled
from payments.models import Payment
from portal.status import StatusChange
from tests.factories.coaching import ProgramPageFactory, accepted_with_fee, decider, manager, submitted
from tests.factories.payments import PaymentFactory

pytestmark = pytest.mark.django_db
S = Application.Status


class TestEnrolmentGuard:
    def test_an_unpaid_fee_blocks_enrolment(self):
        """ACCEPTED → ENROLLED is refused with the fee in the message while the fee is neither paid nor waived."""
        application = accepted_with_fee(fee=1500)
        with pytest.raises(FeeNotSettled, match=r"TWD 1,500"):
            application.set_status(S.ENROLLED, by=manager())
        application.refresh_from_db()
        assert application.status == S.ACCEPTED
        assert not application.history.filter(to_status=S.ENROLLED).exists()

    def test_the_staff_transition_is_refused_too(self):
        """The admin's move goes through the same guard: refused, nothing recorded."""
        application = accepted_with_fee()
        with pytest.raises(FeeNotSettled):
            services.application_transition(
                application=application, user=manager(), new_status=S.ENROLLED, expected=S.ACCEPTED
            )
        assert Application.objects.get(pk=application.pk).status == S.ACCEPTED

    def test_a_free_program_enrols_as_before(self):
        """Fee 0: enrolment needs no payment."""
        application = submitted(status=S.ACCEPTED, program=ProgramPageFactory(fee=0))
        application.set_status(S.ENROLLED, by=manager())
        assert Application.objects.get(pk=application.pk).status == S.ENROLLED

    def test_a_paid_or_waived_fee_allows_enrolment(self):
        """Once paid (or waived) the move is allowed."""
        paid = accepted_with_fee()
        paid.fee_paid_at = timezone.now()
        paid.set_status(S.ENROLLED, by=manager())
        waived = accepted_with_fee()
        waived.fee_waived_at = timezone.now()
        waived.set_status(S.ENROLLED, by=manager())
        assert {paid.status, waived.status} == {S.ENROLLED}


class TestFeePaid:
    def test_a_paid_fee_enrols_once_and_emails_once(self, django_capture_on_commit_callbacks):
        """The first call enrols (by nobody, note "Program fee paid") and e-mails; repeats change nothing."""
        application = accepted_with_fee()
        paid_at = timezone.now()
        with django_capture_on_commit_callbacks(execute=True):
            for _attempt in range(3):
                services.program_fee_paid(application_id=application.pk, paid_at=paid_at)
        application.refresh_from_db()
        assert application.status == S.ENROLLED
        assert application.fee_paid_at == paid_at
        [change] = application.history.filter(to_status=S.ENROLLED)
        assert (change.changed_by, change.note) == (None, "Program fee paid")
        assert len(mail.outbox) == 1
        assert "enrolled" in mail.outbox[0].body

    def test_a_fee_paid_for_a_withdrawn_application_is_noted_not_enrolled(self):
        """Paid after withdrawing: recorded, not enrolled, and staff get a note to decide about a refund."""
        application = accepted_with_fee()
        application.set_status(S.WITHDRAWN, by=None)
        services.program_fee_paid(application_id=application.pk, paid_at=timezone.now())
        application.refresh_from_db()
        assert application.status == S.WITHDRAWN
        assert application.fee_paid_at is not None
        [note] = application.notes.all()
        assert note.author is None

    def test_a_fee_paid_after_a_waiver_is_noted(self):
        """Paid after staff waived it (an old checkout completed): a note for staff, one enrolment only."""
        application = accepted_with_fee()
        services.program_fee_waive(application=application, user=decider(), reason="Social enterprise")
        services.program_fee_paid(application_id=application.pk, paid_at=timezone.now())
        application.refresh_from_db()
        assert application.history.filter(to_status=S.ENROLLED).count() == 1
        assert application.notes.count() == 1


class TestRefund:
    def test_a_refund_is_noted_for_staff_and_keeps_the_enrolment(self):
        """A full refund writes an internal note with the amount; the enrolment stays (staff decide)."""
        application = accepted_with_fee()
        services.program_fee_paid(application_id=application.pk, paid_at=timezone.now())
        services.program_fee_refunded(
            application_id=application.pk, amount_refunded_minor=150000, amount_minor=150000, currency="TWD"
        )
        application.refresh_from_db()
        assert application.status == S.ENROLLED
        [note] = application.notes.all()
        assert "1,500.00 TWD" in note.body

    def test_a_partial_refund_states_both_amounts(self):
        """A partial refund note carries the refunded total and the amount paid."""
        application = accepted_with_fee()
        services.program_fee_refunded(
            application_id=application.pk, amount_refunded_minor=50000, amount_minor=150000, currency="TWD"
        )
        [note] = application.notes.all()
        assert "500.00 TWD" in note.body
        assert "1,500.00 TWD" in note.body


class TestWaiver:
    def test_a_waiver_with_a_reason_enrols_and_is_recorded(self, django_capture_on_commit_callbacks):
        """Who, when and why are kept; the history shows the enrolment by the staff member with the reason."""
        application = accepted_with_fee()
        staff = decider()
        with django_capture_on_commit_callbacks(execute=True):
            services.program_fee_waive(application=application, user=staff, reason="  Low-income district pilot ")
        application.refresh_from_db()
        assert application.status == S.ENROLLED
        assert application.fee_waived_by == staff
        assert application.fee_waived_at is not None
        assert application.fee_waiver_reason == "Low-income district pilot"
        change = application.history.get(to_status=S.ENROLLED)
        assert change.changed_by == staff
        assert "Low-income district pilot" in change.note
        assert len(mail.outbox) == 1

    @pytest.mark.parametrize("reason", ["", "   "])
    def test_a_waiver_without_a_reason_is_refused(self, reason):
        """No reason: refused, nothing saved."""
        application = accepted_with_fee()
        with pytest.raises(ApplicationError, match="reason"):
            services.program_fee_waive(application=application, user=decider(), reason=reason)
        application.refresh_from_db()
        assert (application.status, application.fee_waived_at) == (S.ACCEPTED, None)

    def test_only_decision_makers_may_waive(self):
        """A manager without the decide permission is refused."""
        application = accepted_with_fee()
        with pytest.raises(ApplicationError, match="decide"):
            services.program_fee_waive(application=application, user=manager(), reason="Because")
        assert Application.objects.get(pk=application.pk).fee_waived_at is None

    def test_a_paid_fee_cannot_be_waived(self):
        """Already paid: refused."""
        application = accepted_with_fee()
        services.program_fee_paid(application_id=application.pk, paid_at=timezone.now())
        with pytest.raises(ApplicationError, match="already been paid"):
            services.program_fee_waive(application=application, user=decider(), reason="Because")

    @pytest.mark.parametrize("status", [S.SHORTLISTED, S.WAITLISTED, S.WITHDRAWN])
    def test_only_an_accepted_application_can_have_its_fee_waived(self, status):
        """Not accepted: refused, no status change recorded."""
        application = submitted(status=status, program=ProgramPageFactory(fee=1500))
        before = StatusChange.objects.count()
        with pytest.raises(ApplicationError, match="accepted"):
            services.program_fee_waive(application=application, user=decider(), reason="Because")
        assert StatusChange.objects.count() == before

    def test_a_free_program_has_nothing_to_waive(self):
        """Fee 0: refused."""
        application = submitted(status=S.ACCEPTED, program=ProgramPageFactory(fee=0))
        with pytest.raises(ApplicationError, match="free"):
            services.program_fee_waive(application=application, user=decider(), reason="Because")


class TestFeeState:
    def test_states(self):
        """free → None; unpaid; processing once a checkout was started; paid; waived."""
        assert selectors.program_fee_state(submitted(status=S.ACCEPTED, program=ProgramPageFactory(fee=0))) is None
        application = accepted_with_fee()
        state = selectors.program_fee_state(application)
        assert (state["state"], state["fee"], state["payment"]) == ("unpaid", "1,500", None)
        payment = PaymentFactory(target=application, stripe_checkout_session_id="cs_test_1")
        assert selectors.program_fee_state(application)["state"] == "processing"
        assert selectors.program_fee_state(application)["payment"] == payment
        payment.status = Payment.Status.PAID
        payment.save()
        application.fee_paid_at = timezone.now()
        assert selectors.program_fee_state(application)["state"] == "paid"
        application.fee_waived_at = timezone.now()
        assert selectors.program_fee_state(application)["state"] == "waived"

    def test_without_stripe_keys_nobody_can_pay_online(self):
        """Test settings have no keys: can_pay is False, online False."""
        state = selectors.program_fee_state(accepted_with_fee())
        assert (state["online"], state["can_pay"]) == (False, False)
