"""Browser tests: the built site in Chromium (marker `browser`; `make test-fast` leaves them out)."""
