"""Settings shared by every environment.

Every variable is read from one ``env`` object and has an embedded default, so
``make run`` works with no configuration at all: SQLite, database search,
console e-mail and a local-memory cache. ``.env.example`` lists them all.
"""

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

PORTAL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PORTAL_DIR.parent

env = environ.Env()
env.read_env(env.path("DJANGO_ENV_FILE", default=BASE_DIR / ".env"), overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps first so their templates override the libraries'.
    "portal",
    "portal.accounts",
    "portal.home",
    "portal.companies",
    "portal.schedule",
    "coaching",
    "catalog.solutions",
    "catalog.showcase",
    "catalog.inquiries",
    "catalog.orders",
    "catalog.sourcing",
    "catalog.readiness",
    "search",
    "payments",
    "reports",
    "privacy",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_countries",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.csp.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML and JSON compressed (WhiteNoise serves static files pre-compressed itself). Above the page cache,
    # so cached pages are stored once and compressed per request. BREACH: Django's GZipMiddleware pads every
    # response with random bytes (Django ≥ 4.2) and CSRF tokens are masked anew on each response, so pages
    # with forms are compressed too.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.accounts.middleware.StaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    # Wagtail's page routing from the page tree kept per process (one query instead of one per tree level).
    "portal.page_tree.PageRouteMiddleware",
]

# Content Security Policy (portal/csp.py). The public site allows nothing inline but what carries the
# request's nonce; Stripe Checkout is reached by a redirect after a form post, hence form-action.
CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "frame-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF, "https://checkout.stripe.com"],
    "frame-ancestors": [NONE],
}
# Wagtail's admin widgets (date pickers, inline panels, choosers) write inline scripts and styles and show
# previews in frames of the site itself, so its pages get a policy of their own.
CSP_ADMIN_PREFIX = "/admin/"
CSP_ADMIN_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "object-src": [NONE],
    "frame-src": [SELF],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# Report-only until production enforces it (portal/settings/production.py; check --deploy warns otherwise).
CSP_REPORT_ONLY = env.bool("DJANGO_CSP_REPORT_ONLY", default=True)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Every form field group on the site renders through one template (portal/templates/forms/field.html).
FORM_RENDERER = "portal.rendering.PortalFormRenderer"

# Database: SQLite file by default, PostgreSQL (or anything) through DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=0)
# PostgreSQL compiles a statement's expressions to machine code (JIT) once its estimated cost passes
# jit_above_cost; for the site's short statements (the database search's among them) compiling costs more than it
# saves, as PostgreSQL's documentation says of short OLTP queries. Off for the site's connections unless
# DATABASE_JIT is set; options given in DATABASE_URL (?options=…) are kept.
DATABASE_JIT = env.bool("DATABASE_JIT", default=False)
if DATABASES["default"].get("ENGINE") == "django.db.backends.postgresql" and not DATABASE_JIT:
    _database_options = DATABASES["default"].setdefault("OPTIONS", {})
    _database_options["options"] = f"{_database_options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default (allauth's rate limits need a real cache). Production and CI share one Redis
# server between processes (CACHE_URL=redis://…, Django's RedisCache); check --deploy warns without it (portal.W002).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://portal")}
# Callers sending it in the X-Healthz-Token header see /healthz details (database vendor, engine, errors),
# like signed-in staff; everyone else gets the statuses only.
HEALTHZ_TOKEN = env.str("HEALTHZ_TOKEN", default="")
# Whole Wagtail pages kept for anonymous visitors (portal/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Traditional Chinese is the default, every URL carries a language prefix.
LANGUAGE_CODE = "zh-hant"
LANGUAGES = [
    ("zh-hant", "繁體中文"),
    ("en", "English"),
    ("th", "ไทย"),
    ("ms", "Bahasa Melayu"),
    ("id", "Bahasa Indonesia"),
    ("vi", "Tiếng Việt"),
]
# portal/locale: the project's strings (scripts/makemessages.sh). portal/locale_libraries: translations of
# libraries' user-facing strings for languages the library does not ship (allauth has no ms or vi catalog).
LOCALE_PATHS = [PORTAL_DIR / "locale", PORTAL_DIR / "locale_libraries"]
TIME_ZONE = "Asia/Taipei"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
# Files that must never be reachable through MEDIA_URL (application documents, certificates).
PRIVATE_MEDIA_ROOT = env.path("DJANGO_PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: printed on the console unless EMAIL_URL says otherwise.
EMAIL_BACKEND = env.str("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="Taipei Cross-Border Hub <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
STAFF_NOTIFICATION_EMAILS = env.list("STAFF_NOTIFICATION_EMAILS", default=[])

# Background work (django-tasks): queued in the database (django-tasks-db) and run by `manage.py db_worker`,
# which retries the tasks declared with portal.background.retries. The immediate backend
# (django_tasks.backends.immediate.ImmediateBackend) runs them in the web process after commit, once.
TASKS = {"default": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}

# Wagtail
WAGTAIL_SITE_NAME = _("Taipei Cross-Border E-Commerce Hub")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://localhost:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# Passwords and e-mail addresses are managed through allauth (rate-limited, enumeration-safe,
# verified addresses, notifications), not the admin's own forms.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The admin asks no third party: no Gravatar images (they would send staff e-mail hashes out) and no
# release check against releases.wagtail.org; the admin's Content Security Policy allows neither.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The limit of portal.uploads.MAX_IMAGE_PIXELS, for the images uploaded in the Wagtail admin too.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

# Search: the database unless ELASTICSEARCH_URL switches the engine on (a cluster: its nodes' URLs, comma-separated).
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX_PREFIX = env.str("ELASTICSEARCH_INDEX_PREFIX", default="portal")
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=2.0)
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch7",
            "URLS": [url.strip() for url in ELASTICSEARCH_URL.split(",") if url.strip()],
            "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX_PREFIX}_",
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        },
        # Kept up to date too, so that site search can answer when Elasticsearch does not.
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Payments (used from the payments issue on).
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="")

# Accounts (django-allauth): e-mail login, mandatory verification, rate limits, TOTP MFA.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
# Rate limits count per client address and per account. Behind the HTTPS proxy the README prescribes, every
# request comes from the proxy's address: allauth then takes the client from the X-Forwarded-For entry the
# trusted proxies appended (ALLAUTH_TRUSTED_PROXY_COUNT, 1 in production) or from a header a trusted proxy
# sets (ALLAUTH_TRUSTED_CLIENT_IP_HEADER, e.g. CF-Connecting-IP). The counters live in the default cache: with
# several workers it must be a shared one (CACHE_URL), or each worker counts on its own.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("ALLAUTH_TRUSTED_CLIENT_IP_HEADER", default="") or None
# Failed logins: five per account (whoever tries) and thirty per client (an office behind one address) in
# five minutes, so one person's mistakes lock neither another account nor everyone behind the same proxy.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "30/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_ADAPTER = "portal.accounts.adapters.AccountAdapter"
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Taipei Cross-Border Hub"
# Staff must set up MFA before reaching /admin/ (on in production, off in development).
REQUIRE_STAFF_MFA = env.bool("REQUIRE_STAFF_MFA", default=False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        "elasticsearch": {"level": "WARNING"},
        "apscheduler": {"level": "WARNING"},
    },
}
