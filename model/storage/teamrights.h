#pragma once

#include "database.h"

namespace Deltaboard::TeamRights {

// The refusals of a team database in words (Database::Rights has the rule; PostgreSQL's
// row-level security enforces it). Each returns success when the connected login may do it,
// and on SQLite always. Stores ask before they write, so a refused change writes nothing and
// says why instead of failing with an SQL error, or (an UPDATE that row-level security filters)
// changing nothing silently.

// The organisation's name for a refusal ("organisation 12" when it cannot be read).
QString organisationName(Database &db, qint64 organisationId);

// An organisation's priorities, ranking, tasks, cards, fix records: "only members of Kestrel
// Systems can change its priorities". 'what' names the records: "its priorities".
Status toChange(Database &db, qint64 organisationId, const QString &what);
// A task's organisation's: its fields, links, labels, fix records, comments. Success when there
// is no such task (the caller says so).
Status toChangeTask(Database &db, qint64 taskId, const QString &what);
// A board's columns and settings: its members and admins.
Status toArrange(Database &db, qint64 organisationId);
// Shared records: deltas, impacts, comments, crash reports, labels, components, user groups.
// 'what' is the action: "record or change deltas".
Status toShare(Database &db, const QString &what);
// The workspace: organisations, memberships. 'what': "add organisations".
Status toAdminister(Database &db, const QString &what);

} // namespace Deltaboard::TeamRights
