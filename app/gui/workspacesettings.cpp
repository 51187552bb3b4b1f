// Over 600 lines: four tabs (organisations, board, user groups, components), each a table or
// list that pushes one undo command per edit; splitting them would scatter one dialog.
#include "workspacesettings.h"

#include "boardstore.h"
#include "groupstore.h"
#include "organisationstore.h"
#include "settingscommands.h"
#include "views/deltatabledelegate.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

enum ColumnField { NameField, WipField, StartsWorkField, DoneField, CardsField };
enum GroupField { GroupNameField, GroupSizeField, GroupComponentsField };

QTableWidgetItem *readOnly(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QTableWidgetItem *checkItem(bool checked)
{
    auto *item = new QTableWidgetItem;
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return item;
}

// A line edit and a button that adds what it holds; Enter adds too.
QWidget *adder(QWidget *parent, const QString &placeholder, const QString &button,
               const QString &name, const std::function<void(const QString &)> &add,
               QWidget *extra = nullptr)
{
    auto *row = new QWidget(parent);
    auto *edit = new QLineEdit(row);
    edit->setObjectName(name + u"Name"_s);
    edit->setPlaceholderText(placeholder);
    auto *push = new QPushButton(button, row);
    push->setObjectName(name + u"Add"_s);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    if (extra)
        layout->addWidget(extra);
    layout->addWidget(push);
    auto go = [edit, add] {
        if (edit->text().trimmed().isEmpty())
            return;
        add(edit->text());
        edit->clear();
    };
    QObject::connect(push, &QPushButton::clicked, row, go);
    QObject::connect(edit, &QLineEdit::returnPressed, row, go);
    return row;
}

} // namespace

WorkspaceSettingsDialog::WorkspaceSettingsDialog(Workspace *workspace, qint64 organisationId,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_boardOrganisation(organisationId)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(u"workspaceSettings"_s);
    setWindowTitle(tr("Workspace Settings"));
    m_tabs->addTab(buildOrganisationsTab(), tr("&Organisations"));
    m_tabs->addTab(buildBoardTab(), tr("&Board"));
    m_tabs->addTab(buildGroupsTab(), tr("&User Groups"));
    m_tabs->addTab(buildComponentsTab(), tr("&Components"));

    auto *hint = new QLabel(tr("Every change is saved at once and can be undone (Ctrl+Z)."), this);
    hint->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *undo = m_workspace->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    addAction(undo);
    auto *redo = m_workspace->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    addAction(redo);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(hint, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    resize(760, 520);

    connect(m_workspace, &Workspace::settingsChanged, this, &WorkspaceSettingsDialog::reload);
    connect(m_workspace, &Workspace::tasksChanged, this, &WorkspaceSettingsDialog::reloadBoard);
    reload();
}

void WorkspaceSettingsDialog::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

qint64 WorkspaceSettingsDialog::boardOrganisation() const
{
    return m_boardOrganisation;
}

void WorkspaceSettingsDialog::setBoardOrganisation(qint64 organisationId)
{
    m_boardOrganisation = organisationId;
    reloadOrganisations();
    reloadBoard();
}

void WorkspaceSettingsDialog::push(QUndoCommand *command)
{
    m_workspace->undoStack()->push(command);
}

void WorkspaceSettingsDialog::reload()
{
    reloadOrganisations();
    reloadBoard();
    reloadGroups();
    reloadComponents();
}

// Organisations -------------------------------------------------------------------------------

QWidget *WorkspaceSettingsDialog::buildOrganisationsTab()
{
    auto *tab = new QWidget(this);
    m_organisationList = new QListWidget(tab);
    m_organisationList->setObjectName(u"organisationList"_s);
    auto *templates = new QComboBox(tab);
    templates->setObjectName(u"organisationTemplate"_s);
    templates->addItem(tr("Kanban board"), int(BoardTemplate::Kanban));
    templates->addItem(tr("Simple board"), int(BoardTemplate::Simple));
    auto *add = adder(
        tab, tr("New organisation's name"), tr("Add"), u"organisation"_s,
        [this, templates](const QString &name) {
            addOrganisation(name, templates->currentIndex());
        },
        templates);
    auto *rename = new QPushButton(tr("Rename…"), tab);
    rename->setObjectName(u"organisationRename"_s);
    auto *remove = new QPushButton(tr("Remove"), tab);
    remove->setObjectName(u"organisationRemove"_s);
    connect(rename, &QPushButton::clicked, this, [this] {
        const int row = m_organisationList->currentRow();
        if (row < 0 || row >= m_organisationRecords.size())
            return;
        const Organisation organisation = m_organisationRecords.at(row);
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename Organisation"), tr("Name:"),
                                                   QLineEdit::Normal, organisation.name, &ok);
        if (ok && !name.trimmed().isEmpty())
            push(Settings::renameOrganisation(m_workspace, organisation, name));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_organisationList->currentRow();
        if (row >= 0 && row < m_organisationRecords.size())
            push(Settings::removeOrganisation(m_workspace, m_organisationRecords.at(row)));
    });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(rename);
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(new QLabel(tr("Each organisation has its own board and its own "
                                    "priorities. One that owns tasks or has set priorities "
                                    "cannot be removed."),
                                 tab));
    layout->addWidget(m_organisationList, 1);
    layout->addLayout(buttons);
    layout->addWidget(add);
    return tab;
}

