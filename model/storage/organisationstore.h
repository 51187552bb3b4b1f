#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

// Organisations and their boards. A new organisation gets one board with the usual columns, so it
// can take commitments at once.
class OrganisationStore
{
public:
    explicit OrganisationStore(Database &db)
        : m_db(db)
    {}

    Result<Organisation> create(const QString &name);
    Result<QList<Organisation>> list();
    Result<Organisation> byId(qint64 id);
    // Names match without regard to case. The error lists the known organisations.
    Result<Organisation> byName(const QString &name);
    // The organisation's first board with its columns in order.
    Result<Board> board(qint64 organisationId);

private:
    Database &m_db;
};

} // namespace Deltaboard
