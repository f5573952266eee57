"""The whole suite: spec, client, mock, contract, release, and the packages as installed."""
