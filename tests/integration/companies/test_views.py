"""Company pages: anonymous → login; other companies' users → 404; members read; owners write; staff use the admin."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from portal.companies.models import Company, Invitation, Membership
from tests.factories.accounts import UserFactory
from tests.factories.companies import CompanyFactory, InvitationFactory, MembershipFactory

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "name_zh": "好物股份有限公司",
    "name_en": "Good Things Co.",
    "ubn": "04595257",
    "address": "臺北市信義區市府路1號",
    "district": "xinyi",
    "industry": "food",
    "website": "https://example.com",
    "target_markets": ["TH", "MY"],
    "ecommerce_maturity": "domestic",
}


def page(response):
    return response.content.decode()


def assert_login_redirect(response, path):
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert f"next={path}" in response.url


# --- My company -----------------------------------------------------------------------------


def test_my_company_anonymous_goes_to_login(client):
    assert_login_redirect(client.get("/en/company/"), "/en/company/")


def test_my_company_without_company_offers_registration(client, outsider):
    """Someone with no company sees an explanation and the registration link."""
    client.force_login(outsider)
    response = client.get("/en/company/")
    assert response.status_code == 200
    assert "/en/company/register/" in page(response)


def test_my_company_with_one_company_opens_it(client, member, company):
    client.force_login(member)
    response = client.get("/en/company/")
    assert response.status_code == 302
    assert response.url == f"/en/company/{company.pk}/"


def test_my_company_lists_several_companies(client, member, company):
    other = MembershipFactory(user=member).company
    client.force_login(member)
    html = page(client.get("/en/company/"))
    assert f"/en/company/{company.pk}/" in html and f"/en/company/{other.pk}/" in html


# --- Company detail ---------------------------------------------------------------------------


def test_detail_anonymous_goes_to_login(client, company):
    assert_login_redirect(client.get(f"/en/company/{company.pk}/"), f"/en/company/{company.pk}/")


@pytest.mark.parametrize("who", ["other_company_owner", "staff", "outsider"])
def test_detail_hidden_from_non_members(client, company, who, request):
    """Owners of company B, staff (who work in the admin) and strangers get 404 for company A."""
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/en/company/{company.pk}/").status_code == 404


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
def test_detail_for_member_is_read_only(client, company, member, owner, lang):
    """Members see details, members and pending invitations but no owner controls."""
    InvitationFactory(company=company, email="pending@example.com")
    client.force_login(member)
    response = client.get(f"/{lang}/company/{company.pk}/")
    html = page(response)
    assert response.status_code == 200
    assert company.ubn in html and owner.email in html and "pending@example.com" in html
    assert "/edit/" not in html
    assert 'name="email"' not in html
    assert "/remove/" not in html and "/revoke/" not in html


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
def test_detail_for_owner_has_controls(client, company, owner, member, lang):
    InvitationFactory(company=company)
    client.force_login(owner)
    html = page(client.get(f"/{lang}/company/{company.pk}/"))
    assert f"/{lang}/company/{company.pk}/edit/" in html
    assert 'name="email"' in html
    assert "/remove/" in html and "/revoke/" in html
    expected_name = "甲公司" if lang == "zh-hant" else "Company A"
    assert f"<h1>{expected_name}</h1>" in html


# --- Registration ------------------------------------------------------------------------------


def test_register_anonymous_goes_to_login(client):
    assert_login_redirect(client.get("/en/company/register/"), "/en/company/register/")


def test_register_needs_a_verified_email(client, mailoutbox):
    """An account without a verified address is asked to verify first (and gets a new link)."""
    user = UserFactory(verified_email=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    response = client.post("/en/company/register/", REGISTRATION)
    assert response.status_code == 200
    assert "verif" in page(response).lower()
    assert Company.objects.count() == 0
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
def test_register_form_renders(client, outsider, lang):
    client.force_login(outsider)
    response = client.get(f"/{lang}/company/register/")
    assert response.status_code == 200
    html = page(response)
    assert 'for="id_ubn"' in html and 'name="target_markets"' in html


@pytest.mark.parametrize("who", ["outsider", "staff", "other_company_owner"])
def test_register_makes_the_user_owner(client, who, request):
    """Any signed-in, verified user can register a company and becomes its owner."""
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.post("/en/company/register/", REGISTRATION)
    company = Company.objects.get(ubn="04595257")
    assert response.status_code == 302
    assert response.url == f"/en/company/{company.pk}/"
    assert Membership.objects.get(company=company, user=user).role == Membership.Role.OWNER
    assert company.target_markets == ["TH", "MY"]


def test_register_with_a_registered_ubn_is_refused(client, outsider):
    CompanyFactory(ubn="04595257")
    client.force_login(outsider)
    response = client.post("/en/company/register/", REGISTRATION)
    assert response.status_code == 200
    assert "A company with this unified business number is already registered." in page(response)
    assert Company.objects.count() == 1
    assert not Membership.objects.filter(user=outsider).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("ubn", "04595258", "fails the checksum"),
        ("ubn", "1234", "exactly 8 digits"),
        ("ubn", "00000000", "not a number the Ministry of Finance issues"),
        ("ubn", "55555555", "not a number the Ministry of Finance issues"),
        ("name_zh", "", "This field is required."),
        ("district", "taichung", "Select a valid choice."),
        ("website", "not a url", "Enter a valid URL."),
    ],
)
def test_register_bad_input_shows_the_error_on_the_field(client, outsider, field, value, message):
    client.force_login(outsider)
    response = client.post("/en/company/register/", {**REGISTRATION, field: value})
    html = page(response)
    assert response.status_code == 200
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert Company.objects.count() == 0
    assert Membership.objects.count() == 0


# --- Edit ----------------------------------------------------------------------------------------


def test_edit_anonymous_goes_to_login(client, company):
    assert_login_redirect(client.get(f"/en/company/{company.pk}/edit/"), f"/en/company/{company.pk}/edit/")


@pytest.mark.parametrize(("who", "status"), [("other_company_owner", 404), ("staff", 404), ("member", 403)])
def test_edit_refused_to_everyone_but_owners(client, company, owner, who, status, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/en/company/{company.pk}/edit/").status_code == status
    data = {**REGISTRATION, "name_zh": "被改了"}
    assert client.post(f"/en/company/{company.pk}/edit/", data).status_code == status
    company.refresh_from_db()
    assert company.name_zh == "甲公司"


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
def test_owner_edits_details(client, company, owner, lang):
    client.force_login(owner)
    assert client.get(f"/{lang}/company/{company.pk}/edit/").status_code == 200
    data = {**REGISTRATION, "name_en": "Company A Renamed", "ubn": "22099131"}
    response = client.post(f"/{lang}/company/{company.pk}/edit/", data)
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.name_en == "Company A Renamed"
    assert company.ubn != "22099131", "the UBN is not editable"


def test_owner_edit_bad_input_saves_nothing(client, company, owner):
    client.force_login(owner)
    response = client.post(f"/en/company/{company.pk}/edit/", {**REGISTRATION, "name_zh": "", "name_en": "Changed"})
    assert response.status_code == 200
    assert "This field is required." in page(response)
    company.refresh_from_db()
    assert (company.name_zh, company.name_en) == ("甲公司", "Company A")


# --- Invitations -----------------------------------------------------------------------------------


def test_invite_anonymous_goes_to_login(client, company):
    response = client.post(f"/en/company/{company.pk}/invitations/", {"email": "x@example.com"})
    assert_login_redirect(response, f"/en/company/{company.pk}/invitations/")
    assert Invitation.objects.count() == 0


@pytest.mark.parametrize(("who", "status"), [("other_company_owner", 404), ("staff", 404), ("member", 403)])
def test_invite_refused_to_everyone_but_owners(client, company, owner, who, status, request, mailoutbox):
    client.force_login(request.getfixturevalue(who))
    response = client.post(f"/en/company/{company.pk}/invitations/", {"email": "x@example.com"})
    assert response.status_code == status
    assert Invitation.objects.count() == 0
    assert mailoutbox == []


def test_owner_invites_a_colleague(client, company, owner, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/company/{company.pk}/invitations/", {"email": "colleague@example.com"})
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.invited_by) == ("colleague@example.com", owner)
    assert len(mailoutbox) == 1
    assert f"http://testserver/en/company/invitations/{invitation.token}/" in mailoutbox[0].body


def test_invite_page_only_accepts_post(client, company, owner):
    client.force_login(owner)
    assert client.get(f"/en/company/{company.pk}/invitations/").status_code == 405


@pytest.mark.parametrize(
    ("email", "message"),
    [("not-an-email", "Enter a valid email address."), ("member", "is already a member of this company.")],
)
def test_invite_bad_input_is_explained(client, company, owner, member, mailoutbox, email, message):
    client.force_login(owner)
    email = member.email if email == "member" else email
    response = client.post(f"/en/company/{company.pk}/invitations/", {"email": email})
    assert response.status_code == 400
    assert message in page(response)
    assert 'id="id_email_error"' in page(response)
    assert Invitation.objects.count() == 0
    assert mailoutbox == []


def test_owner_revokes_an_invitation(client, company, owner):
    invitation = InvitationFactory(company=company)
    client.force_login(owner)
    response = client.post(f"/en/company/{company.pk}/invitations/{invitation.pk}/revoke/", follow=True)
    assert "was withdrawn" in page(response)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
    response = client.post(f"/en/company/{company.pk}/invitations/{invitation.pk}/revoke/", follow=True)
    assert "This invitation was withdrawn by the company." in page(response)


@pytest.mark.parametrize(("who", "status"), [("other_company_owner", 404), ("staff", 404), ("member", 403)])
def test_revoke_refused_to_everyone_but_owners(client, company, owner, who, status, request):
    invitation = InvitationFactory(company=company)
    client.force_login(request.getfixturevalue(who))
    assert client.post(f"/en/company/{company.pk}/invitations/{invitation.pk}/revoke/").status_code == status
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_owner_cannot_reach_another_companys_invitation_through_their_own(client, company, owner):
    """Company A's owner cannot revoke company B's invitation by putting its id under company A."""
    foreign = InvitationFactory()
    client.force_login(owner)
    assert client.post(f"/en/company/{company.pk}/invitations/{foreign.pk}/revoke/").status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == Invitation.Status.PENDING


def test_revoke_anonymous_goes_to_login(client, company):
    invitation = InvitationFactory(company=company)
    path = f"/en/company/{company.pk}/invitations/{invitation.pk}/revoke/"
    assert_login_redirect(client.post(path), path)


# --- Members ----------------------------------------------------------------------------------------


def test_owner_removes_a_member(client, company, owner, member):
    membership = Membership.objects.get(user=member)
    client.force_login(owner)
    response = client.post(f"/en/company/{company.pk}/members/{membership.pk}/remove/", follow=True)
    assert "is no longer a member" in page(response)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_last_owner_cannot_remove_themselves(client, company, owner):
    membership = Membership.objects.get(user=owner)
    client.force_login(owner)
    response = client.post(f"/en/company/{company.pk}/members/{membership.pk}/remove/", follow=True)
    assert "at least one owner" in page(response)
    assert Membership.objects.filter(pk=membership.pk).exists()


@pytest.mark.parametrize(("who", "status"), [("other_company_owner", 404), ("staff", 404), ("member", 403)])
def test_remove_refused_to_everyone_but_owners(client, company, owner, member, who, status, request):
    target = Membership.objects.get(user=owner)
    client.force_login(request.getfixturevalue(who))
    assert client.post(f"/en/company/{company.pk}/members/{target.pk}/remove/").status_code == status
    assert Membership.objects.filter(company=company).count() == 2


def test_remove_anonymous_goes_to_login(client, company, member):
    membership = Membership.objects.get(user=member)
    path = f"/en/company/{company.pk}/members/{membership.pk}/remove/"
    assert_login_redirect(client.post(path), path)


# --- Accepting an invitation --------------------------------------------------------------------------


def test_accept_anonymous_goes_to_login(client):
    invitation = InvitationFactory()
    path = f"/en/company/invitations/{invitation.token}/"
    assert_login_redirect(client.get(path), path)


def test_unknown_token_is_404(client, outsider):
    client.force_login(outsider)
    assert client.get("/en/company/invitations/not-a-token/").status_code == 404


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
def test_invited_person_accepts(client, company, lang):
    invitation = InvitationFactory(company=company)
    invitee = UserFactory(email=invitation.email)
    client.force_login(invitee)
    response = client.get(f"/{lang}/company/invitations/{invitation.token}/")
    assert response.status_code == 200
    assert 'method="post"' in page(response)
    response = client.post(f"/{lang}/company/invitations/{invitation.token}/")
    assert response.status_code == 302
    assert response.url == f"/{lang}/company/{company.pk}/"
    assert Membership.objects.get(company=company, user=invitee).role == Membership.Role.MEMBER


@pytest.mark.parametrize("who", ["wrong_email", "unverified_invitee", "staff", "other_company_owner"])
def test_the_link_shows_the_invited_address_only_to_its_owner(client, company, who, request):
    """Whoever holds the link but is not signed in with the invited, verified address sees neither that
    address nor the inviter's, and no accept button; posting does not reveal them either."""
    invitation = InvitationFactory(company=company, email="intended.person@example.com")
    if who == "wrong_email":
        user = UserFactory()
    elif who == "unverified_invitee":
        user = UserFactory()
        EmailAddress.objects.create(user=user, email="intended.person@example.com", verified=False)
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    path = f"/en/company/invitations/{invitation.token}/"
    for response in (client.get(path), client.post(path)):
        html = page(response)
        assert "intended.person@example.com" not in html
        assert invitation.invited_by.email not in html
        assert "Sign in with that address to accept it." in html
        assert 'action="/en/company/invitations/' not in html
    assert not Membership.objects.filter(company=company, user=user).exists()


