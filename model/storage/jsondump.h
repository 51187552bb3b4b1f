#pragma once

#include "database.h"

#include <functional>

namespace Deltaboard {

// The lossless JSON dump of a whole database, and its restore into an empty one.
//
// The file is one JSON object: {"format": "deltaboard-export", "schema_version": N,
// "tables": {"organisations": [{...}, ...], ...}}, one record per line, tables in dependency
// order, rows by primary key, keys sorted: the same database always gives the same bytes, so
// export → import → export is byte-identical. Columns come from the schema itself, so a later
// migration's columns are dumped without changing this code.
class JsonDump
{
public:
    // Called now and then with records done and in all; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit JsonDump(Database &db)
        : m_db(db)
    {}

    // Writes the dump atomically: the file appears whole or not at all.
    Status exportTo(const QString &path, const Progress &progress = {});
    // Restores a dump into this (empty) database in one transaction. Errors name the file, the
    // record (table[index]) and the field, and leave the database unchanged. The file is read
    // in chunks, twice (where the tables are, then their records one at a time), so memory
    // holds a chunk and one record whatever the file's size.
    Status importFrom(const QString &path, const Progress &progress = {});
    // How many bytes a restore reads at a time (tests make it small, so that records straddle
    // every chunk boundary).
    void setReadChunk(qsizetype bytes) { m_readChunk = bytes; }

    // The tables in the order a restore inserts them.
    static const QStringList &tables();
    // Columns the schema derives with triggers (see migrations): not exported; a restore
    // rebuilds them from the rows they summarise.
    static bool isDerived(const QString &table, const QString &column);
    static constexpr QLatin1StringView kFormat{"deltaboard-export"};

private:
    Database &m_db;
    qsizetype m_readChunk = 1024 * 1024;
};

} // namespace Deltaboard