void WorkspaceSettingsDialog::addOrganisation(const QString &name, int templateIndex)
{
    if (name.trimmed().isEmpty())
        return;
    const auto board = templateIndex == 1 ? BoardTemplate::Simple : BoardTemplate::Kanban;
    push(Settings::addOrganisation(m_workspace, name, board));
}

void WorkspaceSettingsDialog::reloadOrganisations()
{
    const auto organisations = OrganisationStore(m_workspace->database()).list();
    if (!organisations) {
        m_workspace->reportError(organisations.error());
        return;
    }
    m_organisationRecords = *organisations;
    const int row = m_organisationList->currentRow();
    m_organisationList->clear();
    for (const Organisation &organisation : m_organisationRecords)
        m_organisationList->addItem(organisation.name);
    m_organisationList->setCurrentRow(std::min(row, int(m_organisationRecords.size()) - 1));

    const QSignalBlocker blocker(m_boardOrganisations);
    m_boardOrganisations->clear();
    for (const Organisation &organisation : m_organisationRecords)
        m_boardOrganisations->addItem(organisation.name, organisation.id);
    // The organisation shown may have gone (removed, or its creation undone).
    int index = m_boardOrganisations->findData(m_boardOrganisation);
    if (index < 0) {
        index = m_boardOrganisations->count() > 0 ? 0 : -1;
        m_boardOrganisation = index == 0 ? m_boardOrganisations->itemData(0).toLongLong() : 0;
    }
    m_boardOrganisations->setCurrentIndex(index);
}

// Board ---------------------------------------------------------------------------------------

QWidget *WorkspaceSettingsDialog::buildBoardTab()
{
    auto *tab = new QWidget(this);
    m_boardOrganisations = new QComboBox(tab);
    m_boardOrganisations->setObjectName(u"boardOrganisation"_s);
    connect(m_boardOrganisations, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_boardOrganisation = m_boardOrganisations->itemData(index).toLongLong();
        reloadBoard();
    });
    m_columns = new QTableWidget(0, 5, tab);
    m_columns->setObjectName(u"columnTable"_s);
    m_columns->setHorizontalHeaderLabels(
        {tr("Column"), tr("WIP limit"), tr("Starts work"), tr("Done"), tr("Cards")});
    m_columns->horizontalHeader()->setSectionResizeMode(NameField, QHeaderView::Stretch);
    m_columns->verticalHeader()->hide();
    DeltaTableDelegate::keepHeadersVisible(m_columns);
    m_columns->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_columns->setSelectionMode(QAbstractItemView::SingleSelection);
    m_columns->setToolTip(tr("Double-click a name or a WIP limit to change it; an empty WIP "
                             "limit means none. Entering a column that starts work starts a "
                             "card's cycle time; entering a done column finishes it."));
    connect(m_columns, &QTableWidget::cellChanged, this, &WorkspaceSettingsDialog::columnEdited);

    auto *left = new QPushButton(tr("Move Left"), tab);
    left->setObjectName(u"columnLeft"_s);
    auto *right = new QPushButton(tr("Move Right"), tab);
    right->setObjectName(u"columnRight"_s);
    auto *remove = new QPushButton(tr("Remove…"), tab);
    remove->setObjectName(u"columnRemove"_s);
    for (const auto &[button, step] : {std::pair{left, -1}, std::pair{right, 1}}) {
        connect(button, &QPushButton::clicked, this, [this, step] {
            const auto column = selectedColumn();
            if (!column)
                return;
            const int to = column->position + step;
            if (to < 0 || to >= m_board.columns.size())
                return;
            push(Settings::moveColumn(m_workspace, *column, to));
            m_columns->selectRow(to);
        });
    }
    connect(remove, &QPushButton::clicked, this, &WorkspaceSettingsDialog::removeSelectedColumn);

    m_archiveAfter = new QSpinBox(tab);
    m_archiveAfter->setObjectName(u"archiveAfter"_s);
    m_archiveAfter->setRange(0, 3650);
    m_archiveAfter->setSuffix(tr(" days"));
    m_archiveAfter->setSpecialValueText(tr("never"));
    m_archiveAfter->setKeyboardTracking(false);
    connect(m_archiveAfter, &QSpinBox::valueChanged, this, [this](int days) {
        if (!m_reloading && m_board.id > 0 && days != m_board.archiveAfterDays)
            push(Settings::setArchiveAfter(m_workspace, m_board, days));
    });

    auto *top = new QFormLayout;
    top->addRow(tr("Board of:"), m_boardOrganisations);
    top->addRow(tr("Done cards leave the board after:"), m_archiveAfter);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(left);
    buttons->addWidget(right);
    buttons->addStretch(1);
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(top);
    layout->addWidget(m_columns, 1);
    layout->addLayout(buttons);
    layout->addWidget(adder(tab, tr("New column's name (it goes before the done column)"),
                            tr("Add Column"), u"column"_s,
                            [this](const QString &name) { addColumn(name); }));
    return tab;
}

