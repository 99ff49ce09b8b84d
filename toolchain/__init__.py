"""The outside programs the stages run (Chromium, Node and its packages) and the build's one date.

Each stage (pdfs/, accessibility/, handover/, benchmarks/) starts Chromium, asks a tool its version or
dates its output; the rules for doing so live here once, so no stage reaches into another's folder.
"""
