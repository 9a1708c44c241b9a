"""Every class name a public or signed-in page's template uses has a rule in the one stylesheet
(portal/static/css/portal.css, built from portal/static/scss with GOV.UK Frontend): no unstyled markup.

Templates of the Wagtail admin (those extending wagtailadmin/…, under an admin/ folder, or included only by
such templates) are styled by Wagtail and left out; so are e-mails. A class built in the template
(`status--{{ state }}`) needs a rule for its fixed part (`status--…`)."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
STYLESHEET = ROOT / "portal" / "static" / "css" / "portal.css"
APP_FOLDERS = ("portal", "coaching", "catalog", "payments", "search", "reports")
BLOCK_TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)  # {% if %} around a class separates names
VARIABLE = re.compile(r"\{\{.*?\}\}", re.S)  # {{ state }} completes a name
CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
REFERENCE = re.compile(r'\{%\s*(?:extends|include)\s+"([^"]+)"')


def _templates():
    """{template name: source} of every project template."""
    found = {}
    for folder in APP_FOLDERS:
        for path in (ROOT / folder).rglob("templates/**/*.html"):
            name = str(path.relative_to(next(p for p in path.parents if p.name == "templates")))
            found[name] = path.read_text()
    return found


def _admin_side(templates):
    """Names of the templates the Wagtail admin renders: extend wagtailadmin, live under admin/, or are
    included only by admin-side templates."""
    admin = {
        name
        for name, source in templates.items()
        if "/admin/" in f"/{name}" or re.search(r'\{%\s*extends\s+"wagtailadmin/', source)
    }
    users = {name: set() for name in templates}
    for name, source in templates.items():
        for used in REFERENCE.findall(source):
            users.setdefault(used, set()).add(name)
    changed = True
    while changed:
        changed = False
        for name in templates:
            if name not in admin and users[name] and users[name] <= admin:
                admin.add(name)
                changed = True
    return admin


def _public_classes():
    """{class name or fixed prefix ending in "-"/"_": first template using it}."""
    templates = _templates()
    admin = _admin_side(templates)
    used = {}
    for name, source in sorted(templates.items()):
        if name in admin or name.startswith("emails/"):
            continue
        for value in CLASS_ATTRIBUTE.findall(source):
            for token in VARIABLE.sub("\0", BLOCK_TAG.sub(" ", value)).split():
                used.setdefault(token, name)
    return used


def _stylesheet_classes():
    css = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(), flags=re.S)
    css = re.sub(r'url\([^)]*\)|"[^"]*"', "", css)
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", css))


def _missing():
    defined = _stylesheet_classes()
    missing = {}
    for token, template in _public_classes().items():
        if "\0" in token:  # a class completed by the template: its fixed part must start some rule
            prefix = token.split("\0")[0]
            if prefix and not any(name.startswith(prefix) for name in defined):
                missing[prefix + "…"] = template
        elif token not in defined:
            missing[token] = template
    return missing


def test_every_class_used_in_a_public_template_has_a_rule_in_the_stylesheet():
    missing = _missing()
    assert not missing, "classes without a rule in portal.css:\n" + "\n".join(
        f"  .{name}  ({template})" for name, template in sorted(missing.items())
    )


def test_the_check_finds_classes_and_would_fail_on_an_unstyled_one():
    """The scan sees design-system and portal classes, and a made-up class has no rule."""
    used, defined = _public_classes(), _stylesheet_classes()
    assert {"govuk-breadcrumbs", "govuk-error-summary", "product-card", "badge--verified"} <= set(used)
    assert "govuk-input" in defined and "no-such-class-anywhere" not in defined


def test_admin_templates_are_left_to_wagtail():
    admin = _admin_side(_templates())
    assert "reports/report.html" in admin and "reports/includes/table.html" in admin
    assert "showcase/product.html" not in admin
