#include "deltastore.h"

#include "dialect.h"
#include "history.h"
#include "inputtext.h"
#include "sqlvalues.h"
#include "teamrights.h"

#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

const QString kSelectDelta
    = u"SELECT d.id, d.kind, d.title, d.desired, d.actual, d.details, d.component_id, c.name, "
      u"d.found_in, d.reporter, d.state, d.duplicate_of, d.signature, d.source_tracker, "
      u"d.external_id, d.source_url, d.created_at, d.updated_at, d.row_version, d.fixed_in, "
      u"d.severity, d.closed_at FROM deltas d LEFT JOIN components c ON c.id = d.component_id WHERE d.id = ?"_s;

Delta deltaFrom(const QSqlQuery &q)
{
    Delta d;
    d.id = q.value(0).toLongLong();
    d.kind = Levels::kindFromName(q.value(1).toString()).value_or(DeltaKind::Defect);
    d.title = q.value(2).toString();
    d.desired = q.value(3).toString();
    d.actual = q.value(4).toString();
    d.details = q.value(5).toString();
    d.componentId = Sql::optionalId(q.value(6));
    d.component = q.value(7).toString();
    d.foundIn = q.value(8).toString();
    d.reporter = q.value(9).toString();
    d.state = Levels::stateFromName(q.value(10).toString()).value_or(DeltaState::New);
    d.duplicateOf = Sql::optionalId(q.value(11));
    d.signature = q.value(12).toString();
    d.source = {q.value(13).toString(), q.value(14).toString(), q.value(15).toString()};
    d.createdAt = q.value(16).toString();
    d.updatedAt = q.value(17).toString();
    d.rowVersion = q.value(18).toInt();
    d.fixedIn = q.value(19).toString();
    if (!q.value(20).isNull())
        d.severity = q.value(20).toInt();
    d.closedAt = q.value(21).toString();
    return d;
}

// Turns SQLite's constraint texts into what the user did wrong.
QString explain(const QString &error, const Delta &delta)
{
    if (error.contains(u"FOREIGN KEY"_s)) {
        if (delta.duplicateOf)
            return u"delta %1 (duplicate of) or component %2 does not exist"_s
                .arg(*delta.duplicateOf)
                .arg(delta.componentId.value_or(0));
        return u"component %1 does not exist"_s.arg(delta.componentId.value_or(0));
    }
    if (error.contains(u"UNIQUE"_s) && error.contains(u"external_id"_s)) {
        return u"a delta from %1 with id %2 already exists"_s.arg(delta.source.tracker,
                                                                  delta.source.externalId);
    }
    if (error.contains(u"UNIQUE"_s) && error.contains(u"signature"_s))
        return u"a crash delta with signature '%1' already exists"_s.arg(delta.signature);
    return error;
}

Status validate(const Delta &delta)
{
    if (delta.title.trimmed().isEmpty())
        return Error{u"a delta needs a title"_s};
    if (delta.duplicateOf && delta.state != DeltaState::Duplicate)
        return Error{u"only a delta in state 'duplicate' can be a duplicate of another"_s};
    if (delta.state == DeltaState::Duplicate && !delta.duplicateOf)
        return Error{u"a duplicate needs the id of the delta it duplicates"_s};
    if (delta.duplicateOf && *delta.duplicateOf == delta.id)
        return Error{u"delta %1 cannot be a duplicate of itself"_s.arg(delta.id)};
    if (!delta.signature.isEmpty() && delta.kind != DeltaKind::Crash)
        return Error{u"only crash deltas have a signature"_s};
    if (delta.source.tracker.isEmpty() != delta.source.externalId.isEmpty())
        return Error{u"a delta's source needs both a tracker and an external id"_s};
    if (delta.severity && Levels::severityName(*delta.severity).isEmpty()) {
        return Error{u"severity %1 is not one of 0..4 (%2)"_s.arg(*delta.severity)
                         .arg(Levels::severityNames().join(u", "_s))};
    }
    return {};
}

} // namespace