void WorkspaceSettingsDialog::addColumn(const QString &name)
{
    if (m_board.id > 0 && !name.trimmed().isEmpty())
        push(Settings::addColumn(m_workspace, m_board.id, {name, std::nullopt, false, false}));
}

void WorkspaceSettingsDialog::reloadBoard()
{
    if (m_boardOrganisation <= 0) {
        m_board = {};
        m_columns->setRowCount(0);
        return;
    }
    BoardStore store(m_workspace->database());
    const auto board = store.board(m_boardOrganisation);
    const auto counts = store.cardCounts(m_boardOrganisation);
    if (!board || !counts) {
        m_workspace->reportError(board ? counts.error() : board.error());
        return;
    }
    m_board = *board;
    m_reloading = true;
    const int row = m_columns->currentRow();
    m_columns->setRowCount(int(m_board.columns.size()));
    for (int i = 0; i < m_board.columns.size(); ++i) {
        const BoardColumn &column = m_board.columns.at(i);
        m_columns->setItem(i, NameField, new QTableWidgetItem(column.name));
        m_columns->setItem(
            i, WipField,
            new QTableWidgetItem(column.wipLimit ? QString::number(*column.wipLimit) : QString()));
        m_columns->setItem(i, StartsWorkField, checkItem(column.startsWork));
        m_columns->setItem(i, DoneField, checkItem(column.isDone));
        m_columns->setItem(i, CardsField, readOnly(QString::number(counts->value(column.id))));
    }
    if (row >= 0 && row < m_columns->rowCount())
        m_columns->selectRow(row);
    m_archiveAfter->setValue(m_board.archiveAfterDays);
    m_reloading = false;
}

std::optional<BoardColumn> WorkspaceSettingsDialog::selectedColumn() const
{
    const int row = m_columns->currentRow();
    if (row < 0 || row >= m_board.columns.size())
        return std::nullopt;
    return m_board.columns.at(row);
}

void WorkspaceSettingsDialog::columnEdited(int row, int field)
{
    if (m_reloading || row < 0 || row >= m_board.columns.size())
        return;
    const BoardColumn column = m_board.columns.at(row);
    QTableWidgetItem *item = m_columns->item(row, field);
    switch (field) {
    case NameField:
        if (item->text().trimmed() != column.name && !item->text().trimmed().isEmpty())
            push(Settings::renameColumn(m_workspace, column, item->text()));
        else
            reloadBoard();
        break;
    case WipField: {
        const QString text = item->text().trimmed();
        bool ok = text.isEmpty();
        const int limit = text.toInt(&ok);
        if (text.isEmpty()) {
            push(Settings::setColumn(m_workspace, column, std::nullopt, column.startsWork,
                                     column.isDone));
        } else if (ok && limit >= 1) {
            push(Settings::setColumn(m_workspace, column, limit, column.startsWork, column.isDone));
        } else {
            m_workspace->reportError(
                tr("A WIP limit is a whole number of at least 1, or empty for none."));
            reloadBoard();
        }
        break;
    }
    case StartsWorkField:
    case DoneField: {
        const bool startsWork = m_columns->item(row, StartsWorkField)->checkState() == Qt::Checked;
        const bool isDone = m_columns->item(row, DoneField)->checkState() == Qt::Checked;
        if (startsWork != column.startsWork || isDone != column.isDone)
            push(Settings::setColumn(m_workspace, column, column.wipLimit, startsWork, isDone));
        break;
    }
    default: break;
    }
}

