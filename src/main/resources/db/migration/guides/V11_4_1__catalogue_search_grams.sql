-- The catalogue's free-text search served by an index for queries of any length, Chinese included.
-- pg_trgm's index needs three characters and pg_bigm is not in the embedded binaries, so each guide
-- carries the distinct 1- and 2-character substrings of its (lower-cased) search_text in an array with
-- a built-in GIN index: a query asks for its own grams with @> and the exact LIKE re-checks the rows.
-- No extension, and the column is generated, so no writer (nor a test's bulk INSERT) can leave it stale.
CREATE FUNCTION guide_search_grams(body TEXT) RETURNS TEXT[]
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN ARRAY(SELECT DISTINCT substr(body, i, w)
		FROM generate_series(1, char_length(body)) AS i, (VALUES (1), (2)) AS g (w)
		WHERE i + w - 1 <= char_length(body));

-- A query's grams: its character when it has one, else its distinct bigrams from the first 64
-- positions (enough to be selective; the LIKE re-check keeps the answer exact for longer text).
CREATE FUNCTION guide_query_grams(query TEXT) RETURNS TEXT[]
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN CASE WHEN char_length(query) < 2 THEN ARRAY[query]
		ELSE ARRAY(SELECT DISTINCT substr(query, i, 2) FROM generate_series(1, least(char_length(query) - 1, 64)) AS i)
	END;

ALTER TABLE guides ADD COLUMN search_grams TEXT[] GENERATED ALWAYS AS (guide_search_grams(search_text)) STORED;
CREATE INDEX guides_search_grams_idx ON guides USING gin (search_grams);
