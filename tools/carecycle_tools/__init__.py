"""Development tools of carecycle-client: regeneration, drift check, release gates."""
