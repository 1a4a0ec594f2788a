-- PostgreSQL's 0018 stops compressing the board's ballots; SQLite never compresses text, so
-- nothing changes here (the file keeps the two migration histories in step).
SELECT 1;
