"""Loading the catalogue file: YAML with the line of every key, and the cache."""
