"""Build-time checks of pages, run as MkDocs hooks (see checks/hooks.py)."""
