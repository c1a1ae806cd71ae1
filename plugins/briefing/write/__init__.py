"""Write stage: what the pages, feeds and `archive.json` are made of. It reads the records of the read and
corpus stages and never changes them."""
