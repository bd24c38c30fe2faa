"""Who may do what: roles, their permissions, and API keys."""
