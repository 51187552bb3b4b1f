#include "testdatabase.h"
#include "testmain.h"

#include "deltastore.h"
#include "deltatablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

class DeltaTableModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_temp.open();
        QVERIFY(m_db);
        Transaction transaction(*m_db);
        for (int i = 0; i < 1000; ++i) {
            Delta delta;
            delta.kind = i % 10 == 0 ? DeltaKind::Spec : DeltaKind::Defect;
            delta.title
                = i % 100 == 0 ? u"Tray icon missing %1"_s.arg(i) : u"Window flickers %1"_s.arg(i);
            QVERIFY(DeltaStore(*m_db).create(delta));
        }
        QVERIFY(transaction.commit());
    }

    void shouldKnowEveryRowButReadOnlyTheWindowsShown()
    {
        DeltaTableModel model(*m_db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1000);
        const int before = model.windowsRead();
        // The last row is readable at once (a scroll bar dragged to the end)...
        QCOMPARE(model.data(model.index(999, DeltaTableModel::TitleColumn)).toString(),
                 u"Window flickers 999"_s);
        QCOMPARE(model.data(model.index(999, 0), DeltaTableModel::DeltaIdRole).toLongLong(), 1000);
        // ...and costs one window, not the rows before it.
        QCOMPARE(model.windowsRead(), before + 1);
        QCOMPARE(model.data(model.index(998, DeltaTableModel::TitleColumn)).toString(),
                 u"Window flickers 998"_s);
        QCOMPARE(model.windowsRead(), before + 1);
        QCOMPARE(model.data(model.index(0, DeltaTableModel::TitleColumn)).toString(),
                 u"Tray icon missing 0"_s);
        QCOMPARE(model.data(model.index(0, DeltaTableModel::KindColumn)).toString(), u"spec"_s);
    }

    void shouldResetOnNewFilter()
    {
        DeltaTableModel model(*m_db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        DeltaFilter filter;
        filter.search = u"tray"_s;
        model.setFilter(filter);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.data(model.index(9, DeltaTableModel::TitleColumn)).toString(),
                 u"Tray icon missing 900"_s);
        filter.search.clear();
        filter.kind = DeltaKind::Spec;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.data(model.index(1, DeltaTableModel::IdColumn)).toLongLong(), 11);
    }

    void shouldShowAnEmptyRowForADeltaDeletedMeanwhile()
    {
        DeltaTableModel model(*m_db);
        QVERIFY(m_db->execOnce(u"DELETE FROM deltas WHERE id = 2"_s));
        QCOMPARE(model.data(model.index(1, DeltaTableModel::TitleColumn)).toString(), QString());
        QCOMPARE(model.data(model.index(2, DeltaTableModel::TitleColumn)).toString(),
                 u"Window flickers 2"_s);
    }

private:
    TempDatabase m_temp;
    std::unique_ptr<Database> m_db;
};

DELTABOARD_TEST_MAIN(DeltaTableModelTest)
#include "deltatablemodeltest.moc"
