"""Production settings: imported on top of pelicanconf.py by `make publish`."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "")
RELATIVE_URLS = not SITEURL
DELETE_OUTPUT_DIRECTORY = True

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tag-{slug}.atom.xml"
