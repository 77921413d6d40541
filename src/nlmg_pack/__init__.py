"""nlmg-pack: printable PDF and EPUB 3 study packs built from YAML content."""

__version__ = "0.1.0"
