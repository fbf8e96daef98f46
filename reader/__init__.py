"""Reading digest files (page text, JSON Lines, gzip, any encoding) into plain paper records."""
