// The app by keyboard alone, as a screen reader user meets it: the board walked card by card and
// column by column with the keys, a view walked with Tab, and at each step what QAccessible
// (what Orca reads through AT-SPI) says of the focused thing: a card's title, column, priority
// and impact; a name for every control Tab reaches; heat-map cells and charts described in words.
// Runs on Xvfb: keyboard focus needs an active window.

#include "testdatabase.h"
#include "testmain.h"

#include "app/gui/mainwindow.h"
#include "app/gui/shortcutsdialog.h"

#include "boardcolumnmodel.h"
#include "boardmodel.h"
#include "demogenerator.h"
#include "views/boardcolumnview.h"
#include "views/boardview.h"
#include "views/flowview.h"
#include "views/impactview.h"

#include <QAccessible>
#include <QApplication>
#include <QChartView>
#include <QListView>
#include <QSettings>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

QString nameOf(QObject *object)
{
    QAccessibleInterface *interface = QAccessible::queryAccessibleInterface(object);
    return interface ? interface->text(QAccessible::Name) : QString();
}

// What a screen reader says of the focused item in an item view: its current cell's name.
QString currentItemName(QAbstractItemView *view)
{
    QAccessibleInterface *interface = QAccessible::queryAccessibleInterface(view);
    if (!interface)
        return {};
    QAccessibleInterface *focused = interface->focusChild();
    return focused ? focused->text(QAccessible::Name) : QString();
}

} // namespace

class AccessibilityTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<MainWindow> m_window;

    void key(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *target
            = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
        QTest::keyClick(target, key, modifiers);
        QApplication::processEvents();
    }

    void settle()
    {
        QApplication::processEvents();
        QDeadlineTimer deadline(30000);
        while (m_window->isReading() && !deadline.hasExpired())
            QApplication::processEvents(QEventLoop::AllEvents, 20);
        QApplication::processEvents();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QAccessible::setActive(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setDefaultFormat(QSettings::NativeFormat);
        m_temp = std::make_unique<TempDatabase>();
        auto db = m_temp->open();
        QVERIFY(db);
        DemoGenerator::Parameters parameters;
        parameters.deltas = 300;
        parameters.tasks = 80;
        parameters.organisations = 3;
        QVERIFY(DemoGenerator(*db).generate(parameters));
        m_window = std::make_unique<MainWindow>(std::move(db));
        m_window->resize(1440, 900);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        settle();
    }

    void cleanupTestCase() { m_window.reset(); }

    void shouldWalkTheBoardByKeyboard()
    {
        key(Qt::Key_1, Qt::ControlModifier); // View › Board
        settle();
        // Tab until a column's cards have the focus.
        QListView *cards = nullptr;
        for (int step = 0; step < 40 && !cards; ++step) {
            key(Qt::Key_Tab);
            auto *list = qobject_cast<QListView *>(QApplication::focusWidget());
            if (list && qobject_cast<BoardColumnView *>(list->parentWidget()))
                cards = list;
        }
        QVERIFY2(cards, "Tab never reached the board's cards");
        auto *column = qobject_cast<BoardColumnView *>(cards->parentWidget());
        const QString columnName = column->model()->column().name;
        QCOMPARE(nameOf(cards), u"Column %1"_s.arg(columnName));
        if (!cards->currentIndex().isValid())
            key(Qt::Key_Down);
        QVERIFY(cards->currentIndex().isValid());
        // The card as read: its title, its column, its priority and impact when it has them.
        const QModelIndex first = cards->currentIndex();
        const QString firstName = currentItemName(cards);
        QVERIFY2(firstName.startsWith(first.data(BoardColumnModel::TitleRole).toString()),
                 qPrintable(firstName));
        QVERIFY2(firstName.contains(u"column %1"_s.arg(columnName)), qPrintable(firstName));
        const QVariant priority = first.data(BoardColumnModel::PriorityRole);
        if (priority.isValid())
            QVERIFY2(firstName.contains(u"priority "_s + Levels::priorityName(priority.toInt())),
                     qPrintable(firstName));
        const QVariant impact = first.data(BoardColumnModel::TopImpactRole);
        if (impact.isValid())
            QVERIFY2(firstName.contains(u"impact "_s + Levels::impactName(impact.toInt())),
                     qPrintable(firstName));
        QAccessibleInterface *focused = QAccessible::queryAccessibleInterface(cards)->focusChild();
        QVERIFY(focused);
        QVERIFY(!focused->text(QAccessible::Description).isEmpty());
        // Down: the next card is read.
        if (cards->model()->rowCount() > 1) {
            key(Qt::Key_Down);
            QCOMPARE(cards->currentIndex().row(), first.row() + 1);
            QVERIFY(currentItemName(cards).startsWith(
                cards->currentIndex().data(BoardColumnModel::TitleRole).toString()));
        }
        // Right: the next column takes the focus, and says which it is.
        key(Qt::Key_Right);
        auto *next = qobject_cast<QListView *>(QApplication::focusWidget());
        QVERIFY(next && next != cards);
        const QString nextColumn
            = qobject_cast<BoardColumnView *>(next->parentWidget())->model()->column().name;
        QCOMPARE(nameOf(next), u"Column %1"_s.arg(nextColumn));
        if (next->model()->rowCount() > 0) {
            QVERIFY(next->currentIndex().isValid());
            QVERIFY(currentItemName(next).contains(u"column %1"_s.arg(nextColumn)));
        }
    }

    void shouldNameEveryControlTabReaches()
    {
        key(Qt::Key_2, Qt::ControlModifier); // View › Deltas
        settle();
        QStringList unnamed;
        QList<QWidget *> visited;
        for (int step = 0; step < 60; ++step) {
            key(Qt::Key_Tab);
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            if (visited.contains(focus))
                continue;
            visited.append(focus);
            if (nameOf(focus).trimmed().isEmpty()) {
                unnamed.append(QString::fromLatin1(focus->metaObject()->className()) + u' '
                               + focus->objectName());
            }
        }
        QVERIFY2(visited.size() >= 5, qPrintable(QString::number(visited.size())));
        QVERIFY2(unnamed.isEmpty(), qPrintable(u"without a name: "_s + unnamed.join(u", "_s)));
    }

    void shouldDescribeHeatMapCellsAndCharts()
    {
        key(Qt::Key_4, Qt::ControlModifier); // View › Impact
        settle();
        QTableView *matrix = m_window->impactView()->table();
        QVERIFY(matrix);
        QAbstractItemModel *model = matrix->model();
        QVERIFY(model->rowCount() > 0);
        // A group's cell is read as the group and the level, not as a colour.
        bool described = false;
        for (int column = 0; column < model->columnCount() && !described; ++column) {
            const QString text = model->index(0, column).data(Qt::AccessibleTextRole).toString();
            const QString header = model->headerData(column, Qt::Horizontal).toString();
            if (!text.isEmpty() && text.startsWith(header + u':'))
                described = true;
        }
        QVERIFY2(described, "no heat-map cell is described by its group and level");

        key(Qt::Key_6, Qt::ControlModifier); // View › Flow
        settle();
        QApplication::processEvents();
        const QList<QChartView *> charts = m_window->flowView()->findChildren<QChartView *>();
        QVERIFY(!charts.isEmpty());
        for (QChartView *chart : charts) {
            QVERIFY2(!nameOf(chart).isEmpty(), "a chart without a name");
            QAccessibleInterface *interface = QAccessible::queryAccessibleInterface(chart);
            QVERIFY2(!interface->text(QAccessible::Description).isEmpty(),
                     qPrintable(nameOf(chart)));
        }
    }

    void shouldListEveryShortcutInHelp()
    {
        ShortcutsDialog *dialog = m_window->openShortcuts();
        QApplication::processEvents();
        QVERIFY(dialog->shownCount() >= 25);
        // The board's own keys are there, and the filter finds one by its keys.
        dialog->setFilter(
            QKeySequence(Qt::CTRL | Qt::Key_Right).toString(QKeySequence::NativeText));
        QCOMPARE(dialog->shownCount(), 1);
        dialog->setFilter(u"Keyboard Shortcuts"_s);
        QCOMPARE(dialog->shownCount(), 1);
        dialog->close();
    }
};

DELTABOARD_GUI_TEST_MAIN(AccessibilityTest)
#include "accessibilitytest.moc"
