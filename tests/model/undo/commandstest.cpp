#include "testdatabase.h"
#include "testmain.h"

#include "boardmodel.h"
#include "deltaeditcommands.h"
#include "deltastore.h"
#include "labelstore.h"
#include "linkdeltacommand.h"
#include "organisationstore.h"
#include "setprioritycommand.h"
#include "setstatecommand.h"
#include "taskstore.h"
#include "triagestore.h"
#include "workspace.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

// Undo commands restore exactly what they changed, and a change the database refuses never
// becomes an undo step.
class CommandsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempDatabase>();
        m_db = m_temp->open();
        QVERIFY(m_db);
        m_clock.set(QDateTime(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC));
        m_db->setClock(&m_clock);
        m_organisation = OrganisationStore(*m_db).create(u"Acme"_s)->id;
        for (const QString &title : {u"One"_s, u"Two"_s, u"Three"_s}) {
            Delta delta;
            delta.title = title;
            m_deltas.append(*DeltaStore(*m_db).create(delta));
        }
        m_stack = std::make_unique<QUndoStack>();
        m_workspace = std::make_unique<Workspace>(*m_db, m_stack.get());
    }

    void cleanup()
    {
        m_stack.reset();
        m_workspace.reset();
        m_deltas.clear();
        m_db.reset();
        m_temp.reset();
    }

    void shouldPutBackTheTimesAMoveChanged()
    {
        const qint64 task = *TaskStore(*m_db).commit(m_organisation, u"T"_s, {m_deltas[0]});
        BoardModel board(*m_db);
        board.setUndoStack(m_stack.get());
        QVERIFY(board.load(m_organisation));
        const qint64 inProgress = board.columns().at(2)->column().id;

        m_clock.advanceSecs(3600);
        board.requestMove(task, {inProgress, std::nullopt});
        const QString started = TaskStore(*m_db).get(task)->startedAt;
        QCOMPARE(started, u"2026-06-01T09:00:00.000Z"_s);

        m_stack->undo();
        QVERIFY(TaskStore(*m_db).get(task)->startedAt.isEmpty()); // never started after all

        m_clock.advanceSecs(3600);
        m_stack->redo();
        QCOMPARE(TaskStore(*m_db).get(task)->startedAt, started); // the same start, not "now"
    }

    void shouldNotMergeARefusedPriorityChange()
    {
        m_stack->push(new SetPriorityCommand(m_workspace.get(), m_organisation, m_deltas[0],
                                             std::nullopt, int(Priority::High)));
        QSignalSpy errors(m_workspace.get(), &Workspace::errorOccurred);
        QVERIFY(m_db->execOnce(u"DELETE FROM deltas WHERE id = ?"_s, {m_deltas[0]}));
        m_stack->push(new SetPriorityCommand(m_workspace.get(), m_organisation, m_deltas[0],
                                             int(Priority::High), int(Priority::Critical)));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_stack->undoText(), u"Set priority of delta 1 to high"_s);
    }

    void shouldDropAPriorityChangeThatEndsWhereItStarted()
    {
        m_stack->push(new SetPriorityCommand(m_workspace.get(), m_organisation, m_deltas[1],
                                             std::nullopt, int(Priority::Low)));
        m_stack->push(new SetPriorityCommand(m_workspace.get(), m_organisation, m_deltas[1],
                                             int(Priority::Low), std::nullopt));
        QCOMPARE(m_stack->count(), 0);
        QVERIFY(TriageStore(*m_db).priorities(m_deltas[1])->isEmpty());
    }

    void shouldNotUndoALinkThatWasAlreadyThere()
    {
        const qint64 task = *TaskStore(*m_db).commit(m_organisation, u"T"_s, {m_deltas[0]});
        QSignalSpy errors(m_workspace.get(), &Workspace::errorOccurred);
        m_stack->push(
            new LinkDeltaCommand(m_workspace.get(), m_organisation, task, m_deltas[0], true));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(m_stack->count(), 0); // nothing to undo, so the original link is safe
        QCOMPARE(TaskStore(*m_db).get(task)->deltaIds, QList<qint64>{m_deltas[0]});
    }

    void shouldChangeSeveralStatesAllOrNothing()
    {
        using Change = SetStateCommand::Change;
        const QList<Change> changes = {
            {m_deltas[0], {DeltaState::New, {}}, {DeltaState::Declined, {}}},
            {4242, {DeltaState::New, {}}, {DeltaState::Declined, {}}}, // no such delta
            {m_deltas[2], {DeltaState::New, {}}, {DeltaState::Declined, {}}},
        };
        m_stack->push(new SetStateCommand(m_workspace.get(), changes));
        QCOMPARE(m_stack->count(), 0);
        for (const qint64 id : {m_deltas[0], m_deltas[2]})
            QCOMPARE(DeltaStore(*m_db).get(id)->state, DeltaState::New);

        m_stack->push(new SetStateCommand(
            m_workspace.get(), {{m_deltas[0], {DeltaState::New, {}}, {DeltaState::Declined, {}}},
                                {m_deltas[2], {DeltaState::New, {}}, {DeltaState::Declined, {}}}}));
        QCOMPARE(DeltaStore(*m_db).get(m_deltas[2])->state, DeltaState::Declined);
        m_stack->undo();
        QCOMPARE(DeltaStore(*m_db).get(m_deltas[0])->state, DeltaState::New);
        QCOMPARE(DeltaStore(*m_db).get(m_deltas[2])->state, DeltaState::New);
    }

    void shouldNotTakeALabelOffOthersWhenUndoingTheStepThatMadeIt()
    {
        LabelStore labels(*m_db);
        // GIVEN a step that labels delta 0 with a new label
        m_stack->push(new LabelCommand(m_workspace.get(), LabelStore::Target::Delta, m_deltas[0], 0,
                                       {u"flaky"_s}, {}, u"One"_s));
        QCOMPARE(labels.labelsOf(LabelStore::Target::Delta, m_deltas[0])->size(), 1);
        // … and someone else puts that label on delta 1 meanwhile
        QVERIFY(labels.attach(LabelStore::Target::Delta, m_deltas[1], {u"flaky"_s}));
        // WHEN the step is undone THEN delta 0 loses it, delta 1 keeps it, the label stays
        m_stack->undo();
        QCOMPARE(labels.labelsOf(LabelStore::Target::Delta, m_deltas[0])->size(), 0);
        QCOMPARE(labels.labelsOf(LabelStore::Target::Delta, m_deltas[1])->size(), 1);
        QVERIFY(labels.find(u"flaky"_s));
        // … and redo puts it back on delta 0 without making it twice
        m_stack->redo();
        QCOMPARE(labels.labelsOf(LabelStore::Target::Delta, m_deltas[0])->size(), 1);
        QCOMPARE(labels.list()->size(), 1);
        // Alone, undo removes the label it made.
        QVERIFY(labels.detach(LabelStore::Target::Delta, m_deltas[1], {u"flaky"_s}));
        m_stack->undo();
        QCOMPARE(labels.list()->size(), 0);
    }

    void shouldNotUndoAStateSomeoneElseChangedSince()
    {
        DeltaStore deltas(*m_db);
        m_stack->push(
            new SetStateCommand(m_workspace.get(), {{m_deltas[0],
                                                     {DeltaState::New, std::nullopt},
                                                     {DeltaState::Confirmed, std::nullopt}}}));
        QCOMPARE(deltas.get(m_deltas[0])->state, DeltaState::Confirmed);
        QVERIFY(deltas.setState(m_deltas[0], DeltaState::Resolved)); // another user
        QSignalSpy errors(m_workspace.get(), &Workspace::errorOccurred);
        m_stack->undo();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(deltas.get(m_deltas[0])->state, DeltaState::Resolved); // theirs stays
    }

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<Workspace> m_workspace;
    ManualClock m_clock;
    qint64 m_organisation = 0;
    QList<qint64> m_deltas;
};

DELTABOARD_TEST_MAIN(CommandsTest)
#include "commandstest.moc"
