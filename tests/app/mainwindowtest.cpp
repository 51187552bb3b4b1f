#include "testdatabase.h"
#include "testmain.h"

#include "app/gui/mainwindow.h"

#include "model/demogenerator.h"
#include "views/deltalistview.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldShowDeltasAndSearchAsYouType()
    {
        // GIVEN a demo workspace open in the main window
        TempDatabase temp;
        auto db = temp.open();
        QVERIFY(db);
        DemoGenerator::Parameters parameters;
        parameters.deltas = 600;
        parameters.tasks = 50;
        QVERIFY(DemoGenerator(*db).generate(parameters));
        MainWindow window(std::move(db));
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *table = window.findChild<QTableView *>(u"deltaTable"_s);
        auto *search = window.findChild<QLineEdit *>(u"deltaSearch"_s);
        auto *counts = window.findChild<QLabel *>(u"statusCounts"_s);
        QVERIFY(table && search && counts);
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(table->isVisible());
        QCOMPARE(counts->text(), u"600 deltas"_s);
        QVERIFY(table->model()->rowCount() > 0);

        // WHEN the user presses Ctrl+F and types a word
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, u"crash"_s);

        // THEN the table narrows to the matches, and the status bar says how many
        QTRY_VERIFY(counts->text().contains(u" of 600 deltas"_s));
        const int matching = counts->text().section(u' ', 0, 0).toInt();
        QVERIFY(matching > 0 && matching < 600);
        QTRY_COMPARE(table->model()->rowCount(), matching);
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            QCOMPARE(table->model()->index(row, 1).data().toString(), u"crash"_s);
        }

        // WHEN the search matches nothing THEN a hint says so instead of an empty table
        search->setText(u"qwertyuiop"_s);
        auto *empty = window.findChild<QLabel *>(u"deltaEmptyState"_s);
        QVERIFY(empty);
        QTRY_VERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(u"qwertyuiop"_s));
        QVERIFY(!table->isVisible());
    }

    void shouldGuideTheUserOnAnEmptyDatabase()
    {
        TempDatabase temp;
        auto db = temp.open();
        QVERIFY(db);
        MainWindow window(std::move(db));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *empty = window.findChild<QLabel *>(u"deltaEmptyState"_s);
        QVERIFY(empty && empty->isVisible());
        QVERIFY(empty->text().contains(u"deltaboard-cli demo"_s));
        QCOMPARE(window.findChild<QLabel *>(u"statusCounts"_s)->text(), u"0 deltas"_s);
    }
};

DELTABOARD_GUI_TEST_MAIN(MainWindowTest)
#include "mainwindowtest.moc"
