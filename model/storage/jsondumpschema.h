#pragma once

#include "database.h"

#include <QJsonValue>
#include <QList>
#include <QString>

// What the export (jsondump.cpp) and the restore (jsondumprestore.cpp) share: a table's columns
// as the schema declares them, and the words messages use for types. Internal to storage.
namespace Deltaboard::JsonDumpSchema {

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

// The columns of a table as the schema declares them, derived ones left out. 'table' is always
// one of JsonDump::tables().
Result<QList<ColumnInfo>> columnsOf(Database &db, const QString &table);
// An identifier quoted for SQL.
QString quoted(const QString &identifier);
// "an integer", "text"… for messages.
QString typeName(ColumnType type);
// What a JSON value is, for messages: "a number", "a list"…
QString foundName(const QJsonValue &value);

} // namespace Deltaboard::JsonDumpSchema
