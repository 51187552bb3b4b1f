#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

// Crash reports hang under the crash delta of their signature.
class CrashStore
{
public:
    explicit CrashStore(Database &db)
        : m_db(db)
    {}

    // Adds one report. The crash delta with the report's signature receives it; a new signature
    // creates that delta, titled 'title' (the signature when empty). Returns the report's id.
    Result<qint64> addReport(const CrashReport &report, const QString &title = {});
    Result<QList<CrashReport>> reports(qint64 deltaId);

private:
    Database &m_db;
};

} // namespace Deltaboard