void WorkspaceSettingsDialog::removeSelectedColumn()
{
    const auto column = selectedColumn();
    if (!column)
        return;
    const int row = m_columns->currentRow();
    const qint64 cards = m_columns->item(row, CardsField)->text().toLongLong();
    std::optional<qint64> destination;
    if (cards > 0) {
        QStringList others;
        QList<qint64> ids;
        for (const BoardColumn &other : std::as_const(m_board.columns)) {
            if (other.id != column->id) {
                others.append(other.name);
                ids.append(other.id);
            }
        }
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
            this, tr("Remove Column"),
            tr("Column %1 holds %n card(s). Where do they go?", nullptr, int(cards))
                .arg(column->name),
            others, 0, false, &ok);
        if (!ok)
            return;
        destination = ids.value(others.indexOf(chosen));
    }
    push(Settings::removeColumn(m_workspace, *column, destination));
}

// User groups ---------------------------------------------------------------------------------

QWidget *WorkspaceSettingsDialog::buildGroupsTab()
{
    auto *tab = new QWidget(this);
    m_groups = new QTableWidget(0, 3, tab);
    m_groups->setObjectName(u"groupTable"_s);
    m_groups->setHorizontalHeaderLabels({tr("User group"), tr("Users"), tr("Components used")});
    m_groups->horizontalHeader()->setSectionResizeMode(GroupComponentsField, QHeaderView::Stretch);
    m_groups->horizontalHeader()->resizeSection(GroupNameField, 220);
    m_groups->verticalHeader()->hide();
    m_groups->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_groups->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_groups, &QTableWidget::cellChanged, this, &WorkspaceSettingsDialog::groupEdited);
    auto *size = new QSpinBox(tab);
    size->setObjectName(u"groupSize"_s);
    size->setRange(0, 1000000000);
    size->setSpecialValueText(tr("size unknown"));
    size->setSuffix(tr(" users"));
    auto *remove = new QPushButton(tr("Remove"), tab);
    remove->setObjectName(u"groupRemove"_s);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_groups->currentRow();
        if (row >= 0 && row < m_groupRecords.size())
            push(Settings::removeGroup(m_workspace, m_groupRecords.at(row)));
    });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(new QLabel(tr("Who is hurt by a delta. A group's size weighs the impact "
                                    "on it; a group no impact is assessed for can be removed."),
                                 tab));
    layout->addWidget(m_groups, 1);
    layout->addLayout(buttons);
    layout->addWidget(adder(
        tab, tr("New user group's name"), tr("Add Group"), u"group"_s,
        [this, size](const QString &name) {
            addGroup(name, size->value() > 0 ? std::optional<qint64>(size->value()) : std::nullopt);
        },
        size));
    return tab;
}

void WorkspaceSettingsDialog::addGroup(const QString &name, std::optional<qint64> size)
{
    if (!name.trimmed().isEmpty())
        push(Settings::addGroup(m_workspace, name, size));
}

void WorkspaceSettingsDialog::reloadGroups()
{
    GroupStore store(m_workspace->database());
    const auto groups = store.groups();
    if (!groups) {
        m_workspace->reportError(groups.error());
        return;
    }
    m_groupRecords = *groups;
    m_reloading = true;
    m_groups->setRowCount(int(m_groupRecords.size()));
    for (int i = 0; i < m_groupRecords.size(); ++i) {
        const UserGroup &group = m_groupRecords.at(i);
        QStringList used;
        if (const auto components = store.componentsUsedBy(group.id)) {
            for (const Component &component : *components)
                used.append(component.name);
        }
        m_groups->setItem(i, GroupNameField, new QTableWidgetItem(group.name));
        m_groups->setItem(
            i, GroupSizeField,
            new QTableWidgetItem(group.size ? QString::number(*group.size) : QString()));
        m_groups->setItem(i, GroupComponentsField, readOnly(used.join(u", "_s)));
    }
    m_reloading = false;
    reloadUsers();
}

