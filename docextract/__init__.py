from docextract._version import __version__
