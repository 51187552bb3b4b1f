#pragma once

#include "database.h"

#include <QString>

// The SQL text that differs between SQLite and PostgreSQL, one function per concern, so that the
// stores' statements are otherwise the same on both (DESIGN.md contract 6). Connections,
// sessions, transactions and errors differ in Database; migrations in Migrator.
namespace Deltaboard::Dialect {

// Search. What a user types becomes the engine's query: every word must match as the start of
// a word ("flick curs" finds "Flickering cursor"); operators in the text are taken literally.
// SQLite: an FTS5 query on deltas_fts/tasks_fts; PostgreSQL: a tsquery on the tables' generated
// 'search' columns, to_tsquery('simple', …) with prefix matches.
QString searchText(const Database &db, const QString &typed);
// A condition "this delta (alias 'alias') matches the bound search text".
QString deltaMatches(const Database &db, const QString &alias = QStringLiteral("d"));
// SELECT of the matching delta ids in id order, with LIMIT ? OFFSET ? after the search text.
QString matchingDeltaIds(const Database &db);

// group_concat(expression, separator) / string_agg(expression, separator). 'separator' is SQL
// (a literal or a character expression).
// 'orderBy': the order of the parts on PostgreSQL (SQLite joins them in the order its FROM
// gives, which callers sort in a subquery).
QString groupConcat(const Database &db, const QString &expression, const QString &separator,
                    bool distinct = false, const QString &orderBy = {});
// A join SQLite must not reorder ("CROSS JOIN … ON", its planner hint); a plain JOIN on
// PostgreSQL, whose planner takes no such hint and whose CROSS JOIN takes no ON.
QString orderedJoin(const Database &db);

// The larger of two values: SQLite's two-argument max(), PostgreSQL's greatest() (which, unlike
// max(), skips a NULL: callers pass values that are not NULL).
QString greatest(const Database &db, const QString &a, const QString &b);

// The character with this code, as an SQL expression (char(31) / chr(31)).
QString character(const Database &db, int code);

} // namespace Deltaboard::Dialect
