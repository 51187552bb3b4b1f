#pragma once

#include <QCoreApplication>
#include <QListView>
#include <QMouseEvent>
#include <QTest>
#include <QTimer>
#include <QWindow>

namespace DeltaboardTest {

// Drags with real mouse events: press on the card, move past the drag distance (the view starts
// a QDrag, which runs its own event loop), then move over the target and release there. Needs a
// real X server (Xvfb): Qt's offscreen platform has no drag and drop.
inline void dragCard(QListView *source, const QModelIndex &card, QListView *target, QPoint dropAt)
{
    const QPoint start = source->visualRect(card).center();
    QTest::mousePress(source->viewport(), Qt::LeftButton, {}, start);
    QTimer::singleShot(100, target, [target, dropAt] {
        QWindow *window = target->window()->windowHandle();
        const QPoint inWindow = target->viewport()->mapTo(target->window(), dropAt);
        QTest::mouseMove(window, inWindow - QPoint(0, 4));
        QTest::mouseMove(window, inWindow);
        QTest::mouseRelease(window, Qt::LeftButton, {}, inWindow);
    });
    // With the button held, a first move puts the view in its dragging state and a second one
    // past the drag distance starts the drag; QDrag::exec() returns after the release above.
    for (const QPoint offset : {QPoint(0, 2), QPoint(0, 40)}) {
        QMouseEvent move(QEvent::MouseMove, start + offset,
                         source->viewport()->mapToGlobal(start + offset), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(source->viewport(), &move);
    }
}

} // namespace DeltaboardTest
