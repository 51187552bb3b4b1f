#include "testdatabase.h"
#include "testmain.h"

#include "deltastore.h"
#include "flowreports.h"
#include "gapmodel.h"
#include "groupstore.h"
#include "history.h"
#include "impactmatrixmodel.h"
#include "integritycheck.h"
#include "migrator.h"
#include "organisationstore.h"
#include "priorityrankingmodel.h"
#include "rankdeltacommand.h"
#include "reports.h"
#include "setprioritycommand.h"
#include "taskstore.h"
#include "triagestore.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

// The models behind the Priorities, Impact and Gap views, and the ranking they edit, on small
// hand-built databases with exact expectations.
class RankingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempDatabase>();
        m_db = m_temp->open();
        QVERIFY(m_db);
        m_a = OrganisationStore(*m_db).create(u"A"_s)->id;
        m_b = OrganisationStore(*m_db).create(u"B"_s)->id;
        for (int i = 1; i <= 8; ++i) {
            Delta delta;
            delta.title = u"Delta %1"_s.arg(i);
            m_d.append(*DeltaStore(*m_db).create(delta));
        }
        m_stack = std::make_unique<QUndoStack>();
        m_workspace = std::make_unique<Workspace>(*m_db, m_stack.get());
    }

    void cleanup()
    {
        m_stack.reset();
        m_workspace.reset();
        m_d.clear();
        m_db.reset();
        m_temp.reset();
    }

    void shouldRankNewPrioritiesAtTheEndOfTheirLevel()
    {
        TriageStore triage(*m_db);
        QVERIFY(triage.setPriority(m_a, m_d[2], 3));
        QVERIFY(triage.setPriority(m_a, m_d[0], 3));
        QVERIFY(triage.setPriority(m_a, m_d[1], 4));
        QVERIFY(triage.setPriority(m_a, m_d[3], 1));
        // critical first; inside high, in the order given (not by id)
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[1], m_d[2], m_d[0], m_d[3]}));
        // A level change sends the delta to the end of its new level.
        QVERIFY(triage.setPriority(m_a, m_d[1], 3));
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[2], m_d[0], m_d[1], m_d[3]}));
        const auto unranked = m_db->scalar(u"SELECT count(*) FROM priorities WHERE rank IS NULL"_s);
        QCOMPARE(unranked->toInt(), 0);
    }

    void shouldPlaceADeltaBeforeAnotherAndWriteHistory()
    {
        TriageStore triage(*m_db);
        for (int i = 0; i < 4; ++i)
            QVERIFY(triage.setPriority(m_a, m_d[i], 3));
        QVERIFY(triage.setPriority(m_a, m_d[4], 2));
        // d3 before d1 within high
        QVERIFY(triage.placeInRanking(m_a, m_d[3], 3, m_d[1]));
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[0], m_d[3], m_d[1], m_d[2], m_d[4]}));
        // d4 (medium) up to the top of high: its level changes with its place
        QVERIFY(triage.placeInRanking(m_a, m_d[4], 3, m_d[0]));
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[4], m_d[0], m_d[3], m_d[1], m_d[2]}));
        QCOMPARE(triage.priorities(m_d[4])->first().level, 3);
        // d0 to the end of high
        QVERIFY(triage.placeInRanking(m_a, m_d[0], 3, std::nullopt));
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[4], m_d[3], m_d[1], m_d[2], m_d[0]}));
        QCOMPARE(*triage.nextInRanking(m_a, m_d[3]), std::optional<qint64>(m_d[1]));
        QCOMPARE(*triage.nextInRanking(m_a, m_d[0]), std::nullopt);

        const auto history = History(*m_db).list(u"delta"_s, m_d[4]);
        QStringList fields;
        for (const HistoryEntry &entry : *history)
            fields.append(entry.field);
        QVERIFY2(fields.contains(u"priority:%1"_s.arg(m_a)), qPrintable(fields.join(u' ')));
        QVERIFY2(fields.contains(u"rank:%1"_s.arg(m_a)), qPrintable(fields.join(u' ')));
        // B's ranking is untouched by A's
        QVERIFY(triage.ranking(m_b)->isEmpty());
    }

    void shouldRefuseToRankAmongAnotherLevel()
    {
        TriageStore triage(*m_db);
        QVERIFY(triage.setPriority(m_a, m_d[0], 3));
        QVERIFY(triage.setPriority(m_a, m_d[1], 1));
        const auto ranking = *triage.ranking(m_a);
        const Status refused = triage.placeInRanking(m_a, m_d[0], 3, m_d[1]);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"low"_s), qPrintable(refused.error()));
        QCOMPARE(*triage.ranking(m_a), ranking);
        QVERIFY(!triage.placeInRanking(m_a, m_d[0], 3, m_d[0]));
    }

    void shouldRenumberWhenTheGapIsUsedUp()
    {
        TriageStore triage(*m_db);
        for (int i = 0; i < 4; ++i)
            QVERIFY(triage.setPriority(m_a, m_d[i], 2));
        // Repeatedly put the last one right after the first: the gap halves each time, until
        // the level has to be renumbered; the order must come out right every time.
        QList<qint64> expected{m_d[0], m_d[1], m_d[2], m_d[3]};
        for (int round = 0; round < 14; ++round) {
            const qint64 last = expected.takeLast();
            QVERIFY(triage.placeInRanking(m_a, last, 2, expected.at(1)));
            expected.insert(1, last);
            QCOMPARE(*triage.ranking(m_a), expected);
        }
    }

    void shouldUndoARankingExactly()
    {
        TriageStore triage(*m_db);
        for (int i = 0; i < 3; ++i)
            QVERIFY(triage.setPriority(m_a, m_d[i], 3));
        QVERIFY(triage.setPriority(m_a, m_d[3], 1));
        const QList<qint64> before = *triage.ranking(m_a);
        // Move the low one to the top of high, then a delta A had no priority on into it.
        m_stack->push(new RankDeltaCommand(m_workspace.get(), m_a, m_d[3], 3, m_d[0]));
        m_stack->push(new RankDeltaCommand(m_workspace.get(), m_a, m_d[5], 3, m_d[1]));
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[3], m_d[0], m_d[5], m_d[1], m_d[2]}));
        m_stack->undo();
        m_stack->undo();
        QCOMPARE(*triage.ranking(m_a), before);
        QCOMPARE(triage.priorities(m_d[3])->first().level, 1);
        QVERIFY(triage.priorities(m_d[5])->isEmpty());
        m_stack->redo();
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[3], m_d[0], m_d[1], m_d[2]}));
    }

    void shouldUndoAPriorityChangeToTheSamePlace()
    {
        TriageStore triage(*m_db);
        for (int i = 0; i < 4; ++i)
            QVERIFY(triage.setPriority(m_a, m_d[i], 3));
        const QList<qint64> before = *triage.ranking(m_a);
        // d1 (second of four) becomes critical, then low: two changes, one step.
        m_stack->push(new SetPriorityCommand(m_workspace.get(), m_a, m_d[1], 3, 4));
        m_stack->push(new SetPriorityCommand(m_workspace.get(), m_a, m_d[1], 4, 1));
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(triage.ranking(m_a)->last(), m_d[1]);
        m_stack->undo();
        QCOMPARE(*triage.ranking(m_a), before); // high again, and second again
        m_stack->redo();
        // Back to where it started in one step: nothing left to undo, and the place is kept.
        m_stack->push(new SetPriorityCommand(m_workspace.get(), m_a, m_d[1], 1, 3));
        QCOMPARE(*triage.ranking(m_a), before);
    }

    void shouldNumberVersionOnePrioritiesWhenUpgrading()
    {
        // GIVEN a version-1 file where some priorities have ranks and others none
        TempDatabase temp;
        {
            const auto v1 = Migrator::fromList({Migrator::builtin().migrations().first()});
            Database::Options options;
            options.migrator = &*v1;
            auto db = Database::open(temp.path(), options);
            QVERIFY(db);
            const qint64 org = OrganisationStore(**db).create(u"Old"_s)->id;
            QList<qint64> ids;
            // In version 1's own columns: today's store writes columns version 1 has not.
            for (int i = 0; i < 4; ++i) {
                QVERIFY((*db)->execOnce(u"INSERT INTO deltas (kind, title, created_at, updated_at) "
                                        u"VALUES ('defect', ?, '2026-01-01', '2026-01-01')"_s,
                                        {u"D%1"_s.arg(i)}));
                ids.append((*db)->scalar(u"SELECT max(id) FROM deltas"_s)->toLongLong());
            }
            // level 3: ids[3] ranked 5, ids[1] ranked 9, ids[0] and ids[2] unranked
            const QString insert = u"INSERT INTO priorities (organisation_id, delta_id, level, "
                                   u"rank, updated_at) VALUES (?, ?, 3, ?, '2026-01-01')"_s;
            QVERIFY((*db)->execOnce(insert, {org, ids[3], 5}));
            QVERIFY((*db)->execOnce(insert, {org, ids[1], 9}));
            QVERIFY((*db)->execOnce(insert, {org, ids[0], QVariant(QMetaType::fromType<int>())}));
            QVERIFY((*db)->execOnce(insert, {org, ids[2], QVariant(QMetaType::fromType<int>())}));
        }
        // WHEN the current Deltaboard opens it
        auto db = Database::open(temp.path());
        QVERIFY2(db, qPrintable(db.error()));
        // THEN the order is kept (ranked first, then by id) and every rank is set
        QCOMPARE(*TriageStore(**db).ranking(1), (QList<qint64>{4, 2, 1, 3}));
        QCOMPARE((*db)->scalar(u"SELECT count(*) FROM priorities WHERE rank IS NULL"_s)->toInt(),
                 0);
    }

    void shouldShowTwoOrganisationsSideBySide()
    {
        TriageStore triage(*m_db);
        QVERIFY(triage.setPriority(m_a, m_d[0], 4)); // B: low -> strong
        QVERIFY(triage.setPriority(m_b, m_d[0], 1));
        QVERIFY(triage.setPriority(m_a, m_d[1], 3)); // B: high -> agree
        QVERIFY(triage.setPriority(m_b, m_d[1], 3));
        QVERIFY(triage.setPriority(m_a, m_d[2], 2)); // B: nothing -> not strong (medium)
        QVERIFY(triage.setPriority(m_a, m_d[3], 0)); // B: critical -> strong
        QVERIFY(triage.setPriority(m_b, m_d[3], 4));
        QVERIFY(triage.setPriority(m_b, m_d[4], 3)); // only B: high -> strong, listed after A's
        QVERIFY(triage.setPriority(m_b, m_d[5], 2)); // only B: medium

        PriorityRankingModel model(m_workspace.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrganisations(m_a, u"A"_s, m_b, u"B"_s);
        QCOMPARE(model.rowCount(), 6);
        const QList<qint64> order{m_d[0], m_d[1], m_d[2], m_d[3], m_d[4], m_d[5]};
        for (int row = 0; row < order.size(); ++row)
            QCOMPARE(model.deltaAt(row), order.at(row));
        QCOMPARE(model.strongCount(), 3);
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        QCOMPARE(cell(0, PriorityRankingModel::FirstColumn).toString(), u"critical"_s);
        QCOMPARE(cell(0, PriorityRankingModel::SecondColumn).toString(), u"low"_s);
        QCOMPARE(cell(0, PriorityRankingModel::RankColumn).toInt(), 1);
        QCOMPARE(cell(4, PriorityRankingModel::RankColumn), QVariant()); // A has not ranked it
        QCOMPARE(cell(0, 0, PriorityRankingModel::StrongRole).toBool(), true);
        QCOMPARE(cell(1, 0, PriorityRankingModel::StrongRole).toBool(), false);
        QCOMPARE(cell(2, 0, PriorityRankingModel::StrongRole).toBool(), false);
        QCOMPARE(cell(3, 0, PriorityRankingModel::StrongRole).toBool(), true);
        QCOMPARE(cell(4, 0, PriorityRankingModel::StrongRole).toBool(), true);
        QCOMPARE(model.headerData(PriorityRankingModel::SecondColumn, Qt::Horizontal).toString(),
                 u"B"_s);

        model.setStrongOnly(true);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.deltaAt(0), m_d[0]);
        QCOMPARE(model.deltaAt(1), m_d[3]);
        QCOMPARE(model.deltaAt(2), m_d[4]);

        // Without a second organisation there is nothing to disagree with.
        model.setOrganisations(m_a, u"A"_s, 0, {});
        QCOMPARE(model.rowCount(), 0);
        model.setStrongOnly(false);
        QCOMPARE(model.rowCount(), 4);
    }

    void shouldReRankAndSetPrioritiesThroughTheModel()
    {
        TriageStore triage(*m_db);
        QVERIFY(triage.setPriority(m_a, m_d[0], 3));
        QVERIFY(triage.setPriority(m_a, m_d[1], 3));
        QVERIFY(triage.setPriority(m_a, m_d[2], 2));
        QVERIFY(triage.setPriority(m_b, m_d[3], 4));
        PriorityRankingModel model(m_workspace.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrganisations(m_a, u"A"_s, m_b, u"B"_s);
        QObject::connect(m_workspace.get(), &Workspace::deltaChanged, &model,
                         &PriorityRankingModel::refreshDelta);

        // Down: d0 goes after d1 (same level).
        QVERIFY(model.moveDown(0));
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[1], m_d[0], m_d[2]}));
        // Down again: into medium, after d2's... d2 is the last medium, so the end of medium.
        QVERIFY(model.moveDown(1));
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[1], m_d[2], m_d[0]}));
        QCOMPARE(model.levelAt(2), std::optional<int>(2));
        // The last ranked row cannot go further down (only B ranks the next one).
        QVERIFY(!model.moveDown(2));
        // Up from the top is refused.
        QVERIFY(!model.moveUp(0));
        // Drag d3 (only B's) onto the first row: A ranks it, high, first.
        QMimeData *data = model.mimeData({model.index(3, 0)});
        QVERIFY(model.canDropMimeData(data, Qt::MoveAction, -1, -1, model.index(0, 0)));
        model.dropMimeData(data, Qt::MoveAction, -1, -1, model.index(0, 0));
        delete data;
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[3], m_d[1], m_d[2], m_d[0]}));
        // Type a level: d0 becomes critical, at the top.
        QVERIFY(model.setData(model.index(3, PriorityRankingModel::FirstColumn), 4));
        QCOMPARE(model.deltaAt(0), m_d[0]);
        QCOMPARE(m_stack->count(), 4);
        // Everything undone: as it was.
        while (m_stack->canUndo())
            m_stack->undo();
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[0], m_d[1], m_d[2]}));
        QCOMPARE(model.rowCount(), 4);
    }

    void shouldTakeTheLevelOfTheRowItIsDroppedOn()
    {
        TriageStore triage(*m_db);
        QVERIFY(triage.setPriority(m_a, m_d[0], 4));
        QVERIFY(triage.setPriority(m_a, m_d[1], 3));
        QVERIFY(triage.setPriority(m_a, m_d[2], 3));
        PriorityRankingModel model(m_workspace.get());
        model.setOrganisations(m_a, u"A"_s, 0, {});
        QObject::connect(m_workspace.get(), &Workspace::deltaChanged, &model,
                         &PriorityRankingModel::refreshDelta);
        // The last critical one dropped on the first high one: same place, now high.
        QVERIFY(model.moveDelta(0, 1));
        QCOMPARE(*triage.ranking(m_a), (QList<qint64>{m_d[0], m_d[1], m_d[2]}));
        QCOMPARE(triage.priorities(m_d[0])->first().level, 3);
        // Within a level, before the next row is where it already is.
        QVERIFY(!model.moveDelta(0, 1));
    }

    void shouldOrderTheImpactMapByGroupSizeAndEditCells()
    {
        GroupStore groups(*m_db);
        const qint64 big = groups.createGroup(u"Big"_s, {}, 1000)->id;
        const qint64 small = groups.createGroup(u"Small"_s, {}, 10)->id;
        const qint64 unsized = groups.createGroup(u"Unsized"_s, {}, std::nullopt)->id;
        TriageStore triage(*m_db);
        // weights: d0 = 1*1000 = 1000; d1 = 4*10 + 4*1 = 44; d2 = 2*1000 + 1*10 = 2010;
        // d3 = 4*1 = 4; d4 critical for Big but declined: not on the map
        QVERIFY(triage.setImpact(m_d[0], big, 1));
        QVERIFY(triage.setImpact(m_d[1], small, 4, 7));
        QVERIFY(triage.setImpact(m_d[1], unsized, 4));
        QVERIFY(triage.setImpact(m_d[2], big, 2, 300));
        QVERIFY(triage.setImpact(m_d[2], small, 1));
        QVERIFY(triage.setImpact(m_d[3], unsized, 4));
        QVERIFY(triage.setImpact(m_d[4], big, 4));
        QVERIFY(DeltaStore(*m_db).setState(m_d[4], DeltaState::Declined));

        ImpactMatrixModel model(m_workspace.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), ImpactMatrixModel::FirstGroupColumn + 3);
        QCOMPARE(
            (QList<qint64>{model.deltaAt(0), model.deltaAt(1), model.deltaAt(2), model.deltaAt(3)}),
            (QList<qint64>{m_d[2], m_d[0], m_d[1], m_d[3]}));
        const int bigColumn = model.columnOfGroup(big);
        const int smallColumn = model.columnOfGroup(small);
        QCOMPARE(model.headerData(bigColumn, Qt::Horizontal).toString(), u"Big"_s);
        QCOMPARE(model.data(model.index(0, bigColumn)).toString(), u"medium"_s);
        QCOMPARE(model.data(model.index(0, bigColumn), ImpactMatrixModel::LevelRole).toInt(), 2);
        QCOMPARE(model.data(model.index(1, smallColumn), ImpactMatrixModel::LevelRole), QVariant());
        QCOMPARE(model.data(model.index(0, ImpactMatrixModel::UsersColumn)).toString(), u"300"_s);

        // Edit: d3 becomes critical for Big (weight 4004): it moves to the top; undo puts it back.
        QObject::connect(m_workspace.get(), &Workspace::deltaChanged, &model,
                         &ImpactMatrixModel::refreshDelta);
        QVERIFY(model.setData(model.index(3, bigColumn), 4));
        QCOMPARE(model.deltaAt(0), m_d[3]);
        QCOMPARE(triage.impacts(m_d[3])->size(), 2);
        // Clearing a cell keeps nothing of the assessment (its users estimate included).
        QVERIFY(model.setData(model.index(model.rowOf(m_d[2]), bigColumn), QVariant()));
        QCOMPARE(triage.impacts(m_d[2])->size(), 1);
        m_stack->undo();
        const auto restored = triage.impacts(m_d[2]);
        QCOMPARE(restored->first().group, u"Big"_s);
        QCOMPARE(restored->first().affectedUsers, std::optional<qint64>(300));
        m_stack->undo();
        QCOMPARE(model.deltaAt(0), m_d[2]);
        QCOMPARE(triage.impacts(m_d[3])->size(), 1);

        // The weights follow a group's size (no store edits sizes yet: a direct write, as an
        // import would do): Small grows to 10,000, so d1 (4 x 10,000 + 4) leads.
        QVERIFY(m_db->execOnce(u"UPDATE user_groups SET size = 10000 WHERE id = ?"_s, {small}));
        model.refresh();
        QCOMPARE(model.deltaAt(0), m_d[1]);
        QVERIFY(IntegrityCheck::healthy(IntegrityCheck(*m_db).run()));
    }

    void shouldPageThroughTheGapInItsOrder()
    {
        const qint64 group = GroupStore(*m_db).createGroup(u"G"_s, {}, 100)->id;
        TriageStore triage(*m_db);
        // 450 deltas in the gap: enough for three pages.
        QList<qint64> ids;
        {
            Database::Transaction transaction(*m_db);
            for (int i = 0; i < 450; ++i) {
                Delta delta;
                delta.title = u"Gap %1"_s.arg(i);
                const qint64 id = *DeltaStore(*m_db).create(delta);
                QVERIFY(triage.setImpact(id, group, 3 + i % 2, i));
                ids.append(id);
            }
            QVERIFY(transaction.commit());
        }
        GapModel model(*m_db);
        model.refresh();
        QCOMPARE(model.rowCount(), GapModel::kPage);
        QVERIFY(model.canFetchMore({}));
        // (The tester fetches more itself, so it comes after the first page is checked.)
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QVERIFY(model.complete());
        QCOMPARE(model.rowCount(), 450);
        QCOMPARE(*Reports(*m_db).gapCount(), 450);
        const auto all = Reports(*m_db).gap();
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.deltaAt(row), all->at(row).deltaId);
        // critical ones first, most affected users first
        QCOMPARE(model.deltaAt(0), ids.at(449));
        QCOMPARE(model.data(model.index(0, GapModel::ImpactColumn)).toString(), u"critical"_s);
        QCOMPARE(model.data(model.index(0, GapModel::PrioritiesColumn)).toString(),
                 u"no organisation has ranked it"_s);
    }

    void shouldSummariseTheFlowAsTheSingleReportsDo()
    {
        const qint64 task = *TaskStore(*m_db).commit(m_a, u"T"_s, {m_d[0]});
        const auto board = OrganisationStore(*m_db).board(m_a);
        QVERIFY(TaskStore(*m_db).move(task, board->columns.at(2).id));
        QVERIFY(TaskStore(*m_db).move(task, board->columns.last().id));
        FlowReports reports(*m_db);
        const auto summary = reports.summary(m_a);
        QVERIFY2(summary, qPrintable(summary.error()));
        QCOMPARE(summary->flow.counts, reports.cumulativeFlow(m_a)->counts);
        QCOMPARE(summary->cycleTime.days, reports.cycleTime(m_a)->days);
        QCOMPARE(summary->timeToCommit.days, reports.timeToCommit(m_a)->days);
        QCOMPARE(summary->throughput.size(), 1);
        QCOMPARE(summary->throughput.first().done, 1);
    }

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<Workspace> m_workspace;
    qint64 m_a = 0;
    qint64 m_b = 0;
    QList<qint64> m_d;
};

DELTABOARD_TEST_MAIN(RankingTest)
#include "rankingtest.moc"
