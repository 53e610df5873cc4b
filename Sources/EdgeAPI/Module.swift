// Module EdgeAPI: see DESIGN.md.