def test_the_invited_person_sees_their_address_and_the_inviter(client, company):
    """Signed in with the invited address (any letter case), the page names it and the inviter."""
    invitation = InvitationFactory(company=company, email="Intended.Person@example.com")
    client.force_login(UserFactory(email="intended.person@example.com"))
    html = page(client.get(f"/en/company/invitations/{invitation.token}/"))
    assert "Intended.Person@example.com" in html and invitation.invited_by.email in html
    assert f'action="/en/company/invitations/{invitation.token}/"' in html


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("expired", "This invitation has expired. Ask the company for a new one."),
        ("revoked", "This invitation was withdrawn by the company."),
        ("accepted", "This invitation has already been accepted."),
        ("already_member", "You are already a member of this company."),
        ("wrong_email", "This invitation was sent to another e-mail address."),
        ("staff", "This invitation was sent to another e-mail address."),
        ("other_company_owner", "This invitation was sent to another e-mail address."),
    ],
)
def test_accept_refusals_are_explained_and_save_nothing(client, company, owner, case, message, request):
    invitation = InvitationFactory(company=company)
    user = UserFactory(email=invitation.email)
    if case == "expired":
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
    elif case in ("revoked", "accepted"):
        invitation.status = case
    elif case == "already_member":
        MembershipFactory(company=company, user=user)
    elif case == "wrong_email":
        user = UserFactory()
    elif case in ("staff", "other_company_owner"):
        user = request.getfixturevalue(case)
    invitation.save()
    memberships = Membership.objects.count()
    client.force_login(user)

    response = client.post(f"/en/company/invitations/{invitation.token}/")

    assert response.status_code == 400
    assert message in page(response)
    assert Membership.objects.count() == memberships
    invitation.refresh_from_db()
    assert invitation.responded_at is None


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("expired", "This invitation has expired."),
        ("revoked", "This invitation was withdrawn by the company."),
        ("accepted", "This invitation has already been accepted."),
    ],
)
def test_accept_page_explains_unusable_invitations_without_a_button(client, case, message):
    invitation = InvitationFactory()
    if case == "expired":
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
    else:
        invitation.status = case
    invitation.save()
    client.force_login(UserFactory(email=invitation.email))
    html = page(client.get(f"/en/company/invitations/{invitation.token}/"))
    assert message in html
    assert 'method="post"' not in html.split("<main")[1].split("</main>")[0] or "accept" not in html.lower()
