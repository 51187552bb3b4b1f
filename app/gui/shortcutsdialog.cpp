#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// "&New Delta…" → "New Delta".
QString plain(QString text)
{
    text.remove(u'&');
    if (text.endsWith(u'…'))
        text.chop(1);
    return text.trimmed();
}

// The menu an action is in, as the menu bar names it ("Board › Swimlanes"); empty for actions
// that belong to a view rather than a menu.
QString menuPath(const QAction *action)
{
    for (QObject *object : action->associatedObjects()) {
        auto *menu = qobject_cast<QMenu *>(object);
        if (!menu)
            continue;
        QStringList path{plain(menu->title())};
        for (QObject *up = menu->parent(); up; up = up->parent()) {
            if (auto *outer = qobject_cast<QMenu *>(up)) {
                if (outer->actions().contains(menu->menuAction()))
                    path.prepend(plain(outer->title()));
                menu = outer;
            }
        }
        return path.join(u" › "_s);
    }
    return {};
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Every action with keys. Tab moves between the parts of a view; "
                                "on the board, the arrow keys move between cards and columns."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_filter->setObjectName(u"shortcutFilter"_s);
    m_filter->setPlaceholderText(tr("Find an action or a key…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Find an action or a key"));
    layout->addWidget(m_filter);
    m_tree->setObjectName(u"shortcutList"_s);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Keys")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAccessibleName(tr("Keyboard shortcuts"));
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    fill(window);
    resize(560, 620);
}

void ShortcutsDialog::fill(QWidget *window)
{
    // Group → (action → keys), each group and action once, in name order.
    QMap<QString, QMap<QString, QString>> groups;
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty() || action->text().isEmpty() || action->isSeparator())
            continue;
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys.append(sequence.toString(QKeySequence::NativeText));
        keys.removeDuplicates();
        QString group = menuPath(action);
        if (group.isEmpty()) {
            // An action of a view (the board's keys): named by the view's widget.
            const auto *owner = qobject_cast<const QWidget *>(action->parent());
            group = owner && !owner->accessibleName().isEmpty() ? owner->accessibleName()
                                                                : tr("Board");
        }
        groups[group].insert(plain(action->text()), keys.join(u", "_s));
    }
    for (auto group = groups.cbegin(); group != groups.cend(); ++group) {
        auto *heading = new QTreeWidgetItem(m_tree, {group.key()});
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        heading->setFirstColumnSpanned(true);
        heading->setFlags(Qt::ItemIsEnabled);
        for (auto action = group->cbegin(); action != group->cend(); ++action) {
            auto *item = new QTreeWidgetItem(m_tree, {action.key(), action.value()});
            item->setData(0, Qt::UserRole, group.key());
            item->setData(0, Qt::AccessibleTextRole,
                          tr("%1: %2").arg(action.key(), action.value()));
        }
    }
}

void ShortcutsDialog::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    QTreeWidgetItem *heading = nullptr;
    bool headingHasRows = false;
    auto closeHeading = [&] {
        if (heading)
            heading->setHidden(!headingHasRows);
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (!item->data(0, Qt::UserRole).isValid()) {
            closeHeading();
            heading = item;
            headingHasRows = false;
            continue;
        }
        const bool match
            = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive)
              || item->text(1).contains(text, Qt::CaseInsensitive)
              || item->data(0, Qt::UserRole).toString().contains(text, Qt::CaseInsensitive);
        item->setHidden(!match);
        headingHasRows = headingHasRows || match;
    }
    closeHeading();
}

int ShortcutsDialog::shownCount() const
{
    int shown = 0;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, Qt::UserRole).isValid() && !item->isHidden())
            ++shown;
    }
    return shown;
}

void ShortcutsDialog::setFilter(const QString &text)
{
    m_filter->setText(text);
}

} // namespace Deltaboard
