"""Tests of the presentation: reading on a phone, from disk, under a sub-path, and on paper."""
