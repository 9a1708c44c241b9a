#!/usr/bin/env bash
# Refresh the translation catalogs after changing interface strings: extracts every gettext string into
# portal/locale/{zh_Hant,en}/LC_MESSAGES/django.po (existing translations are kept by msgmerge), then fills
# the English catalog from the English source strings. Translate the new zh_Hant entries by hand afterwards;
# `make run` / `make test` compile the catalogs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
.venv/bin/python manage.py makemessages -l zh_Hant -l en --no-obsolete \
    --ignore=.venv --ignore=.cache --ignore=.services --ignore=tests --ignore=bench
en=portal/locale/en/LC_MESSAGES/django.po
msgattrib --no-wrap --clear-fuzzy --empty "$en" -o "$en"
msgen --no-wrap "$en" -o "$en"
# Thai, Malay, Indonesian and Vietnamese have no interface translation yet. Without a catalog Django would
# fall back to the default language (Chinese); these copies of the English catalog make them read English.
for lang in th ms id vi; do
    mkdir -p "portal/locale/$lang/LC_MESSAGES"
    sed -e "s/^\"Language: en\\\\n\"$/\"Language: $lang\\\\n\"/" "$en" >"portal/locale/$lang/LC_MESSAGES/django.po"
done
msgfmt --statistics -o /dev/null portal/locale/zh_Hant/LC_MESSAGES/django.po
