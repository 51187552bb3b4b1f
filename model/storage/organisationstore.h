#pragma once

#include "boardstore.h"
#include "database.h"
#include "records.h"

namespace Deltaboard {

// An organisation taken out of the database with its boards: what undo needs to put it back
// with the same ids.
struct RemovedOrganisation
{
    Organisation organisation;
    QList<Board> boards;
};

// Organisations and their boards. A new organisation gets one board from a template, so it can
// take commitments at once.
class OrganisationStore
{
public:
    explicit OrganisationStore(Database &db)
        : m_db(db)
    {}

    Result<Organisation> create(const QString &name, BoardTemplate board = BoardTemplate::Kanban);
    Status rename(qint64 id, const QString &name);
    // What refers to the organisation (its tasks, its priorities), in words; empty: nothing.
    Result<QString> references(qint64 id);
    // Removes an organisation nothing refers to, with its boards; refuses otherwise, saying what
    // refers to it.
    Result<RemovedOrganisation> remove(qint64 id);
    // Puts a removed organisation back with its ids, boards and columns.
    Status restore(const RemovedOrganisation &removed);
    Result<QList<Organisation>> list();
    Result<Organisation> byId(qint64 id);
    // Names match without regard to case. The error lists the known organisations.
    Result<Organisation> byName(const QString &name);
    // The organisation's first board with its columns in order.
    Result<Board> board(qint64 organisationId);

private:
    Status checkName(const QString &name, qint64 exceptId);
    Database &m_db;
};

} // namespace Deltaboard
