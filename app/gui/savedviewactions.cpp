#include "savedviewactions.h"

#include "mainwindow.h"

#include "savedviewstore.h"
#include "settingscommands.h"
#include "views/deltalistview.h"

#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QStatusBar>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Deltaboard {

SavedViewActions::SavedViewActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{}

void SavedViewActions::buildMenu(QMenu *viewMenu)
{
    viewMenu->addSeparator();
    m_menu = viewMenu->addMenu(tr("Saved &Views"));
    m_menu->setObjectName(u"savedViewsMenu"_s);
    reload();
}

void SavedViewActions::reload()
{
    if (!m_menu)
        return;
    m_views.clear();
    if (const qint64 organisation = m_window->organisationId()) {
        const auto views = SavedViewStore(m_window->database()).list(organisation);
        if (!views)
            m_window->showError(views.error());
        else
            m_views = *views;
    }
    m_menu->clear();
    QAction *save
        = m_menu->addAction(tr("&Save Current Filter As…"), this, [this] { saveCurrent(); });
    save->setObjectName(u"saveViewAction"_s);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_menu->addSeparator();
    if (m_views.isEmpty()) {
        m_menu->addAction(tr("No saved views for this organisation"))->setEnabled(false);
        return;
    }
    static constexpr Qt::Key digits[] = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5,
                                         Qt::Key_6, Qt::Key_7, Qt::Key_8, Qt::Key_9};
    for (qsizetype i = 0; i < m_views.size(); ++i) {
        const SavedView view = m_views.at(i);
        QAction *action = m_menu->addAction(
            u"%1  (%2)"_s.arg(view.name, view.view == u"board"_s ? tr("board") : tr("deltas")),
            this, [this, view] { apply(view); });
        action->setObjectName(u"savedView:"_s + view.name);
        if (i < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | digits[i]));
    }
    m_removeMenu = m_menu->addMenu(tr("&Remove"));
    for (const SavedView &view : std::as_const(m_views))
        m_removeMenu->addAction(view.name, this, [this, view] { remove(view); });
}

bool SavedViewActions::saveCurrent(const QString &name)
{
    const qint64 organisation = m_window->organisationId();
    const MainWindow::View shown = m_window->currentView();
    if (!organisation || (shown != MainWindow::View::Deltas && shown != MainWindow::View::Board)) {
        m_window->statusBar()->showMessage(
            tr("Saved views keep the Deltas view's or the board's filter: open one of them "
               "first."),
            8000);
        return false;
    }
    QString chosen = name;
    if (chosen.isEmpty()) {
        bool ok = false;
        chosen = QInputDialog::getText(m_window, tr("Save View"),
                                       tr("Name (saving under a name in use replaces it):"),
                                       QLineEdit::Normal, {}, &ok)
                     .simplified();
        if (!ok || chosen.isEmpty())
            return false;
    }
    QJsonObject filter
        = shown == MainWindow::View::Deltas ? m_window->deltaList()->filterState() : QJsonObject{};
    if (!m_window->searchText().isEmpty())
        filter.insert(u"search"_s, m_window->searchText());
    SavedView view;
    view.organisationId = organisation;
    view.name = chosen;
    view.view = shown == MainWindow::View::Deltas ? u"deltas"_s : u"board"_s;
    view.filter = QString::fromUtf8(QJsonDocument(filter).toJson(QJsonDocument::Compact));
    QUndoStack *stack = m_window->undoStack();
    const int before = stack->index();
    stack->push(Settings::saveView(m_window->workspace(), view, [this] { reload(); }));
    return stack->index() > before;
}

void SavedViewActions::apply(const SavedView &view)
{
    const QJsonObject filter = QJsonDocument::fromJson(view.filter.toUtf8()).object();
    if (view.view == u"board"_s) {
        m_window->showView(MainWindow::View::Board);
    } else {
        m_window->showView(MainWindow::View::Deltas);
        m_window->deltaList()->setFilterState(filter);
    }
    m_window->setSearchText(filter.value(u"search"_s).toString());
    m_window->statusBar()->showMessage(tr("View “%1”").arg(view.name), 4000);
}

void SavedViewActions::remove(const SavedView &view)
{
    m_window->undoStack()->push(
        Settings::removeView(m_window->workspace(), view, [this] { reload(); }));
}

} // namespace Deltaboard
