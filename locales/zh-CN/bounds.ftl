# bounds
