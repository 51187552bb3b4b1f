#include "livesync.h"
#include "views/palette.h"

#include "taskstore.h"
#include "workspace.h"

#include <QLabel>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Deltaboard {

LiveSync::LiveSync(Database &db, Workspace *workspace, QLabel *indicator, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_workspace(workspace)
    , m_indicator(indicator)
    , m_feed(new ChangeFeed(db, this))
{
    connect(m_feed, &ChangeFeed::changed, this, &LiveSync::apply);
    connect(m_feed, &ChangeFeed::resynced, this, &LiveSync::everythingChanged);
    connect(m_feed, &ChangeFeed::stateChanged, this, &LiveSync::showState);
    m_indicator->setObjectName(u"connectionIndicator"_s);
    m_indicator->setVisible(db.isPostgres());
    showState(m_feed->state(), {});
}

void LiveSync::showState(ChangeFeed::State state, const QString &detail)
{
    switch (state) {
    case ChangeFeed::State::Connected:
        m_indicator->setText(m_db.rights().login.isEmpty()
                                 ? tr("● Live")
                                 : tr("● Live as %1").arg(m_db.rights().login));
        m_indicator->setToolTip(tr("Connected to %1: colleagues' changes appear as they make them.")
                                    .arg(m_db.describeLocation()));
        m_indicator->setStyleSheet(
            u"color: %1;"_s.arg(Palette::goodText(m_indicator->palette()).name()));
        break;
    case ChangeFeed::State::Reconnecting:
        m_indicator->setText(tr("◌ Reconnecting…"));
        m_indicator->setToolTip(
            tr("%1. Trying again; changes cannot be saved meanwhile.").arg(detail));
        m_indicator->setStyleSheet(
            u"color: %1;"_s.arg(Palette::cautionText(m_indicator->palette()).name()));
        break;
    case ChangeFeed::State::Offline:
        m_indicator->setText(tr("○ Offline — read-only"));
        m_indicator->setToolTip(tr("%1. Still trying; what you see may be out of date, and "
                                   "changes cannot be saved until the connection is back.")
                                    .arg(detail));
        m_indicator->setStyleSheet(u"color: %1; font-weight: bold;"_s.arg(
            Palette::errorText(m_indicator->palette()).name()));
        break;
    }
}

void LiveSync::apply(const QList<Change> &changes)
{
    m_applied += changes.size();
    bool everything = false;
    bool settings = false;
    bool deltasAdded = false;
    QSet<qint64> deltas;
    QSet<qint64> organisations;
    for (const Change &change : changes) {
        if (change.entity == u"all"_s || change.rows > 0) {
            everything = true;
        } else if (change.entity == u"workspace"_s) {
            settings = true;
        } else if (change.entity == u"task"_s || change.entity == u"board"_s
                   || change.entity == u"link"_s) {
            qint64 organisation = change.organisationId;
            if (organisation == 0 && change.entity != u"board"_s) {
                // Announced by a table without the organisation (labels, fixes, links).
                if (const auto task = TaskStore(m_db).get(change.id))
                    organisation = task->organisationId;
            }
            if (organisation == 0)
                settings = true; // a board whose organisation is gone: read them all again
            else
                organisations.insert(organisation);
        } else if (change.entity == u"delta"_s
                   && (change.operation == u"insert"_s || change.operation == u"delete"_s)) {
            deltasAdded = true;
        } else if (change.id != 0) {
            deltas.insert(change.id); // a delta, its priority, impact, comment or crash
        }
    }
    if (everything) {
        Q_EMIT everythingChanged();
    } else {
        if (settings) {
            m_workspace->notifySettingsChanged();
            m_workspace->notifyLabelsChanged();
        }
        if (deltasAdded)
            m_workspace->notifyDeltasAdded();
        for (const qint64 id : std::as_const(deltas))
            m_workspace->notifyDeltaChanged(id);
        for (const qint64 organisation : std::as_const(organisations))
            m_workspace->notifyTasksChanged(organisation);
    }
    Q_EMIT changesApplied();
}

} // namespace Deltaboard
