from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors


@login_required
def my_company(request):
    companies = selectors.companies_for_user(request.user)
    return render(request, "companies/my_company.html", {"companies": companies})
