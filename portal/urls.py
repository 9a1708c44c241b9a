from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import views
from portal.accounts import views as account_views
from portal.home.sitemaps import AllLocalesSitemap

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLocalesSitemap}}, name="sitemap"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/login/", account_views.admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("payments/", include("payments.urls")),
    path("", include("catalog.showcase.feed_urls")),
    path("api/v1/", include("search.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/language/", account_views.account_language, name="account_language"),
    path("accounts/", include("allauth.urls")),
    path("company/", include("portal.companies.urls")),
    path("applications/", include("coaching.urls")),
    path("my/consultations/", include("catalog.solutions.urls")),
    path("dashboard/", include("catalog.showcase.urls")),
    path("dashboard/", include("catalog.readiness.urls")),
    path("inbox/", include("catalog.inquiries.urls")),
    path("rfq/", include("catalog.sourcing.urls")),
    path("", include("catalog.orders.urls")),
    path("search/", include("search.urls")),
    path("privacy/", include("privacy.urls")),
    path("untranslated/<int:page_id>/", views.untranslated, name="untranslated"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
