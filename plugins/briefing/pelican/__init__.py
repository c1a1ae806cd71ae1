"""The Pelican adapter, and the only folder that imports Pelican: the reader of article files, the signal
handlers that run the stages in order, and the generator that writes the briefing plugin's own pages."""
