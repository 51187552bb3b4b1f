#include "dialect.h"

#include "sqlvalues.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deltaboard::Dialect {

QString searchText(const Database &db, const QString &typed)
{
    if (!db.isPostgres())
        return Sql::ftsQuery(typed);
    // Each word a quoted lexeme with a prefix match: 'flick':* & 'curs':*. Inside the quotes
    // only ' and \ are special. ASCII punctuation separates words, as in the indexed text (see
    // the search columns in migrations/postgresql).
    static const QRegularExpression separators(u"[\\s!-/:-@\\[-`{-~]+"_s);
    QStringList terms;
    for (QString word : typed.split(separators, Qt::SkipEmptyParts)) {
        word.replace(u'\\', u"\\\\"_s);
        word.replace(u'\'', u"''"_s);
        terms.append(u'\'' + word + u"':*"_s);
    }
    return terms.join(u" & "_s);
}

QString deltaMatches(const Database &db, const QString &alias)
{
    if (db.isPostgres())
        return alias + u".search @@ to_tsquery('simple', ?)"_s;
    return alias + u".id IN (SELECT rowid FROM deltas_fts WHERE deltas_fts MATCH ?)"_s;
}

QString matchingDeltaIds(const Database &db)
{
    if (db.isPostgres()) {
        return u"SELECT id FROM deltas WHERE search @@ to_tsquery('simple', ?) "
               u"ORDER BY id LIMIT ? OFFSET ?"_s;
    }
    // The search index's rowids are the delta ids (its triggers keep it so, and 'check'
    // verifies it): no need to visit the deltas themselves.
    return u"SELECT rowid FROM deltas_fts WHERE deltas_fts MATCH ? ORDER BY rowid LIMIT ? "
           u"OFFSET ?"_s;
}

QString groupConcat(const Database &db, const QString &expression, const QString &separator,
                    bool distinct, const QString &orderBy)
{
    const QString prefix = distinct ? u"DISTINCT "_s : QString();
    if (db.isPostgres()) {
        return u"string_agg("_s + prefix + u"CAST("_s + expression + u" AS text), "_s + separator
               + (orderBy.isEmpty() ? QString() : u" ORDER BY "_s + orderBy) + u')';
    }
    // SQLite's group_concat(DISTINCT x) takes no separator: it joins with ','.
    if (distinct && separator == u"','"_s)
        return u"group_concat(DISTINCT "_s + expression + u')';
    return u"group_concat("_s + prefix + expression + u", "_s + separator + u')';
}

QString orderedJoin(const Database &db)
{
    return db.isPostgres() ? u"JOIN"_s : u"CROSS JOIN"_s;
}

QString greatest(const Database &db, const QString &a, const QString &b)
{
    return (db.isPostgres() ? u"greatest(%1, %2)"_s : u"max(%1, %2)"_s).arg(a, b);
}

QString character(const Database &db, int code)
{
    return (db.isPostgres() ? u"chr(%1)"_s : u"char(%1)"_s).arg(code);
}

} // namespace Deltaboard::Dialect
