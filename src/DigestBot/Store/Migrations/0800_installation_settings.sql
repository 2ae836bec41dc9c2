-- Values that belong to the installation, not to one node: every node reads the same row. The first is the key of the
-- signed links in emails when Web:SigningKey is not set, so a link sent by one node verifies on the node serving the click.
CREATE TABLE installation_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
