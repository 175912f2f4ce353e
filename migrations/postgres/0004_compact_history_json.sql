-- History's before and after are stored as compact JSON, keys in the order written
-- ({"ref":"GP","title":"t"}), as SQLite's json_object writes them, so a record's history reads the
-- same on both engines. PostgreSQL's json_build_object writes {"ref" : "GP", "title" : "t"}, and an
-- erasure's jsonb_set {"ref": "GP", …}.
CREATE FUNCTION yswd_compact_json(value json) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    CASE json_typeof(value)
    WHEN 'object' THEN
        RETURN '{' || coalesce(
            (SELECT string_agg(to_json(e.key)::text || ':' || yswd_compact_json(e.value), ',' ORDER BY e.n)
             FROM json_each(value) WITH ORDINALITY AS e(key, value, n)), '') || '}';
    WHEN 'array' THEN
        RETURN '[' || coalesce(
            (SELECT string_agg(yswd_compact_json(e.value), ',' ORDER BY e.n)
             FROM json_array_elements(value) WITH ORDINALITY AS e(value, n)), '') || ']';
    ELSE
        RETURN value::text;
    END CASE;
END
$$;

CREATE FUNCTION history_compact_json() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.before := yswd_compact_json(NEW.before::json);
    NEW.after := yswd_compact_json(NEW.after::json);
    RETURN NEW;
END
$$;

CREATE TRIGGER history_compact_json BEFORE INSERT OR UPDATE OF before, after ON history
    FOR EACH ROW EXECUTE FUNCTION history_compact_json();
