#include "teamrights.h"

using namespace Qt::StringLiterals;

namespace Deltaboard::TeamRights {

QString organisationName(Database &db, qint64 organisationId)
{
    const auto name = db.scalar(u"SELECT name FROM organisations WHERE id = ?"_s, {organisationId});
    return name && name->isValid() ? name->toString() : u"organisation %1"_s.arg(organisationId);
}

Status toChange(Database &db, qint64 organisationId, const QString &what)
{
    if (db.rights().isMemberOf(organisationId))
        return {};
    return Error{
        u"only members of %1 can change %2"_s.arg(organisationName(db, organisationId), what)};
}

Status toChangeTask(Database &db, qint64 taskId, const QString &what)
{
    if (db.rights().everything)
        return {};
    const auto organisation
        = db.scalar(u"SELECT organisation_id FROM tasks WHERE id = ?"_s, {taskId});
    if (!organisation)
        return Error{organisation.error()};
    if (!organisation->isValid())
        return {};
    return toChange(db, organisation->toLongLong(), what);
}

Status toArrange(Database &db, qint64 organisationId)
{
    if (db.rights().mayArrange(organisationId))
        return {};
    return Error{u"only members of %1 and admins can change its board"_s.arg(
        organisationName(db, organisationId))};
}

Status toShare(Database &db, const QString &what)
{
    if (db.rights().mayShare())
        return {};
    return Error{
        u"only reporters and members can %1; %2 has no role in this workspace yet (an "
        u"admin gives one with 'deltaboard-cli team grant')"_s.arg(what, db.rights().login)};
}

Status toAdminister(Database &db, const QString &what)
{
    if (db.rights().mayAdminister())
        return {};
    return Error{u"only admins can %1"_s.arg(what)};
}

} // namespace Deltaboard::TeamRights
