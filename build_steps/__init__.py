"""What the build does besides rendering pages, one job a module, wired into MkDocs by build_steps/hooks.py:
page transforms (the page title, abbreviations), and the outputs later stages read (the print pages,
build/pages.json, build/readability.json)."""
