"""The service's stores in the database: users and tokens, the audit log, conversations, feedback."""
