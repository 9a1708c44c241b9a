"""Malaysian business writing uses the 24-hour clock (17:00); Django's "5 malam" reads as night-time."""

DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
