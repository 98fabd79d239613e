"""`make bench`: tbapi side by side with raw httpx and the PyPI TOP clients, against a local server."""
