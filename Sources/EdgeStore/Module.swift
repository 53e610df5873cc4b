// Module EdgeStore: see DESIGN.md.
