#include "jsondump.h"

#include "inputfile.h"
#include "inputtext.h"
#include "jsonshape.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// An export is restored from memory: larger files are refused by their size.
constexpr qint64 kMaxExportSize = qint64(2) * 1024 * 1024 * 1024;

// Progress is reported this often (in records), and after each table.
constexpr qint64 kProgressEvery = 1024;

enum class ColumnType { Integer, Real, Text };

struct ColumnInfo
{
    QString name;
    ColumnType type = ColumnType::Text;
    bool required = false;   // NOT NULL without a default
    int primaryKeyIndex = 0; // 1-based position in the primary key, 0 if not part of it
};

// The columns of a table as the schema declares them. 'table' is always one of tables().
Result<QList<ColumnInfo>> columnsOf(Database &db, const QString &table)
{
    const auto query = db.run(u"SELECT name, type, \"notnull\", dflt_value, pk "
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

// Line and column (1-based) of a byte offset, for parse errors.
QString positionOf(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    const QByteArrayView before(data.constData(), offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lastNewline = before.lastIndexOf('\n');
    return u"%1:%2"_s.arg(line).arg(offset - lastNewline);
}

} // namespace

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
           u"tasks.linked_deltas"_s, u"tasks.top_impact"_s};
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

Status JsonDump::importFrom(const QString &path, const Progress &progress)
{
    const auto read = InputFile::read(path, kMaxExportSize, u"a Deltaboard export"_s);
    if (!read)
        return Error{read.error()};
    const QByteArray &data = *read;
    if (const Status shape = JsonShape::check(path, data, u"a Deltaboard export"_s); !shape)
        return shape;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{u"%1:%2: malformed JSON: %3"_s.arg(path, positionOf(data, parseError.offset),
                                                        parseError.errorString())};
    }
    if (!document.isObject())
        return Error{u"%1: expected a JSON object at the top level"_s.arg(path)};
    const QJsonObject root = document.object();
    if (root.value(u"format"_s).toString() != kFormat) {
        return Error{u"%1: format: expected \"%2\" (a Deltaboard export), found %3"_s.arg(
            path, kFormat, foundName(root.value(u"format"_s)))};
    }
    const QJsonValue versionValue = root.value(u"schema_version"_s);
    if (!versionValue.isDouble())
        return Error{u"%1: schema_version: expected an integer"_s.arg(path)};
    const int version = versionValue.toInt();
    if (version < 1 || version > m_db.schemaVersion()) {
        return Error{
            u"%1: schema_version: %2 is not one this Deltaboard can read (1 to %3)"_s.arg(path)
                .arg(version)
                .arg(m_db.schemaVersion())};
    }
    const QJsonValue tablesValue = root.value(u"tables"_s);
    if (!tablesValue.isObject())
        return Error{u"%1: tables: expected an object of tables"_s.arg(path)};
    const QJsonObject tablesObject = tablesValue.toObject();
    for (auto it = tablesObject.begin(); it != tablesObject.end(); ++it) {
        if (!tables().contains(it.key()))
            return Error{u"%1: tables: %2 is not a table of Deltaboard"_s.arg(
                path, InputText::quoted(it.key()))};
        if (!it.value().isArray())
            return Error{u"%1: tables.%2: expected a list of records"_s.arg(path, it.key())};
    }

    // Restoring merges nothing: the target must be empty.
    for (const QString &table : tables()) {
        const auto counted = m_db.scalar(u"SELECT count(*) FROM %1"_s.arg(quoted(table)));
        if (!counted)
            return Error{counted.error()};
        if (counted->toLongLong() > 0) {
            return Error{u"%1 is not empty (%2 holds rows); a Deltaboard export is restored into "
                         u"an empty database"_s.arg(m_db.path(), table)};
        }
    }

    qint64 total = 0;
    for (const QString &table : tables())
        total += tablesObject.value(table).toArray().size();

    Transaction transaction(m_db);
    if (!transaction.status())
        return transaction.status();
    // Rows may refer forwards (a duplicate of a later delta): check references at the end.
    if (const Status deferred = m_db.execOnce(u"PRAGMA defer_foreign_keys = ON"_s); !deferred)
        return deferred;

    qint64 done = 0;
    for (const QString &table : tables()) {
        const QJsonArray records = tablesObject.value(table).toArray();
        if (records.isEmpty())
            continue;
        const auto columns = columnsOf(m_db, table);
        if (!columns)
            return Error{columns.error()};
        for (qsizetype index = 0; index < records.size(); ++index) {
            const QString where = u"%1: %2[%3]"_s.arg(path, table).arg(index);
            if (!records.at(index).isObject())
                return Error{u"%1: expected a record (an object)"_s.arg(where)};
            const QJsonObject record = records.at(index).toObject();
            for (auto it = record.begin(); it != record.end(); ++it) {
                const bool known
                    = std::any_of(columns->begin(), columns->end(),
                                  [&](const ColumnInfo &c) { return c.name == it.key(); });
                if (!known)
                    return Error{u"%1.%2: not a field of %3"_s.arg(where, it.key(), table)};
            }
            // Only the fields the record has are inserted, so a missing field gets the column's
            // default, exactly as the schema would give it.
            QStringList names;
            QStringList placeholders;
            QVariantList values;
            for (const ColumnInfo &column : *columns) {
                const QJsonValue value = record.value(column.name);
                if (value.isUndefined() || value.isNull()) {
                    if (column.required) {
                        return Error{u"%1.%2: missing; expected %3"_s.arg(where, column.name,
                                                                          typeName(column.type))};
                    }
                    if (value.isUndefined())
                        continue;
                    names.append(quoted(column.name));
                    placeholders.append(u"?"_s);
                    values.append(QVariant());
                    continue;
                }
                names.append(quoted(column.name));
                placeholders.append(u"?"_s);
                switch (column.type) {
                case ColumnType::Integer: {
                    const double number = value.toDouble();
                    if (!value.isDouble() || std::trunc(number) != number) {
                        return Error{u"%1.%2: expected an integer, found %3"_s.arg(
                            where, column.name, foundName(value))};
                    }
                    values.append(value.toInteger());
                    break;
                }
                case ColumnType::Real:
                    if (!value.isDouble()) {
                        return Error{u"%1.%2: expected a number, found %3"_s.arg(where, column.name,
                                                                                 foundName(value))};
                    }
                    values.append(value.toDouble());
                    break;
                case ColumnType::Text:
                    if (!value.isString()) {
                        return Error{u"%1.%2: expected text, found %3"_s.arg(where, column.name,
                                                                             foundName(value))};
                    }
                    values.append(value.toString());
                    break;
                }
            }
            // Identifiers come from the schema (and were checked against it above); every value
            // is bound.
            const QString sql = u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(
                quoted(table), names.join(u", "_s), placeholders.join(u", "_s));
            if (const auto inserted = m_db.run(sql, values); !inserted)
                return Error{u"%1: %2"_s.arg(where, inserted.error())};
            if (++done % kProgressEvery == 0 && progress && !progress(done, total))
                return Error{u"import cancelled; nothing was written"_s};
        }
    }

    const auto violations = m_db.run(u"SELECT \"table\", rowid, parent FROM "
                                     u"pragma_foreign_key_check LIMIT 1"_s);
    if (!violations)
        return Error{violations.error()};
    if ((*violations)->next()) {
        const QString table = (*violations)->value(0).toString();
        const QVariant rowid = (*violations)->value(1);
        const QString parent = (*violations)->value(2).toString();
        (*violations)->finish();
        return Error{
            rowid.isNull()
                ? u"%1: a record of %2 refers to a missing %3 record"_s.arg(path, table, parent)
                : u"%1: the %2 record with id %3 refers to a missing %4 record"_s.arg(
                    path, table, rowid.toString(), parent)};
    }
    if (const Status committed = transaction.commit(); !committed)
        return committed;
    if (progress)
        progress(total, total);
    return {};
}

} // namespace Deltaboard
