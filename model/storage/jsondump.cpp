#include "jsondump.h"

#include "jsondumpschema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace JsonDumpSchema {

// The columns of a table as the schema declares them. 'table' is always one of tables().
// Each dialect's catalogue answers in the shape of SQLite's table_info: name, type, NOT NULL, a
// default (on PostgreSQL an identity or a generated column counts as one; float8 reads as REAL),
// and the place in the primary key.
Result<QList<ColumnInfo>> columnsOf(Database &db, const QString &table)
{
    const auto query = db.run(
        db.isPostgres()
            ? u"SELECT a.attname, CASE WHEN a.atttypid = 'float8'::regtype THEN 'REAL' "
              u"ELSE upper(format_type(a.atttypid, a.atttypmod)) END, a.attnotnull, "
              u"CASE WHEN a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '' "
              u"THEN 'default' END, "
              // pg_index.indkey counts from 0; the key's place counts from 1.
              u"coalesce((SELECT k.n FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) "
              u"WHERE k.attnum = a.attnum), 0) "
              u"FROM pg_catalog.pg_attribute a "
              u"LEFT JOIN pg_catalog.pg_index i ON i.indrelid = a.attrelid AND i.indisprimary "
              u"WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped "
              u"ORDER BY a.attnum"_s
            : u"SELECT name, type, \"notnull\", dflt_value, pk "
              u"FROM pragma_table_info(?) ORDER BY cid"_s,
        {table});
    if (!query)
        return Error{query.error()};
    QList<ColumnInfo> columns;
    QSqlQuery &q = **query;
    while (q.next()) {
        ColumnInfo column;
        column.name = q.value(0).toString();
        if (JsonDump::isDerived(table, column.name))
            continue;
        const QString type = q.value(1).toString().toUpper();
        column.type = type.contains(u"INT"_s)    ? ColumnType::Integer
                      : type.contains(u"REAL"_s) ? ColumnType::Real
                                                 : ColumnType::Text;
        column.primaryKeyIndex = q.value(4).toInt();
        // An INTEGER PRIMARY KEY is filled in when missing; everything else NOT NULL without a
        // default must be given.
        const bool rowidAlias = column.primaryKeyIndex == 1 && type == u"INTEGER"_s;
        column.required = q.value(2).toBool() && q.value(3).isNull() && !rowidAlias;
        columns.append(column);
    }
    if (columns.isEmpty())
        return Error{u"the schema has no table '%1'"_s.arg(table)};
    return columns;
}

QString quoted(const QString &identifier)
{
    return u'"' + QString(identifier).replace(u'"', u"\"\""_s) + u'"';
}

QString typeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Integer: return u"an integer"_s;
    case ColumnType::Real: return u"a number"_s;
    case ColumnType::Text: return u"text"_s;
    }
    return {};
}

QString foundName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"true/false"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::String: return u"text"_s;
    case QJsonValue::Array: return u"a list"_s;
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Undefined: return u"nothing"_s;
    }
    return {};
}

} // namespace JsonDumpSchema

using namespace JsonDumpSchema;

const QStringList &JsonDump::tables()
{
    static const QStringList names = {
        u"organisations"_s,   u"boards"_s,           u"board_columns"_s, u"components"_s,
        u"user_groups"_s,     u"group_components"_s, u"labels"_s,        u"deltas"_s,
        u"delta_relations"_s, u"delta_labels"_s,     u"crash_reports"_s, u"tasks"_s,
        u"task_deltas"_s,     u"task_labels"_s,      u"priorities"_s,    u"impacts"_s,
        u"fix_records"_s,     u"comments"_s,         u"history"_s,       u"saved_views"_s,
    };
    return names;
}

bool JsonDump::isDerived(const QString &table, const QString &column)
{
    static const QSet<QString> derived
        = {u"deltas.top_impact"_s, u"deltas.affected_users"_s, u"deltas.impact_weight"_s,
           u"tasks.linked_deltas"_s, u"tasks.top_impact"_s,
           // PostgreSQL's search columns (SQLite keeps its index in tables of its own).
           u"deltas.search"_s, u"tasks.search"_s};
    return derived.contains(table + u'.' + column);
}

Status JsonDump::exportTo(const QString &path, const Progress &progress)
{
    qint64 total = 0;
    for (const QString &table : tables()) {
        // Table names come from the fixed list in tables().
        const auto counted = m_db.scalar(u"SELECT count(*) FROM %1"_s.arg(quoted(table)));
        if (!counted)
            return Error{counted.error()};
        total += counted->toLongLong();
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{u"cannot write %1: %2"_s.arg(path, file.errorString())};
    // One read transaction: the dump is a consistent snapshot even while others write.
    if (const Status begun = m_db.execOnce(u"BEGIN"_s); !begun)
        return begun;
    auto endRead = qScopeGuard([this] { (void)m_db.execOnce(u"COMMIT"_s); });

    file.write("{\n\"format\": \"deltaboard-export\",\n");
    file.write("\"schema_version\": " + QByteArray::number(m_db.schemaVersion()) + ",\n");
    file.write("\"tables\": {\n");
    qint64 done = 0;
    bool firstTable = true;
    for (const QString &table : tables()) {
        const auto columns = columnsOf(m_db, table);
        if (!columns)
            return Error{columns.error()};
        QStringList names;
        QList<std::pair<int, QString>> keys;
        for (const ColumnInfo &column : *columns) {
            names.append(quoted(column.name));
            if (column.primaryKeyIndex > 0)
                keys.append({column.primaryKeyIndex, quoted(column.name)});
        }
        std::sort(keys.begin(), keys.end());
        QStringList order;
        for (const auto &key : keys)
            order.append(key.second);
        // Identifiers come from the schema (pragma_table_info), never from input.
        QSqlQuery query(m_db.connection());
        query.setForwardOnly(true);
        if (!query.exec(u"SELECT %1 FROM %2 ORDER BY %3"_s.arg(names.join(u", "_s), quoted(table),
                                                               order.join(u", "_s)))) {
            return Error{u"cannot read %1: %2"_s.arg(table, Database::describe(query))};
        }
        file.write(firstTable ? "" : ",\n");
        firstTable = false;
        file.write('"' + table.toUtf8() + "\": [");
        bool firstRow = true;
        while (query.next()) {
            QJsonObject record;
            for (int i = 0; i < columns->size(); ++i) {
                const QVariant value = query.value(i);
                const ColumnInfo &column = columns->at(i);
                if (value.isNull())
                    record.insert(column.name, QJsonValue::Null);
                else if (column.type == ColumnType::Integer)
                    record.insert(column.name, value.toLongLong());
                else if (column.type == ColumnType::Real)
                    record.insert(column.name, value.toDouble());
                else
                    record.insert(column.name, value.toString());
            }
            file.write(firstRow ? "\n" : ",\n");
            firstRow = false;
            file.write(QJsonDocument(record).toJson(QJsonDocument::Compact));
            if (++done % kProgressEvery == 0 && progress && !progress(done, total)) {
                file.cancelWriting();
                return Error{u"export cancelled; %1 was not written"_s.arg(path)};
            }
        }
        file.write(firstRow ? "]" : "\n]");
        if (progress && !progress(done, total)) {
            file.cancelWriting();
            return Error{u"export cancelled; %1 was not written"_s.arg(path)};
        }
    }
    file.write("\n}\n}\n");
    if (progress)
        progress(total, total);
    if (!file.commit())
        return Error{u"cannot write %1: %2"_s.arg(path, file.errorString())};
    return {};
}

} // namespace Deltaboard
