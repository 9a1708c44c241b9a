import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

DEFAULT_PASSWORD = "a-long-test-password-2026"


class UserFactory(factory.django.DjangoModelFactory):
    """A user who can sign in: verified primary e-mail address (pass verified_email=False to skip)."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class StaffFactory(UserFactory):
    """Bureau staff: Wagtail admin access through the superuser flag."""

    email = factory.Sequence(lambda n: f"staff{n}@example.com")
    is_staff = True
    is_superuser = True

    @factory.post_generation
    def admin_language(obj, create, extracted, **kwargs):
        """``StaffFactory(admin_language="en")``: the admin speaks that language to this user."""
        if create and extracted:
            profile = UserProfile.get_for_user(obj)
            profile.preferred_language = extracted
            profile.save(update_fields=["preferred_language"])
