-- Deltaboard schema, version 2: every priority has a place in its organisation's ranking.
--
-- An organisation orders its deltas by level (critical first) and, inside a level, by rank: the
-- Priorities view lets it re-rank by drag or keyboard. Version 1 allowed a NULL rank ("unranked",
-- sorted after the ranked ones by delta id); from now on a rank is always set, so the ranking is
-- read in order from one index instead of sorted on every read.
--  * Existing priorities keep their order: ranked ones first, then unranked ones by delta id,
--    numbered 1024 apart so that most moves rewrite one row.
--  * A priority inserted without a rank goes to the end of its level; one whose level changes
--    without a new rank goes to the end of its new level.

UPDATE priorities SET rank = r.position * 1024
FROM (SELECT organisation_id AS o, delta_id AS d,
             row_number() OVER (PARTITION BY organisation_id, level
                                ORDER BY rank IS NULL, rank, delta_id) AS position
      FROM priorities) AS r
WHERE priorities.organisation_id = r.o AND priorities.delta_id = r.d;

CREATE INDEX priorities_by_rank ON priorities (organisation_id, level DESC, rank, delta_id);

CREATE TRIGGER priorities_rank_insert AFTER INSERT ON priorities WHEN NEW.rank IS NULL BEGIN
    UPDATE priorities
    SET rank = coalesce((SELECT max(rank) FROM priorities
                         WHERE organisation_id = NEW.organisation_id AND level = NEW.level
                           AND delta_id <> NEW.delta_id), 0) + 1024
    WHERE organisation_id = NEW.organisation_id AND delta_id = NEW.delta_id;
END;

CREATE TRIGGER priorities_rank_level AFTER UPDATE OF level ON priorities
WHEN NEW.level <> OLD.level AND NEW.rank IS OLD.rank BEGIN
    UPDATE priorities
    SET rank = coalesce((SELECT max(rank) FROM priorities
                         WHERE organisation_id = NEW.organisation_id AND level = NEW.level
                           AND delta_id <> NEW.delta_id), 0) + 1024
    WHERE organisation_id = NEW.organisation_id AND delta_id = NEW.delta_id;
END;
