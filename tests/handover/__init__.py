"""Tests, mirroring the project's folders."""
