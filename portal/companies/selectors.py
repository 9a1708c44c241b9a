from .models import Company


def companies_for_user(user):
    return Company.objects.for_user(user).prefetch_related("memberships__user")
