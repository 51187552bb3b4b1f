#pragma once

#include "boardstore.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Deltaboard {

class Workspace;

// What an empty database opens on: a short form that sets up a real workspace (the first
// organisation, its board from a template, optional user groups and components) as one undo
// step, or the demo workspace, or an import. Every part can be skipped and done later in
// Workspace Settings.
class WelcomePanel : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePanel(Workspace *workspace, QWidget *parent = nullptr);

    // "AMD GPU users, 1200" per line: a name and an optional size. The error names the line.
    struct GroupLine
    {
        QString name;
        std::optional<qint64> size;
    };
    static Result<QList<GroupLine>> parseGroups(const QString &text);

    // Resets the form for another empty database.
    void clear();

Q_SIGNALS:
    // The workspace was set up; the organisation's board can be shown.
    void workspaceCreated(qint64 organisationId);
    void demoRequested();
    void importRequested();
    void skipped();

private:
    void create();

    Workspace *m_workspace;
    QLineEdit *m_organisation;
    QComboBox *m_template;
    QPlainTextEdit *m_groups;
    QLineEdit *m_components;
    QLabel *m_error;
};

} // namespace Deltaboard
