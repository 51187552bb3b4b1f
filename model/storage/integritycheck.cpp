#include "integritycheck.h"

#include "migrator.h"
#include "relationstore.h"

#include <QSqlRecord>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// Every row of a query's first column, as text; an error becomes the only "row".
QStringList rows(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    QStringList result;
    if (!query.exec(sql))
        return {Database::describe(query)};
    while (query.next()) {
        QStringList columns;
        for (int i = 0; i < query.record().count(); ++i)
            columns.append(query.value(i).toString());
        result.append(columns.join(u' '));
    }
    return result;
}

// Every single-column foreign key of the schema, checked by an anti-join. The names come from
// the catalogue, quoted by the server (quote_ident), not from input.
QString postgresForeignKeyProblems(Database &db)
{
    const auto keys = db.run(
        u"SELECT quote_ident(c.relname), quote_ident(a.attname), quote_ident(p.relname), "
        u"quote_ident(pa.attname) FROM pg_catalog.pg_constraint k "
        u"JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
        u"JOIN pg_catalog.pg_class p ON p.oid = k.confrelid "
        u"JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
        u"JOIN pg_catalog.pg_attribute pa ON pa.attrelid = k.confrelid "
        u"AND pa.attnum = k.confkey[1] "
        u"WHERE k.contype = 'f' AND c.relnamespace = to_regnamespace(current_schema()) "
        u"ORDER BY c.relname, a.attname"_s);
    if (!keys)
        return keys.error();
    struct Key
    {
        QString table, column, parent, parentColumn;
    };
    QList<Key> all;
    while ((*keys)->next()) {
        all.append({(*keys)->value(0).toString(), (*keys)->value(1).toString(),
                    (*keys)->value(2).toString(), (*keys)->value(3).toString()});
    }
    (*keys)->finish();
    qint64 broken = 0;
    QString first;
    for (const Key &key : std::as_const(all)) {
        const auto counted = db.scalar(
            u"SELECT count(*) FROM %1 c WHERE c.%2 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %3 "
            u"p WHERE p.%4 = c.%2)"_s.arg(key.table, key.column, key.parent, key.parentColumn));
        if (!counted)
            return counted.error();
        if (counted->toLongLong() > 0 && first.isEmpty())
            first = u"%1.%2 → %3"_s.arg(key.table, key.column, key.parent);
        broken += counted->toLongLong();
    }
    return broken == 0 ? QString() : u"%1 broken references, first: %2"_s.arg(broken).arg(first);
}

} // namespace

QList<IntegrityCheck::Finding> IntegrityCheck::run()
{
    QList<Finding> findings;
    const int version = m_db.schemaVersion();
    const int latest = Migrator::builtin(m_db.dialect()).latestVersion();
    findings.append(
        {u"schema"_s, version == latest
                          ? QString()
                          : u"version %1, this Deltaboard expects %2"_s.arg(version).arg(latest)});

    QStringList problems;
    if (m_db.isPostgres()) {
        // The server keeps its files and generated search columns consistent by itself. The
        // references are checked as SQLite's foreign_key_check does, since a superuser can
        // write past them (replica mode, disabled triggers).
        findings.append({u"integrity"_s, QString()});
        findings.append({u"foreign keys"_s, postgresForeignKeyProblems(m_db)});
    } else {
        problems = rows(m_db, u"PRAGMA integrity_check"_s);
        problems.removeAll(u"ok"_s);
        findings.append({u"integrity"_s, problems.join(u"; "_s).left(500)});

        problems = rows(m_db, u"PRAGMA foreign_key_check"_s);
        findings.append(
            {u"foreign keys"_s,
             problems.isEmpty()
                 ? QString()
                 : u"%1 broken references (table rowid parent fk), first: %2"_s.arg(problems.size())
                       .arg(problems.first())});
    }
    if (version < 1)
        return findings;

    problems.clear();
    if (!m_db.isPostgres()) {
        // FTS5's own consistency check of each index against its content table.
        for (const QString &table : {u"deltas_fts"_s, u"tasks_fts"_s}) {
            // Table names from the fixed list above.
            const QString sql = u"INSERT INTO %1 (%1) VALUES ('integrity-check')"_s.arg(table);
            if (const Status checked = m_db.execOnce(sql); !checked)
                problems.append(u"%1: %2"_s.arg(table, checked.error()));
        }
    }
    findings.append({u"full-text index"_s, problems.join(u"; "_s)});

    problems.clear();
    // impact_weight exists from schema version 2 on.
    const QString weight
        = m_db.schemaVersion() >= 2
              ? u" OR d.impact_weight IS DISTINCT FROM (SELECT sum(i.level * coalesce(g.size, 1)) "
                u"FROM "
                u"impacts i JOIN user_groups g ON g.id = i.group_id WHERE i.delta_id = d.id)"_s
              : QString();
    const auto deltas = m_db.scalar(u"SELECT count(*) FROM deltas d WHERE d.top_impact IS DISTINCT "
                                    u"FROM (SELECT max(level) FROM "
                                    u"impacts WHERE delta_id = d.id) OR d.affected_users IS "
                                    u"DISTINCT FROM (SELECT sum(affected_users) "
                                    u"FROM impacts WHERE delta_id = d.id)"_s
                                    + weight);
    const auto tasks = m_db.scalar(
        u"SELECT count(*) FROM tasks t WHERE t.linked_deltas <> (SELECT count(*) FROM "
        u"task_deltas WHERE task_id = t.id) OR t.top_impact IS DISTINCT FROM (SELECT "
        u"max(d.top_impact) "
        u"FROM task_deltas td JOIN deltas d ON d.id = td.delta_id WHERE td.task_id = t.id)"_s);
    if (!deltas || !tasks)
        problems.append(deltas ? tasks.error() : deltas.error());
    else if (deltas->toLongLong() + tasks->toLongLong() > 0)
        problems.append(u"%1 deltas and %2 tasks disagree with their impacts and links"_s
                            .arg(deltas->toLongLong())
                            .arg(tasks->toLongLong()));
    findings.append({u"derived summaries"_s, problems.join(u"; "_s)});

    // From schema version 2 every priority has a place in its organisation's ranking.
    problems.clear();
    if (m_db.schemaVersion() >= 2) {
        const auto unranked = m_db.scalar(u"SELECT count(*) FROM priorities WHERE rank IS NULL"_s);
        if (!unranked)
            problems.append(unranked.error());
        else if (unranked->toLongLong() > 0)
            problems.append(u"%1 priorities have no rank"_s.arg(unranked->toLongLong()));
    }
    findings.append({u"priority ranking"_s, problems.join(u"; "_s)});

    // From schema version 4 deltas relate to each other: nothing may wait for itself, cause
    // itself or be a duplicate of itself through a chain.
    problems.clear();
    if (m_db.schemaVersion() >= 4) {
        const auto loops = RelationStore(m_db).loops();
        if (!loops)
            problems.append(loops.error());
        else
            problems.append(*loops);
    }
    findings.append({u"relations"_s, problems.join(u"; "_s).left(500)});
    return findings;
}

bool IntegrityCheck::healthy(const QList<Finding> &findings)
{
    return std::all_of(findings.begin(), findings.end(),
                       [](const Finding &finding) { return finding.problem.isEmpty(); });
}

} // namespace Deltaboard
