"""The handover bundle for the DfE web team (see handover/bundle.py)."""
