"""The review screen: group list, side-by-side compare view, decisions and the main window."""
