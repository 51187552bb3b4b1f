#pragma once

#include "records.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// RFC 4180 CSV, and its rows by column name, for the CSV formats.
namespace Deltaboard::Import {

struct CsvRow
{
    int line = 0; // where the record starts in the file
    QStringList cells;
};

// Real exports have tens of columns, Jira's a few hundred (a column per comment).
constexpr qsizetype kMaxCsvColumns = 10000;

// RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks
// ("" is a quote inside a quoted field). A byte order mark is skipped.
Result<QList<CsvRow>> parseCsv(const QString &path, const QByteArray &bytes);

// A CSV header's columns by name, looked up once per file: a lookup per cell in the header's
// list made wide files quadratic.
class CsvHeader
{
public:
    explicit CsvHeader(const QStringList &names)
        : m_names(names)
    {
        for (qsizetype i = 0; i < names.size(); ++i)
            m_indexes[names.at(i)].append(i);
    }
    const QStringList &names() const { return m_names; }
    bool contains(const QString &column) const { return m_indexes.contains(column); }
    // Every index of the column, in order: repeated columns (Jira's Comment) have several.
    QList<qsizetype> indexesOf(const QString &column) const { return m_indexes.value(column); }

private:
    QStringList m_names;
    QHash<QString, QList<qsizetype>> m_indexes;
};

// The cells of a CSV row by column name; repeated columns (Jira's Comment) give every value.
class CsvRecord
{
public:
    CsvRecord(const CsvHeader &header, const CsvRow &row)
        : m_header(header)
        , m_row(row)
    {}
    QString value(const QString &column) const
    {
        const QList<qsizetype> indexes = m_header.indexesOf(column);
        return indexes.isEmpty() ? QString() : m_row.cells.value(indexes.first()).trimmed();
    }
    QStringList values(const QString &column) const
    {
        QStringList all;
        for (const qsizetype i : m_header.indexesOf(column)) {
            if (!m_row.cells.value(i).trimmed().isEmpty())
                all.append(m_row.cells.value(i));
        }
        return all;
    }
    QString where(const QString &path) const
    {
        return QStringLiteral("%1: line %2").arg(path).arg(m_row.line);
    }

private:
    const CsvHeader &m_header;
    const CsvRow &m_row;
};

struct CsvComment
{
    QString where;
    QString tracker;
    QString record; // the external id of the delta it belongs to
    Comment comment;
};

} // namespace Deltaboard::Import
