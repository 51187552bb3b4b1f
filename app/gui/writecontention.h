#pragma once

#include <QObject>
#include <QString>

class QMainWindow;

namespace Deltaboard {

class Database;

// Another program (the command line, a second window, an import) may hold the database's write
// lock. An edit waits for it, and the window's status bar says so at once: the window cannot
// repaint while it waits, so the message is painted now. When the wait runs out the user
// chooses between waiting again and giving the edit up; it is never dropped silently, and the
// failure of an edit the user gave up is not reported to them again.
class WriteContention : public QObject
{
    Q_OBJECT

public:
    // Installs itself on the connection; uninstalls when destroyed. 'window' shows the messages
    // and parents the question; both must outlive this object.
    WriteContention(Database &db, QMainWindow *window);
    ~WriteContention() override;

    // True when 'message' is the failure of the edit the user just gave up (then forgotten).
    bool isGivenUp(const QString &message);

private:
    bool askToTryAgain(const QString &reason);

    Database &m_db;
    QMainWindow *m_window;
    QString m_givenUpReason;
};

} // namespace Deltaboard
