"""The project's SQL, one statement file per job (read with `warehouse.sql_files`).

A package only so that a wheel carries these files: ``pyproject.toml`` ships
``**/*.sql`` as its package data, and ``importlib.resources`` finds them wherever
the project is installed, editable or not.
"""
