-- Appends to the event store take one transaction-scoped lock before their rows get a
-- global index, and hold it until they commit. Transactions therefore commit in the order of
-- their global indexes: once a reader sees an event, every lower index has committed or will
-- never appear (a rolled-back append leaves a gap for good). The event feed relies on this to
-- hand out positions that no later commit can slip in front of.

CREATE FUNCTION serialize_event_appends() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Any constant works, as long as nothing else in the database locks the same key.
    PERFORM pg_advisory_xact_lock(4242001);
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_commit_in_index_order
    BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION serialize_event_appends();
