"""The site's model: its vocabulary (strands, audiences, kinds, callout titles, what counts as a resource) and the
contract between build stages (build/pages.json). Each concept is defined here once; the schemas,
macros, hooks, theme, PDFs, gate and bundle read it from here.
"""
