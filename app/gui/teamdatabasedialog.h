#pragma once

#include "connectionprobe.h"

#include <QDialog>
#include <QList>
#include <QPair>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace Deltaboard {

// File › Connect to Team Database…: a PostgreSQL server and database, as fields (host, port,
// database, user) or as a pasted libpq URL, the two kept in step. Passwords are never asked for
// nor stored: libpq finds them in ~/.pgpass, PGPASSWORD or a PGSERVICE entry, and a URL with one
// is refused (Location). Test Connection tries the URL on a worker (ConnectionProbe) and shows
// one line: connected, with the schema version, or why not. Connect tests first when the URL
// has not been tested, and asks the window to open the database only when it can be opened; an
// empty database is offered the Deltaboard schema (the button says so) instead of a dead end.
class TeamDatabaseDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TeamDatabaseDialog(QWidget *parent = nullptr);

    // The password-free URL the fields make; empty while they make none (no URL, or one that
    // is refused: statusText() says why).
    QString url() const { return m_location; }
    // Fills the URL field, and from it the other fields, as if it were pasted.
    void setUrl(const QString &url);
    // The app's recent databases, newest first: the dialog lists the URLs among them.
    void setRecent(const QStringList &locations);
    void testConnection();
    bool isTesting() const { return m_probe->isRunning(); }
    // The one line under the form: a test's outcome, or what is wrong with the URL.
    QString statusText() const;

Q_SIGNALS:
    // The user chose to connect to this URL (checked: it connects, and it holds a Deltaboard
    // schema this app can open, or nothing yet).
    void connectRequested(const QString &url);

private:
    void fieldsEdited();
    void urlEdited();
    // A new URL from either side: a tested outcome no longer applies to it.
    void locationChanged(const QString &text);
    void connectClicked();
    void probeFinished(const ConnectionProbe::Outcome &outcome);
    void showStatus(const QString &text, bool error);
    void updateButtons();

    ConnectionProbe *m_probe;
    QListWidget *m_recent;
    QLabel *m_noRecent;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_url;
    QProgressBar *m_busy;
    QLabel *m_status;
    QPushButton *m_test;
    QPushButton *m_connect;

    QString m_location; // the canonical URL (Location::url()), empty when there is none
    // Parameters of the pasted URL that have no field of their own (sslmode, service…): kept
    // when a field is edited.
    QList<QPair<QString, QString>> m_extra;
    ConnectionProbe::Outcome m_tested; // the last outcome, for m_tested.url
    bool m_connectAfterTest = false;
    bool m_syncing = false; // while one side fills the other
};

} // namespace Deltaboard
