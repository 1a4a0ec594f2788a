-- A ballot's content and a challenged ballot's opening are JSON of hexadecimal group elements
-- and scalars (about 4.3 kB for five candidates): random digits that PostgreSQL's compression
-- cannot shrink. With the default storage (EXTENDED) the server tried pglz on every ballot and
-- gave up each time, a fifth of its work per ballot (issue 14, measure 1, seen with `perf`).
-- EXTERNAL stores them out of line as before, without the attempt. SQLite stores text as it is.

ALTER TABLE primaries_board
    ALTER COLUMN body SET STORAGE EXTERNAL,
    ALTER COLUMN opening SET STORAGE EXTERNAL;
