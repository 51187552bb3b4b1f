#pragma once

#include "records.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QListWidget;
class QSpinBox;
class QTableWidget;
class QTabWidget;
class QUndoCommand;

namespace Deltaboard {

class Workspace;

// Workspace Settings: organisations, boards and their columns, user groups, components and
// which groups use them. Every change is one undo step on the window's stack (and has a
// deltaboard-cli command); the dialog reads everything again after each, so what it shows is
// what the database holds. A refusal (a duplicate name, a removal something refers to) is
// shown by the window's error bar and changes nothing.
class WorkspaceSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Tab { Organisations, Board, Groups, Components };
    WorkspaceSettingsDialog(Workspace *workspace, qint64 organisationId, QWidget *parent = nullptr);

    void showTab(Tab tab);
    // The organisation whose board the Board tab shows.
    qint64 boardOrganisation() const;
    void setBoardOrganisation(qint64 organisationId);

    // The actions the buttons trigger, for tests and keyboard users alike; each pushes one
    // command (none when the input is empty).
    void addOrganisation(const QString &name, int templateIndex);
    void addColumn(const QString &name);
    void addGroup(const QString &name, std::optional<qint64> size);
    void addComponent(const QString &name);

private:
    void reload();
    void reloadOrganisations();
    void reloadBoard();
    void reloadGroups();
    void reloadComponents();
    void reloadUsers();
    QWidget *buildOrganisationsTab();
    QWidget *buildBoardTab();
    QWidget *buildGroupsTab();
    QWidget *buildComponentsTab();
    void push(QUndoCommand *command);
    std::optional<BoardColumn> selectedColumn() const;
    void removeSelectedColumn();
    void columnEdited(int row, int column);
    void groupEdited(int row, int column);

    Workspace *m_workspace;
    qint64 m_boardOrganisation;
    bool m_reloading = false;
    QTabWidget *m_tabs = nullptr;
    QListWidget *m_organisationList = nullptr;
    QComboBox *m_boardOrganisations = nullptr;
    QTableWidget *m_columns = nullptr;
    QSpinBox *m_archiveAfter = nullptr;
    QTableWidget *m_groups = nullptr;
    QListWidget *m_componentList = nullptr;
    QListWidget *m_users = nullptr;
    Board m_board;
    QList<Organisation> m_organisationRecords;
    QList<UserGroup> m_groupRecords;
    QList<Component> m_componentRecords;
};

} // namespace Deltaboard
