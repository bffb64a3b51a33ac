"""newskg: knowledge graphs of news about armed forces."""

__version__ = "0.1.0"
