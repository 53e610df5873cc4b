// Module HTTPServer: see DESIGN.md.
