"""Data files shipped with ecslint (read with ``importlib.resources.files("ecslint.data")``)."""