Result<qint64> DeltaStore::create(const Delta &delta)
{
    if (const Status valid = validate(delta); !valid)
        return Error{valid.error()};
    if (const Status allowed = TeamRights::toShare(m_db, u"record deltas"_s); !allowed)
        return Error{allowed.error()};
    const QString now = m_db.clock().nowText();
    const QString created = delta.createdAt.isEmpty() ? now : delta.createdAt;
    const QString updated = delta.updatedAt.isEmpty() ? created : delta.updatedAt;
    // A closed record keeps when it closed when that is known (an import's source says so, or
    // a record made closed here closes now); an open one has no such time.
    const QString closed = !Levels::isClosed(delta.state)   ? QString()
                           : !delta.closedAt.isEmpty()      ? delta.closedAt
                           : delta.source.tracker.isEmpty() ? now
                                                            : QString();

    Transaction transaction(m_db);
    const auto inserted = m_db.insert(
        u"INSERT INTO deltas (kind, title, desired, actual, details, component_id, found_in, "
        u"fixed_in, severity, reporter, state, duplicate_of, signature, source_tracker, "
        u"external_id, source_url, created_at, updated_at, closed_at) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {Levels::kindName(delta.kind), delta.title.trimmed(), Sql::text(delta.desired),
         Sql::text(delta.actual), Sql::text(delta.details), Sql::optionalValue(delta.componentId),
         Sql::textOrNull(delta.foundIn), Sql::textOrNull(delta.fixedIn),
         Sql::optionalValue(delta.severity), Sql::textOrNull(delta.reporter),
         Levels::stateName(delta.state), Sql::optionalValue(delta.duplicateOf),
         Sql::textOrNull(delta.signature), Sql::textOrNull(delta.source.tracker),
         Sql::textOrNull(delta.source.externalId), Sql::textOrNull(delta.source.url), created,
         updated, Sql::textOrNull(closed)});
    if (!inserted)
        return Error{u"cannot create delta: %1"_s.arg(explain(inserted.error(), delta))};
    const qint64 id = *inserted;
    // An imported record was created when its source says, and its history starts there.
    if (const Status logged = History(m_db).record(u"delta"_s, id, u"created"_s, {},
                                                   Levels::kindName(delta.kind), created);
        !logged) {
        return Error{logged.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return id;
}

Result<Delta> DeltaStore::get(qint64 id)
{
    const auto query = m_db.run(kSelectDelta, {id});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no delta with id %1"_s.arg(id)};
    Delta delta = deltaFrom(**query);
    (*query)->finish();
    return delta;
}

Status DeltaStore::exists(qint64 id)
{
    const auto found = m_db.scalar(u"SELECT 1 FROM deltas WHERE id = ?"_s, {id});
    if (!found)
        return Error{found.error()};
    if (!found->isValid())
        return Error{u"no delta with id %1"_s.arg(id)};
    return {};
}

Status DeltaStore::remove(qint64 id)
{
    if (const Status allowed = TeamRights::toShare(m_db, u"remove deltas"_s); !allowed)
        return allowed;
    // Removing a delta removes what organisations attached to it (their priorities, their
    // tasks' links): only when all of that is this login's own, or by an admin.
    if (!m_db.rights().mayAdminister()) {
        const auto owners = m_db.integers(
            u"SELECT organisation_id FROM priorities WHERE delta_id = ? UNION SELECT "
            u"t.organisation_id FROM task_deltas td JOIN tasks t ON t.id = td.task_id WHERE "
            u"td.delta_id = ?"_s,
            {id, id});
        if (!owners)
            return Error{owners.error()};
        for (const qint64 organisation : *owners) {
            if (!m_db.rights().isMemberOf(organisation)) {
                return Error{u"delta %1 carries the priority or tasks of %2: only its members "
                             u"and admins can remove it"_s.arg(id)
                                 .arg(TeamRights::organisationName(m_db, organisation))};
            }
        }
    }
    Transaction transaction(m_db);
    const auto delta = get(id);
    if (!delta)
        return Error{delta.error()};
    const auto dependants = m_db.scalar(
        u"SELECT (SELECT count(*) FROM task_deltas WHERE delta_id = ?) + (SELECT count(*) FROM "
        u"crash_reports WHERE delta_id = ?) + (SELECT count(*) FROM deltas WHERE duplicate_of = ?)"_s,
        {id, id, id});
    if (!dependants)
        return Error{dependants.error()};
    if (dependants->toInt() > 0) {
        return Error{u"delta %1 has tasks, crash reports or duplicates that depend on it; it "
                     u"cannot be removed"_s.arg(id)};
    }
    if (const Status logged = History(m_db).record(u"delta"_s, id, u"deleted"_s, delta->title, {});
        !logged) {
        return logged;
    }
    if (const auto removed = m_db.run(u"DELETE FROM deltas WHERE id = ?"_s, {id}); !removed)
        return Error{u"cannot remove delta %1: %2"_s.arg(id).arg(removed.error())};
    return transaction.commit();
}

Status DeltaStore::update(const Delta &delta, const QString &at)
{
    const QString when = at.isEmpty() ? m_db.clock().nowText() : at;
    if (const Status valid = validate(delta); !valid)
        return valid;
    if (const Status allowed = TeamRights::toShare(m_db, u"change deltas"_s); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto stored = get(delta.id);
    if (!stored)
        return Error{stored.error()};
    const auto stale = [this, &delta](int now) {
        return Error{u"delta %1 was changed by %2 since it was read (version %3, now %4); reload "
                     u"it and try again"_s.arg(delta.id)
                         .arg(History(m_db).lastChange(u"delta"_s, delta.id))
                         .arg(delta.rowVersion)
                         .arg(now)};
    };
    if (stored->rowVersion != delta.rowVersion)
        return stale(stored->rowVersion);

    struct Change
    {
        QString column;
        QVariant oldValue;
        QVariant newValue;
    };
    QList<Change> changes;
    auto compare
        = [&changes](const QString &column, const QVariant &before, const QVariant &after) {
              if (before != after)
                  changes.append({column, before, after});
          };
    compare(u"kind"_s, Levels::kindName(stored->kind), Levels::kindName(delta.kind));
    compare(u"title"_s, stored->title, delta.title.trimmed());
    compare(u"desired"_s, Sql::text(stored->desired), Sql::text(delta.desired));
    compare(u"actual"_s, Sql::text(stored->actual), Sql::text(delta.actual));
    compare(u"details"_s, Sql::text(stored->details), Sql::text(delta.details));
    compare(u"component_id"_s, Sql::optionalValue(stored->componentId),
            Sql::optionalValue(delta.componentId));
    compare(u"found_in"_s, Sql::textOrNull(stored->foundIn), Sql::textOrNull(delta.foundIn));
    compare(u"fixed_in"_s, Sql::textOrNull(stored->fixedIn), Sql::textOrNull(delta.fixedIn));
    compare(u"severity"_s, Sql::optionalValue(stored->severity),
            Sql::optionalValue(delta.severity));
    compare(u"reporter"_s, Sql::textOrNull(stored->reporter), Sql::textOrNull(delta.reporter));
    compare(u"state"_s, Levels::stateName(stored->state), Levels::stateName(delta.state));
    compare(u"duplicate_of"_s, Sql::optionalValue(stored->duplicateOf),
            Sql::optionalValue(delta.duplicateOf));
    compare(u"signature"_s, Sql::textOrNull(stored->signature), Sql::textOrNull(delta.signature));
    compare(u"source_url"_s, Sql::textOrNull(stored->source.url),
            Sql::textOrNull(delta.source.url));
    if (!changes.isEmpty() || delta.closedAt != stored->closedAt) {
        const QString closed = !Levels::isClosed(delta.state)    ? QString()
                               : !delta.closedAt.isEmpty()       ? delta.closedAt
                               : Levels::isClosed(stored->state) ? stored->closedAt
                                                                 : when;
        compare(u"closed_at"_s, Sql::textOrNull(stored->closedAt), Sql::textOrNull(closed));
    }
    if (changes.isEmpty())
        return transaction.commit(); // nothing to write; an outer scope must not be doomed

    // One statement for all changed columns: constraints that tie columns together (a
    // duplicate needs its target) see the whole new row, never a half-changed one. Column names
    // come from the fixed list above, never from input; values are bound.
    QStringList assignments;
    QVariantList values;
    for (const Change &change : std::as_const(changes)) {
        assignments.append(change.column + u" = ?"_s);
        values.append(change.newValue);
    }
    values.append(when);
    values.append(delta.id);
    values.append(delta.rowVersion);
    // Only the version the edit was based on is changed: on a team database another client's
    // edit may commit between the read above and this write (the server makes this one wait
    // for it, then finds no row of that version), and its change stands.
    const QString sql = u"UPDATE deltas SET "_s + assignments.join(u", "_s)
                        + u", updated_at = ?, row_version = row_version + 1 WHERE id = ? AND "
                          u"row_version = ?"_s;
    const auto set = m_db.run(sql, values);
    if (!set)
        return Error{
            u"cannot change delta %1: %2"_s.arg(delta.id).arg(explain(set.error(), delta))};
    if ((*set)->numRowsAffected() != 1) {
        (*set)->finish();
        const auto now = m_db.scalar(u"SELECT row_version FROM deltas WHERE id = ?"_s, {delta.id});
        return stale(now ? now->toInt() : 0);
    }
    History history(m_db);
    for (const Change &change : std::as_const(changes)) {
        if (const Status logged = history.record(u"delta"_s, delta.id, change.column,
                                                 change.oldValue, change.newValue, when);
            !logged) {
            return logged;
        }
    }
    return transaction.commit();
}

Status DeltaStore::setState(qint64 id, DeltaState state, std::optional<qint64> duplicateOf)
{
    Transaction transaction(m_db);
    auto delta = get(id);
    if (!delta)
        return Error{delta.error()};
    if (duplicateOf) {
        if (const Status target = exists(*duplicateOf); !target)
            return Error{u"cannot mark delta %1 a duplicate: %2"_s.arg(id).arg(target.error())};
        // A chain of duplicates ends at one original; one that loops has none. The walk is in
        // SQL (UNION stops on a loop already stored), never recursion over the input.
        const auto loops
            = m_db.scalar(u"WITH RECURSIVE chain(id) AS (SELECT CAST(? AS bigint) UNION SELECT "
                          u"d.duplicate_of FROM deltas d "
                          u"JOIN chain ON d.id = chain.id WHERE d.duplicate_of IS NOT NULL) "
                          u"SELECT 1 FROM chain WHERE id = ?"_s,
                          {*duplicateOf, id});
        if (!loops)
            return Error{loops.error()};
        if (loops->isValid()) {
            return Error{u"delta %1 cannot be a duplicate of %2: %2 is already a duplicate of %1 "
                         u"(through the chain of duplicates)"_s.arg(id)
                             .arg(*duplicateOf)};
        }
    }
    delta.value().state = state;
    delta.value().duplicateOf = state == DeltaState::Duplicate ? duplicateOf : std::nullopt;
    if (const Status updated = update(*delta); !updated)
        return updated;
    return transaction.commit();
}

namespace {

// The WHERE clause and its bound values for a filter. Only fixed SQL fragments are joined here;
// every value from the filter is a bound parameter.
QString whereClause(const Database &db, const DeltaFilter &filter, QVariantList *values)
{
    QStringList conditions;
    if (filter.kind) {
        conditions.append(u"d.kind = ?"_s);
        values->append(Levels::kindName(*filter.kind));
    }
    if (filter.state) {
        conditions.append(u"d.state = ?"_s);
        values->append(Levels::stateName(*filter.state));
    }
    if (filter.componentId) {
        conditions.append(u"d.component_id = ?"_s);
        values->append(*filter.componentId);
    }
    if (filter.organisationId) {
        conditions.append(u"(EXISTS (SELECT 1 FROM priorities p2 WHERE p2.delta_id = d.id AND "
                          u"p2.organisation_id = ?) OR EXISTS (SELECT 1 FROM task_deltas td2 "
                          u"JOIN tasks t2 ON t2.id = td2.task_id WHERE td2.delta_id = d.id AND "
                          u"t2.organisation_id = ?))"_s);
        values->append(*filter.organisationId);
        values->append(*filter.organisationId);
    }
    if (filter.labelId) {
        conditions.append(u"d.id IN (SELECT delta_id FROM delta_labels WHERE label_id = ?)"_s);
        values->append(*filter.labelId);
    }
    const std::optional<qint64> id = InputText::searchedId(filter.search);
    const QString fts = Dialect::searchText(db, filter.search);
    if (id && filter.search.trimmed().startsWith(u'#')) {
        conditions.append(u"d.id = ?"_s);
        values->append(*id);
    } else if (id) {
        conditions.append(u"(d.id = ? OR "_s + Dialect::deltaMatches(db) + u')');
        values->append(*id);
        values->append(fts);
    } else if (!fts.isEmpty()) {
        conditions.append(Dialect::deltaMatches(db));
        values->append(fts);
    }
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
}

// The ORDER BY of a sort, and the join it needs. Fixed SQL only; the organisation whose
// priority orders the list is bound ahead of the WHERE clause's values.
struct Ordering
{
    QString joins;
    QString orderBy;
    bool needsOrganisation = false;
};

Ordering orderingOf(const DeltaFilter &filter)
{
    const QString direction = filter.descending ? u" DESC"_s : u" ASC"_s;
    // NULLs (no component, no priority) go last whichever the direction; elsewhere (not
    // assessed) they sort as the smallest value, said explicitly because PostgreSQL's default
    // is the opposite of SQLite's.
    const QString nulls = filter.descending ? u" NULLS LAST"_s : u" NULLS FIRST"_s;
    auto by = [&direction, &nulls](const QString &expression, bool nullable = false) {
        return (nullable ? expression + u" IS NULL, "_s : QString()) + expression + direction
               + (nullable ? QString() : nulls) + u", d.id"_s + direction;
    };
    switch (filter.sort) {
    case DeltaSort::Id: return {{}, u"d.id"_s + direction};
    case DeltaSort::Kind: return {{}, by(u"d.kind"_s)};
    case DeltaSort::Title: return {{}, by(u"d.title COLLATE NOCASE"_s)};
    case DeltaSort::Component:
        return {u" LEFT JOIN components sc ON sc.id = d.component_id"_s,
                by(u"sc.name COLLATE NOCASE"_s, true)};
    case DeltaSort::State: return {{}, by(u"d.state"_s)};
    case DeltaSort::Priority:
        // The organisation's ranking (critical first, then its own order), as idsByRanking().
        return {u" LEFT JOIN priorities sp ON sp.delta_id = d.id AND sp.organisation_id = ?"_s,
                filter.descending ? u"sp.level IS NULL, sp.level ASC, sp.rank DESC, d.id DESC"_s
                                  : u"sp.level IS NULL, sp.level DESC, sp.rank ASC, d.id ASC"_s,
                true};
    // Not assessed sorts below "none", so the index gives the order.
    case DeltaSort::Impact: return {{}, by(u"d.top_impact"_s)};
    case DeltaSort::Committed:
        return {{},
                by(u"(SELECT count(DISTINCT t.organisation_id) FROM task_deltas td JOIN tasks t "
                   u"ON t.id = td.task_id WHERE td.delta_id = d.id)"_s)};
    case DeltaSort::Created: return {{}, by(u"d.created_at"_s)};
    }
    return {{}, u"d.id"_s};
}

} // namespace

namespace {

// Rows of the list queries: id, kind, title, component, state, priority, top impact,
// committed organisations, created.
QList<DeltaRow> readRows(QSqlQuery &q)
{
    QList<DeltaRow> rows;
    while (q.next()) {
        DeltaRow row;
        row.id = q.value(0).toLongLong();
        row.kind = Levels::kindFromName(q.value(1).toString()).value_or(DeltaKind::Defect);
        row.title = q.value(2).toString();
        row.component = q.value(3).toString();
        row.state = Levels::stateFromName(q.value(4).toString()).value_or(DeltaState::New);
        row.priority = Sql::optionalInt(q.value(5));
        row.topImpact = Sql::optionalInt(q.value(6));
        row.committedOrganisations = q.value(7).toInt();
        row.createdAt = q.value(8).toString();
        rows.append(row);
    }
    return rows;
}

} // namespace

Result<QList<DeltaRow>> DeltaStore::list(const DeltaFilter &filter)
{
    const QVariant organisation
        = Sql::optionalValue(filter.priorityOf ? filter.priorityOf : filter.organisationId);
    const Ordering ordering = orderingOf(filter);
    QVariantList values{organisation};
    if (ordering.needsOrganisation)
        values.append(organisation);
    const QString where = whereClause(m_db, filter, &values);
    values.append(Sql::limit(filter.limit));
    values.append(filter.offset);
    const QString sql
        = u"SELECT d.id, d.kind, d.title, c.name, d.state, p.level, d.top_impact, "
          u"(SELECT count(DISTINCT t.organisation_id) FROM task_deltas td "
          u" JOIN tasks t ON t.id = td.task_id WHERE td.delta_id = d.id), d.created_at "
          u"FROM deltas d LEFT JOIN components c ON c.id = d.component_id "
          u"LEFT JOIN priorities p ON p.delta_id = d.id AND p.organisation_id = ?"_s
          + ordering.joins + where + u" ORDER BY "_s + ordering.orderBy + u" LIMIT ? OFFSET ?"_s;
    const auto query = m_db.run(sql, values);
    if (!query)
        return Error{u"cannot list deltas: %1"_s.arg(query.error())};
    return readRows(**query);
}

Result<int> DeltaStore::count(const DeltaFilter &filter)
{
    QVariantList values;
    const QString where = whereClause(m_db, filter, &values);
    const auto counted = m_db.scalar(u"SELECT count(*) FROM deltas d"_s + where, values);
    if (!counted)
        return Error{u"cannot count deltas: %1"_s.arg(counted.error())};
    return counted->toInt();
}

Result<QList<qint64>> DeltaStore::ids(const DeltaFilter &filter)
{
    const QString fts = Dialect::searchText(m_db, filter.search);
    const bool searchOnly = !fts.isEmpty() && !filter.kind && !filter.state && !filter.componentId
                            && !filter.organisationId && !filter.labelId
                            && filter.sort == DeltaSort::Id && !filter.descending
                            && !InputText::searchedId(filter.search);
    if (searchOnly) {
        const auto ids = m_db.integers(Dialect::matchingDeltaIds(m_db),
                                       {fts, Sql::limit(filter.limit), filter.offset});
        if (!ids)
            return Error{u"cannot search deltas: %1"_s.arg(ids.error())};
        return ids;
    }
    const std::optional<qint64> rankedBy
        = filter.priorityOf ? filter.priorityOf : filter.organisationId;
    if (filter.sort == DeltaSort::Priority && rankedBy)
        return idsByRanking(filter, *rankedBy);
    const Ordering ordering = orderingOf(filter);
    QVariantList values;
    if (ordering.needsOrganisation)
        values.append(
            Sql::optionalValue(filter.priorityOf ? filter.priorityOf : filter.organisationId));
    const QString where = whereClause(m_db, filter, &values);
    values.append(Sql::limit(filter.limit));
    values.append(filter.offset);
    const auto ids
        = m_db.integers(u"SELECT d.id FROM deltas d"_s + ordering.joins + where + u" ORDER BY "_s
                            + ordering.orderBy + u" LIMIT ? OFFSET ?"_s,
                        values);
    if (!ids)
        return Error{u"cannot list deltas: %1"_s.arg(ids.error())};
    return ids;
}

Result<QList<qint64>> DeltaStore::idsByRanking(const DeltaFilter &filter, qint64 organisationId)
{
    // The organisation's ranking is an index (priorities_by_rank: level, then its own order), so
    // the ranked deltas come in order without a sort, and the rest follow by id; the whole
    // ordering is never sorted in one piece. Ascending is the ranking's order, critical first.
    QVariantList rankedValues;
    const QString where = whereClause(m_db, filter, &rankedValues);
    const QString join = where.isEmpty() ? u" WHERE "_s : u" AND "_s;
    if (where.isEmpty()) {
        // Unfiltered, the ranking is read from its index alone (2 ms for 34,000 priorities at
        // 100,000 deltas; joining each to its delta row reads the table: 570 ms from a cold
        // cache), and the unranked are every id but those.
        rankedValues.append(organisationId);
        const auto ranked = m_db.integers(u"SELECT delta_id FROM priorities WHERE "
                                          u"organisation_id = ? ORDER BY level DESC, rank, "
                                          u"delta_id"_s,
                                          rankedValues);
        const auto all = m_db.integers(u"SELECT id FROM deltas ORDER BY id"_s);
        if (!ranked || !all)
            return Error{u"cannot list deltas: %1"_s.arg(ranked ? all.error() : ranked.error())};
        const QSet<qint64> isRanked(ranked->cbegin(), ranked->cend());
        QList<qint64> ids = *ranked;
        if (filter.descending)
            std::reverse(ids.begin(), ids.end());
        const qsizetype rankedCount = ids.size();
        for (const qint64 id : *all) {
            if (!isRanked.contains(id))
                ids.append(id);
        }
        if (filter.descending)
            std::reverse(ids.begin() + rankedCount, ids.end());
        const qsizetype offset = std::clamp<qsizetype>(filter.offset, 0, ids.size());
        return filter.limit < 0 ? ids.mid(offset) : ids.mid(offset, filter.limit);
    }
    rankedValues.append(organisationId);
    const auto ranked
        = m_db.integers(u"SELECT d.id FROM priorities sp "_s + Dialect::orderedJoin(m_db)
                            + u" deltas d ON d.id = sp.delta_id"_s + where + join
                            + u"sp.organisation_id = ? ORDER BY sp.level DESC, "
                              u"sp.rank, sp.delta_id"_s,
                        rankedValues);
    QVariantList restValues;
    whereClause(m_db, filter, &restValues);
    restValues.append(organisationId);
    const auto rest = m_db.integers(u"SELECT d.id FROM deltas d"_s + where + join
                                        + u"NOT EXISTS (SELECT 1 FROM priorities p WHERE "
                                          u"p.organisation_id = ? AND p.delta_id = d.id) "
                                          u"ORDER BY d.id"_s,
                                    restValues);
    if (!ranked || !rest)
        return Error{u"cannot list deltas: %1"_s.arg(ranked ? rest.error() : ranked.error())};
    QList<qint64> ids = *ranked;
    if (filter.descending)
        std::reverse(ids.begin(), ids.end());
    QList<qint64> unranked = *rest;
    if (filter.descending)
        std::reverse(unranked.begin(), unranked.end());
    ids.append(unranked); // no priority: last either way
    const qsizetype offset = std::clamp<qsizetype>(filter.offset, 0, ids.size());
    return filter.limit < 0 ? ids.mid(offset) : ids.mid(offset, filter.limit);
}

Result<QList<DeltaRow>> DeltaStore::rows(const QList<qint64> &ids, std::optional<qint64> priorityOf)
{
    if (ids.size() > kRowsBatch)
        return Error{u"at most %1 rows at a time"_s.arg(kRowsBatch)};
    // Always kRowsBatch placeholders (unused ones bound to 0, which no delta has), so the
    // statement is prepared once per connection.
    static const QString sql = [] {
        return u"SELECT d.id, d.kind, d.title, c.name, d.state, p.level, d.top_impact, "
               u"(SELECT count(DISTINCT t.organisation_id) FROM task_deltas td "
               u" JOIN tasks t ON t.id = td.task_id WHERE td.delta_id = d.id), d.created_at "
               u"FROM deltas d LEFT JOIN components c ON c.id = d.component_id "
               u"LEFT JOIN priorities p ON p.delta_id = d.id AND p.organisation_id = ? "
               u"WHERE d.id IN ("_s
               + Sql::placeholders(kRowsBatch) + u") ORDER BY d.id"_s;
    }();
    const QVariantList values
        = QVariantList{Sql::optionalValue(priorityOf)} + Sql::paddedIds(ids, kRowsBatch);
    const auto query = m_db.run(sql, values);
    if (!query)
        return Error{u"cannot read deltas: %1"_s.arg(query.error())};
    return readRows(**query);
}

} // namespace Deltaboard
