"""The personal-data registry: every app that holds personal data is in it, the account is erased last."""

from portal import personal_data


def test_every_app_with_personal_data_registers_a_holder():
    """Accounts, companies, applications, consultation requests, inquiries, requests for quotation, orders,
    payments and the privacy app itself each declare their export and erasure."""
    assert {holder.name for holder in personal_data.holders()} == {
        "account",
        "companies",
        "applications",
        "consultation_requests",
        "inquiries",
        "sourcing",
        "sample_orders",
        "payments",
        "privacy",
    }


def test_the_account_is_erased_last():
    """The other holders find records by the account's address, so it is anonymised after them."""
    assert personal_data.holders()[-1].name == "account"


def test_every_retention_rule_says_what_it_keeps_and_for_how_long():
    """Each rule has a period and the sentence the privacy page shows."""
    rules = personal_data.retention_rules()
    assert {rule.name for rule in rules} >= {
        "unconfirmed_inquiries",
        "unconfirmed_privacy_requests",
        "export_files",
        "closed_privacy_requests",
    }
    assert all(rule.period.days > 0 and str(rule.description) for rule in rules)


def test_an_erased_address_is_no_ones():
    """Kept records get an address under .invalid (never delivered), unique per record."""
    assert personal_data.erased_email("order-7") == "erased-order-7@erased.invalid"
    assert personal_data.Subject(email=" Mei@Example.com ").email_key == "mei@example.com"
