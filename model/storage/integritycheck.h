#pragma once

#include "database.h"

namespace Deltaboard {

// What 'deltaboard-cli check' verifies: the schema version, SQLite's integrity and foreign-key
// checks, the full-text indexes against their tables, and the derived summary columns against
// the rows they summarise. Reads only.
class IntegrityCheck
{
public:
    struct Finding
    {
        QString what;
        QString problem; // empty: fine
    };

    explicit IntegrityCheck(Database &db)
        : m_db(db)
    {}

    QList<Finding> run();
    static bool healthy(const QList<Finding> &findings);

private:
    Database &m_db;
};

} // namespace Deltaboard
