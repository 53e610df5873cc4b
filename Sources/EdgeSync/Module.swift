// Module EdgeSync: see DESIGN.md.
