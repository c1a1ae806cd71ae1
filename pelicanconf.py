"""Development settings of the briefing archive. publishconf.py imports these for production."""

import logging
import os

SITENAME = "Briefing archive"
SITESUBTITLE = "Clean, structured briefings from the articles we collect"
SITEURL = ""

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
IGNORE_FILES = [".#*", "*.yaml", "*.yml"]  # sidecar metadata is read with its article
# The briefing reader takes the date from a YYYY-MM-DD- file name itself (and rejects an impossible one,
# 2018-02-30-x.txt, as that file's error); Pelican's own file-name parsing would stop the whole build.
FILENAME_METADATA = ""
# reStructuredText pages may not include other files or raw HTML.
DOCUTILS_SETTINGS = {"file_insertion_enabled": False, "raw_enabled": False}

PLUGIN_PATHS = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins")]
PLUGINS = ["briefing", "sitemap"]

THEME = os.path.join(os.path.dirname(os.path.abspath(__file__)), "theme")
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"
ARTICLE_TRANSLATION_ID = None
DEFAULT_PAGINATION = 20
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
RELATIVE_URLS = True

ARTICLE_URL = "briefings/{slug}/"
ARTICLE_SAVE_AS = "briefings/{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
AUTHOR_URL = "authors/{slug}/"
AUTHOR_SAVE_AS = "authors/{slug}/index.html"
AUTHORS_URL = "authors/"
AUTHORS_SAVE_AS = "authors/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
DIRECT_TEMPLATES = ["index", "tags", "archives", "authors", "404", "search"]
TEMPLATE_PAGES = {}

# Atom feeds of the whole archive and of each tag, in development too (publishconf.py makes their links
# absolute through FEED_DOMAIN when SITEURL is set).
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tag-{slug}.atom.xml"
# The digest: one entry per day that had stories (written by the briefing plugin).
DIGEST_FEED_ATOM = "feeds/digest.atom.xml"
# Without SITEURL the development feeds' links are relative, knowingly; publishconf.py warns again.
FEED_WARNING = "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid"
LOG_FILTER = [(logging.WARNING, FEED_WARNING)]
# Feeds of each person, organization, place and story thread: written by `make publish` (publishconf.py).
ENTITY_FEED_ATOM = None
THREAD_FEED_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False
WITH_FUTURE_DATES = True
SUMMARY_MAX_LENGTH = None

# Briefing plugin settings (defaults and meaning: README, "Settings").
BRIEFING_CACHE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".briefing-cache")


def newest_first(article):
    """Newest first; articles of the same moment in source-path order, so every build lists them alike
    (Pelican reads files in an order that changes from run to run)."""
    return (-article.date.timestamp(), article.source_path)


ARTICLE_ORDER_BY = newest_first
