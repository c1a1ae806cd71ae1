"""Production settings: imported on top of pelicanconf.py by `make publish`."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "")
RELATIVE_URLS = not SITEURL
DELETE_OUTPUT_DIRECTORY = True

FEED_DOMAIN = SITEURL  # the feeds themselves (FEED_ALL_ATOM, TAG_FEED_ATOM) are set in pelicanconf.py
LOG_FILTER = []  # a production build without SITEURL gets Pelican's warning about feed links
# Feeds of each person, organization and place (people-mike-pompeo.atom.xml) and of each story thread.
ENTITY_FEED_ATOM = "feeds/{type}-{slug}.atom.xml"
THREAD_FEED_ATOM = "feeds/thread-{slug}.atom.xml"
