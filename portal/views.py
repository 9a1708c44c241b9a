"""Project-level views: health, robots.txt, the "not translated yet" notice and the error pages."""

import hmac

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from portal import health, site_address


def _may_see_health_details(request):
    token = settings.HEALTHZ_TOKEN
    offered = request.headers.get("X-Healthz-Token", "")
    if token and offered and hmac.compare_digest(offered.encode(), token.encode()):
        return True
    return request.user.is_authenticated and request.user.is_staff


@never_cache
@require_GET
def healthz(request):
    """Report database (reachable and writable), cache and search engine state: 503 when the site cannot
    serve pages or save anything. Details (vendor, engine, error) only for staff or the HEALTHZ_TOKEN."""
    report = health.check_all()
    if not _may_see_health_details(request):
        report = health.public_report(report)
    return JsonResponse(report, status=200 if report["status"] != "fail" else 503)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /*/accounts/",
        # Signing up and signing in are public pages an SME looks for; the longest rule wins, so the rest of
        # the account area stays out.
        "Allow: /*/accounts/signup/",
        "Allow: /*/accounts/login/",
        "Disallow: /*/company/",
        f"Sitemap: {site_address.absolute(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says: send them to the static icon."""
    return redirect(static("img/favicon.ico"), permanent=True)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


@require_GET
def untranslated(request, page_id):
    """A live page that has no version in the active language: say so, in that language, and offer the
    version in the default language (and this language's home page). Never indexed."""
    page = Page.objects.live().public().filter(pk=page_id).select_related("locale").first()
    if page is None:
        raise Http404
    language = translation.get_language()
    locale = Locale.objects.filter(language_code=language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    if translated is not None and translated.live:
        return redirect(translated.get_url(request))
    default = page.get_translation_or_none(Locale.get_default()) or page
    context = {
        "original": default.specific,
        "original_language": default.locale.language_code,
        "original_language_name": translation.get_language_info(default.locale.language_code)["name_translated"],
        "language_name": translation.get_language_info(language)["name_translated"],
    }
    return render(request, "untranslated.html", context)
