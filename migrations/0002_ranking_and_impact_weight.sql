-- Deltaboard schema, version 2: every priority has a place in its organisation's ranking, and
-- every delta a size-weighted impact for the heat map.
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

-- The impact heat map orders open deltas by their total impact, each group's level weighted by
-- its size (1 when unknown). A derived summary like top_impact (see 0001's conventions): kept by
-- the impact triggers below and when a group's size changes, left out of exports, verified by
-- 'check'. NULL: no impact assessed at all.
ALTER TABLE deltas ADD COLUMN impact_weight INTEGER;

UPDATE deltas SET impact_weight =
    (SELECT sum(i.level * coalesce(g.size, 1)) FROM impacts i JOIN user_groups g ON g.id = i.group_id
     WHERE i.delta_id = deltas.id);

CREATE INDEX deltas_by_impact_weight ON deltas (impact_weight DESC, id)
WHERE impact_weight IS NOT NULL AND state NOT IN ('declined', 'duplicate', 'resolved');

DROP TRIGGER impacts_summary_insert;
DROP TRIGGER impacts_summary_update;
DROP TRIGGER impacts_summary_delete;

CREATE TRIGGER impacts_summary_insert AFTER INSERT ON impacts BEGIN
    UPDATE deltas
    SET top_impact = (SELECT max(level) FROM impacts WHERE delta_id = NEW.delta_id),
        affected_users = (SELECT sum(affected_users) FROM impacts WHERE delta_id = NEW.delta_id),
        impact_weight = (SELECT sum(i.level * coalesce(g.size, 1)) FROM impacts i
                         JOIN user_groups g ON g.id = i.group_id WHERE i.delta_id = NEW.delta_id)
    WHERE id = NEW.delta_id;
END;

CREATE TRIGGER impacts_summary_update AFTER UPDATE OF level, affected_users ON impacts BEGIN
    UPDATE deltas
    SET top_impact = (SELECT max(level) FROM impacts WHERE delta_id = NEW.delta_id),
        affected_users = (SELECT sum(affected_users) FROM impacts WHERE delta_id = NEW.delta_id),
        impact_weight = (SELECT sum(i.level * coalesce(g.size, 1)) FROM impacts i
                         JOIN user_groups g ON g.id = i.group_id WHERE i.delta_id = NEW.delta_id)
    WHERE id = NEW.delta_id;
END;

CREATE TRIGGER impacts_summary_delete AFTER DELETE ON impacts BEGIN
    UPDATE deltas
    SET top_impact = (SELECT max(level) FROM impacts WHERE delta_id = OLD.delta_id),
        affected_users = (SELECT sum(affected_users) FROM impacts WHERE delta_id = OLD.delta_id),
        impact_weight = (SELECT sum(i.level * coalesce(g.size, 1)) FROM impacts i
                         JOIN user_groups g ON g.id = i.group_id WHERE i.delta_id = OLD.delta_id)
    WHERE id = OLD.delta_id;
END;

CREATE TRIGGER user_groups_size_to_deltas AFTER UPDATE OF size ON user_groups BEGIN
    UPDATE deltas
    SET impact_weight = (SELECT sum(i.level * coalesce(g.size, 1)) FROM impacts i
                         JOIN user_groups g ON g.id = i.group_id WHERE i.delta_id = deltas.id)
    WHERE id IN (SELECT delta_id FROM impacts WHERE group_id = NEW.id);
END;
