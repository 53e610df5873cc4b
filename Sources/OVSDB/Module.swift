// Module OVSDB: see DESIGN.md.
