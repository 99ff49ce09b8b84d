"""The site's model, read by every stage: its vocabulary (strands, audiences, kinds, callout titles, what counts
as a resource), the pages' front matter, the data files and their validation, and the contract between build
stages (build/pages.json). Each concept is defined here once; the macros, hooks, theme, PDFs, gate and
bundle read it from here, and a mistake in any of it is an AuthorError naming the file and line.
"""
