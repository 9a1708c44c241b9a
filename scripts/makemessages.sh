#!/usr/bin/env bash
# Refresh the translation catalogs after changing interface strings: extracts every gettext string into
# portal/locale/{zh_Hant,en,th,ms,id,vi}/LC_MESSAGES/django.po (existing translations are kept by msgmerge),
# then fills the English catalog from the English source strings. Translate the new entries of the other
# five by hand afterwards (until then such an entry holds the English source string, never Chinese);
# `make run` / `make test` compile the catalogs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
.venv/bin/python manage.py makemessages -l zh_Hant -l en -l th -l ms -l id -l vi --no-obsolete \
    --ignore=.venv --ignore=.cache --ignore=.services --ignore=tests --ignore=bench
en=portal/locale/en/LC_MESSAGES/django.po
msgattrib --no-wrap --clear-fuzzy --empty "$en" -o "$en"
msgen --no-wrap "$en" -o "$en"
# An entry still untranslated (or only fuzzy) in th/ms/id/vi gets the English source string: with an empty one Django would
# fall back to the default language's catalog and show Chinese.
for lang in th ms id vi; do
    po="portal/locale/$lang/LC_MESSAGES/django.po"
    tmp="$(mktemp -d)"
    # A fuzzy guess of msgmerge is not a translation (Django would skip it and show Chinese): empty it first.
    msgattrib --force-po --no-wrap --clear-fuzzy --empty "$po" -o "$po"
    msgattrib --force-po --no-wrap --translated "$po" -o "$tmp/done.po"
    msgattrib --force-po --no-wrap --untranslated "$po" | msgen --force-po --no-wrap - -o "$tmp/english.po"
    msgcat --force-po --no-wrap --use-first "$tmp/done.po" "$tmp/english.po" -o "$po"
    rm -r "$tmp"
done
for lang in zh_Hant th ms id vi; do
    printf "%s: " "$lang"
    msgfmt --statistics -o /dev/null "portal/locale/$lang/LC_MESSAGES/django.po"
done
