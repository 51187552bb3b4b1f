#pragma once

#include "levels.h"

#include <QList>
#include <QObject>

namespace Deltaboard {

class MainWindow;

// What the Delta menu does to the selected deltas of the current view, each an undo step:
// commit the organisation to them, record a new delta, set their state, mark one a duplicate
// of another, and record a crash as the same as a defect. Dialogs and messages go through the
// window.
class DeltaActions : public QObject
{
    Q_OBJECT

public:
    explicit DeltaActions(MainWindow *window);

    // Returns the new task's id, or 0 when nothing was committed.
    qint64 commitSelected();
    // Returns the new delta's id, or 0. With 'show', the Deltas view shows it selected.
    qint64 newDelta(bool show = true);
    void setSelectedState(DeltaState state);
    void markDuplicate();
    void markSameAsDefect(qint64 crashDeltaId);

private:
    MainWindow *m_window;
};

} // namespace Deltaboard