void WorkspaceSettingsDialog::groupEdited(int row, int field)
{
    if (m_reloading || row < 0 || row >= m_groupRecords.size())
        return;
    const UserGroup before = m_groupRecords.at(row);
    UserGroup after = before;
    const QString text = m_groups->item(row, field)->text().trimmed();
    if (field == GroupNameField) {
        after.name = text;
    } else if (field == GroupSizeField) {
        bool ok = text.isEmpty();
        const qint64 users = text.toLongLong(&ok);
        if (!text.isEmpty() && (!ok || users < 0)) {
            m_workspace->reportError(tr("A group's size is a number of users, or empty."));
            reloadGroups();
            return;
        }
        after.size = text.isEmpty() ? std::nullopt : std::optional<qint64>(users);
    }
    if (after.name.isEmpty() || (after.name == before.name && after.size == before.size)) {
        reloadGroups();
        return;
    }
    push(Settings::updateGroup(m_workspace, before, after));
}

// Components ----------------------------------------------------------------------------------

QWidget *WorkspaceSettingsDialog::buildComponentsTab()
{
    auto *tab = new QWidget(this);
    m_componentList = new QListWidget(tab);
    m_componentList->setObjectName(u"componentList"_s);
    m_users = new QListWidget(tab);
    m_users->setObjectName(u"componentUsers"_s);
    connect(m_componentList, &QListWidget::currentRowChanged, this,
            &WorkspaceSettingsDialog::reloadUsers);
    connect(m_users, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int component = m_componentList->currentRow();
        const int group = m_users->row(item);
        if (m_reloading || component < 0 || group < 0 || group >= m_groupRecords.size())
            return;
        push(Settings::setComponentUsed(m_workspace, m_groupRecords.at(group),
                                        m_componentRecords.at(component),
                                        item->checkState() == Qt::Checked));
    });
    auto *remove = new QPushButton(tr("Remove"), tab);
    remove->setObjectName(u"componentRemove"_s);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_componentList->currentRow();
        if (row >= 0 && row < m_componentRecords.size())
            push(Settings::removeComponent(m_workspace, m_componentRecords.at(row)));
    });
    auto *lists = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Components (parts of the code):"), tab));
    left->addWidget(m_componentList, 1);
    left->addWidget(remove, 0, Qt::AlignLeft);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("User groups that use it:"), tab));
    right->addWidget(m_users, 1);
    lists->addLayout(left, 1);
    lists->addLayout(right, 1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(lists, 1);
    layout->addWidget(adder(tab, tr("New component's name"), tr("Add Component"), u"component"_s,
                            [this](const QString &name) { addComponent(name); }));
    return tab;
}

void WorkspaceSettingsDialog::addComponent(const QString &name)
{
    if (!name.trimmed().isEmpty())
        push(Settings::addComponent(m_workspace, name));
}

void WorkspaceSettingsDialog::reloadComponents()
{
    const auto components = GroupStore(m_workspace->database()).components();
    if (!components) {
        m_workspace->reportError(components.error());
        return;
    }
    m_componentRecords = *components;
    const int row = m_componentList->currentRow();
    {
        const QSignalBlocker blocker(m_componentList);
        m_componentList->clear();
        for (const Component &component : m_componentRecords)
            m_componentList->addItem(component.name);
        m_componentList->setCurrentRow(std::clamp(row, m_componentRecords.isEmpty() ? -1 : 0,
                                                  int(m_componentRecords.size()) - 1));
    }
    reloadUsers();
}

void WorkspaceSettingsDialog::reloadUsers()
{
    const int row = m_componentList->currentRow();
    m_reloading = true;
    m_users->clear();
    if (row >= 0 && row < m_componentRecords.size()) {
        QSet<qint64> users;
        if (const auto groups
            = GroupStore(m_workspace->database()).groupsUsing(m_componentRecords.at(row).id)) {
            for (const UserGroup &group : *groups)
                users.insert(group.id);
        }
        for (const UserGroup &group : std::as_const(m_groupRecords)) {
            auto *item = new QListWidgetItem(group.name, m_users);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(users.contains(group.id) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_reloading = false;
}

} // namespace Deltaboard
