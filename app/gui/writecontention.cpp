#include "writecontention.h"

#include "database.h"

#include <QAbstractButton>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace Deltaboard {

WriteContention::WriteContention(Database &db, QMainWindow *window)
    : QObject(window)
    , m_db(db)
    , m_window(window)
{
    m_db.setContentionHandlers(
        [this] {
            m_window->statusBar()->showMessage(
                tr("Waiting for another program writing to this database to finish…"));
            m_window->statusBar()->repaint();
        },
        [this](const QString &reason) { return askToTryAgain(reason); });
}

WriteContention::~WriteContention()
{
    m_db.setContentionHandlers({}, {});
}

bool WriteContention::askToTryAgain(const QString &reason)
{
    m_window->statusBar()->clearMessage();
    if (!m_window->isVisible())
        return false;
    QMessageBox box(QMessageBox::Warning, tr("Deltaboard"),
                    tr("Your change is not saved yet: another program is writing to this "
                       "database."),
                    QMessageBox::Retry | QMessageBox::Discard, m_window);
    box.setObjectName(u"writeBusyBox"_s);
    box.setInformativeText(
        tr("Try again once it is done (an import can take a minute), or give the change up."));
    box.setDetailedText(reason);
    box.button(QMessageBox::Retry)->setText(tr("Try Again"));
    box.button(QMessageBox::Discard)->setText(tr("Give Up the Change"));
    box.setDefaultButton(QMessageBox::Retry);
    if (box.exec() == QMessageBox::Retry)
        return true;
    // The user chose this: the failure that follows is not news to them.
    m_givenUpReason = reason;
    return false;
}

bool WriteContention::isGivenUp(const QString &message)
{
    if (m_givenUpReason.isEmpty() || !message.contains(m_givenUpReason))
        return false;
    m_givenUpReason.clear();
    return true;
}

} // namespace Deltaboard
