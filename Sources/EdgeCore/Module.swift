// Module EdgeCore: see DESIGN.md.
