"""Dialogs of the review window: connection, file details, keyboard shortcuts."""
